import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const sending = (event: string) => journeyWith([{ id: 'a', type: 'sendEvent', event }]);
const bot = { name: 'b', events: [{ name: 'ui-event-update-promotion', enabled: true }] };

new RuleTester().run('event-not-declared', {
  valid: [
    { name: 'a declared banner event', file: J, files: { [J]: sending('ui-event-update-promotion') } },
    { name: 'an undeclared platform event', file: J, files: { [J]: sending('ticket-closed') } },
  ],
  invalid: [
    {
      name: 'a banner event bot.json does not declare; the fix declares and enables it, keeping the formatting',
      files: { [J]: sending('ui-event-close-promotion'), 'bot.json': bot },
      errors: [
        {
          messageId: 'notDeclared',
          message: 'custom event `ui-event-close-promotion` is not declared in bot.json: declare and enable it, or the banner never changes',
          data: { event: 'ui-event-close-promotion' },
          at: '"ui-event-close-promotion"',
        },
      ],
      output: {
        'bot.json': JSON.stringify(
          {
            name: 'b',
            events: [
              ...bot.events,
              {
                name: 'ui-event-close-promotion',
                enabled: true,
                description:
                  'Closes the callout banner. The disconnection guide also sends it with a banner payload to show the banner while an agent holds the chat.',
              },
            ],
          },
          null,
          2,
        ),
      },
    },
  ],
});
