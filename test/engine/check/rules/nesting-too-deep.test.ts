import { RuleTester } from '../ruleTester';

const INTENT = 'intents/talk_to_bot.json';
const nested = (depth: number) => `{"name": "talk_to_bot", "utterances": ["talk to bot"], "extra": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
const deep = nested(5000);
// Function code is measured before it is parsed: reported where it passes 128 levels.
const FUNCTION = 'functions/deep.js';
const deepCode = `return \`\${${'`${'.repeat(300)}1${'}`'.repeat(300)}}\`;\n`;

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
    {
      name: 'function code with hundreds of nested template literals, which would abort the parse (V8 fatal error)',
      files: { [FUNCTION]: deepCode },
      errors: [
        {
          messageId: 'codeTooDeep',
          message:
            "this function's code nests more than 128 levels deep (brackets and template literals): none of its `app.sendEvent` calls are checked",
          // Each `${ (three characters) opens two levels, the template and its placeholder: the
          // 129th level is the 65th template, 64 × 3 characters after the first.
          offset: deepCode.indexOf('`') + 64 * 3,
          length: 1,
        },
      ],
    },
  ],
});
