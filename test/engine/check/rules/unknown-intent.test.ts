import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const triggeredBy = (intent: string) => journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { intent } });

new RuleTester().run('unknown-intent', {
  valid: [{ name: 'a trigger intent that exists', files: { [J]: triggeredBy('talk_to_bot') } }],
  invalid: [
    {
      name: 'a trigger intent that does not, with the one meant; the fix changes it',
      files: { [J]: triggeredBy('talk_to_bto') },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'unknown intent `talk_to_bto`; did you mean `talk_to_bot`?',
          data: { name: 'talk_to_bto', suggestion: 'talk_to_bot' },
          at: '"talk_to_bto"',
        },
      ],
      output: { [J]: triggeredBy('talk_to_bot') },
    },
    {
      name: 'with an unread intent file, an unknown intent says it may be defined there',
      files: {
        [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { intent: 'cancel_order' } }),
        'intents/locked.json': '',
      },
      limits: { 'intents/locked.json': { unreadReason: 'permission denied' } },
      errors: [
        { messageId: 'unread', severity: 'info', data: { name: 'cancel_order', files: 'intents/locked.json', count: 1 }, at: '"cancel_order"' },
      ],
    },
  ],
});
