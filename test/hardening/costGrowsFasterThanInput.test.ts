// Kind 3 of issue 28: cost that grows faster than the input. No timing here (speed belongs to
// `npm run bench`, whose hostile-inputs row measures these at the size limit): each test counts
// the work a reader does, or runs an input that took minutes before the fix and asserts what it
// gives; a quadratic regression shows as a test that does not end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFile } from '../../server/src/engine';
import { ProjectFixture } from '../engine/support/projectFixture';

describe('kind 3, cost grows faster than the input: duplicate utterances', () => {
  it('an intent holding one phrase 100,000 times (5 minutes at 140,000 before) is checked in one pass', () => {
    const fixture = new ProjectFixture({
      'intents/copies.json': { name: 'copies', utterances: Array(100_000).fill('same phrase') },
      'intents/other.json': { name: 'other', utterances: ['same phrase', 'Same  Phrase'] },
    });
    const findings = checkFile(fixture.project, fixture.file('intents/copies.json')).filter((f) => f.code === 'duplicate-utterance');
    assert.equal(findings.length, 100_000);
    assert.equal(findings[0].message, 'utterance `same phrase` also trains intent `other` (intents/other.json)');
  });

  it('look-alikes written differently in the same intent each find the other intent', () => {
    const variants = Array.from(
      { length: 20_000 },
      (_, i) => [...'phrase'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join('') + ' '.repeat(i % 3),
    );
    const fixture = new ProjectFixture({
      'intents/variants.json': { name: 'variants', utterances: variants },
      'intents/other.json': { name: 'other', utterances: ['phrase'] },
    });
    const findings = checkFile(fixture.project, fixture.file('intents/variants.json')).filter((f) => f.code === 'duplicate-utterance');
    assert.equal(findings.length, 20_000);
    assert.ok(findings.every((f) => f.message.includes('also trains intent `other`')));
  });
});

describe('kind 3, cost grows faster than the input: FAQ cells', () => {
  it('the lines of a cell of 200,000 lines, each at its own place (6 minutes before)', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `question ""${i}""`);
    const text = `category,question,variations,answer_en\nbilling,how,"${lines.join('\n')}",ok\n`;
    const fixture = new ProjectFixture({ 'faqs/faqs.csv': text });
    const findings = checkFile(fixture.project, fixture.file('faqs/faqs.csv'));
    assert.ok(!findings.some((f) => f.code === 'check-failed'));
  });
});
