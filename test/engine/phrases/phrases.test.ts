// Phrases as people write them: one normaliser compares phrases everywhere (issue 10, section 4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hashOfNormalForm,
  hasNormalForm,
  normalFormHash,
  normalizePhrase,
  phraseDifference,
  phraseKey,
  sameNormalForm,
} from '../../../server/src/engine/phrases/phraseMatch';
import { quickFixes } from '../../../server/src/engine';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const buttonBanner = (text: string) => ({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] });

function withBanner(text: string, utterances = ['talk to bot']) {
  return new ProjectFixture({
    'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances },
    // The banner's journey is the agent's: the exit intent starts another one.
    'journeys/j.json': journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: buttonBanner(text) }], {
      trigger: { intent: 'talk_to_agent' },
    }),
  });
}

describe('phrase normalisation: one normal form for what looks the same', () => {
  it('gives plain ASCII text (its quick path) the normal form the full steps give', () => {
    const full = (phrase: string) =>
      phrase
        .normalize('NFC')
        .replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, '')
        .replace(/[\s\p{Zs}]+/gu, ' ')
        .trim()
        .toLowerCase()
        .replace(/[\s\p{P}]+$/u, '');
    const chars = ['a', 'B', 'z', '0', '9', ' ', ' ', '.', '!', '?', "'", '-', '_', '~', '@', '[', '`', '\t', '\u00A0', 'é', '\u200B', 'İ'];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(next() * 8) }, () => chars[Math.floor(next() * chars.length)]).join('');
      assert.equal(normalizePhrase(text), full(text), JSON.stringify(text));
    }
  });

  it('hashes and compares normal forms as normalizePhrase does, with or without making them', () => {
    // The project index files utterances by normalFormHash and tells collisions with
    // hasNormalForm and sameNormalForm, which skip making the normal form of plain phrases.
    const chars = ['a', 'B', 'z', 'Z', '0', ' ', ' ', '.', '!', "'", '~', '\t', '\u00A0', 'é', 'É', '\u200B', 'İ', 'ß', 'ﬁ', '日'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = Array.from({ length: 3000 }, () =>
      Array.from({ length: Math.floor(next() * 6) }, () => chars[Math.floor(next() * chars.length)]).join(''),
    );
    texts.push('Talk to Bot', 'talk to bot', 'TALK TO BOT.', 'talk  to bot', 'talk to bot\u200B', 'cafe\u0301', 'café');
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      const form = normalizePhrase(text);
      assert.equal(normalFormHash(text), hashOfNormalForm(form), JSON.stringify(text));
      assert.equal(hasNormalForm(text, form), true, JSON.stringify(text));
      const other = texts[(i * 7919) % texts.length];
      const same = normalizePhrase(other) === form;
      assert.equal(hasNormalForm(other, form), same, `${JSON.stringify(other)} against ${JSON.stringify(form)}`);
      assert.equal(sameNormalForm(text, other), same, `${JSON.stringify(text)} and ${JSON.stringify(other)}`);
      if (same) assert.equal(normalFormHash(other), normalFormHash(text));
    }
    assert.equal(sameNormalForm('Talk to Bot', 'talk to bot'), true);
    assert.equal(sameNormalForm('talk to bot', 'talk to bots'), false);
  });

  it('folds Unicode normalisation, every kind of space, zero-width characters, case and trailing punctuation', () => {
    const spellings = [
      'talk to bot',
      'Talk to bot',
      'talk to bot ',
      'talk  to bot',
      'talk to bot.',
      'talk to bot!?',
      'talk\tto\u00A0bot',
      'talk\u2003to\u202Fbot',
      'talk\u3000to bot',
      'talk to\u200B bot',
      '\uFEFFtalk to b\u200Dot\u2060',
    ];
    for (const s of spellings) assert.equal(normalizePhrase(s), 'talk to bot', JSON.stringify(s));
    assert.equal(normalizePhrase('caf\u0065\u0301'), normalizePhrase('caf\u00E9'));
    assert.equal(normalizePhrase('caf\u0065\u0301'), 'café');
  });

  it('keeps punctuation inside a phrase and different words different', () => {
    assert.equal(normalizePhrase("don't stop."), "don't stop");
    assert.notEqual(normalizePhrase('talk to bot'), normalizePhrase('talk to the bot'));
  });

  it('`exact` still compares the text as it is; `ignoreCaseAndSpacing` compares normal forms', () => {
    assert.notEqual(phraseKey('talk to bot\u200B', 'exact'), phraseKey('talk to bot', 'exact'));
    assert.equal(phraseKey('Talk\u00A0to  bot.', 'ignoreCaseAndSpacing'), phraseKey('talk to bot', 'ignoreCaseAndSpacing'));
  });

  it('names what differs between two texts that look the same', () => {
    assert.deepEqual(phraseDifference('talk to\u200B bot', 'talk to bot'), { kind: 'invisible', char: 'U+200B ZERO WIDTH SPACE', in: 'phrase' });
    assert.deepEqual(phraseDifference('talk to bot', 'talk to bot\uFEFF'), {
      kind: 'invisible',
      char: 'U+FEFF ZERO WIDTH NO-BREAK SPACE',
      in: 'utterance',
    });
    assert.deepEqual(phraseDifference('caf\u0065\u0301', 'caf\u00E9'), { kind: 'normalisation' });
    assert.deepEqual(phraseDifference('talk\u00A0to bot', 'talk to bot'), { kind: 'spacing', char: 'U+00A0 NO-BREAK SPACE' });
    assert.deepEqual(phraseDifference('talk  to bot', 'talk to bot'), { kind: 'spacing' });
    assert.deepEqual(phraseDifference('Talk to bot', 'talk to bot'), { kind: 'case' });
    assert.deepEqual(phraseDifference('talk to bot.', 'talk to bot'), { kind: 'punctuation' });
    assert.equal(phraseDifference('talk to bot', 'talk to bot'), undefined);
    assert.equal(phraseDifference('talk to bot', 'talk to the bot'), undefined);
  });
});

describe('phrase normalisation: training conflicts whatever exitPhraseMatch says (duplicate-utterance)', () => {
  for (const spelling of ['talk to bot', 'Talk to bot', 'talk to bot ', 'talk  to bot', 'talk to bot.', 'talk\u00A0to bot', 'talk to\u200B bot']) {
    it(`reports ${JSON.stringify(spelling)} in another intent as a duplicate of \`talk to bot\`, with exact matching`, () => {
      const fixture = new ProjectFixture({ 'intents/other.json': { name: 'other', utterances: [spelling] } });
      const [finding] = fixture.findings('intents/other.json', 'duplicate-utterance');
      assert.ok(finding, 'a finding');
      assert.equal(finding.offset, fixture.offsetOf('intents/other.json', JSON.stringify(spelling)));
      if (spelling === 'talk to bot') {
        assert.equal(finding.message, 'utterance `talk to bot` also trains intent `talk_to_bot` (intents/talk_to_bot.json)');
      } else {
        assert.equal(finding.messageId, 'similar');
        assert.equal(
          finding.message,
          `utterance \`${spelling}\` also trains intent \`talk_to_bot\` (intents/talk_to_bot.json), written \`talk to bot\`: they differ only in case, spacing, punctuation or invisible characters`,
        );
      }
      assert.equal(fixture.findings('intents/talk_to_bot.json', 'duplicate-utterance').length, 1);
    });
  }

  it('reports NFC and NFD spellings of one phrase in two intents', () => {
    const fixture = new ProjectFixture({
      'intents/a.json': { name: 'a', utterances: ['caf\u00E9 menu'] },
      'intents/b.json': { name: 'b', utterances: ['cafe\u0301 menu'] },
    });
    assert.deepEqual(
      fixture.findings('intents/b.json', 'duplicate-utterance').map((f) => f.data),
      [{ utterance: 'cafe\u0301 menu', other: 'caf\u00E9 menu', intent: 'a', file: 'intents/a.json' }],
    );
  });

  it('does not report different phrases', () => {
    const fixture = new ProjectFixture({ 'intents/other.json': { name: 'other', utterances: ['talk to the bot'] } });
    assert.deepEqual(fixture.findings('intents/other.json', 'duplicate-utterance'), []);
  });
});

describe('phrase normalisation: an exact comparison that fails on identical-looking text names the difference (option-text-mismatch)', () => {
  const cases: [string, string, string][] = [
    ['talk to\u200B bot', 'contains U+200B ZERO WIDTH SPACE', 'invisible'],
    ['talk to bot\u2060', 'contains U+2060 WORD JOINER', 'invisible'],
    ['talk to bo\u0308t', 'differs only in Unicode normalisation (NFC/NFD)', 'normalisation'],
    ['talk\u00A0to bot', 'differs in spacing (U+00A0 NO-BREAK SPACE)', 'spacing'],
    ['Talk to bot', 'differs in case', 'case'],
    ['talk to bot.', 'differs in trailing punctuation', 'punctuation'],
  ];
  for (const [text, difference, kind] of cases) {
    it(`${kind}: ${JSON.stringify(text)}`, () => {
      // The utterance is the NFC spelling of the same phrase.
      const utterance = kind === 'normalisation' ? text.normalize('NFC') : 'talk to bot';
      const fixture = withBanner(text, [utterance]);
      const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
      assert.equal(finding.messageId, 'lookAlike');
      assert.equal(
        finding.message,
        `banner option text \`${text}\` is not an utterance of any intent: it looks like \`${utterance}\` (intent \`talk_to_bot\`, intents/talk_to_bot.json) but ${difference}`,
      );
      assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', JSON.stringify(text)));
      assert.equal((finding.data as { difference: { kind: string } }).difference.kind, kind);
      // The preferred fix writes the utterance's own text.
      const [change] = quickFixes(fixture.project, fixture.file('journeys/j.json'), finding);
      assert.equal(change.title, `Change to \`${utterance}\` (intent \`talk_to_bot\`)`);
      assert.equal(change.preferred, true);
    });
  }

  it('reports nothing when the project ignores case and spacing and only those differ', () => {
    const fixture = withBanner('Talk\u00A0to  bot.');
    assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch', { phraseMatch: 'ignoreCaseAndSpacing' }), []);
  });
});

// Phrases in Devanagari, Arabic (right to left) and Tamil: each script has spellings that look the
// same on screen but differ in code points, which NFC (and dropping bidirectional marks) makes one.
const TAMIL_NFC = 'பேசு கொடு'; // கொ as one vowel sign, U+0BCA
const TAMIL_NFD = 'பேசு கெ\u0bbeடு'; // the same as two, U+0BC6 U+0BBE
const DEVANAGARI_QA = '\u0958ानून'; // क़ as one code point, U+0958 (NFC writes it as two)
const DEVANAGARI_NUKTA = '\u0915\u093cानून'; // क + ़
const ARABIC_MADDA = '\u0622خر'; // آ as one code point
const ARABIC_ALEF_MADDA = '\u0627\u0653خر'; // ا + ◌ٓ

describe('phrase normalisation in Devanagari, Arabic and Tamil', () => {
  const pairs: [string, string, string][] = [
    ['Tamil vowel sign', TAMIL_NFD, TAMIL_NFC],
    ['Devanagari nukta', DEVANAGARI_QA, DEVANAGARI_NUKTA],
    ['Arabic madda', ARABIC_ALEF_MADDA, ARABIC_MADDA],
  ];
  for (const [name, a, b] of pairs) {
    it(`folds the two spellings of a ${name} into one normal form (NFC), with one hash`, () => {
      assert.notEqual(a, b);
      assert.equal(normalizePhrase(a), normalizePhrase(b));
      assert.equal(normalizePhrase(a), b.normalize('NFC'));
      assert.equal(normalFormHash(a), normalFormHash(b));
      assert.equal(sameNormalForm(a, b), true);
      assert.equal(hasNormalForm(a, normalizePhrase(b)), true);
      assert.deepEqual(phraseDifference(a, b), { kind: 'normalisation' });
      assert.notEqual(phraseKey(a, 'exact'), phraseKey(b, 'exact'));
      assert.equal(phraseKey(a, 'ignoreCaseAndSpacing'), phraseKey(b, 'ignoreCaseAndSpacing'));
    });
  }

  it('drops the marks of right-to-left text, and names them', () => {
    const phrase = 'تحدث إلى الروبوت';
    for (const mark of ['\u200f', '\u200e', '\u061c', '\u202b', '\u2067']) {
      assert.equal(normalizePhrase(`${mark}${phrase}${mark}`), phrase, JSON.stringify(mark));
    }
    assert.deepEqual(phraseDifference(`\u200f${phrase}`, phrase), { kind: 'invisible', char: 'U+200F RIGHT-TO-LEFT MARK', in: 'phrase' });
    assert.deepEqual(phraseDifference(phrase, `${phrase}\u061c`), { kind: 'invisible', char: 'U+061C ARABIC LETTER MARK', in: 'utterance' });
  });

  it('drops the trailing punctuation of each script: the Arabic question mark, the Devanagari danda', () => {
    assert.equal(normalizePhrase('تحدث إلى الروبوت؟'), 'تحدث إلى الروبوت');
    assert.equal(normalizePhrase('बॉट से बात करें।'), 'बॉट से बात करें');
    assert.deepEqual(phraseDifference('बॉट से बात करें।', 'बॉट से बात करें'), { kind: 'punctuation' });
  });

  for (const [name, phrase, utterance] of [
    ['Tamil', TAMIL_NFD, TAMIL_NFC],
    ['Devanagari', DEVANAGARI_QA, DEVANAGARI_NUKTA],
    ['Arabic', ARABIC_ALEF_MADDA, ARABIC_MADDA],
  ]) {
    it(`option-text-mismatch names the normalisation of a ${name} phrase, and the fix writes the utterance; ignoreCaseAndSpacing accepts it`, () => {
      const fixture = withBanner(phrase, [utterance]);
      const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
      assert.equal(finding.messageId, 'lookAlike');
      assert.match(finding.message, /differs only in Unicode normalisation \(NFC\/NFD\)$/);
      assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', JSON.stringify(phrase)));
      const [change] = quickFixes(fixture.project, fixture.file('journeys/j.json'), finding);
      assert.equal(change.title, `Change to \`${utterance}\` (intent \`talk_to_bot\`)`);
      assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch', { phraseMatch: 'ignoreCaseAndSpacing' }), []);
    });
  }

  it('duplicate-utterance sees two spellings of one Tamil phrase in two intents', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: [TAMIL_NFC] },
      'intents/other.json': { name: 'other', utterances: [TAMIL_NFD] },
    });
    const [finding] = fixture.findings('intents/other.json', 'duplicate-utterance');
    assert.equal(finding.messageId, 'similar');
  });
});
