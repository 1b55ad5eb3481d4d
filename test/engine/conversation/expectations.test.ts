// Each fact an `expect` may state, holding and not holding: a failing fact fails the test at its
// step, with what was expected and what the run shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSteps, toAgent } from './conversationFixture';

const exit = [...toAgent, { click: 'Exit' }];

/** Per fact: steps before the expect, a value that holds, and one that does not with what the run shows. */
const cases: { fact: string; steps: object[]; holds: unknown; fails: unknown; expected: string; actual: string }[] = [
  { fact: 'journey', steps: toAgent.slice(0, 1), holds: 'live-agent', fails: 'return-to-bot', expected: '"return-to-bot"', actual: '"live-agent"' },
  { fact: 'intent', steps: exit, holds: 'talk_to_bot', fails: 'talk_to_agent', expected: '"talk_to_agent"', actual: '"talk_to_bot"' },
  { fact: 'node', steps: toAgent.slice(0, 1), holds: 'raise', fails: 'hello', expected: '"hello"', actual: '"raise" (journey "live-agent")' },
  { fact: 'banner', steps: toAgent, holds: 'shown', fails: 'hidden', expected: '"hidden"', actual: '"shown"' },
  {
    fact: 'bannerTitle',
    steps: toAgent,
    holds: 'Do you want to exit from chat?',
    fails: 'Leave?',
    expected: '"Leave?"',
    actual: '"Do you want to exit from chat?"',
  },
  { fact: 'bannerOptions', steps: toAgent, holds: ['Exit'], fails: ['Exit', 'Stay'], expected: '["Exit","Stay"]', actual: '["Exit"]' },
  { fact: 'ticket', steps: exit, holds: 'closed', fails: 'agentConnected', expected: '"agentConnected"', actual: '"closed"' },
  { fact: 'with', steps: toAgent, holds: 'agent', fails: 'bot', expected: '"bot"', actual: '"agent"' },
  {
    fact: 'said',
    steps: exit,
    holds: 'back with the bot',
    fails: 'Goodbye',
    expected: 'a message containing "Goodbye"',
    actual: '"You are back with the bot."',
  },
  {
    fact: 'eventSent',
    steps: exit,
    holds: 'ui-event-close-promotion',
    fails: 'ui-event-update-promotion',
    expected: '"ui-event-update-promotion"',
    actual: '"ui-event-close-promotion"',
  },
  {
    fact: 'variables',
    steps: toAgent,
    holds: { ticketId: 'ticket-1' },
    fails: { ticketId: 'ticket-2' },
    expected: '{"ticketId":"ticket-2"}',
    actual: '{"ticketId":"ticket-1"}',
  },
];

describe('conversation tests: expectations', () => {
  for (const { fact, steps, holds, fails, expected, actual } of cases) {
    it(`${fact}: holds, and fails with expected and actual`, () => {
      const passing = runSteps([...steps, { expect: { [fact]: holds } }]);
      assert.equal(passing.passed, true, passing.failure?.message);
      const failing = runSteps([...steps, { expect: { [fact]: fails } }]);
      assert.equal(failing.passed, false);
      assert.deepEqual(
        { kind: failing.failure?.kind, step: failing.failure?.step, expected: failing.failure?.expected, actual: failing.failure?.actual },
        { kind: 'fact', step: steps.length, expected, actual },
      );
      assert.equal(failing.failure?.message, `expect ${fact}: expected ${expected}, actual ${actual}`);
    });
  }

  it('states the facts after the input before it: an expect before any input sees the start of the conversation', () => {
    const run = runSteps([{ expect: { banner: 'none', ticket: 'none', with: 'bot' } }, { say: 'talk to an agent' }]);
    assert.equal(run.passed, true, run.failure?.message);
    const none = runSteps([{ expect: { journey: 'live-agent' } }, { say: 'talk to an agent' }]);
    assert.equal(none.failure?.actual, 'no journey has run');
  });

  it('the journey and node that ran last stay after the journey ends; several expects in a row see the same input', () => {
    const run = runSteps([...toAgent, { expect: { journey: 'live-agent' } }, { expect: { node: 'banner', banner: 'shown' } }]);
    assert.equal(run.passed, true, run.failure?.message);
  });

  it('said and eventSent read only what happened since the input before', () => {
    const run = runSteps([...exit, { say: 'talk to bot' }, { expect: { eventSent: 'ui-event-close-promotion' } }]);
    // The second exit phrase starts the exit journey again: it sends the close event again.
    assert.equal(run.passed, true, run.failure?.message);
    const quiet = runSteps([...toAgent, { event: 'ym_closed_promotion' }, { expect: { said: 'anything' } }]);
    assert.equal(quiet.failure?.actual, 'the bot said nothing since the last input');
    const noEvent = runSteps([{ say: 'talk to an agent' }, { expect: { eventSent: 'ui-event-update-promotion' } }]);
    assert.equal(noEvent.failure?.actual, 'no event sent since the last input');
  });

  it('an event the bot sent that did not fire does not count, and says so', () => {
    const bot = {
      name: 'test-bot',
      events: [
        { name: 'ui-event-update-promotion', enabled: false },
        { name: 'ui-event-close-promotion', enabled: true },
      ],
    };
    const run = runSteps([...toAgent, { expect: { eventSent: 'ui-event-update-promotion' } }], { files: { 'bot.json': bot } });
    assert.equal(run.failure?.actual, '"ui-event-update-promotion" (did not fire)');
  });

  it('intent: a message no utterance matches, or none sent yet', () => {
    const unmatched = runSteps([{ say: 'hello there' }, { expect: { intent: 'talk_to_bot' } }]);
    assert.equal(unmatched.failure?.actual, 'no intent: no utterance matches "hello there"');
    const silent = runSteps([{ startJourney: 'live-agent' }, { expect: { intent: 'talk_to_agent' } }]);
    assert.equal(silent.failure?.actual, 'the customer has sent no message');
  });

  it('banner facts when no banner is shown', () => {
    const run = runSteps([{ say: 'talk to an agent' }, { expect: { bannerTitle: 'x' } }]);
    assert.equal(run.failure?.actual, 'no banner is shown (none)');
    const options = runSteps([...exit, { expect: { bannerOptions: [] } }]);
    assert.equal(options.failure?.actual, 'no banner is shown (hidden)');
  });

  it('variables: one never set reads as null', () => {
    const run = runSteps([{ say: 'talk to an agent' }, { expect: { variables: { ticketId: 'ticket-1', customer: 'Ada' } } }]);
    assert.equal(run.failure?.actual, '{"ticketId":"ticket-1","customer":null}');
  });

  it('every fact of the failing expect that does not hold is listed, the first reported', () => {
    const run = runSteps([...toAgent, { expect: { banner: 'shown', ticket: 'closed', with: 'bot' } }]);
    assert.deepEqual(
      run.failure?.facts.map((f) => [f.fact, f.expected, f.actual]),
      [
        ['ticket', '"closed"', '"agentConnected"'],
        ['with', '"bot"', '"agent"'],
      ],
    );
    assert.equal(run.failure?.message, 'expect ticket: expected "closed", actual "agentConnected"');
  });
});
