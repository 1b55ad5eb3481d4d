// Kind 1 of issue 28: files the tool writes cannot be turned against the user. A cloned
// repository chooses what is in the project folder: a link where the tool writes, a phrase that a
// spreadsheet runs as a formula, a phrase that is HTML in the sheet's preview.
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  graphToDot,
  graphToMermaid,
  isUtteranceTestCsv,
  journeyGraph,
  OutputFileRefused,
  removeOutputFile,
  studioSheet,
  utteranceTestCsv,
  writeOutputFile,
} from '../../server/src/engine';
import { ProjectFixture, validBot } from '../engine/support/projectFixture';
import { exampleCopy, run } from './support';

// VS Code's Markdown preview renders with markdown-it, raw HTML allowed; the test renders as it does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(text: string): string };

describe('kind 1, files the tool writes: writeOutputFile', () => {
  let folder: string;
  let dispose: () => Promise<void>;
  before(async () => ({ folder, dispose } = await exampleCopy('outputs')));
  after(() => dispose());

  it('never writes through a symbolic link, even when asked to overwrite', async () => {
    const victim = path.join(folder, 'victim.txt');
    await writeFile(victim, 'the user file\n');
    const link = path.join(folder, 'bot', 'link.csv');
    await symlink(victim, link);
    for (const options of [{}, { overwrite: true }, { ours: () => true }]) {
      await assert.rejects(writeOutputFile(link, 'x', options), (e: unknown) => e instanceof OutputFileRefused && e.reason === 'link');
    }
    assert.equal(await readFile(victim, 'utf8'), 'the user file\n');
    assert.ok((await lstat(link)).isSymbolicLink());
  });

  it('never writes through a link to a folder out of the folder it must stay in', async () => {
    const outside = path.join(folder, 'outside');
    await mkdir(outside);
    await symlink(outside, path.join(folder, 'bot', 'reports'));
    await assert.rejects(
      writeOutputFile(path.join(folder, 'bot', 'reports', 'x.csv'), 'x', { inside: path.join(folder, 'bot') }),
      (e: unknown) => e instanceof OutputFileRefused && e.reason === 'outside',
    );
    await assert.rejects(stat(path.join(outside, 'x.csv')));
  });

  it('replaces a file it made, leaves one it did not make unless asked, and keeps its permissions', async () => {
    const file = path.join(folder, 'bot', 'mine.csv');
    await writeOutputFile(file, 'Utterance,Journey,Tag\r\na,b,c\r\n', { ours: isUtteranceTestCsv });
    await chmod(file, 0o640);
    await writeOutputFile(file, 'Utterance,Journey,Tag\r\n', { ours: isUtteranceTestCsv });
    assert.equal(await readFile(file, 'utf8'), 'Utterance,Journey,Tag\r\n');
    assert.equal((await stat(file)).mode & 0o777, 0o640);
    const theirs = path.join(folder, 'bot', 'theirs.csv');
    await writeFile(theirs, 'name,email\r\n');
    await assert.rejects(
      writeOutputFile(theirs, 'x', { ours: isUtteranceTestCsv }),
      (e: unknown) => e instanceof OutputFileRefused && e.reason === 'not-ours',
    );
    assert.equal(await readFile(theirs, 'utf8'), 'name,email\r\n');
    await writeOutputFile(theirs, 'x', { overwrite: true });
    assert.equal(await readFile(theirs, 'utf8'), 'x');
  });

  it('removes only a regular file it made, never a link or a file of the user', async () => {
    const victim = path.join(folder, 'victim-2.csv');
    await writeFile(victim, 'Utterance,Journey,Tag\r\n');
    const link = path.join(folder, 'bot', 'old-link.csv');
    await symlink(victim, link);
    assert.equal(await removeOutputFile(link, { ours: isUtteranceTestCsv }), false);
    assert.ok((await lstat(link)).isSymbolicLink());
    const theirs = path.join(folder, 'bot', 'notes.csv');
    await writeFile(theirs, 'notes\r\n');
    assert.equal(await removeOutputFile(theirs, { ours: isUtteranceTestCsv }), false);
    assert.equal(await readFile(theirs, 'utf8'), 'notes\r\n');
  });
});

describe('kind 1, files the tool writes: utterance-tests and studio-sheet', () => {
  let folder: string;
  let bot: string;
  let dispose: () => Promise<void>;
  before(async () => ({ folder, bot, dispose } = await exampleCopy('writers')));
  after(() => dispose());

  it('utterance-tests does not follow a link the repository put at utterance-tests.csv', async () => {
    const bashrc = path.join(folder, '.bashrc');
    await writeFile(bashrc, 'export PATH=/usr/bin\n');
    const link = path.join(bot, 'utterance-tests.csv');
    await symlink(bashrc, link);
    const result = run(['utterance-tests', 'bot'], folder);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /utterance-tests\.csv is a symbolic link: Handoff Kit writes no file through a link/);
    assert.equal(await readFile(bashrc, 'utf8'), 'export PATH=/usr/bin\n');
    assert.equal(await readlink(link), bashrc);
    // --force replaces a file, never writes through a link.
    assert.equal(run(['utterance-tests', 'bot', '--force'], folder).code, 2);
    assert.equal(await readFile(bashrc, 'utf8'), 'export PATH=/usr/bin\n');
  });

  it('utterance-tests leaves a file it did not write unless --force, and replaces its own', async () => {
    const out = path.join(folder, 'out');
    await mkdir(out);
    const target = path.join(out, 'utterance-tests.csv');
    await writeFile(target, 'my own spreadsheet\n');
    const refused = run(['utterance-tests', 'bot', '-o', 'out'], folder);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already exists and was not written by Handoff Kit.*--force replaces it/);
    assert.equal(await readFile(target, 'utf8'), 'my own spreadsheet\n');
    assert.equal(run(['utterance-tests', 'bot', '-o', 'out', '--force'], folder).code, 0);
    assert.ok(isUtteranceTestCsv(await readFile(target, 'utf8')));
    assert.equal(run(['utterance-tests', 'bot', '-o', 'out'], folder).code, 0, 'its own file is replaced without --force');
  });

  it('studio-sheet -o does not follow a link, and leaves a file that is not a sheet unless --force', async () => {
    const victim = path.join(folder, 'victim.md');
    await writeFile(victim, 'keep me\n');
    await symlink(victim, path.join(folder, 'sheet-link.md'));
    const linked = run(['studio-sheet', 'bot', '-o', 'sheet-link.md'], folder);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /is a symbolic link/);
    assert.equal(await readFile(victim, 'utf8'), 'keep me\n');
    const notes = path.join(folder, 'notes.md');
    await writeFile(notes, '# My notes\n');
    assert.equal(run(['studio-sheet', 'bot', '-o', 'notes.md'], folder).code, 2);
    assert.equal(await readFile(notes, 'utf8'), '# My notes\n');
    assert.equal(run(['studio-sheet', 'bot', '-o', 'notes.md', '--force'], folder).code, 0);
    assert.match(await readFile(notes, 'utf8'), /^# Studio build sheet: support-bot\n/);
    assert.equal(run(['studio-sheet', 'bot', '-o', 'notes.md'], folder).code, 0, 'its own sheet is replaced');
  });

  it('check --fix writes the real file of a bot file that is a link inside the project, and never a link out of it', async () => {
    const journey = path.join(bot, 'journeys/billing-agent.json');
    const original = await readFile(journey, 'utf8');
    const misspelt = original.replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"');
    // A link inside the project: its target is fixed, the link stays a link.
    const real = path.join(bot, 'journeys-real.json');
    await writeFile(real, misspelt);
    await rm(journey);
    await symlink(real, journey);
    const fixed = run(['check', 'bot', '--fix'], folder);
    assert.match(fixed.stderr, /^Fixed 1 problem in 1 file\.$/m, fixed.stderr);
    assert.equal(await readFile(real, 'utf8'), original);
    assert.ok((await lstat(journey)).isSymbolicLink());
  });
});

describe('kind 1, files the tool writes: the utterance-tests CSV', () => {
  const row = (utterance: string) => ({ utterance, journey: 'exit-chat', tag: 'exit-phrase' });

  it('neutralizes every cell a spreadsheet would run as a formula (OWASP): = + - @ tab and carriage return', () => {
    const formulas = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const [csv] = utteranceTestCsv([...formulas.map(row), { utterance: 'talk to bot', journey: '=cmd|x', tag: '@tag' }]);
    const records = parse(csv, { bom: true }) as string[][];
    assert.deepEqual(
      records.slice(1).map((r) => r[0]),
      [...formulas.map((f) => `'${f}`), 'talk to bot'],
    );
    assert.deepEqual(records[records.length - 1], ['talk to bot', "'=cmd|x", "'@tag"]);
    // Neutralized cells are quoted as OWASP asks, so no delimiter in them starts a cell.
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), csv);
  });

  it('keeps a phrase holding a line break of any kind in one field', () => {
    const phrases = ['talk\nto bot', 'talk\rto bot', 'talk\r\nto bot', 'plain'];
    const [csv] = utteranceTestCsv(phrases.map(row));
    const records = parse(csv, { bom: true }) as string[][];
    assert.equal(records.length, 1 + phrases.length);
    assert.deepEqual(
      records.slice(1).map((r) => r[0]),
      phrases,
    );
  });

  it('utterance-tests --all writes a neutralized cell for an utterance that is a formula', async () => {
    const { folder, bot, dispose } = await exampleCopy('formula');
    try {
      const intent = path.join(bot, 'intents/talk_to_bot.json');
      const value = JSON.parse(await readFile(intent, 'utf8'));
      value.utterances.push('=HYPERLINK("http://evil")', 'two\nlines');
      await writeFile(intent, JSON.stringify(value));
      const result = run(['utterance-tests', 'bot', '--all'], folder);
      assert.equal(result.code, 0, result.stderr);
      const records = parse(await readFile(path.join(bot, 'utterance-tests.csv'), 'utf8')) as string[][];
      const cells = records.map((r) => r[0]);
      assert.ok(cells.includes(`'=HYPERLINK("http://evil")`), cells.join('|'));
      assert.ok(cells.includes('two\nlines'));
      assert.ok(!cells.some((c) => /^[=+\-@\t\r]/.test(c)));
    } finally {
      await dispose();
    }
  });
});

describe('kind 1, files the tool writes: the Studio sheet escapes what the project holds', () => {
  const render = (markdown: string) => new MarkdownIt({ html: true, linkify: false }).render(markdown);
  const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** `tick`\n\n# Heading\n<script>alert(2)</script>';

  it('in phrases, texts, descriptions, names, outcomes and file names, no HTML or Markdown gets through', () => {
    const fixture = new ProjectFixture({
      'bot.json': { ...validBot, name: hostile, events: [{ name: 'ui-event-update-promotion', enabled: true, description: hostile }] },
      'journeys/<img src=y onerror=alert(3)>.json': {
        name: `j\n\n<script>alert(4)</script>`,
        description: hostile,
        trigger: { intent: 'talk_to_bot' },
        start: 'a',
        nodes: [
          { id: 'a', type: 'message', text: hostile, next: `b\n\n<script>alert(5)</script>` },
          { id: 'b', type: 'raiseTicket', next: { [hostile]: 'a' } },
          { id: 'c', type: hostile },
        ],
      },
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot', hostile, '```\n<script>alert(6)</script>'] },
      'journeys/broken <b>x</b>.json': '{',
    });
    const html = render(studioSheet(fixture.project));
    assert.doesNotMatch(html, /<(img|script|a|b)\b|<strong>bold<\/strong>|<code>tick<\/code>/, html);
    assert.equal((html.match(/<h1>/g) ?? []).length, 1, 'one title only');
    // What the file holds is still shown, as text.
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
  });
});

describe('kind 1, files the tool writes: the graph as Mermaid and DOT', () => {
  it("a name with a line break cannot end a Mermaid comment or label and start a statement of the repository's choosing", () => {
    const evil = 'x\nclick n1 href "javascript:alert(1)"\r\nstyle n1 fill:#f00';
    const fixture = new ProjectFixture({
      'journeys/j.json': {
        name: 'j',
        trigger: { intent: 'talk_to_bot' },
        start: 'a',
        nodes: [
          { id: 'a', type: 'jumpToJourney', journey: evil },
          { id: `b\r${evil}`, type: 'message', text: evil },
        ],
      },
    });
    for (const view of ['project', 'handoff'] as const) {
      const graph = journeyGraph(fixture.project, { view });
      const mermaid = graphToMermaid(graph);
      for (const line of mermaid.split('\n')) assert.doesNotMatch(line.trim(), /^(click|style)\b/, mermaid);
      const dot = graphToDot(graph);
      for (const line of dot.split('\n')) assert.doesNotMatch(line.trim(), /^(click|style)\b/, dot);
    }
  });
});
