import { RuleTester } from '../ruleTester';

const INTENT = 'intents/talk_to_bot.json';
const nested = (depth: number) => `{"name": "talk_to_bot", "utterances": ["talk to bot"], "extra": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
const deep = nested(5000);
// Function code too deep for the parser is reported where the parser gave up, which depends on
// the stack: test/engine/model/functionCode.test.ts checks it.
const FUNCTION = 'functions/deep.js';

new RuleTester().run('nesting-too-deep', {
  valid: [
    { name: 'a few levels', files: { [INTENT]: nested(10) } },
    { name: 'a function with a few levels of brackets', files: { [FUNCTION]: `return ${'['.repeat(100)}${']'.repeat(100)};\n` } },
  ],
  invalid: [
    {
      name: 'a value nested thousands of levels deep: reported once, where it passes the limit, without crashing',
      files: { [INTENT]: deep },
      errors: [
        {
          messageId: 'tooDeep',
          message: 'this value is nested more than 64 levels deep: it and everything inside it are not checked',
          data: { max: 64 },
          // The 65th level, the first past the limit: the file's object is the first.
          offset: deep.indexOf('[[') + 63,
          length: 1,
        },
      ],
    },
  ],
});
