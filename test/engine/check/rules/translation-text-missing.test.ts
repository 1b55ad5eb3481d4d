import { RuleTester } from '../ruleTester';
import { validBot } from '../../support/projectFixture';
import { botIn, buttonBanner, csv, F, sending, T, typedBanner } from './translationFixtures';

const HEADER = 'name,english_text,hindi_text,tamil_text,arabic_text';
const FULL = csv(
  HEADER,
  "exit_banner_type,Please type 'talk to bot',कृपया 'बॉट से बात करें' लिखें,'போட்டுடன் பேசு' என தட்டச்சு செய்யவும்,اكتب «تحدث إلى الروبوت»",
  'exit_banner_title,Do you want to exit from chat?,क्या आप चैट से बाहर निकलना चाहते हैं?,அரட்டையிலிருந்து வெளியேற வேண்டுமா?,هل تريد الخروج من الدردشة؟',
  'exit_button,Exit,बाहर निकलें,வெளியேறு,خروج',
);
const everyLanguage = botIn('en', 'hi', 'ta', 'ar');

new RuleTester().run('translation-text-missing', {
  valid: [
    {
      name: 'every key a banner renders has a text in every language',
      file: F,
      files: { 'bot.json': everyLanguage, [T]: FULL, [F]: sending(typedBanner()) },
    },
    {
      name: 'the rows too',
      file: T,
      files: {
        'bot.json': everyLanguage,
        [T]: FULL,
        [F]: sending(`[${typedBanner().slice(1, -1)}, ${buttonBanner().slice(1, -1)}]`),
      },
    },
    {
      name: 'a bot that declares no languages needs English only',
      file: F,
      files: {
        'bot.json': validBot,
        [T]: csv('name,english_text,hindi_text', "exit_banner_type,Please type 'talk to bot',"),
        [F]: sending(typedBanner()),
      },
    },
    {
      name: 'a key used outside banners is not a banner text',
      file: F,
      files: { 'bot.json': everyLanguage, [T]: csv('name,english_text', 'welcome,Hello'), [F]: "app.renderMessage('welcome', {}, 'Hi');\n" },
    },
    { name: 'no translations file', file: F, files: { 'bot.json': everyLanguage, [F]: sending(typedBanner()) } },
  ],
  invalid: [
    {
      name: 'a banner title with an empty Hindi text and no Tamil column, at the use',
      file: F,
      files: {
        'bot.json': botIn('en', 'hi', 'ta'),
        [T]: csv('name,english_text,hindi_text', "exit_banner_type,Please type 'talk to bot',"),
        [F]: sending(typedBanner()),
      },
      errors: [
        {
          messageId: 'atUse',
          message:
            'the translation key `exit_banner_type`, the title of a banner, has no text in Hindi (hi), Tamil (ta) (translations/translations.csv, row 2): customers in those languages see the fallback, which is empty: the banner has no title',
          data: {
            key: 'exit_banner_type',
            languages: 'Hindi (hi), Tamil (ta)',
            file: 'translations/translations.csv',
            row: 2,
            role: 'the title of a banner',
            shown: 'the fallback, which is empty: the banner has no title',
          },
          at: "'exit_banner_type'",
          related: [
            [T, 'the Hindi (hi) text of `exit_banner_type`, translations/translations.csv row 2'],
            [T, 'the Tamil (ta) text of `exit_banner_type`, translations/translations.csv row 2'],
          ],
        },
      ],
    },
    {
      name: 'the same on the row: the empty text, and the column that is not there',
      file: T,
      files: {
        'bot.json': botIn('en', 'hi', 'ta'),
        [T]: csv('name,english_text,hindi_text', "exit_banner_type,Please type 'talk to bot',"),
        [F]: sending(typedBanner()),
      },
      errors: [
        {
          messageId: 'emptyText',
          message:
            '`exit_banner_type`, the title of a banner, has an empty Hindi (hi) text, a language bot.json declares: customers in Hindi see the fallback, which is empty: the banner has no title',
          at: 'exit_banner_type',
          related: [[F, 'the title of a banner renders `exit_banner_type` (functions/show-exit-banner.js)']],
        },
        {
          messageId: 'noColumn',
          message:
            'no `tamil_text` column: `exit_banner_type`, the title of a banner, has no Tamil (ta) text, a language bot.json declares: customers in Tamil see the fallback, which is empty: the banner has no title',
          at: 'exit_banner_type',
        },
      ],
    },
    {
      name: 'a button label with a blank Arabic text and its fallback',
      file: F,
      files: {
        'bot.json': botIn('en', 'ar'),
        [T]: csv('name,english_text,arabic_text', 'exit_banner_title,Exit?,هل تريد الخروج؟', 'exit_button,Exit,"  "'),
        [F]: sending(buttonBanner()),
      },
      errors: [
        {
          messageId: 'atUse',
          message:
            "the translation key `exit_button`, a banner button's label, has no text in Arabic (ar) (translations/translations.csv, row 3): customers in those languages see the fallback `Exit`",
          at: "'exit_button'",
        },
      ],
    },
  ],
});
