// Kind 3 of issue 28: cost that grows faster than the input. No timing here (speed belongs to
// `npm run bench`, whose hostile-inputs row measures these at the size limit): each test counts
// the work a reader does, or runs an input that took minutes before the fix and asserts what it
// gives; a quadratic regression shows as a test that does not end.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkFile, readTestReport } from '../../server/src/engine';
import { ProjectFixture } from '../engine/support/projectFixture';
import { exampleCopy, run } from './support';

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

describe('kind 3, cost grows faster than the input: schema validation', () => {
  it('20,000 unknown rule codes in handoff-kit.json (4.5 minutes before): one finding each, on its key', () => {
    const rules = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`no-such-rule-${i}`, 'off']));
    const fixture = new ProjectFixture({ 'handoff-kit.json': { rules: { 'unknown-node': 'off', ...rules, 'unknown-evnt': 'warning' } } });
    const file = fixture.file('handoff-kit.json');
    const findings = checkFile(fixture.project, file).filter((f) => f.code === 'schema');
    assert.equal(findings.length, 20_001);
    for (const i of [0, 4_999, 19_999]) {
      const finding = findings.find((f) => f.message.startsWith(`\`no-such-rule-${i}\`:`));
      assert.ok(finding, `no-such-rule-${i}`);
      assert.equal(file.text.slice(finding.offset, finding.offset + finding.length), `"no-such-rule-${i}"`);
    }
    assert.ok(findings.some((f) => f.message === '`unknown-evnt`: not a rule code (`handoff-kit rules` lists them); did you mean `unknown-event`?'));
  });

  it('40,000 utterances that are not strings, and 40,000 unknown properties (minutes before): each reported where it is', () => {
    const utterances: unknown[] = Array.from({ length: 40_000 }, (_, i) => (i % 7 === 3 ? i : `phrase ${i}`));
    const extra = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`extra${i}`, i]));
    const fixture = new ProjectFixture({
      'intents/many.json': { name: 'many', utterances },
      'intents/wide.json': { ...extra, name: 'wide', utterances: ['wide phrase'] },
    });
    const many = fixture.file('intents/many.json');
    const bad = checkFile(fixture.project, many).filter((f) => f.code === 'schema');
    const expected = utterances.flatMap((u) => (typeof u === 'number' ? [String(u)] : []));
    assert.deepEqual(
      bad.map((f) => many.text.slice(f.offset, f.offset + f.length)),
      expected,
    );
    const wide = checkFile(fixture.project, fixture.file('intents/wide.json')).filter((f) => f.code === 'schema');
    assert.equal(wide.length, 40_000, 'no "needs `name`" from a slice without it');
    assert.ok(wide.every((f) => f.message.startsWith('unknown property `extra')));
  });
});

describe('kind 3, cost grows faster than the input: test reports', () => {
  it('a report of 300,000 blank lines (a minute at 100,000 before) is read, its row where it is', () => {
    const text = `Utterance,Predicted Journey,Journey,Status\r\n${'\r\n'.repeat(300_000)}talk to bot,live-agent,exit-chat,fail\r\n`;
    const report = readTestReport(text);
    assert.ok(report.ok);
    assert.equal(report.rows.length, 1);
    assert.equal(report.rows[0].range.offset, text.indexOf('talk to bot'));
    assert.equal(report.rows[0].utteranceRange.offset, text.indexOf('talk to bot'));
  });

  it('check --test-report does not read a report over the size limit (a 200 MB one took 3 minutes and 2.7 GB)', async () => {
    const { folder, dispose } = await exampleCopy('big-report');
    try {
      const report = path.join(folder, 'run.csv');
      await writeFile(report, `Utterance,Predicted Journey,Journey,Status\r\n${'talk to bot,live-agent,exit-chat,fail\r\n'.repeat(3000)}`);
      const result = run(['check', 'bot', '--test-report', 'run.csv', '--max-file-size', '64KB'], folder);
      assert.match(result.stdout, /^run\.csv:1:1 warning file-too-large /m, result.stdout + result.stderr);
      assert.doesNotMatch(result.stdout, /live-exit-misrouted/);
    } finally {
      await dispose();
    }
  });
});
