import { RuleTester } from '../ruleTester';

const LOCKED = 'intents/locked.json';

new RuleTester().run('file-unread', {
  valid: [{ name: 'a file that was read', files: { [LOCKED]: { name: 'locked', utterances: ['x'] } } }],
  invalid: [
    {
      name: 'a file that could not be read, with the reason',
      files: { [LOCKED]: '' },
      limits: { [LOCKED]: { unreadReason: 'permission denied' } },
      errors: [
        {
          messageId: 'unread',
          message: 'the file could not be read: permission denied; checks that depend on what it defines say nothing definite about it',
          data: { reason: 'permission denied' },
          offset: 0,
          length: 0,
        },
      ],
    },
  ],
});
