// Kind 2 of issue 28: one input must not stop the server or the run. Each test feeds one file
// that used to end the process (a fatal error in V8) or the run (a stack overflow), and asks for a
// finding instead. The hostile inputs run in child processes where a crash would take the runner down.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkFile, studioSheet, type Finding } from '../../server/src/engine';
import { formatGithub, formatJson, formatSarif, formatText, OUTPUT_PIECE_LENGTH, type LocatedFinding } from '../../server/src/cli/formats';
import { ProjectFixture } from '../engine/support/projectFixture';
import { LspTestClient } from '../server/lspClient';
import { exampleCopy, run } from './support';

/** About 4 KB of nested template literals: parsed as is, they abort V8 (exit 134) inside its regular-expression compiler. */
const NESTED_TEMPLATES = `return \`\${${'`${'.repeat(800)}1${'}`'.repeat(800)}}\`;\napp.sendEvent({ code: 'ui-event-close-promotion' });\n`;

describe('kind 2, one input stops the run: nested template literals in a function file', () => {
  let folder: string;
  let bot: string;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ folder, bot, dispose } = await exampleCopy('deep-code'));
    await writeFile(path.join(bot, 'functions/deep.js'), NESTED_TEMPLATES);
  });
  after(() => dispose());

  it('check gives nesting-too-deep where the nesting passes the limit, and exits 0 (it is a warning), not 134', () => {
    const result = run(['check', 'bot'], folder);
    assert.equal(result.code, 0, `${result.code} ${result.stderr.slice(0, 500)}`);
    assert.match(result.stdout, /^bot\/functions\/deep\.js:1:\d+ warning nesting-too-deep this function's code nests more than 128 levels deep/m);
  });

  it('the language server publishes the same finding and keeps answering', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(bot);
      const file = path.join(bot, 'functions/deep.js');
      await client.open(file, NESTED_TEMPLATES);
      const found = await client.waitFor('nesting-too-deep', () => client.diagnosticsOf(file)?.find((d) => d.code === 'nesting-too-deep'));
      assert.equal(found.range.start.line, 0);
      // Deeper still, typed into the open document: the server is alive and answers.
      await client.setText(file, NESTED_TEMPLATES.replace('1', `${'`${'.repeat(5000)}1${'}`'.repeat(5000)}`), 2);
      await client.roundTrip();
      await client.waitFor('still nesting-too-deep', () => client.diagnosticsOf(file)?.find((d) => d.code === 'nesting-too-deep'));
    } finally {
      await client.dispose();
    }
  });
});

describe('kind 2, one input stops the run: more findings than a call takes arguments', () => {
  it('check prints every one of 140,000 findings instead of "Maximum call stack size exceeded" and exit 2', async () => {
    const { folder, bot, dispose } = await exampleCopy('many-findings');
    try {
      // Each copy of an utterance another intent has is a duplicate-utterance warning.
      await writeFile(path.join(bot, 'intents/copies.json'), JSON.stringify({ name: 'copies', utterances: Array(140_000).fill('talk to bot') }));
      const result = run(['check', 'bot', '--format', 'json'], folder);
      // 1: the copies make an exit intent of their own, which other checks report as errors.
      assert.equal(result.code, 1, result.stderr.slice(0, 500));
      const findings = JSON.parse(result.stdout) as { code: string }[];
      assert.equal(findings.filter((f) => f.code === 'duplicate-utterance').length, 140_000 + 1);
    } finally {
      await dispose();
    }
  });

  it('an FAQ cell of 200,000 lines is read, not a stack overflow', () => {
    const cell = Array(200_000).fill('q').join('\n');
    const fixture = new ProjectFixture({ 'faqs/faqs.csv': `category,question,variations,answer_en\nbilling,how,"${cell}",ok\n` });
    const findings = checkFile(fixture.project, fixture.file('faqs/faqs.csv'));
    assert.ok(!findings.some((f) => f.code === 'check-failed'), JSON.stringify(findings.slice(0, 3)));
  });

  it('the Studio sheet of a name with 200,000 runs of backticks', () => {
    const fixture = new ProjectFixture({ 'intents/ticks.json': { name: '`a'.repeat(200_000), utterances: ['`b'.repeat(200_000)] } });
    const sheet = studioSheet(fixture.project);
    assert.ok(sheet.includes('``'));
  });
});

describe('kind 2, one input stops the run: output longer than the longest string', () => {
  // Two 2 MB intents of numbers for utterances gave 2 million findings, whose JSON (700 MB) is
  // longer than V8's longest string: check printed nothing and exited 2 (Invalid string length).
  // The formats give their output in pieces; these are the same text as one string was.
  const located = (count: number): LocatedFinding[] =>
    Array.from({ length: count }, (_, i) => {
      const finding: Finding = {
        code: i % 3 ? 'schema' : 'duplicate-name',
        messageId: 'x',
        severity: i % 2 ? 'error' : 'warning',
        message: `item ${i} "must" be\na string ${'·'.repeat(i % 40)}`,
        file: '/p/bot/intents/numbers.json',
        offset: i,
        length: 1,
        ...(i % 3 ? {} : { related: [{ file: '/p/bot/intents/other.json', offset: 0, length: 1, message: 'the other' }] }),
      };
      const start = { line: 0, character: i };
      const end = { line: 0, character: i + 1 };
      const related = finding.related ? [{ file: 'bot/intents/other.json', start, end, message: 'the other' }] : [];
      return { finding, file: 'bot/intents/numbers.json', start, end, related };
    });

  it('each piece is short, and the pieces are the text JSON.stringify and the line formats give', () => {
    for (const count of [0, 1, 3, 40_000]) {
      const findings = located(count);
      const json = [...formatJson(findings)];
      const rows = findings.map(({ finding, file, start, end }) => ({
        file,
        range: { start, end },
        severity: finding.severity,
        code: finding.code,
        message: finding.message,
      }));
      assert.equal(json.join(''), `${JSON.stringify(rows, null, 2)}\n`, `${count} findings`);
      const sarif = [...formatSarif(findings, '/p', '1.0.0')].join('');
      assert.equal(sarif, `${JSON.stringify(JSON.parse(sarif), null, 2)}\n`, `${count} findings`);
      assert.equal((JSON.parse(sarif) as { runs: { results: unknown[] }[] }).runs[0].results.length, count);
      const text = [...formatText(findings)];
      assert.equal(text.join('').split('\n').length - 1, count, 'a line per finding (the line break in a message escaped)');
      const github = [...formatGithub(findings)];
      for (const pieces of [json, text, github]) assert.ok(pieces.every((piece) => piece.length <= OUTPUT_PIECE_LENGTH + 1000));
      if (count === 40_000) assert.ok(json.length > 2, `${json.length} pieces`);
    }
  });

  it('check --format json and sarif print the same text as before, findings and none', async () => {
    const { folder, bot, dispose } = await exampleCopy('pieces');
    try {
      for (const format of ['json', 'sarif']) {
        const clean = run(['check', 'bot', '--format', format], folder);
        assert.equal(clean.code, 0, clean.stderr);
        assert.equal(clean.stdout, `${JSON.stringify(JSON.parse(clean.stdout), null, 2)}\n`);
      }
      await writeFile(path.join(bot, 'intents/numbers.json'), JSON.stringify({ name: 'numbers', utterances: [1, 2, 3] }));
      for (const format of ['json', 'sarif']) {
        const found = run(['check', 'bot', '--format', format], folder);
        assert.equal(found.code, 1, found.stderr);
        assert.equal(found.stdout, `${JSON.stringify(JSON.parse(found.stdout), null, 2)}\n`);
        assert.match(found.stdout, /numbers\.json/);
      }
    } finally {
      await dispose();
    }
  });
});
