import { RuleTester } from '../ruleTester';

const INTENT = 'intents/talk_to_bot.json';
const twice = '{\n  "name": "talk_to_bot",\n  "name": "exit",\n  "utterances": ["talk to bot"]\n}';
const twiceLast = '{\n  "utterances": ["talk to bot"],\n  "name": "x",\n  "name": "talk_to_bot"\n}';

new RuleTester().run('duplicate-key', {
  valid: [
    { name: 'keys that are unique in each object', files: { [INTENT]: '{"name": "talk_to_bot", "utterances": ["talk to bot"], "x": {"name": 1}}' } },
  ],
  invalid: [
    {
      name: 'the earlier of two keys; the fix removes it with its comma',
      files: { [INTENT]: twice },
      errors: [
        {
          messageId: 'duplicate',
          message: 'key `name` appears again later in this object: the last one is read (as by the platform) and this one is ignored',
          data: { key: 'name' },
          at: '"name"',
        },
      ],
      output: { [INTENT]: '{\n  "name": "exit",\n  "utterances": ["talk to bot"]\n}' },
    },
    {
      name: 'three times: the two earlier ones; the fix removes the first',
      files: { [INTENT]: twiceLast.replace('"name": "x",', '"name": "x",\n  "name": "y",') },
      errors: [
        { messageId: 'duplicate', data: { key: 'name' }, at: '"name"' },
        { messageId: 'duplicate', data: { key: 'name' }, at: '"name"', occurrence: 2 },
      ],
      output: { [INTENT]: '{\n  "utterances": ["talk to bot"],\n  "name": "y",\n  "name": "talk_to_bot"\n}' },
    },
  ],
});
