import { RuleTester } from '../ruleTester';
import { botIn, buttonBanner, csv, F, INTENT, sending, T, typedBanner } from './translationFixtures';

const HI = 'बॉट से बात करें';
const TA = 'போட்டுடன் பேசு';
const TA_NFD = TA.normalize('NFD'); // போ as two vowel signs: looks the same
const AR = 'تحدث إلى الروبوت';
const bot = botIn('en', 'hi', 'ta', 'ar');

/** The typed banner's title in four languages, each quoting its phrase. */
const titles = ({ en = 'talk to bot', hi = HI, ta = TA, ar = AR } = {}) =>
  csv(
    'name,english_text,hindi_text,tamil_text,arabic_text',
    `exit_banner_type,Please type '${en}',कृपया '${hi}' लिखें,'${ta}' என தட்டச்சு செய்யவும்,اكتب «${ar}»`,
  );
const intent = (...utterances: string[]) => ({ name: 'talk_to_bot', utterances });
const EVERY = ['talk to bot', HI, TA, AR];
const project = (translations: string, utterances = EVERY, more: object = {}) => ({
  'bot.json': bot,
  [T]: translations,
  [F]: sending(typedBanner()),
  [INTENT]: intent(...utterances),
  ...more,
});
const without = (phrase: string) => EVERY.filter((u) => u !== phrase);
const data = (language: string, name: string, code: string, phrase: string, extra: object = {}) => ({
  phrase,
  kind: 'typed',
  key: 'exit_banner_type',
  language,
  name,
  code,
  exitIntent: 'talk_to_bot',
  ...extra,
});
const KEY = "'exit_banner_type'";
const ROW = (language: string) => `the ${language} text of \`exit_banner_type\`, translations/translations.csv row 2`;
const USE = 'the title of a banner renders `exit_banner_type` (functions/show-exit-banner.js)';

new RuleTester().run('translated-exit-phrase-mismatch', {
  valid: [
    { name: 'the phrase of every language is an utterance of the exit intent', file: F, files: project(titles()) },
    { name: 'the same, seen from the translations file', file: T, files: project(titles()) },
    {
      name: 'two spellings of a Tamil phrase are one when the project ignores case and spacing (NFC)',
      file: F,
      files: project(titles({ ta: TA_NFD }), EVERY, { 'handoff-kit.json': { exitPhraseMatch: 'ignoreCaseAndSpacing' } }),
    },
    {
      name: "a button's rendered text, trained in every language",
      file: F,
      files: {
        'bot.json': botIn('en', 'hi'),
        [T]: csv('name,english_text,hindi_text', 'exit_banner_title,Exit?,बाहर?', 'exit_button,Exit,बाहर', `exit_text,talk to bot,${HI}`),
        [F]: sending(buttonBanner("app.renderMessage('exit_text', {}, 'talk to bot')")),
        [INTENT]: intent('talk to bot', HI),
      },
    },
    {
      name: 'a language the bot does not declare is not read',
      file: F,
      files: { ...project(titles()), 'bot.json': botIn('en'), [INTENT]: intent('talk to bot') },
    },
    {
      name: 'the fixed text of the documented banner is option-text-mismatch’s',
      file: F,
      files: { ...project(titles()), [F]: sending(buttonBanner()) },
    },
  ],
  invalid: [
    {
      name: 'the Hindi utterance is not trained: at the banner, with the row as related; the fix trains it',
      file: F,
      files: project(titles(), without(HI)),
      errors: [
        {
          messageId: 'untrained',
          message:
            'the phrase the Hindi (hi) text of `exit_banner_type` asks to type, `बॉट से बात करें`, is not an utterance of the exit intent `talk_to_bot`: customers who read the banner in Hindi cannot leave the agent',
          data: data('Hindi (hi)', 'Hindi', 'hi', HI),
          at: KEY,
          related: [[T, ROW('Hindi (hi)')]],
        },
      ],
      output: { [INTENT]: intent(...without(HI), HI) },
    },
    {
      name: 'the same on the row of the translations file, on the quoted words',
      file: T,
      files: project(titles(), without(HI)),
      errors: [{ messageId: 'untrained', data: data('Hindi (hi)', 'Hindi', 'hi', HI), at: HI, related: [[F, USE]] }],
      output: { [INTENT]: intent(...without(HI), HI) },
    },
    {
      name: 'a Tamil typo near an utterance of the exit intent; the fix writes the utterance in the translations file',
      file: T,
      files: project(titles({ ta: 'போட்டுடன் பேசுங்' })),
      errors: [
        {
          messageId: 'near',
          message:
            'the phrase the Tamil (ta) text of `exit_banner_type` asks to type, `போட்டுடன் பேசுங்`, is not an utterance of the exit intent `talk_to_bot`; did you mean `போட்டுடன் பேசு` (intent `talk_to_bot`, intents/talk_to_bot.json)?',
          at: 'போட்டுடன் பேசுங்',
          related: [
            [F, USE],
            [INTENT, 'the near utterance of intent `talk_to_bot`'],
          ],
        },
      ],
      output: { [T]: titles() },
    },
    {
      name: 'a Tamil phrase spelt with two vowel signs, compared exactly: named, and written as the utterance',
      file: F,
      files: project(titles({ ta: TA_NFD })),
      errors: [
        {
          messageId: 'lookAlike',
          message: `the phrase the Tamil (ta) text of \`exit_banner_type\` asks to type, \`${TA_NFD}\`, is not an utterance of the exit intent \`talk_to_bot\`: it looks like \`${TA}\` (intent \`talk_to_bot\`, intents/talk_to_bot.json) but differs only in Unicode normalisation (NFC/NFD)`,
          at: KEY,
        },
      ],
      output: { [T]: titles() },
    },
    {
      name: 'an Arabic phrase with a right-to-left mark',
      file: T,
      files: project(titles({ ar: `\u200f${AR}` })),
      errors: [
        {
          messageId: 'lookAlike',
          message: /but contains U\+200F RIGHT-TO-LEFT MARK$/,
          data: data('Arabic (ar)', 'Arabic', 'ar', `\u200f${AR}`, {
            suggestion: AR,
            intent: 'talk_to_bot',
            file: 'intents/talk_to_bot.json',
            difference: { kind: 'invisible', char: 'U+200F RIGHT-TO-LEFT MARK', in: 'phrase' },
          }),
          at: `\u200f${AR}`,
        },
      ],
      output: { [T]: titles() },
    },
    {
      name: 'the Arabic phrase trains another intent',
      file: F,
      files: project(titles(), without(AR), { 'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: [AR] } }),
      errors: [
        {
          messageId: 'otherIntent',
          message: `the phrase the Arabic (ar) text of \`exit_banner_type\` asks to type, \`${AR}\`, is an utterance of intent \`talk_to_agent\`, not of the exit intent \`talk_to_bot\`: customers who read the banner in Arabic start that intent's journeys instead`,
          data: data('Arabic (ar)', 'Arabic', 'ar', AR, { intent: 'talk_to_agent' }),
          at: KEY,
        },
      ],
      output: { [INTENT]: intent(...without(AR), AR) },
    },
    {
      name: 'no phrase is an utterance of any intent: one finding per language',
      file: F,
      files: project(titles(), ['something else']),
      errors: [
        {
          messageId: 'untrained',
          message: /^the phrase the English \(en\) text .* is not an utterance of any intent: customers who read the banner in English/,
          at: KEY,
        },
        { messageId: 'untrained', message: /Hindi \(hi\).* is not an utterance of any intent/, at: KEY },
        { messageId: 'untrained', message: /Tamil \(ta\).* is not an utterance of any intent/, at: KEY },
        { messageId: 'untrained', message: /Arabic \(ar\).* is not an utterance of any intent/, at: KEY },
      ],
      output: { [INTENT]: intent('something else', 'talk to bot') },
    },
    {
      name: 'a phrase in a quoted cell with doubled quotes; the fix keeps them doubled',
      file: T,
      files: {
        'bot.json': botIn('en', 'hi'),
        [T]: csv('name,english_text,hindi_text', `exit_banner_type,"Please type ""talk to bott""",कृपया '${HI}' लिखें`),
        [F]: sending(typedBanner()),
        [INTENT]: intent('talk to bot', HI),
      },
      errors: [
        {
          messageId: 'near',
          message: /asks to type, `talk to bott`, is not an utterance of the exit intent `talk_to_bot`; did you mean `talk to bot`/,
          at: 'talk to bott',
        },
      ],
      output: { [T]: csv('name,english_text,hindi_text', `exit_banner_type,"Please type ""talk to bot""",कृपया '${HI}' लिखें`) },
    },
  ],
});
