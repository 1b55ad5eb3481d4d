import { RuleTester } from '../ruleTester';
import { csv, F, sending, T, typedBanner } from './translationFixtures';

const TRANSLATIONS = csv('name,english_text,hindi_text', "exit_banner_type,Please type 'talk to bot',कृपया 'बॉट से बात करें' लिखें", 'welcome,Hello,नमस्ते');

new RuleTester().run('unknown-translation-key', {
  valid: [
    { name: 'a key the translations file defines', file: F, files: { [T]: TRANSLATIONS, [F]: sending(typedBanner()) } },
    { name: 'no translations file: the keys live in Studio only', file: F, files: { [F]: sending(typedBanner('anything')) } },
    {
      name: 'a translations file that is not read: the key may be there',
      file: F,
      files: { [T]: 'Utterance,Journey\r\nx,y\r\n', 'translations/more.csv': TRANSLATIONS, [F]: sending(typedBanner('anything')) },
    },
    { name: 'a key that is not a literal is not read', file: F, files: { [T]: TRANSLATIONS, [F]: 'app.renderMessage(key);\n' } },
  ],
  invalid: [
    {
      name: "a misspelt key of a banner's title with the platform's empty fallback; the fix writes the key",
      file: F,
      files: { [T]: TRANSLATIONS, [F]: sending(typedBanner('exit_banner_typ')) },
      errors: [
        {
          messageId: 'didYouMean',
          message:
            'no translations file defines the key `exit_banner_typ`; did you mean `exit_banner_type`? As it is, customers see the fallback, which is empty: the banner has no title',
          data: {
            key: 'exit_banner_typ',
            suggestion: 'exit_banner_type',
            role: 'the title of a banner',
            shown: 'the fallback, which is empty: the banner has no title',
          },
          at: "'exit_banner_typ'",
        },
      ],
      output: { [F]: sending(typedBanner('exit_banner_type')) },
    },
    {
      name: 'a reply of the function with a fallback, and one without',
      file: F,
      files: {
        [T]: TRANSLATIONS,
        [F]: "const hello = app.renderMessage('greeting_text', { name }, 'Hello!');\nconst bye = app.renderMessage(\"goodbye_text\");\n",
      },
      errors: [
        {
          messageId: 'unknown',
          message: 'no translations file defines the key `greeting_text`, rendered as a reply: customers see the fallback `Hello!`',
          at: "'greeting_text'",
        },
        {
          messageId: 'unknown',
          message:
            'no translations file defines the key `goodbye_text`, rendered as a reply: customers see whatever the platform shows without a fallback (the call gives none, and the platform does not document it)',
          at: '"goodbye_text"',
        },
      ],
    },
    {
      name: 'a button label whose fallback the code computes',
      file: F,
      files: {
        [T]: TRANSLATIONS,
        [F]: sending("[{ title: 'Exit?', options: [{ title: app.renderMessage('exit_label', {}, label), text: 'talk to bot' }] }]"),
      },
      errors: [
        {
          messageId: 'unknown',
          message:
            "no translations file defines the key `exit_label`, rendered as a banner button's label: customers see the fallback the code computes",
          at: "'exit_label'",
        },
      ],
    },
  ],
});
