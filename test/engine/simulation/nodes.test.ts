// Every node type runs as the format says: a message says its text, a Send Event node sends its
// event, a Raise Ticket node raises a ticket and waits, a Close Ticket node closes it, a Jump to
// Journey node continues elsewhere; and a run always ends (loops and the bound on steps).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_STEPS } from '../../../server/src/engine';
import { journeyWith } from '../support/projectFixture';
import { codesNamed, exitJourney, guideProject, lastStep, run, stepOf, toAgent, transcript } from './simulationFixture';

const start = (journey: string) => ({ kind: 'startJourney' as const, journey });

describe('simulator: nodes', () => {
  it('runs a message: the bot says its text, and the why names the node and its place', () => {
    const fixture = guideProject();
    const result = run(fixture, [start('live-agent')]);
    const said = stepOf(result, 'bot');
    assert.equal(said.text, 'Connecting you to an agent.');
    assert.equal(said.why.text, 'Node `hello` of journey `live-agent` (journeys/live-agent.json) says it.');
    assert.equal(said.why.places[0].file, 'journeys/live-agent.json');
    assert.equal(said.why.places[0].offset, fixture.offsetOf('journeys/live-agent.json', '{\n      "id": "hello"'));
    assert.deepEqual([said.state.journey, said.state.node], ['live-agent', 'hello']);
  });

  it('runs a Raise Ticket node: the ticket is raised, its id kept in a variable, and the run waits for its outcome', () => {
    const result = run(guideProject(), [start('live-agent')]);
    const raised = stepOf(result, 'ticket');
    assert.equal(raised.text, 'ticket ticket-1 raised for the group `support`; waiting for its outcome');
    assert.equal(raised.state.ticket, 'raised');
    assert.equal(raised.state.waitingFor, 'ticket');
    assert.deepEqual(raised.state.variables, { ticketId: 'ticket-1' });
    assert.equal(raised.state.with, 'bot');
    assert.deepEqual(transcript(result).slice(-1), ['end stuck: the ticket is still waiting for an agent']);
  });

  it('keeps the ticket id in the variable the Raise Ticket node names', () => {
    const journey = journeyWith([
      { id: 'raise', type: 'raiseTicket', ticketIdVariable: 'liveTicket', next: { agentConnected: 'say' } },
      { id: 'say', type: 'message', text: 'Ticket {{{variables.liveTicket}}}, kept in {{variables.ticketId}}.' },
    ]);
    const result = run(guideProject({ 'journeys/j.json': journey }), [start('j'), { kind: 'ticket', outcome: 'agentConnected' }]);
    assert.equal(stepOf(result, 'bot').text, 'Ticket ticket-1, kept in {{variables.ticketId}}.');
  });

  it('runs a Send Event node of a custom event: the event is sent with its data, in order', () => {
    const bot = { name: 'b', events: [{ name: 'crm-note', enabled: true }] };
    const journey = journeyWith([
      { id: 'note', type: 'sendEvent', event: 'crm-note', data: { step: 1 }, next: 'open' },
      { id: 'open', type: 'sendEvent', event: 'bot-opened' },
    ]);
    const result = run(guideProject({ 'bot.json': bot, 'journeys/j.json': journey }), [start('j')]);
    assert.deepEqual(transcript(result).slice(1, 3), ['event `crm-note` sent', 'event `bot-opened` sent']);
    assert.deepEqual(lastStep(result).state.events, [
      { name: 'crm-note', data: { step: 1 }, fired: true, by: 'bot' },
      { name: 'bot-opened', fired: true, by: 'bot' },
    ]);
    assert.match(stepOf(result, 'event', /crm-note/).why.text, /sends `crm-note` \(declared and enabled in bot.json\) with its data\./);
    assert.match(stepOf(result, 'event', /bot-opened/).why.text, /`bot-opened` is a platform event/);
  });

  it('runs a Close Ticket node: the ticket closes where bot.json says, and the customer is back with the bot', () => {
    const fixture = guideProject({
      'bot.json': { name: 'b', events: [], ticketClose: { target: 'api', url: 'https://t.example/close', apiKeySecret: 'K' } },
    });
    const result = run(fixture, [...toAgent, { kind: 'say', text: 'talk to bot' }]);
    const closed = stepOf(result, 'ticket', /closed/);
    assert.equal(closed.text, 'ticket ticket-1 closed');
    assert.match(closed.why.text, /closes the ticket through the ticket close API at https:\/\/t\.example\/close/);
    assert.deepEqual([closed.state.ticket, closed.state.with], ['closed', 'bot']);
  });

  it('a Close Ticket node with no ticket open closes nothing', () => {
    const result = run(guideProject(), [start('return-to-bot')]);
    assert.equal(stepOf(result, 'ticket').text, 'no ticket is open: nothing to close');
    assert.equal(lastStep(result).state.ticket, 'none');
  });

  it('a Close Ticket node for another ticket id leaves the open ticket open', () => {
    const exit = {
      ...exitJourney,
      nodes: exitJourney.nodes.map((n) => (n.id === 'close-ticket' ? { ...n, ticketId: '{{{variables.caseId}}}' } : n)),
    };
    const typo = run(guideProject({ 'journeys/return-to-bot.json': exit }), [...toAgent, { kind: 'say', text: 'talk to bot' }]);
    // The template's variable is not set: taken to be the open ticket, and said so.
    assert.match(stepOf(typo, 'ticket', /closed/).why.text, /Its ticket id `\{\{\{variables.caseId\}\}\}` is not set in this run/);
    const other = { ...exitJourney, nodes: exitJourney.nodes.map((n) => (n.id === 'close-ticket' ? { ...n, ticketId: 'T-42' } : n)) };
    const wrong = run(guideProject({ 'journeys/return-to-bot.json': other }), [...toAgent, { kind: 'say', text: 'talk to bot' }]);
    assert.equal(stepOf(wrong, 'ticket', /T-42/).text, 'ticket `T-42` is not the open ticket: ticket-1 stays open');
    assert.equal(wrong.outcome.stuck, true);
  });

  it('runs a Jump to Journey node: the run continues at the other journey’s start', () => {
    const fixture = guideProject({
      'journeys/a.json': journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'b' }], { name: 'a' }),
      'journeys/b.json': journeyWith([{ id: 'hi', type: 'message', text: 'Hello from b.' }], { name: 'b', trigger: { event: 'bot-opened' } }),
    });
    const result = run(fixture, [start('a')]);
    assert.deepEqual(transcript(result), [
      'journey journey `a` starts',
      'journey jumps to journey `b`',
      'bot Hello from b.',
      'journey journey `b` ends',
      'end back with the bot: banner never shown, ticket never raised',
    ]);
  });

  it('a jump to a journey no file defines ends the journey and names unknown-journey', () => {
    const fixture = guideProject({ 'journeys/a.json': journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'nowhere' }], { name: 'a' }) });
    const result = run(fixture, [start('a')]);
    assert.equal(lastStep(result).text, 'jump to `nowhere` goes nowhere');
    assert.deepEqual(codesNamed(result), ['unknown-journey']);
  });

  it('a `next` that names no node ends the journey and names unknown-node', () => {
    const fixture = guideProject({ 'journeys/a.json': journeyWith([{ id: 'hi', type: 'message', text: 'Hi', next: 'gone' }], { name: 'a' }) });
    const result = run(fixture, [start('a')]);
    assert.equal(lastStep(result).why.text, 'Journey `a` (journeys/a.json) ends: it has no node `gone`.');
    assert.deepEqual(codesNamed(result), ['unknown-node']);
  });

  it('a node of a type the simulator does not know stops the journey with a clear step', () => {
    const fixture = guideProject({
      'journeys/a.json': journeyWith(
        [
          { id: 'x', type: 'askQuestion', next: 'y' },
          { id: 'y', type: 'message', text: 'never' },
        ],
        { name: 'a' },
      ),
    });
    const result = run(fixture, [start('a')]);
    assert.deepEqual(transcript(result).slice(1, 2), ['error node type `askQuestion` is not simulated']);
    assert.ok(!transcript(result).includes('bot never'));
  });

  it('a loop of jumps ends the run with a clear step instead of running forever; later inputs are not applied', () => {
    const fixture = guideProject({
      'journeys/a.json': journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'b' }], { name: 'a' }),
      'journeys/b.json': journeyWith(
        [
          { id: 'hi', type: 'message', text: 'b', next: 'back' },
          { id: 'back', type: 'jumpToJourney', journey: 'a' },
        ],
        { name: 'b', trigger: { event: 'bot-opened' } },
      ),
    });
    const result = run(fixture, [start('a'), { kind: 'say', text: 'talk to bot' }]);
    assert.equal(result.stopped, 'loop');
    const stop = lastStep(result);
    assert.equal(stop.kind, 'stop');
    assert.equal(stop.text, 'the run stops: node `go` of journey `a` would run again');
    assert.match(stop.why.text, /\(`a` -> `b` -> `a`\): the bot would loop forever\. The 1 input after this one is not applied\./);
    assert.ok(!result.steps.some((s) => s.kind === 'customer'));
  });

  it('a loop of `next` inside one journey is caught the same way', () => {
    const fixture = guideProject({
      'journeys/a.json': journeyWith(
        [
          { id: 'x', type: 'message', text: 'x', next: 'y' },
          { id: 'y', type: 'message', text: 'y', next: 'x' },
        ],
        { name: 'a' },
      ),
    });
    const result = run(fixture, [start('a')]);
    assert.equal(result.stopped, 'loop');
    assert.deepEqual(transcript(result).slice(1, 4), ['bot x', 'bot y', 'stop the run stops: node `x` of journey `a` would run again']);
  });

  it('a run is bounded in steps', () => {
    const fixture = guideProject();
    const inputs = Array.from({ length: 50 }, () => ({ kind: 'startJourney' as const, journey: 'live-agent' }));
    const result = run(fixture, inputs, { maxSteps: 20 });
    assert.equal(result.stopped, 'maxSteps');
    assert.equal(result.steps.length, 22, 'the bound, the stop step and the end step');
    assert.equal(lastStep(result).text, 'the run stops: it reached its bound of 20 steps');
    assert.equal(DEFAULT_MAX_STEPS, 1000);
  });

  it('starts a journey at a given node, and says so when the journey or the node does not exist', () => {
    const fixture = guideProject();
    assert.deepEqual(transcript(run(fixture, [{ kind: 'startJourney', journey: 'live-agent', node: 'busy' }])).slice(0, 2), [
      'journey journey `live-agent` starts at node `busy`',
      'bot All our agents are busy.',
    ]);
    const unknown = run(fixture, [start('live-agnet')]);
    assert.equal(unknown.steps[0].text, 'no journey is named `live-agnet`');
    assert.equal(unknown.steps[0].why.text, "The project's journeys are `live-agent`, `return-to-bot`.");
    assert.equal(
      run(fixture, [{ kind: 'startJourney', journey: 'live-agent', node: 'nope' }]).steps[0].text,
      'journey `live-agent` has no node `nope`',
    );
  });
});
