// Each input a test step may give reaches the simulator as written, in order, from the test's
// variables; an input the run cannot apply, or a run that stops, fails the test at that step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith } from '../support/projectFixture';
import { agentJourney } from '../simulation/simulationFixture';
import { runSteps, toAgent } from './conversationFixture';

describe('conversation tests: inputs', () => {
  it('say, ticket and click: the guide’s handoff, as the simulator runs it', () => {
    const run = runSteps([...toAgent, { click: 'Exit' }, { expect: { journey: 'return-to-bot', with: 'bot' } }]);
    assert.equal(run.passed, true, run.failure?.message);
    assert.deepEqual(run.run.inputs, [
      { kind: 'say', text: 'talk to an agent' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'click', title: 'Exit' },
    ]);
    assert.deepEqual(run.inputSteps, [0, 1, 2]);
    assert.equal(run.transcript[run.transcript.length - 1].text, 'journey `return-to-bot` ends');
  });

  it('click with banner and option: picks one of several options with the same title', () => {
    const banner = {
      title: 'Leave?',
      options: [
        { title: 'Go', text: 'talk to an agent' },
        { title: 'Go', text: 'talk to bot' },
      ],
    };
    const run = runSteps([...toAgent, { click: 'Go', banner: 0, option: 1 }, { expect: { intent: 'talk_to_bot' } }], {
      files: { 'journeys/live-agent.json': agentJourney(banner) },
    });
    assert.equal(run.passed, true, run.failure?.message);
    assert.deepEqual(run.run.inputs[2], { kind: 'click', title: 'Go', banner: 0, option: 1 });
  });

  it('startJourney, at its start or at a node', () => {
    const start = runSteps([{ startJourney: 'live-agent' }, { expect: { journey: 'live-agent', node: 'raise', ticket: 'raised' } }]);
    assert.equal(start.passed, true, start.failure?.message);
    const at = runSteps([{ startJourney: 'live-agent', node: 'busy' }, { expect: { said: 'busy', ticket: 'none' } }]);
    assert.equal(at.passed, true, at.failure?.message);
    assert.deepEqual(at.run.inputs, [{ kind: 'startJourney', journey: 'live-agent', node: 'busy' }]);
  });

  it('event: a platform event fires as an input', () => {
    const run = runSteps([...toAgent, { event: 'ym_closed_promotion' }, { expect: { banner: 'hidden', with: 'agent' } }]);
    assert.equal(run.passed, true, run.failure?.message);
    const closed = runSteps([...toAgent, { event: 'ticket-closed' }, { expect: { ticket: 'closed', with: 'bot', banner: 'shown' } }]);
    assert.equal(closed.passed, true, closed.failure?.message);
  });

  it('each ticket outcome', () => {
    const outcomes: [string, object][] = [
      ['agentConnected', { ticket: 'agentConnected', with: 'agent', banner: 'shown' }],
      ['agentsUnavailable', { ticket: 'closed', with: 'bot', said: 'busy' }],
      ['ticketClosed', { ticket: 'closed', said: 'has ended' }],
      ['error', { ticket: 'none', said: 'Sorry' }],
    ];
    for (const [outcome, expect] of outcomes) {
      const run = runSteps([{ say: 'talk to an agent' }, { ticket: outcome }, { expect }]);
      assert.equal(run.passed, true, `${outcome}: ${run.failure?.message}`);
    }
  });

  it('variables are set before the first step, and templates read them', () => {
    const journey = journeyWith([{ id: 'hi', type: 'message', text: 'Hello {{{variables.customer}}}' }], {
      name: 'greet',
      trigger: { intent: 'greet' },
    });
    const run = runSteps([{ say: 'hi' }, { expect: { said: 'Hello Ada', variables: { customer: 'Ada' } } }], {
      variables: { customer: 'Ada' },
      files: { 'intents/greet.json': { name: 'greet', utterances: ['hi'] }, 'journeys/greet.json': journey },
    });
    assert.equal(run.passed, true, run.failure?.message);
  });

  it('an input the run cannot apply fails the test at that step', () => {
    const run = runSteps([{ say: 'talk to an agent' }, { click: 'Exit' }, { expect: { banner: 'none' } }]);
    assert.equal(run.passed, false);
    assert.deepEqual(
      { kind: run.failure?.kind, step: run.failure?.step, actual: run.failure?.actual, expected: run.failure?.expected },
      { kind: 'input', step: 1, actual: 'no banner is shown: there is no `Exit` to click', expected: 'click "Exit" applies' },
    );
    assert.equal(run.failure?.message, 'click "Exit": no banner is shown: there is no `Exit` to click');
    // The transcript stops with the input that failed.
    assert.deepEqual(
      run.transcript.map((s) => s.input),
      [0, 0, 0, 0, 1],
    );
    const option = runSteps([...toAgent, { click: 'Stay' }]);
    assert.equal(option.failure?.actual, 'the banner has no option titled `Stay`');
    const outcome = runSteps([{ ticket: 'agentConnected' }]);
    assert.equal(outcome.failure?.actual, 'no ticket is open: the outcome `agentConnected` changes nothing');
  });

  it('a run that stops on a loop fails the test at the input that looped', () => {
    const loop = journeyWith(
      [
        { id: 'a', type: 'message', text: 'a', next: 'b' },
        { id: 'b', type: 'message', text: 'b', next: 'a' },
      ],
      { name: 'loop', trigger: { intent: 'loop' } },
    );
    const run = runSteps([{ say: 'go round' }, { expect: { journey: 'loop' } }], {
      files: { 'intents/loop.json': { name: 'loop', utterances: ['go round'] }, 'journeys/loop.json': loop },
    });
    assert.equal(run.failure?.kind, 'stopped');
    assert.equal(run.failure?.step, 0);
    assert.match(run.failure?.actual ?? '', /^the run stops: node `a` of journey `loop` would run again/);
  });

  it('a passing test keeps the whole transcript, without the verdict', () => {
    const run = runSteps([...toAgent, { expect: { banner: 'shown' } }]);
    assert.equal(run.passed, true);
    assert.ok(run.transcript.every((s) => s.kind !== 'end'));
    assert.equal(run.transcript.length, run.run.steps.length - 1);
  });
});
