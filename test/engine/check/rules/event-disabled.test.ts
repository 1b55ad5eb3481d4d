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

const enabledBot = {
  ...validBot,
  events: [
    { name: 'ui-event-close-promotion', enabled: true },
    { name: 'ui-event-update-promotion', enabled: true },
  ],
};

new RuleTester().run('event-disabled', {
  valid: [
    { name: 'an enabled event', file: J, files: { [J]: sending('ui-event-close-promotion') } },
    {
      name: 'bot.json: an event disabled that nothing sends',
      file: 'bot.json',
      files: { [J]: sending('ui-event-update-promotion'), 'bot.json': disabledBot },
    },
  ],
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
      output: { 'bot.json': enabledBot },
    },
    {
      name: 'bot.json: the enabled: false of an event a journey sends, where the edit was made; the fix enables it',
      file: 'bot.json',
      files: { [J]: sending('ui-event-close-promotion'), 'bot.json': disabledBot },
      errors: [
        {
          messageId: 'disabledHere',
          message: 'event `ui-event-close-promotion` is disabled here, so it does not fire when journeys/j.json sends it: enable it',
          data: { event: 'ui-event-close-promotion', senders: 'journeys/j.json' },
          at: 'false',
        },
      ],
      output: { 'bot.json': enabledBot },
    },
  ],
});
