// The projects the exit-journey checks (exit-intent-unlinked, banner-not-closed,
// ticket-not-closed) are tested on: a live-agent journey shows a banner whose Exit button sends
// "talk to bot", the phrase the fixture's intent talk_to_bot is trained with.
import { journeyWith } from '../../support/projectFixture';

export const showBanner = journeyWith(
  [{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] } }],
  { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
);

export const agentIntent = { name: 'talk_to_agent', utterances: ['talk to an agent'] };

/** The files of the project: `first` (the file checked) first, then the banner and the agent intent. */
export function exitProject(first: Record<string, object>, extra: Record<string, object> = {}): Record<string, object> {
  return { ...first, 'intents/talk_to_agent.json': agentIntent, 'journeys/live-agent.json': showBanner, ...extra };
}

/** An exit journey that does all the guide asks: closes the banner, closes the ticket, says so. */
export const completeExitJourney = journeyWith(
  [
    { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
    { id: 'close-ticket', type: 'closeTicket', next: 'back' },
    { id: 'back', type: 'message', text: 'You are back with the bot.' },
  ],
  { name: 'return' },
);
