// Kind: Devanagari, Arabic (right to left) and Tamil through every check. One project per script
// puts the script's text everywhere a phrase goes (utterances, banners in journeys and functions,
// translations, FAQs, a test report, a conversation test) with one mistake for each phrase check; every check runs,
// none fails, each expected finding is there, and each finding's range is exactly the phrase (or
// the string that holds it) in the file's UTF-16 text.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkProject, rules, type Finding } from '../../../server/src/engine';
import { journeyWith, ProjectFixture, ROOT, validBot } from '../support/projectFixture';
import { csv, sending, typedBanner } from '../check/rules/translationFixtures';

interface Script {
  readonly name: string;
  readonly code: string;
  /** The exit phrase, trained. */
  readonly exit: string;
  /** A phrase no intent is trained with. */
  readonly stray: string;
  /** The exit phrase written with other code points that look the same (NFD, a mark). */
  readonly lookAlike: string;
  /** A title quoting `phrase` in the script's way. */
  readonly title: (phrase: string) => string;
  readonly column: string;
}

const SCRIPTS: Script[] = [
  {
    name: 'Devanagari (Hindi)',
    code: 'hi',
    exit: 'बॉट से बात करें',
    stray: 'एजेंट को बुलाओ',
    lookAlike: '\u0958ानून', // क़ as one code point; the utterance has its NFC form
    title: (p) => `कृपया '${p}' लिखें`,
    column: 'hindi_text',
  },
  {
    name: 'Arabic (right to left)',
    code: 'ar',
    exit: 'تحدث إلى الروبوت',
    stray: 'اتصل بوكيل',
    lookAlike: '\u200fتحدث إلى الروبوت', // a right-to-left mark in front
    title: (p) => `اكتب «${p}»`,
    column: 'arabic_text',
  },
  {
    name: 'Tamil',
    code: 'ta',
    exit: 'போட்டுடன் பேசு',
    stray: 'முகவரை அழை',
    lookAlike: 'போட்டுடன் பேசு'.normalize('NFD'), // போ as two vowel signs
    title: (p) => `'${p}' என தட்டச்சு செய்யவும்`,
    column: 'tamil_text',
  },
];

function projectIn(s: Script): ProjectFixture {
  const banner = (text: string) => ({ title: s.title(text), options: [{ title: s.title(text), text }] });
  return new ProjectFixture({
    'bot.json': { ...validBot, languages: ['en', s.code] },
    'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot', s.exit, s.lookAlike.normalize('NFC').replace('\u200f', '')] },
    // The same phrase trains a second intent: duplicate-utterance.
    'intents/other.json': { name: 'other', utterances: [s.exit] },
    'journeys/live-agent.json': journeyWith(
      [
        { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show' } },
        { id: 'show', type: 'sendEvent', event: 'ui-event-update-promotion', data: [banner(s.exit), banner(s.stray), banner(s.lookAlike)] },
      ],
      { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
    ),
    'journeys/return-to-bot.json': journeyWith(
      [
        { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'ticket' },
        { id: 'ticket', type: 'closeTicket' },
      ],
      { name: 'return-to-bot' },
    ),
    'functions/show-exit-banner.js': sending(`[${typedBanner('exit_typed').slice(1, -1)}, ${typedBanner('exit_empty').slice(1, -1)}]`),
    'translations/translations.csv': csv(
      `name,english_text,${s.column}`,
      `exit_typed,Please type 'talk to bot',${s.title(s.stray)}`,
      `exit_empty,Please type 'talk to bot',`,
    ),
    'faqs/faqs.csv': csv('category,question,variations,answer_en', `chat,${s.exit},,x`),
    // A conversation test types the exit phrase while the agent holds the chat.
    'tests/exit.json': {
      tests: [
        {
          name: `${s.name}: ${s.exit}`,
          steps: [
            { startJourney: 'live-agent' },
            { ticket: 'agentConnected' },
            { say: s.exit },
            { expect: { journey: 'return-to-bot', with: 'bot' } },
          ],
        },
      ],
    },
    // Studio sent the exit phrase to the agent's journey: live-exit-misrouted.
    'test-reports/run.csv': csv('Utterance,Predicted Journey,Journey,Status', `${s.exit},live-agent,return-to-bot,failure`),
  });
}

/** What each finding marks in its file. */
function marked(fixture: ProjectFixture, finding: Finding): string {
  const text = fixture.text(path.relative(ROOT, finding.file).split(path.sep).join('/'));
  return text.slice(finding.offset, finding.offset + finding.length);
}

describe('Devanagari, Arabic and Tamil through every check', () => {
  for (const s of SCRIPTS) {
    it(`${s.name}: every check runs, and each phrase finding marks its phrase`, () => {
      const fixture = projectIn(s);
      const findings = checkProject(fixture.project);
      assert.deepEqual(
        findings.filter((f) => f.code === 'check-failed'),
        [],
      );
      const codes = new Set(findings.map((f) => f.code));
      for (const code of [
        'option-text-mismatch',
        'duplicate-utterance',
        'translated-exit-phrase-mismatch',
        'translation-text-missing',
        'faq-exit-phrase-clash',
        'live-exit-misrouted',
      ])
        assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
      for (const finding of findings) {
        const at = marked(fixture, finding);
        switch (finding.code) {
          case 'option-text-mismatch':
            // The button's text (a JSON string) of the stray phrase and of the look-alike.
            assert.ok([JSON.stringify(s.stray), JSON.stringify(s.lookAlike)].includes(at), `${finding.message} at ${at}`);
            break;
          case 'duplicate-utterance':
            assert.equal(at, JSON.stringify(s.exit));
            break;
          case 'translated-exit-phrase-mismatch':
            assert.ok([s.stray, "'exit_typed'"].includes(at), at);
            assert.match(finding.message, new RegExp(`\`${s.stray}\``));
            break;
          case 'translation-text-missing':
            assert.ok(["'exit_empty'", 'exit_empty'].includes(at), at);
            break;
          case 'faq-exit-phrase-clash':
            assert.ok([s.exit, JSON.stringify(s.exit)].includes(at), `${finding.message} at ${at}`);
            break;
          case 'live-exit-misrouted':
            // At the banner's text, and on the report's whole row.
            assert.ok(at === JSON.stringify(s.exit) || at === `${s.exit},live-agent,return-to-bot,failure`, at);
            break;
        }
      }
    });
  }

  it('every check of the registry ran on some file of these projects', () => {
    const kinds = new Set(
      SCRIPTS.flatMap((s) =>
        projectIn(s)
          .project.allFiles()
          .map((f) => f.kind),
      ),
    );
    for (const rule of rules)
      assert.ok(
        rule.kinds.some((kind) => kinds.has(kind)),
        `${rule.code} reads ${rule.kinds.join(', ')}`,
      );
  });
});
