import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';
import { botIn, csv, F, INTENT, sending, T, typedBanner } from './translationFixtures';

const J = 'journeys/j.json';
const Q = 'faqs/faqs.csv';
const HI = 'बॉट से बात करें';
const AR = 'تحدث إلى الروبوت';
const banner = (text: string) =>
  journeyWith([
    {
      id: 'show',
      type: 'sendEvent',
      event: 'ui-event-close-promotion',
      data: { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] },
    },
  ]);
const faqs = (...rows: string[]) => csv('"category","question","variations","answer_en","answer_hi"', ...rows);
const FAQS = faqs(
  'support,How do I reset my password?,forgot password,Use the link.,लिंक का उपयोग करें',
  `chat,Can I talk to a person?,"talk to bot\r\nspeak to someone",Yes.,${HI}`,
);
const localized = {
  'bot.json': botIn('en', 'hi'),
  [T]: csv('name,english_text,hindi_text', `exit_banner_type,Please type 'talk to bot',कृपया '${HI}' लिखें`),
  [F]: sending(typedBanner()),
  [INTENT]: { name: 'talk_to_bot', utterances: ['talk to bot', HI] },
};

new RuleTester().run('faq-exit-phrase-clash', {
  valid: [
    {
      name: 'FAQs that are no exit phrase',
      file: Q,
      files: { [Q]: faqs('support,How do I reset my password?,,Use the link.,x'), [J]: banner('talk to bot') },
    },
    {
      name: 'the banner, when no FAQ is its phrase',
      file: J,
      files: { [Q]: faqs('support,How do I reset my password?,,x,y'), [J]: banner('talk to bot') },
    },
    { name: 'compared exactly by default: case differs', file: Q, files: { [Q]: faqs('chat,Talk to bot,,x,y'), [J]: banner('talk to bot') } },
    { name: 'an FAQs file that is not read', file: J, files: { [Q]: 'question\r\ntalk to bot\r\n', [J]: banner('talk to bot') } },
  ],
  invalid: [
    {
      name: 'a variation equal to an option text: on the FAQ row, with the banner as related',
      file: Q,
      files: { [Q]: FAQS, [J]: banner('talk to bot') },
      errors: [
        {
          messageId: 'atFaq',
          message:
            "the FAQ variation `talk to bot` (row 3) is also a banner's exit phrase (journeys/j.json): a customer leaving the agent may get this FAQ's answer instead of the exit journey",
          data: { kind: 'variation', phrase: 'talk to bot', row: 3, banners: 'journeys/j.json' },
          at: 'talk to bot',
          related: [[J, 'the exit phrase `talk to bot` of a banner']],
        },
      ],
    },
    {
      name: 'the same at the banner, with the FAQ row as related',
      file: J,
      files: { [Q]: FAQS, [J]: banner('talk to bot') },
      errors: [
        {
          messageId: 'atBanner',
          message:
            "the exit phrase `talk to bot` of this banner is also an FAQ (faqs/faqs.csv, row 3): Studio may answer the customer's exit with the FAQ instead of starting the exit journey",
          at: '"talk to bot"',
          related: [[Q, 'the FAQ variation `talk to bot`, faqs/faqs.csv, row 3']],
        },
      ],
    },
    {
      name: 'as exitPhraseMatch compares: a question differing in case and punctuation',
      file: Q,
      files: { [Q]: faqs('chat,Talk to bot?,,x,y'), [J]: banner('talk to bot') },
      options: { phraseMatch: 'ignoreCaseAndSpacing' },
      errors: [{ messageId: 'atFaq', data: { kind: 'question', phrase: 'Talk to bot?', row: 2, banners: 'journeys/j.json' }, at: 'Talk to bot?' }],
    },
    {
      name: "a Hindi answer's question equal to a localized banner's Hindi phrase: on the row",
      file: Q,
      files: { ...localized, [Q]: faqs(`chat,${HI},,Talk to us.,हमसे बात करें`) },
      errors: [
        {
          messageId: 'atFaq',
          data: { kind: 'question', phrase: HI, row: 2, banners: 'functions/show-exit-banner.js' },
          at: HI,
          related: [[F, 'the Hindi (hi) exit phrase `बॉट से बात करें` (`exit_banner_type`) of a banner']],
        },
      ],
    },
    {
      name: 'and at the key the banner renders',
      file: F,
      files: { ...localized, [Q]: faqs(`chat,${HI},,Talk to us.,हमसे बात करें`) },
      errors: [
        {
          messageId: 'atBanner',
          message: `the Hindi (hi) exit phrase \`${HI}\` (\`exit_banner_type\`) of this banner is also an FAQ (faqs/faqs.csv, row 2): Studio may answer the customer's exit with the FAQ instead of starting the exit journey`,
          at: "'exit_banner_type'",
        },
      ],
    },
    {
      name: "a question equal to the fixed text of a function's button",
      file: Q,
      files: { [Q]: faqs('chat,talk to bot,,x,y'), [F]: sending("[{ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }]") },
      errors: [
        {
          messageId: 'atFaq',
          data: { kind: 'question', phrase: 'talk to bot', row: 2, banners: 'functions/show-exit-banner.js' },
          at: 'talk to bot',
          related: [[F, 'the exit phrase `talk to bot` of a banner']],
        },
      ],
    },
    {
      name: 'an Arabic variation in a quoted cell',
      file: Q,
      files: { [Q]: faqs(`chat,How do I leave?,"${AR}",x,y`), [J]: banner(AR) },
      errors: [{ messageId: 'atFaq', data: { kind: 'variation', phrase: AR, row: 2, banners: 'journeys/j.json' }, at: AR }],
    },
  ],
});
