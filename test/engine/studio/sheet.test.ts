// The Studio build sheet: the guide's order, Studio's terms, data exactly as the data field takes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProject, studioData, studioSheet, studioUtterances } from '../../../server/src/engine';
import { ProjectFixture, validBot } from '../support/projectFixture';

const banner = { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] };
const handoff = {
  name: 'live-agent',
  trigger: { intent: 'talk_to_agent' },
  start: 'raise',
  nodes: [
    { id: 'raise', type: 'raiseTicket', group: 'support', next: { agentConnected: 'banner', error: 'sorry' } },
    { id: 'banner', type: 'sendEvent', event: 'ui-event-update-promotion', data: banner },
    { id: 'sorry', type: 'message', text: 'No agent' },
  ],
};
const exit = {
  name: 'return-to-bot',
  trigger: { intent: 'talk_to_bot' },
  start: 'close',
  nodes: [
    { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'ticket' },
    { id: 'ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}' },
  ],
};

describe('studio sheet', () => {
  const bot = {
    ...validBot,
    events: [
      { name: 'ui-event-update-promotion', enabled: true, description: 'Shows the banner' },
      { name: 'ui-event-close-promotion', enabled: false },
    ],
    ticketClose: { target: 'api', url: 'https://x.example/close', apiKeySecret: 'KEY' },
  };
  const fixture = new ProjectFixture({
    'bot.json': bot,
    // Named so that file order would put the exit journey first: the guide's order must win.
    'journeys/a-exit.json': exit,
    'journeys/b-handoff.json': handoff,
    'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent', 'agent, "now"'] },
    'intents/broken.json': '{ "name": ',
  });
  const sheet = studioSheet(fixture.project);

  it('puts the sections in the guide order: events, the handoff journey, the exit journey, intents', () => {
    const at = (s: string) => {
      const i = sheet.indexOf(s);
      assert.ok(i >= 0, `${s} in\n${sheet}`);
      return i;
    };
    const order = [
      '## 1. Custom events',
      '### Journey `live-agent`',
      '### Journey `return-to-bot`',
      '## 3. Intents',
      '### Intent `talk_to_agent`',
      '### Intent `talk_to_bot`',
      '## Not included',
    ];
    const positions = order.map(at);
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
  });

  it('lists the events with descriptions and says which must be activated', () => {
    assert.ok(sheet.includes('- `ui-event-update-promotion`: Shows the banner\n'));
    assert.match(sheet, /- `ui-event-close-promotion` \(bot\.json has it \*\*disabled\*\*: activate it/);
  });

  it("describes the nodes in Studio's terms, with the data exactly as JSON.stringify(value, null, 2)", () => {
    assert.ok(sheet.includes('**Send Event** `banner`\n   - Event name: `ui-event-update-promotion`\n   - Event type: Custom\n'));
    const block = `\n${JSON.stringify(banner, null, 2)
      .split('\n')
      .map((l) => `     ${l}`)
      .join('\n')}\n`;
    assert.ok(sheet.includes(block), sheet);
    assert.ok(
      sheet.includes(
        '**Raise Ticket** `raise`\n   - Agent group: `support`\n   - Store the ticket id in the variable `ticketId`\n   - Outcomes:\n     - agentConnected → `banner`\n     - error → `sorry`',
      ),
    );
    assert.ok(sheet.includes('   - Data: leave empty\n   - Then: `ticket`'));
    assert.ok(
      sheet.includes(
        '**Close ticket** `ticket`\n   - Ticket: `{{{variables.ticketId}}}`\n   - Closed through your ticket close API at `https://x.example/close`, with the API key from the secret `KEY`',
      ),
    );
  });

  it('gives each intent its utterances one a line, and names the files it could not read', () => {
    assert.ok(sheet.includes('### Intent `talk_to_agent`\n\n```text\ntalk to an agent\nagent, "now"\n```'));
    assert.ok(
      sheet.endsWith(
        '## Not included\n\nThese files are not valid JSON or could not be read; fix them and build the sheet again:\n\n- intents/broken.json\n',
      ),
    );
  });

  it('the pieces the code lens copies', () => {
    assert.equal(studioData(banner), JSON.stringify(banner, null, 2));
    assert.equal(studioData(undefined), undefined);
    assert.equal(studioUtterances(['a', 'b, c']), 'a\nb, c');
  });

  it('a project with nothing in it still gets a sheet', () => {
    const empty = new ProjectFixture({ 'bot.json': '{' });
    const text = studioSheet(empty.project);
    assert.match(text, /_bot\.json declares no custom events\._/);
    assert.match(text, /### Intent `talk_to_bot`/);
  });
});

describe('studio sheet with the checks findings (issue 25)', () => {
  it('without errors asks to paste as is; with errors warns at its top and marks the node, the journey and the intent concerned', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
      'journeys/live-agent.json': handoff,
      'journeys/return-to-bot.json': { ...exit, nodes: [{ ...exit.nodes[0], event: 'ui-event-close-promotoin' }, exit.nodes[1]] },
    });
    const clean = studioSheet(fixture.project, { findings: [] });
    assert.match(clean, /Paste the data blocks exactly as they are\./);
    const findings = checkProject(fixture.project);
    const sheet = studioSheet(fixture.project, { findings });
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.some((f) => f.code === 'unknown-event'));
    assert.match(
      sheet,
      new RegExp(`^> \\*\\*⚠ Not ready to build\\.\\*\\* \`handoff-kit check\` finds ${errors.length} errors? in this project\\.`, 'm'),
    );
    assert.doesNotMatch(sheet, /Paste the data blocks exactly as they are/);
    assert.match(sheet, /^> - `journeys\/return-to-bot\.json:\d+:\d+` unknown-event: unknown event \\`ui-event-close-promotoin\\`/m);
    assert.match(
      sheet,
      /1\. \*\*Send Event\*\* `close`\n {3}- Event name: `ui-event-close-promotoin`\n {3}- Event type: Custom\n {3}- Data: leave empty\n {3}- Then: `ticket`\n {3}- ⚠ \*\*unknown-event\*\*: unknown event `ui-event-close-promotoin`/,
    );
    // Warnings are not marked: the sheet warns of what would build a broken bot.
    assert.doesNotMatch(sheet, /banner-outlives-ticket/);
  });
});
