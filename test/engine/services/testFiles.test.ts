// The editor services in conversation tests (tests/*.json): completion of the names and values each
// step and fact takes, hover, go to definition and references, and rename of an intent, a journey
// or a node reaching the tests that name it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChanges, completionsAt, hoverAt, occurrencesOf, prepareRename, renameEdits, RenameError, symbolAt } from '../../../server/src/engine';
import { guideProject } from '../simulation/simulationFixture';

const T = 'tests/handoff.json';
const tests = {
  tests: [
    {
      name: 'exit',
      steps: [
        { startJourney: 'live-agent', node: 'raise' },
        { ticket: 'agentConnected' },
        { expect: { journey: 'live-agent', node: 'banner', banner: 'shown', with: 'agent' } },
        { click: 'Exit' },
        { say: 'talk to bot' },
        { event: 'ym_closed_promotion' },
        { expect: { intent: 'talk_to_bot', journey: 'return-to-bot', node: 'back', eventSent: 'ui-event-close-promotion', ticket: 'closed' } },
        { expect: { node: 'hello' } },
      ],
    },
  ],
};

function fixture() {
  return guideProject({ [T]: tests });
}

/** The completions inside the n-th occurrence of `snippet` (one character into it) of the test file. */
function completionsIn(f: ReturnType<typeof fixture>, snippet: string, occurrence = 1) {
  return completionsAt(f.project, f.file(T), f.offsetOf(T, snippet, occurrence) + 1);
}

describe('editor services in test files', () => {
  it('completes each input and fact with the names and values it takes', () => {
    const f = fixture();
    const labels = (snippet: string, occurrence = 1) => completionsIn(f, snippet, occurrence).map((c) => c.label);
    assert.deepEqual(labels('"live-agent"'), ['live-agent', 'return-to-bot']);
    assert.deepEqual(labels('"raise"'), ['hello', 'raise', 'banner', 'busy', 'ended', 'sorry']);
    assert.deepEqual(labels('"agentConnected"'), ['agentConnected', 'agentsUnavailable', 'ticketClosed', 'error']);
    assert.deepEqual(labels('"banner"'), ['hello', 'raise', 'banner', 'busy', 'ended', 'sorry']);
    assert.deepEqual(labels('"shown"'), ['none', 'shown', 'hidden']);
    assert.deepEqual(labels('"agent"'), ['bot', 'agent']);
    assert.deepEqual(labels('"Exit"'), ['Exit']);
    assert.deepEqual(labels('"talk to bot"'), ['talk to an agent', 'talk to bot']);
    assert.ok(labels('"ym_closed_promotion"').includes('ticket-closed'));
    assert.deepEqual(labels('"talk_to_bot"'), ['talk_to_agent', 'talk_to_bot']);
    // A node with the journey named beside it: that journey's nodes; with none, every journey's.
    assert.deepEqual(labels('"back"'), ['close-banner', 'close-ticket', 'back']);
    assert.equal(labels('"hello"').length, 9);
    assert.deepEqual(labels('"closed"'), ['none', 'raised', 'agentConnected', 'closed']);
    const item = completionsIn(f, '"Exit"')[0];
    assert.deepEqual(item.replace, { offset: f.offsetOf(T, '"Exit"'), length: '"Exit"'.length });
    assert.equal(item.insertText, '"Exit"');
    assert.equal(item.documentation, 'Node `banner` of journey `live-agent`: sends "talk to bot".');
    // Nothing at a property's name, or in a test's name.
    assert.deepEqual(completionsAt(f.project, f.file(T), f.offsetOf(T, '"exit"') + 1), []);
    assert.deepEqual(completionsAt(f.project, f.file(T), f.offsetOf(T, '"startJourney"') + 1), []);
  });

  it('hovers over the names a test uses, and over a click’s option', () => {
    const f = fixture();
    const hover = (snippet: string, occurrence = 1) => hoverAt(f.project, f.file(T), f.offsetOf(T, snippet, occurrence) + 1)?.markdown;
    assert.match(hover('"talk_to_bot"') ?? '', /^\*\*intent\*\* `talk_to_bot`\n\nUtterances:\n- talk to bot\n\nStarts: `return-to-bot`/);
    assert.match(hover('"return-to-bot"') ?? '', /^\*\*journey\*\* `return-to-bot` \(journeys\/return-to-bot\.json\)/);
    assert.equal(hover('"raise"'), '**node** `raise`: raiseTicket node, raiseTicket');
    assert.equal(hover('"back"'), '**node** `back`: message node, says something');
    assert.equal(hover('"hello"'), '**node** `hello`: message node, says something');
    assert.match(hover('"ym_closed_promotion"') ?? '', /^\*\*event\*\* `ym_closed_promotion`/);
    assert.match(hover('"talk to bot"') ?? '', /^\*\*phrase\*\* `talk to bot`\n\ntrains intent `talk_to_bot`, which starts `return-to-bot`/);
    assert.equal(
      hover('"Exit"'),
      '**option** `Exit` of the banners of\n- node `banner` of journey `live-agent` (journeys/live-agent.json): sends "talk to bot"',
    );
  });

  it('goes from a name in a test to its definition, and finds the tests among the references', () => {
    const f = fixture();
    const at = (rel: string, snippet: string, occurrence = 1) => f.offsetOf(rel, snippet, occurrence) + 1;
    const definitions = (snippet: string, occurrence = 1) => {
      const symbol = symbolAt(f.file(T), at(T, snippet, occurrence), f.project)!;
      return occurrencesOf(f.project, symbol)
        .filter((o) => o.isDefinition)
        .map((o) => `${o.file.path.slice(f.project.root.length + 1)}:${o.file.text.slice(o.offset, o.offset + o.length)}`);
    };
    assert.deepEqual(definitions('"talk_to_bot"'), ['intents/talk_to_bot.json:"talk_to_bot"']);
    assert.deepEqual(definitions('"return-to-bot"'), ['journeys/return-to-bot.json:"return-to-bot"']);
    assert.deepEqual(definitions('"raise"'), ['journeys/live-agent.json:"raise"']);
    assert.deepEqual(definitions('"talk to bot"'), ['intents/talk_to_bot.json:"talk to bot"']);
    // From the journey, the references of node `raise` reach the test that names it with its journey.
    const raise = symbolAt(f.file('journeys/live-agent.json'), at('journeys/live-agent.json', '"id": "raise"') + 7, f.project)!;
    assert.deepEqual(
      occurrencesOf(f.project, raise).map((o) => o.file.path.slice(f.project.root.length + 1)),
      ['journeys/live-agent.json', 'journeys/live-agent.json', 'tests/handoff.json'],
    );
  });

  it('renaming an intent, a journey or a node renames it in the tests too', () => {
    const f = fixture();
    const rename = (rel: string, snippet: string, newName: string) => {
      for (const change of renameEdits(f.project, f.file(rel), f.offsetOf(rel, snippet) + 1, newName)) {
        if (change.kind !== 'edit') continue;
        const rel2 = change.file.slice(f.project.root.length + 1);
        f.set(rel2, applyChanges(f.text(rel2), change.changes));
      }
    };
    rename('intents/talk_to_bot.json', '"talk_to_bot"', 'back_to_bot');
    rename('journeys/live-agent.json', '"live-agent"', 'agent-chat');
    rename('journeys/live-agent.json', '"raise"', 'raise-ticket');
    // From the test itself: the exit journey's node `back`.
    rename(T, '"back"', 'welcome-back');
    const steps = JSON.parse(f.text(T)).tests[0].steps;
    assert.deepEqual(steps[0], { startJourney: 'agent-chat', node: 'raise-ticket' });
    assert.deepEqual(steps[2].expect, { journey: 'agent-chat', node: 'banner', banner: 'shown', with: 'agent' });
    assert.equal(steps[6].expect.intent, 'back_to_bot');
    assert.equal(steps[6].expect.node, 'welcome-back');
    assert.equal(JSON.parse(f.text('journeys/return-to-bot.json')).nodes[2].id, 'welcome-back');
    assert.equal(JSON.parse(f.text('journeys/return-to-bot.json')).trigger.intent, 'back_to_bot');
    assert.deepEqual(f.findings(T), []);
  });

  it('refuses to rename a node of a test whose journey is not known', () => {
    // Two journeys have a node `hello`, and the test names neither.
    const other = { name: 'other', trigger: { intent: 'talk_to_bot' }, start: 'hello', nodes: [{ id: 'hello', type: 'message', text: 'x' }] };
    const f = guideProject({ [T]: { tests: [{ name: 't', steps: [{ say: 'hi' }, { expect: { node: 'hello' } }] }] }, 'journeys/other.json': other });
    const offset = f.offsetOf(T, '"hello"') + 1;
    assert.equal(prepareRename(f.file(T), offset, f.project), undefined);
    assert.throws(() => renameEdits(f.project, f.file(T), offset, 'hi'), {
      name: 'Error',
      message: 'the journey of node `hello` is not known: name it beside the node (`journey` in the same `expect`) to rename the node',
    });
    assert.equal(
      hoverAt(f.project, f.file(T), offset)?.markdown,
      '**node** `hello`: journeys `live-agent` (journeys/live-agent.json), `other` (journeys/other.json) have a node with this id; name the journey beside it (`journey`) to say which',
    );
    assert.ok(RenameError);
  });
});
