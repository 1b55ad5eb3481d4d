import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';
import { completeExitJourney, exitProject } from './exitJourneyFixtures';

const RETURN = 'journeys/return.json';

new RuleTester().run('ticket-not-closed', {
  valid: [
    { name: 'an exit journey that closes the ticket', file: RETURN, files: exitProject({ [RETURN]: completeExitJourney }) },
    { name: 'journeys of other intents are left alone', file: 'journeys/live-agent.json', files: exitProject({ [RETURN]: completeExitJourney }) },
    {
      name: 'an exit journey that jumps to another journey that closes it',
      file: RETURN,
      files: exitProject(
        { [RETURN]: journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'cleanup' }], { name: 'return' }) },
        {
          'journeys/cleanup.json': journeyWith(
            [
              { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
              { id: 'close-ticket', type: 'closeTicket' },
            ],
            { name: 'cleanup', trigger: { event: 'ticket-closed' } },
          ),
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'an exit journey that never reaches closeTicket; the fix adds the step first',
      files: exitProject({
        [RETURN]: journeyWith([{ id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion' }], { name: 'return' }),
      }),
      errors: [
        {
          messageId: 'notClosed',
          message: 'this journey starts from the exit intent `talk_to_bot` but never reaches a `closeTicket` node: the ticket stays open',
          data: { intent: 'talk_to_bot' },
          at: '"talk_to_bot"',
        },
      ],
      output: {
        [RETURN]: journeyWith(
          [
            { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'close-banner' },
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion' },
          ],
          { name: 'return', start: 'close-ticket' },
        ),
      },
    },
  ],
});
