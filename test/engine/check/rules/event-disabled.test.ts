import { journeyWith, validBot } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const sending = (event: string) => journeyWith([{ id: 'a', type: 'sendEvent', event }]);
const disabledBot = {
  ...validBot,
  events: [
    { name: 'ui-event-close-promotion', enabled: false },
    { name: 'ui-event-update-promotion', enabled: true },
  ],
};

new RuleTester().run('event-disabled', {
  valid: [{ name: 'an enabled event', file: J, files: { [J]: sending('ui-event-close-promotion') } }],
  invalid: [
    {
      name: 'an event declared with enabled: false; the fix enables it',
      files: { [J]: sending('ui-event-close-promotion'), 'bot.json': disabledBot },
      errors: [
        {
          messageId: 'disabled',
          message: 'event `ui-event-close-promotion` is disabled in bot.json: it will not fire until it is enabled',
          data: { event: 'ui-event-close-promotion' },
          at: '"ui-event-close-promotion"',
        },
      ],
      output: {
        'bot.json': {
          ...validBot,
          events: [
            { name: 'ui-event-close-promotion', enabled: true },
            { name: 'ui-event-update-promotion', enabled: true },
          ],
        },
      },
    },
  ],
});
