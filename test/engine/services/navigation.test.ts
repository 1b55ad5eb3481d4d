import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  applyChanges,
  completionsAt,
  hoverAt,
  occurrencesOf,
  outlineOf,
  prepareRename,
  renameEdits,
  RenameError,
  symbolAt,
} from '../../../server/src/engine';
import { ProjectFixture, ROOT, validBot } from '../support/projectFixture';

const live = {
  name: 'live-agent',
  trigger: { intent: 'agent' },
  start: 'raise',
  nodes: [
    { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show', error: 'show' } },
    { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] } },
  ],
};
const back = {
  name: 'return-to-bot',
  trigger: { intent: 'talk_to_bot' },
  start: 'close',
  nodes: [
    { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'ticket' },
    { id: 'ticket', type: 'closeTicket', next: 'again' },
    { id: 'again', type: 'jumpToJourney', journey: 'live-agent' },
  ],
};

function fixture() {
  return new ProjectFixture({
    'bot.json': { ...validBot, events: [...validBot.events, { name: 'order-shipped', enabled: false }] },
    'intents/agent.json': { name: 'agent', utterances: ['talk to an agent'] },
    'journeys/live.json': live,
    'journeys/back.json': back,
  });
}

describe('completion', () => {
  it('offers events, declared first, with what they do', () => {
    const f = fixture();
    const offset = f.offsetOf('journeys/back.json', '"ui-event-close-promotion"') + 3;
    const items = completionsAt(f.project, f.file('journeys/back.json'), offset);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('ui-event-update-promotion') && labels.includes('ticket-closed') && labels.includes('order-shipped'));
    const close = items.find((i) => i.label === 'ui-event-close-promotion')!;
    assert.equal(close.insertText, '"ui-event-close-promotion"');
    assert.deepEqual(close.replace, {
      offset: f.offsetOf('journeys/back.json', '"ui-event-close-promotion"'),
      length: '"ui-event-close-promotion"'.length,
    });
    assert.match(close.documentation ?? '', /Closes the callout banner/);
    assert.equal(items.find((i) => i.label === 'order-shipped')?.detail, 'custom event (disabled in bot.json)');
  });

  it('offers intents, node ids, journeys and utterances where each belongs', () => {
    const f = fixture();
    const at = (snippet: string, occurrence = 1) =>
      completionsAt(f.project, f.file('journeys/back.json'), f.offsetOf('journeys/back.json', snippet, occurrence) + 1).map((i) => i.label);
    assert.deepEqual(at('"talk_to_bot"').sort(), ['agent', 'talk_to_bot']);
    assert.deepEqual(at('"ticket"', 1), ['close', 'ticket', 'again']);
    assert.deepEqual(at('"live-agent"').sort(), ['live-agent', 'return-to-bot']);
    const options = completionsAt(f.project, f.file('journeys/live.json'), f.offsetOf('journeys/live.json', '"talk to bot"') + 1);
    assert.deepEqual(options.map((i) => i.label).sort(), ['talk to an agent', 'talk to bot']);
    assert.equal(options.find((i) => i.label === 'talk to bot')?.detail, 'utterance of intent talk_to_bot');
  });

  it('offers nothing at property names or in other files', () => {
    const f = fixture();
    assert.deepEqual(completionsAt(f.project, f.file('journeys/back.json'), f.offsetOf('journeys/back.json', '"start"') + 1), []);
    assert.deepEqual(completionsAt(f.project, f.file('intents/agent.json'), 5), []);
  });
});

describe('hover', () => {
  it('tells what an event is and whether it is enabled', () => {
    const f = fixture();
    const hover = hoverAt(f.project, f.file('journeys/back.json'), f.offsetOf('journeys/back.json', 'ui-event-close-promotion'));
    assert.match(hover!.markdown, /^\*\*event\*\* `ui-event-close-promotion`\n\nCloses the callout banner/);
    assert.match(hover!.markdown, /Declared and enabled in bot\.json\./);
  });

  it("lists an intent's utterances and the journeys it starts", () => {
    const f = fixture();
    const hover = hoverAt(f.project, f.file('journeys/back.json'), f.offsetOf('journeys/back.json', 'talk_to_bot'));
    assert.equal(hover!.markdown, '**intent** `talk_to_bot`\n\nUtterances:\n- talk to bot\n\nStarts: `return-to-bot` (journeys/back.json)');
  });

  it('draws a banner and says which intent each button starts, and what the checks find on the way', () => {
    const f = fixture();
    const hover = hoverAt(f.project, f.file('journeys/live.json'), f.offsetOf('journeys/live.json', '"Exit?"'));
    // The fixture's exit journey jumps back to the journey that raises the ticket (issue 25).
    assert.equal(
      hover!.markdown,
      '**banner** (ui-event-close-promotion)\n\n> Exit?\n\n- `[ Exit ]` sends "talk to bot": starts intent `talk_to_bot`, but **not back to the bot**: ⚠ exit-raises-ticket: the exit phrase `talk to bot` starts journey `return-to-bot` (intent `talk_to_bot`), which jumps to `live-agent`, where node `raise` raises a new live-agent ticket: the customer who leaves is handed to an agent again',
    );
  });
});

describe('definition and references', () => {
  it('goes from a trigger to the intent, and from a banner text to the utterance', () => {
    const f = fixture();
    const trigger = symbolAt(f.file('journeys/back.json'), f.offsetOf('journeys/back.json', 'talk_to_bot'))!;
    const [definition] = occurrencesOf(f.project, trigger).filter((o) => o.isDefinition);
    assert.equal(path.relative(ROOT, definition.file.path), path.join('intents', 'talk_to_bot.json'));
    const phrase = symbolAt(f.file('journeys/live.json'), f.offsetOf('journeys/live.json', 'talk to bot'))!;
    assert.equal(phrase.kind, 'phrase');
    const places = occurrencesOf(f.project, phrase).map((o) => [path.relative(ROOT, o.file.path), o.isDefinition]);
    assert.deepEqual(places, [
      [path.join('intents', 'talk_to_bot.json'), true],
      [path.join('journeys', 'live.json'), false],
    ]);
  });

  it('finds every reference to a node id within its journey only', () => {
    const f = fixture();
    const node = symbolAt(f.file('journeys/live.json'), f.offsetOf('journeys/live.json', '"show"'))!;
    assert.equal(occurrencesOf(f.project, node).length, 3); // two outcomes and the id
  });
});

describe('rename', () => {
  it('renames an intent in its file and in every trigger', () => {
    const f = fixture();
    const file = f.file('intents/agent.json');
    const changes = renameEdits(f.project, file, f.offsetOf('intents/agent.json', '"agent"') + 1, 'talk_to_agent');
    assert.deepEqual(changes.map((c) => path.relative(ROOT, c.file)).sort(), [
      path.join('intents', 'agent.json'),
      path.join('journeys', 'live.json'),
    ]);
    for (const change of changes) {
      if (change.kind !== 'edit') continue;
      const rel = path.relative(ROOT, change.file);
      f.set(rel, applyChanges(f.text(rel), change.changes));
    }
    assert.equal(JSON.parse(f.text('journeys/live.json')).trigger.intent, 'talk_to_agent');
    assert.deepEqual(f.findings('journeys/live.json', 'unknown-intent'), []);
  });

  it('renames a node id with its start and next references', () => {
    const f = fixture();
    const offset = f.offsetOf('journeys/back.json', '"ticket"', 2) + 1;
    assert.equal(prepareRename(f.file('journeys/back.json'), offset)?.node.value, 'ticket');
    const [change] = renameEdits(f.project, f.file('journeys/back.json'), offset, 'close-ticket');
    assert.equal(change.kind === 'edit' && change.changes.length, 2);
  });

  it('refuses a name with spaces, and things that cannot be renamed', () => {
    const f = fixture();
    assert.throws(
      () => renameEdits(f.project, f.file('intents/agent.json'), f.offsetOf('intents/agent.json', '"agent"') + 1, 'talk to agent'),
      RenameError,
    );
    assert.equal(prepareRename(f.file('journeys/back.json'), f.offsetOf('journeys/back.json', 'ui-event-close-promotion')), undefined);
  });
});

describe('outline', () => {
  it("lists a journey's nodes under its name", () => {
    const f = fixture();
    const [journey] = outlineOf(f.file('journeys/back.json'));
    assert.equal(journey.name, 'return-to-bot');
    assert.deepEqual(
      journey.children.map((c) => [c.name, c.detail]),
      [
        ['close', 'sendEvent ui-event-close-promotion'],
        ['ticket', 'closeTicket'],
        ['again', 'jumpToJourney'],
      ],
    );
  });
});
