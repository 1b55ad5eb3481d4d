// Ranking: the exit intent first where a banner's exit phrase is chosen, and the exit journey
// never offered as the journey that raises the ticket (issue 10, section 4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt, disconnectionContext } from '../../../server/src/engine';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

/** `talk to an agent` sorts before `talk to bot` alphabetically; the exit intent must still come first. */
function project() {
  return new ProjectFixture({
    'intents/agent.json': { name: 'agent', utterances: ['talk to an agent', 'agent please'] },
    'intents/faq.json': { name: 'faq', utterances: ['a question'] },
    'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot'] },
    'journeys/live-agent.json': {
      name: 'live-agent',
      trigger: { intent: 'agent' },
      start: 'raise',
      nodes: [
        { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show' } },
        {
          id: 'show',
          type: 'sendEvent',
          event: 'ui-event-close-promotion',
          data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
        },
      ],
    },
    'journeys/return-to-bot.json': journeyWith(
      [
        { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'ticket' },
        { id: 'ticket', type: 'closeTicket' },
      ],
      { name: 'return-to-bot' },
    ),
  });
}

describe('ranking: completion of a banner option text puts the exit intent first', () => {
  it("sorts the exit intent's utterances before those of other journeys, then the rest", () => {
    const f = project();
    const items = completionsAt(f.project, f.file('journeys/live-agent.json'), f.offsetOf('journeys/live-agent.json', '"talk to bot"') + 1);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    assert.deepEqual(sorted, ['talk to bot', 'agent please', 'talk to an agent', 'a question']);
    assert.equal(items.find((i) => i.label === 'talk to bot')?.sortText, '0-talk to bot');
  });

  it("offers the exit intent's utterance first in the banner snippets' choice", () => {
    const f = project().set(
      'journeys/live-agent.json',
      journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: {} }], {
        name: 'live-agent',
        trigger: { intent: 'agent' },
      }),
    );
    const [snippet] = completionsAt(f.project, f.file('journeys/live-agent.json'), f.offsetOf('journeys/live-agent.json', '{}') + 1);
    assert.match(snippet.insertText, /\$\{\d+\|talk to bot,talk to an agent,agent please,a question\|\}/);
  });
});

describe("ranking: the scaffold's ticket-journey question never offers the exit journey", () => {
  it('lists every journey but the one the exit intent starts', () => {
    const context = disconnectionContext(project().project);
    assert.deepEqual(context.exitJourneys, ['return-to-bot']);
    assert.deepEqual(
      context.journeys.map((j) => j.name),
      ['live-agent'],
    );
  });
});
