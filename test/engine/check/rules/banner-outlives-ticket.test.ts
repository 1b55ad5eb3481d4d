import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';
import { agentIntent, completeExitJourney } from './exitJourneyFixtures';

const LIVE = 'journeys/live-agent.json';
const CLOSED = 'journeys/agent-closed.json';
const banner = { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] };
const show = { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: banner };
const close = (id: string, next?: string) => ({ id, type: 'sendEvent', event: 'ui-event-close-promotion', ...(next ? { next } : {}) });

/** The ticket journey with the Raise Ticket node's `next`, and more nodes after the banner. */
const liveAgent = (next: object, more: object[] = []) =>
  journeyWith([{ id: 'raise-ticket', type: 'raiseTicket', next }, show, ...more], { name: 'live-agent', trigger: { intent: 'talk_to_agent' } });

const project = (files: Record<string, object>) => ({
  'intents/talk_to_agent.json': agentIntent,
  'journeys/return.json': completeExitJourney,
  ...files,
});

const ticketClosedJourney = (nodes: object[]) => journeyWith(nodes, { name: 'agent-closed', trigger: { event: 'ticket-closed' } });

new RuleTester().run('banner-outlives-ticket', {
  valid: [
    {
      name: 'the ticketClosed outcome closes the banner',
      file: LIVE,
      files: project({ [LIVE]: liveAgent({ agentConnected: 'show', ticketClosed: 'bye' }, [close('bye')]) }),
    },
    {
      name: 'the ticketClosed outcome jumps to a journey that closes it',
      file: LIVE,
      files: project({
        [LIVE]: liveAgent({ agentConnected: 'show', ticketClosed: 'go' }, [{ id: 'go', type: 'jumpToJourney', journey: 'closing' }]),
        'journeys/closing.json': journeyWith([close('c')], { name: 'closing', trigger: { event: 'bot-opened' } }),
      }),
    },
    {
      name: 'a journey triggered by ticket-closed closes it for every Raise Ticket node',
      files: project({ [LIVE]: liveAgent({ agentConnected: 'show' }), [CLOSED]: ticketClosedJourney([close('c')]) }),
    },
    {
      name: 'a Raise Ticket node after which no banner is shown',
      file: 'journeys/plain.json',
      files: project({
        'journeys/plain.json': journeyWith([
          { id: 'raise', type: 'raiseTicket', next: { error: 'e' } },
          { id: 'e', type: 'message', text: 'x' },
        ]),
      }),
    },
  ],
  invalid: [
    {
      name: 'no ticketClosed outcome and no ticket-closed journey: on the Raise Ticket node; the fix adds the outcome',
      file: LIVE,
      files: project({ [LIVE]: liveAgent({ agentConnected: 'show', error: 'show' }) }),
      errors: [
        {
          messageId: 'noPath',
          message:
            'the banner shown after node `raise-ticket` raises the ticket stays when the agent closes it: no `ticketClosed` outcome and no journey triggered by `ticket-closed` sends `ui-event-close-promotion` without data',
          data: { node: 'raise-ticket' },
          at: '"raise-ticket"',
          occurrence: 2,
        },
      ],
      output: {
        [LIVE]: journeyWith(
          [
            { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'show', error: 'show', ticketClosed: 'close-banner' } },
            close('close-banner'),
            show,
          ],
          { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
        ),
      },
    },
    {
      name: 'a ticketClosed path that never closes the banner: on the outcome; the fix closes it on the way',
      file: LIVE,
      files: project({ [LIVE]: liveAgent({ agentConnected: 'show', ticketClosed: 'bye' }, [{ id: 'bye', type: 'message', text: 'Bye' }]) }),
      errors: [
        {
          messageId: 'outcome',
          message:
            'when the agent closes the ticket of node `raise-ticket`, the `ticketClosed` path never sends `ui-event-close-promotion` without data: the banner stays, offering to leave an agent who is gone',
          at: '"bye"',
        },
      ],
      output: {
        [LIVE]: journeyWith(
          [
            { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'close-banner' } },
            close('close-banner', 'bye'),
            show,
            { id: 'bye', type: 'message', text: 'Bye' },
          ],
          { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
        ),
      },
    },
    {
      name: 'a journey triggered by ticket-closed that never closes the banner: on its trigger, not on the Raise Ticket node',
      file: CLOSED,
      files: project({ [LIVE]: liveAgent({ agentConnected: 'show' }), [CLOSED]: ticketClosedJourney([{ id: 'bye', type: 'message', text: 'Bye' }]) }),
      errors: [
        {
          messageId: 'eventJourney',
          message:
            'this journey runs when a ticket is closed but never sends `ui-event-close-promotion` without data: the banner offering to leave the agent stays',
          at: '"ticket-closed"',
        },
      ],
      output: { [CLOSED]: ticketClosedJourney([close('close-banner', 'bye'), { id: 'bye', type: 'message', text: 'Bye' }]) },
    },
  ],
});
