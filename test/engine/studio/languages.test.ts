// The Studio loop in every language: the utterance tests hold each language's exit phrase (Tag
// `exit-phrase:<code>`), and the build sheet lists the languages, the Multilingual feature type,
// the Enable Hinglish reminder (only with Hindi) and per language the exit intent's phrases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { studioSheet, utteranceTestCsv, utteranceTestRows } from '../../../server/src/engine';
import { ProjectFixture, validBot } from '../support/projectFixture';
import { botIn, csv, F, INTENT, sending, T, typedBanner } from '../check/rules/translationFixtures';

const HI = 'बॉट से बात करें';
const AR = 'تحدث إلى الروبوت';
const exitJourney = {
  name: 'return-to-bot',
  trigger: { intent: 'talk_to_bot' },
  start: 'close',
  nodes: [{ id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion' }],
};

function project(languages: string[], utterances = ['talk to bot', HI, AR]) {
  return new ProjectFixture({
    'bot.json': botIn(...languages),
    [T]: csv('name,english_text,hindi_text,arabic_text', `exit_banner_type,Please type 'talk to bot',कृपया '${HI}' लिखें,اكتب «${AR}»`),
    [F]: sending(`[${typedBanner().slice(1, -1)}, { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }]`),
    [INTENT]: { name: 'talk_to_bot', utterances },
    'journeys/return-to-bot.json': exitJourney,
    'faqs/faqs.csv': csv('category,question,answer_en', 'support,How do I reset my password?,Use the link.'),
  });
}

describe('utterance tests in every language', () => {
  it("writes each language's exit phrase, tagged with its code, after the fixed phrases", () => {
    const rows = utteranceTestRows(project(['en', 'hi', 'ar']).project);
    assert.deepEqual(
      rows.map((r) => [r.utterance, r.journey, r.tag]),
      [
        ['talk to bot', 'return-to-bot', 'exit-phrase'],
        [HI, 'return-to-bot', 'exit-phrase:hi'],
        [AR, 'return-to-bot', 'exit-phrase:ar'],
      ],
    );
    assert.equal(
      utteranceTestCsv(rows)[0],
      `Utterance,Journey,Tag\r\ntalk to bot,return-to-bot,exit-phrase\r\n${HI},return-to-bot,exit-phrase:hi\r\n${AR},return-to-bot,exit-phrase:ar\r\n`,
    );
  });

  it('leaves out a phrase no intent is trained with, and a language the bot does not declare', () => {
    const rows = utteranceTestRows(project(['en', 'hi'], ['talk to bot']).project);
    assert.deepEqual(
      rows.map((r) => r.tag),
      ['exit-phrase'],
    );
  });
});

describe('the Studio sheet in every language', () => {
  it('lists the languages, Multilingual, Enable Hinglish with Hindi, the files to import and the phrases per language', () => {
    const sheet = studioSheet(project(['en', 'hi', 'ar'], ['talk to bot', HI]).project);
    const section = sheet.slice(sheet.indexOf('## 4. Languages'));
    assert.equal(
      section,
      [
        '## 4. Languages',
        '',
        'Automation > Build > Flow > Language: add each language (Tools > Conversation: the default is the *Target language*).',
        '',
        '- English `en`, the default',
        '- Hindi `hi`',
        '- Arabic `ar`',
        '',
        "Train > Intents: choose the **Multilingual** feature type, not the default *Sentence encoder*: an intent has one list of utterances for every language, and this bot's lists mix languages.",
        '',
        'Hindi: if customers write Hindi in Latin script (`bot se baat karo`), turn on *Enable Hinglish* (Tools > Conversation). Whether a phrase is Hindi in Latin script is beyond what a check can know: decide it with the team.',
        '',
        '- Translations > Bulk manage > Import: `translations/translations.csv`',
        '- FAQs > Bulk manage > Import: `faqs/faqs.csv`',
        '',
        'The exit intent must be trained with the phrase its banners offer, in each language (paste them into its training box):',
        '',
        "- Every language (a button's fixed text): `talk to bot` (intent `talk_to_bot`)",
        '- English `en`: `talk to bot` (intent `talk_to_bot`)',
        `- Hindi \`hi\`: \`${HI}\` (intent \`talk_to_bot\`)`,
        `- Arabic \`ar\`: \`${AR}\` (**no intent is trained with it yet**)`,
        '',
      ].join('\n'),
    );
  });

  it('says nothing of Hinglish without Hindi, nor of Multilingual with one language', () => {
    const arabic = studioSheet(project(['ar']).project);
    assert.ok(arabic.includes('## 4. Languages'));
    assert.ok(!arabic.includes('Hinglish'));
    assert.ok(!arabic.includes('Multilingual'));
  });

  it('has no languages section for a bot in English without exports', () => {
    assert.ok(!studioSheet(new ProjectFixture({ 'bot.json': validBot }).project).includes('Languages'));
  });
});
