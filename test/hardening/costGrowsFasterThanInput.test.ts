// Kind 3 of issue 28: cost that grows faster than the input. No timing here (speed belongs to
// `npm run bench`, whose hostile-inputs row measures these at the size limit): each test counts
// the work a reader does, or runs an input that took minutes before the fix and asserts what it
// gives; a quadratic regression shows as a test that does not end.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyChanges, checkFile, FixPlan, readTestReport, type ProjectEdit, type TextChange } from '../../server/src/engine';
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

describe('kind 3, cost grows faster than the input: many fixes in one file', () => {
  /** FixPlan.add as it was (each change against every change chosen): what the plan must still be. */
  class QuadraticPlan {
    readonly added: boolean[] = [];
    private readonly changesByFile = new Map<string, TextChange[]>();
    private readonly created = new Set<string>();
    changesOf(file: string): readonly TextChange[] {
      return this.changesByFile.get(file) ?? [];
    }
    add(edit: ProjectEdit): boolean {
      const ok = edit.changes.every((change) =>
        change.kind === 'create'
          ? !this.created.has(change.file)
          : !change.changes.some((c) => this.changesOf(change.file).some((d) => c.offset <= d.offset + d.length && d.offset <= c.offset + c.length)),
      );
      if (ok) {
        for (const change of edit.changes) {
          if (change.kind === 'create') this.created.add(change.file);
          else this.changesByFile.set(change.file, [...this.changesOf(change.file), ...change.changes]);
        }
      }
      this.added.push(ok);
      return ok;
    }
  }

  /** Random edits of two files (a fixed sequence): insertions, replacements, ranges that touch or overlap, several changes in one edit, created files. */
  function randomEdits(count: number, span: number): ProjectEdit[] {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    return Array.from({ length: count }, (_, i) => {
      const changes: ProjectEdit['changes'][number][] = [];
      for (let k = 0; k <= next(3); k++) {
        if (next(10) === 0) changes.push({ kind: 'create', file: `/p/new-${next(20)}.json`, text: '{}' });
        else {
          const inner = Array.from({ length: 1 + next(2) }, () => ({ offset: next(span), length: next(4) === 0 ? 0 : next(6), newText: `x${i}` }));
          changes.push({ kind: 'edit', file: next(2) ? '/p/a.json' : '/p/b.json', changes: inner });
        }
      }
      return { title: `fix ${i}`, changes };
    });
  }

  it('FixPlan chooses what it chose before: the same edits, the same changes in the same order', () => {
    for (const span of [50, 500, 50_000]) {
      const edits = randomEdits(3000, span);
      const plan = new FixPlan();
      const reference = new QuadraticPlan();
      const added = edits.map((edit) => plan.add(edit));
      for (const edit of edits) reference.add(edit);
      assert.deepEqual(added, reference.added, `span ${span}`);
      assert.ok(added.includes(true) && added.includes(false), `span ${span}`);
      for (const file of ['/p/a.json', '/p/b.json']) assert.deepEqual(plan.changesOf(file), reference.changesOf(file), `span ${span}`);
    }
  });

  it('100,000 fixes of one file, planned in any order, and applied', () => {
    const text = '0123456789'.repeat(100_000);
    const edits: ProjectEdit[] = Array.from({ length: 100_000 }, (_, i) => ({
      title: `fix ${i}`,
      changes: [{ kind: 'edit', file: '/p/a.json', changes: [{ offset: ((i * 7919) % 100_000) * 10 + 2, length: 3, newText: 'abc' }] }],
    }));
    const plan = new FixPlan();
    assert.ok(edits.every((edit) => plan.add(edit)));
    // Each again: it touches itself.
    assert.ok(edits.every((edit) => !plan.add(edit)));
    assert.equal(applyChanges(text, plan.changesOf('/p/a.json')), '01abc56789'.repeat(100_000));
  });

  it('applyChanges gives what it gave one change at a time, insertions at one offset and overlapping changes included', () => {
    const oneByOne = (text: string, changes: readonly TextChange[]) =>
      [...changes].sort((a, b) => b.offset - a.offset).reduce((acc, c) => acc.slice(0, c.offset) + c.newText + acc.slice(c.offset + c.length), text);
    let seed = 3;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const text = 'abcdefghijklmnopqrstuvwxyz';
    for (let round = 0; round < 2000; round++) {
      const changes = Array.from({ length: 1 + next(5) }, (_, i) => ({ offset: next(27), length: next(3) ? 0 : next(4), newText: `<${i}>` }));
      assert.equal(applyChanges(text, changes), oneByOne(text, changes), JSON.stringify(changes));
    }
  });
});

describe('kind 3, cost grows faster than the input: --fix judges a file of many fixes', () => {
  it('check --fix on a journey of 16,000 safe fixes (36 s before; hours at the size limit): all applied in one pass', async () => {
    const { bot, dispose } = await exampleCopy('many-fixes');
    try {
      const count = 16_000;
      const nodes = Array.from({ length: count }, (_, i) => ({
        id: `n${i}`,
        type: 'sendEvent',
        event: 'ui-event-close-promotoin',
        next: `n${i + 1}`,
      }));
      nodes.push({ id: `n${count}`, type: 'message', text: 'done' } as never);
      const journey = path.join(bot, 'journeys/many-fixes.json');
      await writeFile(journey, JSON.stringify({ name: 'many-fixes', trigger: { intent: 'billing_question' }, start: 'n0', nodes }, null, 1));
      const result = run(['check', bot, '--fix', '--format', 'json'], bot);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), []);
      const fixed = await readFile(journey, 'utf8');
      assert.equal(fixed.split('"ui-event-close-promotion"').length - 1, count);
    } finally {
      await dispose();
    }
  });
});
