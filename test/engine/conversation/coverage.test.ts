// Which parts of the handoff path the tests walk: banner options, typed exit phrases, exit intents,
// exit journeys, and each outcome of each Raise Ticket node.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handoffCoverage } from '../../../server/src/engine';
import { agentJourney, typedBanner } from '../simulation/simulationFixture';
import { oneTest, runTests, testProject, toAgent } from './conversationFixture';

function coverage(tests: object, files: Record<string, object> = {}) {
  const fixture = testProject(tests, files);
  const runs = runTests(fixture).tests;
  return { fixture, items: handoffCoverage(fixture.project, runs).items };
}

describe('conversation tests: coverage of the handoff path', () => {
  it('lists every part of the handoff path, and the tests that walk each', () => {
    const { fixture, items } = coverage(oneTest([...toAgent, { click: 'Exit' }, { expect: { with: 'bot' } }]));
    assert.deepEqual(
      items.map((i) => [i.kind, i.label, i.walkedBy]),
      [
        ['bannerOption', 'option "Exit" of the banner of node banner (journey live-agent)', ['the test']],
        ['exitIntent', 'exit intent "talk_to_bot"', ['the test']],
        ['exitJourney', 'exit journey "return-to-bot"', ['the test']],
        ['ticketOutcome', 'outcome agentConnected of Raise Ticket node raise (journey live-agent)', ['the test']],
        ['ticketOutcome', 'outcome agentsUnavailable of Raise Ticket node raise (journey live-agent)', []],
        ['ticketOutcome', 'outcome ticketClosed of Raise Ticket node raise (journey live-agent)', []],
        ['ticketOutcome', 'outcome error of Raise Ticket node raise (journey live-agent)', []],
      ],
    );
    // Each part is placed where it is written: the option's text, the intent's name, the outcome's node id.
    const text = (rel: string, i: number) => fixture.text(rel).slice(items[i].offset, items[i].offset + items[i].length);
    assert.equal(text('journeys/live-agent.json', 0), '"talk to bot"');
    assert.equal(text('intents/talk_to_bot.json', 1), '"talk_to_bot"');
    assert.equal(text('journeys/return-to-bot.json', 2), '"return-to-bot"');
    assert.equal(text('journeys/live-agent.json', 4), '"busy"');
  });

  it('a typed exit phrase is walked when typed while its banner is on screen', () => {
    const files = { 'journeys/live-agent.json': agentJourney(typedBanner) };
    const typed = coverage(oneTest([...toAgent, { say: 'talk to bot' }]), files).items.find((i) => i.kind === 'typedPhrase');
    assert.equal(typed?.label, `typed phrase "talk to bot" of the banner of node banner (journey live-agent)`);
    assert.deepEqual(typed?.walkedBy, ['the test']);
    // Typed before the banner shows: the exit intent is walked, the banner's way out is not.
    const early = coverage(oneTest([{ say: 'talk to bot' }]), files).items;
    assert.deepEqual(
      early.filter((i) => i.walkedBy.length).map((i) => i.kind),
      ['exitIntent', 'exitJourney'],
    );
  });

  it('a test that fails walks only as far as it got', () => {
    const { items } = coverage(oneTest([...toAgent, { expect: { banner: 'hidden' } }, { click: 'Exit' }]));
    assert.deepEqual(
      items.filter((i) => i.walkedBy.length).map((i) => i.kind),
      ['ticketOutcome'],
    );
  });
});
