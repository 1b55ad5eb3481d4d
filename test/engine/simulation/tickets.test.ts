// Each outcome of a live-agent ticket: the Raise Ticket node that waits follows that outcome's
// `next`; with no node waiting, the outcome changes the ticket, or the run says it changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TICKET_OUTCOMES, type TicketOutcome } from '../../../server/src/engine';
import { journeyWith } from '../support/projectFixture';
import { agentJourney, buttonBanner, guideProject, lastStep, run, toAgent, transcript } from './simulationFixture';

const start = { kind: 'startJourney' as const, journey: 'live-agent' };
const ticket = (outcome: TicketOutcome) => ({ kind: 'ticket' as const, outcome });

describe('simulator: ticket outcomes', () => {
  const expected: Record<TicketOutcome, { change: string; next: string; ticket: string; with: string }> = {
    agentConnected: {
      change: 'an agent takes ticket ticket-1: the customer is with the agent',
      next: 'banner banner shown: "Do you want to exit from chat?"',
      ticket: 'agentConnected',
      with: 'agent',
    },
    agentsUnavailable: {
      change: 'no agent is available for ticket ticket-1: the customer stays with the bot',
      next: 'bot All our agents are busy.',
      ticket: 'closed',
      with: 'bot',
    },
    ticketClosed: {
      change: 'ticket ticket-1 closed: the customer is with the bot',
      next: 'bot Your chat with the agent has ended.',
      ticket: 'closed',
      with: 'bot',
    },
    error: {
      change: 'ticket ticket-1 could not be raised: the customer stays with the bot',
      next: 'bot Sorry, no agent can be reached.',
      ticket: 'none',
      with: 'bot',
    },
  };

  for (const outcome of TICKET_OUTCOMES) {
    it(`${outcome}: the waiting Raise Ticket node follows its \`${outcome}\` outcome`, () => {
      const result = run(guideProject(), [start, ticket(outcome)]);
      const { change, next, ticket: status, with: holder } = expected[outcome];
      const changed = result.steps.find((step) => step.kind === 'ticket' && step.text === change);
      assert.ok(changed, transcript(result).join('\n'));
      assert.equal(changed.input, 1);
      assert.match(changed.why.text, new RegExp(`takes the outcome \`${outcome}\``));
      assert.equal(changed.state.ticket, status);
      assert.equal(changed.state.with, holder);
      assert.equal(changed.state.waitingFor, undefined);
      const after = transcript(result)[result.steps.indexOf(changed) + 1];
      assert.equal(after, next);
    });
  }

  it('an outcome the Raise Ticket node has no `next` for ends its journey', () => {
    const journey = journeyWith([
      { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'hi' } },
      { id: 'hi', type: 'message', text: 'hi' },
    ]);
    const result = run(guideProject({ 'journeys/j.json': journey }), [{ kind: 'startJourney', journey: 'j' }, ticket('agentsUnavailable')]);
    assert.equal(lastStep(result).why.text, 'Journey `j` (journeys/j.json) ends: node `raise` has no `agentsUnavailable` outcome in its `next`.');
  });

  it('with no ticket open, an outcome changes nothing and says so', () => {
    const result = run(guideProject(), [ticket('agentConnected')]);
    assert.deepEqual(transcript(result), [
      'error no ticket is open: the outcome `agentConnected` changes nothing',
      'end back with the bot: banner never shown, ticket never raised',
    ]);
    assert.equal(result.steps[0].why.text, 'The ticket is not raised.');
  });

  it('ticketClosed while the agent holds the chat: the agent closes it, the Raise Ticket node goes on from its ticketClosed outcome, then journeys triggered by `ticket-closed` start', () => {
    const cleanup = journeyWith([{ id: 'bye', type: 'message', text: 'The agent closed the chat.' }], {
      name: 'cleanup',
      trigger: { event: 'ticket-closed' },
    });
    const result = run(guideProject({ 'journeys/cleanup.json': cleanup }), [...toAgent, ticket('ticketClosed')]);
    const lines = transcript(result);
    const at = lines.indexOf('ticket ticket ticket-1 closed: the customer is with the bot');
    assert.deepEqual(lines.slice(at, at + 6), [
      'ticket ticket ticket-1 closed: the customer is with the bot',
      'bot Your chat with the agent has ended.',
      'journey journey `live-agent` ends',
      'journey journey `cleanup` starts',
      'bot The agent closed the chat.',
      'journey journey `cleanup` ends',
    ]);
    const closed = result.steps.find((s) => s.text === 'ticket ticket-1 closed: the customer is with the bot')!;
    assert.match(
      closed.why.text,
      /^The agent closes the ticket raised by node `raise` of journey `live-agent` \(journeys\/live-agent\.json\): the journey goes on from its `ticketClosed` outcome's `next`\.$/,
    );
    // The banner the agent journey showed is still there: its ticketClosed outcome does not close it (banner-outlives-ticket).
    assert.equal(result.outcome.summary, 'stuck: the banner is still shown');
  });

  it('ticketClosed while the agent holds the chat, on a Raise Ticket node without that outcome: the ticket closes, no journey continues', () => {
    const journey = agentJourney(buttonBanner);
    const raise = (journey as { nodes: { id: string; next?: Record<string, string> }[] }).nodes.find((n) => n.id === 'raise')!;
    delete raise.next!.ticketClosed;
    const result = run(guideProject({ 'journeys/live-agent.json': journey }), [...toAgent, ticket('ticketClosed')]);
    const closed = result.steps.find((s) => s.text === 'ticket ticket-1 closed: the customer is with the bot')!;
    assert.match(closed.why.text, /has no `ticketClosed` outcome in its `next`, so no journey continues\.$/);
  });

  it('an agent already holding the chat cannot be connected again', () => {
    const result = run(guideProject(), [...toAgent, ticket('agentConnected')]);
    assert.equal(lastStep(result).text, 'an agent already holds the chat: the outcome `agentConnected` changes nothing');
  });
});
