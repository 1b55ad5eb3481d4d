import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyChanges, intentsToTrain, quickFixes, type ProjectEdit } from '../../../server/src/engine';
import { closingStepsFixes } from '../../../server/src/engine/check/fixes';
import { closingStepsRefusal } from '../../../server/src/engine/guide/pieces';
import { journeyWith, ProjectFixture, ROOT, validBot } from '../support/projectFixture';

/** Applies a fix to the fixture, as an editor would, and returns the fixture. */
function apply(fixture: ProjectFixture, fix: ProjectEdit): ProjectFixture {
  for (const change of fix.changes) {
    const rel = path.relative(ROOT, change.file);
    if (change.kind === 'create') fixture.set(rel, change.text);
    else fixture.set(rel, applyChanges(fixture.text(rel), change.changes));
  }
  return fixture;
}

function fixesFor(fixture: ProjectFixture, rel: string, code: string): ProjectEdit[] {
  const [finding] = fixture.findings(rel, code);
  assert.ok(finding, `expected a ${code} finding in ${rel}`);
  return quickFixes(fixture.project, fixture.file(rel), finding);
}

const banner = (data: unknown) =>
  journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data }], { name: 'live', trigger: { intent: 'agent' } });
const agent = { name: 'agent', utterances: ['talk to an agent'] };

describe('quick fixes', () => {
  it('option-text-mismatch: changes an option text to the near utterance', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to the bot'] },
      'intents/agent.json': agent,
      'journeys/live.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }),
    });
    const [change, ...adds] = fixesFor(fixture, 'journeys/live.json', 'option-text-mismatch');
    assert.equal(change.title, 'Change to `talk to the bot` (intent `talk_to_bot`)');
    assert.equal(change.preferred, true);
    // Never the intent of the journey that shows the banner: Exit would show the banner again.
    assert.deepEqual(
      adds.map((f) => f.title),
      ['Add `talk to bot` as an utterance of intent `talk_to_bot`'],
    );
    apply(fixture, change);
    assert.match(fixture.text('journeys/live.json'), /"text": "talk to the bot"/);
    assert.deepEqual(fixture.findings('journeys/live.json', 'option-text-mismatch'), []);
  });

  it('option-text-mismatch: changes the quoted phrase inside a typed banner title', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to the bot'] },
      'journeys/live.json': banner({ title: "Please type 'talk to bot'", options: [] }),
    });
    apply(fixture, fixesFor(fixture, 'journeys/live.json', 'option-text-mismatch')[0]);
    assert.match(fixture.text('journeys/live.json'), /"title": "Please type 'talk to the bot'"/);
    assert.deepEqual(fixture.findings('journeys/live.json', 'option-text-mismatch'), []);
  });

  it('option-text-mismatch: adds the phrase as an utterance of the intent picked', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to the bot'] },
      'journeys/live.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }),
    });
    const add = fixesFor(fixture, 'journeys/live.json', 'option-text-mismatch').find((f) => f.title.startsWith('Add'))!;
    assert.deepEqual(
      add.changes.map((c) => path.relative(ROOT, c.file)),
      [path.join('intents', 'talk_to_bot.json')],
    );
    apply(fixture, add);
    assert.deepEqual(JSON.parse(fixture.text('intents/talk_to_bot.json')).utterances, ['talk to the bot', 'talk to bot']);
    assert.deepEqual(fixture.findings('journeys/live.json', 'option-text-mismatch'), []);
  });

  it('event-not-declared: declares and enables the event in bot.json, keeping its formatting', () => {
    const fixture = new ProjectFixture({
      'bot.json': { name: 'b', events: [{ name: 'ui-event-update-promotion', enabled: true }] },
      'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion' }]),
    });
    const [fix] = fixesFor(fixture, 'journeys/j.json', 'event-not-declared');
    assert.equal(fix.title, 'Declare and enable event `ui-event-close-promotion` in bot.json');
    apply(fixture, fix);
    const bot = JSON.parse(fixture.text('bot.json'));
    assert.deepEqual(bot.events[1].name, 'ui-event-close-promotion');
    assert.equal(bot.events[1].enabled, true);
    assert.match(fixture.text('bot.json'), /\n {4}\{\n {6}"name": "ui-event-close-promotion"/);
    assert.deepEqual(fixture.findings('journeys/j.json', 'event-not-declared'), []);
  });

  it('event-disabled: enables the event', () => {
    const fixture = new ProjectFixture({
      'bot.json': {
        ...validBot,
        events: [
          { name: 'ui-event-close-promotion', enabled: false },
          { name: 'ui-event-update-promotion', enabled: true },
        ],
      },
      'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion' }]),
    });
    apply(fixture, fixesFor(fixture, 'journeys/j.json', 'event-disabled')[0]);
    assert.equal(JSON.parse(fixture.text('bot.json')).events[0].enabled, true);
    assert.deepEqual(fixture.findings('journeys/j.json'), []);
  });

  it('unknown-event with no near name: declares it as a custom event', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event: 'order-shipped' }]) });
    const [fix] = fixesFor(fixture, 'journeys/j.json', 'unknown-event');
    assert.equal(fix.title, 'Declare and enable event `order-shipped` in bot.json');
    apply(fixture, fix);
    assert.deepEqual(fixture.findings('journeys/j.json'), []);
  });

  for (const [code, journey, expected] of [
    ['unknown-event', journeyWith([{ id: 'a', type: 'sendEvent', event: 'ui-event-close-promotoin' }]), '"ui-event-close-promotion"'],
    ['unknown-intent', journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { intent: 'talk_to_bto' } }), '"talk_to_bot"'],
    ['unknown-node', journeyWith([{ id: 'greet', type: 'message', text: 'x' }], { start: 'greeet' }), '"start": "greet"'],
    ['unknown-journey', journeyWith([{ id: 'a', type: 'jumpToJourney', journey: 'jj' }]), '"journey": "j"'],
  ] as const) {
    it(`${code}: did you mean`, () => {
      const fixture = new ProjectFixture({ 'journeys/j.json': journey });
      const [fix] = fixesFor(fixture, 'journeys/j.json', code);
      assert.match(fix.title, /^Change to `/);
      apply(fixture, fix);
      assert.ok(fixture.text('journeys/j.json').includes(expected), fixture.text('journeys/j.json'));
      assert.deepEqual(fixture.findings('journeys/j.json', code), []);
    });
  }

  it('banner-not-closed and ticket-not-closed: adds both closing steps before the first node, in one edit', () => {
    const fixture = new ProjectFixture({
      'intents/agent.json': agent,
      'journeys/live.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }),
      'journeys/return.json': journeyWith([{ id: 'back', type: 'message', text: 'Welcome back.' }], { name: 'return' }),
    });
    const [fix] = fixesFor(fixture, 'journeys/return.json', 'banner-not-closed');
    assert.equal(fix.title, 'Add close-banner and close-ticket steps at the start of journey `return`');
    assert.equal(fix.changes.length, 1);
    assert.equal(fix.changes[0].kind === 'edit' && fix.changes[0].changes.length, 1);
    apply(fixture, fix);
    const journey = JSON.parse(fixture.text('journeys/return.json'));
    assert.equal(journey.start, 'close-banner');
    assert.deepEqual(
      journey.nodes.map((n: { id: string; next?: string }) => [n.id, n.next]),
      [
        ['close-banner', 'close-ticket'],
        ['close-ticket', 'back'],
        ['back', undefined],
      ],
    );
    assert.deepEqual(fixture.findings('journeys/return.json'), []);
  });

  it('ticket-not-closed alone: adds only the close-ticket step, with a fresh id', () => {
    const fixture = new ProjectFixture({
      'intents/agent.json': agent,
      'journeys/live.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }),
      'journeys/return.json': journeyWith(
        [
          { id: 'close-ticket', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'back' },
          { id: 'back', type: 'message', text: 'Welcome back.' },
        ],
        { name: 'return' },
      ),
    });
    const [fix] = fixesFor(fixture, 'journeys/return.json', 'ticket-not-closed');
    assert.equal(fix.title, 'Add a close-ticket step at the start of journey `return`');
    apply(fixture, fix);
    const journey = JSON.parse(fixture.text('journeys/return.json'));
    assert.equal(journey.start, 'close-ticket-2');
    assert.deepEqual(fixture.findings('journeys/return.json'), []);
  });

  it('exit-intent-unlinked: creates the exit journey, which closes the banner and the ticket', () => {
    const fixture = new ProjectFixture({
      'intents/agent.json': agent,
      'journeys/live.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }),
    });
    const [fix] = fixesFor(fixture, 'intents/talk_to_bot.json', 'exit-intent-unlinked');
    assert.deepEqual(
      fix.changes.map((c) => [c.kind, path.relative(ROOT, c.file)]),
      [['create', path.join('journeys', 'return-to-bot.json')]],
    );
    apply(fixture, fix);
    for (const file of fixture.project.allFiles()) {
      assert.deepEqual(fixture.findings(path.relative(ROOT, file.path)), [], file.path);
    }
  });
});

// Issue 25: a fix must never send the customer back to an agent.
describe('quick fixes never lead the exit to an agent', () => {
  const ticketJourney = journeyWith(
    [
      { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
      {
        id: 'show',
        type: 'sendEvent',
        event: 'ui-event-close-promotion',
        data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
      },
      { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
    ],
    { name: 'live-agent', trigger: { intent: 'agent' } },
  );

  it('closing steps are never added to the journey that raises the ticket, nor before a Raise Ticket node reached by a jump', () => {
    const fixture = new ProjectFixture({
      'intents/agent.json': agent,
      'journeys/live-agent.json': ticketJourney,
      'journeys/leave.json': journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'live-agent' }], {
        name: 'leave',
        trigger: { intent: 'help' },
      }),
    });
    assert.deepEqual(closingStepsFixes(fixture.project, fixture.file('journeys/live-agent.json')), []);
    assert.deepEqual(closingStepsFixes(fixture.project, fixture.file('journeys/leave.json')), []);
    assert.match(
      closingStepsRefusal(fixture.project, fixture.file('journeys/leave.json')) ?? '',
      /^a path of journey `leave` reaches a Raise Ticket node \(node `raise-ticket` of `live-agent`\)/,
    );
  });

  it('"add as an utterance" is never offered for an intent whose journey raises a ticket or shows the banner', () => {
    const fixture = new ProjectFixture({
      'intents/agent.json': agent,
      'intents/help.json': { name: 'help', utterances: ['help'] },
      'journeys/live-agent.json': ticketJourney,
      'journeys/banner-only.json': banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'leave now' }] }),
      'journeys/help.json': journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'live-agent' }], { name: 'help', trigger: { intent: 'help' } }),
    });
    assert.deepEqual(
      intentsToTrain(fixture.project).map((i) => i.name),
      ['talk_to_bot'],
    );
    const titles = fixesFor(fixture, 'journeys/banner-only.json', 'option-text-mismatch').map((f) => f.title);
    assert.ok(!titles.some((t) => /intent `(agent|help)`/.test(t)), titles.join('; '));
  });
});
