import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';
import { completeExitJourney, exitProject } from './exitJourneyFixtures';

const RETURN = 'journeys/return.json';
const NOT_CLOSED =
  'this journey starts from the exit intent `talk_to_bot` but never sends `ui-event-close-promotion` without data: the banner stays on screen';

new RuleTester().run('banner-not-closed', {
  valid: [
    { name: 'an exit journey that closes the banner', file: RETURN, files: exitProject({ [RETURN]: completeExitJourney }) },
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
      name: 'an exit journey that never closes the banner, on its trigger; the fix adds the close step first',
      files: exitProject({ [RETURN]: journeyWith([{ id: 'close-ticket', type: 'closeTicket' }], { name: 'return' }) }),
      errors: [{ messageId: 'notClosed', message: NOT_CLOSED, at: '"talk_to_bot"' }],
      output: {
        [RETURN]: journeyWith(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
            { id: 'close-ticket', type: 'closeTicket' },
          ],
          { name: 'return', start: 'close-banner' },
        ),
      },
    },
    {
      name: 'a close event that carries a banner, or that no path reaches, does not count',
      files: exitProject({
        [RETURN]: journeyWith(
          [
            { id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Bye', options: [] }, next: 'b' },
            { id: 'b', type: 'closeTicket' },
            { id: 'orphan', type: 'sendEvent', event: 'ui-event-close-promotion' },
          ],
          { name: 'return' },
        ),
      }),
      errors: [{ messageId: 'notClosed', message: NOT_CLOSED, at: '"talk_to_bot"' }],
      output: {
        [RETURN]: journeyWith(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'a' },
            { id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Bye', options: [] }, next: 'b' },
            { id: 'b', type: 'closeTicket' },
            { id: 'orphan', type: 'sendEvent', event: 'ui-event-close-promotion' },
          ],
          { name: 'return', start: 'close-banner' },
        ),
      },
    },
  ],
});
