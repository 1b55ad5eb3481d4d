import { RuleTester } from '../ruleTester';
import { completeExitJourney, exitProject } from './exitJourneyFixtures';

const INTENT = 'intents/talk_to_bot.json';

new RuleTester().run('exit-intent-unlinked', {
  valid: [
    { name: 'an exit intent that starts a journey', file: INTENT, files: exitProject({ 'journeys/return.json': completeExitJourney }) },
    { name: 'intents that no banner offers are left alone', file: 'intents/talk_to_agent.json', files: exitProject({}) },
  ],
  invalid: [
    {
      name: 'the exit intent when no journey starts from it, on its name; the fix creates the exit journey',
      file: INTENT,
      files: exitProject({}),
      errors: [
        {
          messageId: 'unlinked',
          message:
            'intent `talk_to_bot` is trained with the exit phrase `talk to bot` of the banner in journeys/live-agent.json, but no journey starts from it: the customer stays with the agent',
          data: { intent: 'talk_to_bot', phrase: 'talk to bot', file: 'journeys/live-agent.json' },
          at: '"talk_to_bot"',
        },
      ],
      output: {
        'journeys/return-to-bot.json': {
          name: 'return-to-bot',
          description: 'The customer left the live agent: close the banner and the ticket, and welcome them back.',
          trigger: { intent: 'talk_to_bot' },
          start: 'close-banner',
          nodes: [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
            { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back-with-bot' },
            { id: 'back-with-bot', type: 'message', text: 'You are back with the bot. How can I help?' },
          ],
        },
      },
    },
  ],
});
