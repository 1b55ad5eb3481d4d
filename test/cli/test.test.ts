// `handoff-kit test` run as a process, as CI runs it: every format (the JUnit output read by a real
// XML parser, with the elements CI systems read), every exit status, and --coverage.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, 'test', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The 1-based line and column of the first occurrence of `snippet` in `text` (after `from`). */
function whereIs(text: string, snippet: string, from = 0): string {
  const offset = text.indexOf(snippet, from);
  assert.ok(offset >= 0, `${snippet} in the file`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

const EXAMPLE_TESTS = [
  ['billing-agent.json', 'typing the phrase the banner asks for brings the customer back to the bot'],
  ['billing-agent.json', 'the billing team cannot be reached: the bot says so'],
  ['billing-agent.json', 'the billing agent closes the ticket: the banner closes with it'],
  ['live-agent.json', 'the Exit button brings the customer back to the bot'],
  ['live-agent.json', 'a message that is not the exit phrase reaches the agent'],
  ['live-agent.json', 'agents unavailable: the customer stays with the bot, and no banner is shown'],
  ['live-agent.json', 'the ticket cannot be raised: the bot says so'],
  ['live-agent.json', 'the agent closes the ticket first: the banner closes with it'],
  ['live-agent.json', 'the customer closes the banner, then types the exit phrase'],
];

describe('handoff-kit test', () => {
  let folder: string;
  /** The example with one expectation that does not hold: after the agent closes the ticket, the banner and the agent are expected to stay. */
  let failing: string;
  let failingText: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-test-'));
    failing = path.join(folder, 'failing-bot');
    await cp(exampleProject, failing, { recursive: true });
    const file = path.join(failing, 'tests/live-agent.json');
    const text = await readFile(file, 'utf8');
    failingText = text.replace(
      '"banner": "hidden", "ticket": "closed", "with": "bot" } }\n      ]\n    },\n    {\n      "name": "the customer closes',
      '"with": "agent", "ticket": "closed", "banner": "shown" } }\n      ]\n    },\n    {\n      "name": "the customer closes',
    );
    assert.notEqual(failingText, text);
    await writeFile(file, failingText);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('runs the example’s tests: one line per test, file:line:column of its name; exit 0', async () => {
    const { code, stdout, stderr } = run(['examples/support-bot']);
    assert.equal(code, 0, stderr);
    const texts = Object.fromEntries(
      await Promise.all(
        ['billing-agent.json', 'live-agent.json'].map(async (f) => [f, await readFile(path.join(exampleProject, 'tests', f), 'utf8')]),
      ),
    );
    assert.deepEqual(
      stdout.trimEnd().split('\n'),
      EXAMPLE_TESTS.map(([file, name]) => `pass  examples/support-bot/tests/${file}:${whereIs(texts[file], JSON.stringify(name))}  ${name}`),
    );
    assert.match(stderr, /^9 tests: 9 passed, 0 failed, in 2 test files \(\d+ ms\)\.\n$/);
  });

  it('a failing test: exit 1, the failing step as file:line:column, expected and actual, the transcript up to there', () => {
    const { code, stdout, stderr } = run(['failing-bot'], folder);
    assert.equal(code, 1, stderr);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('FAIL  '));
    const step = failingText.indexOf('{ "expect": { "node": "agent-left"');
    assert.deepEqual(lines.slice(at, at + 6), [
      `FAIL  failing-bot/tests/live-agent.json:${whereIs(failingText, '"the agent closes the ticket first')}  the agent closes the ticket first: the banner closes with it`,
      `      at failing-bot/tests/live-agent.json:${whereIs(failingText, '"with": "agent"', step)}: expect with: expected "agent", actual "bot"`,
      '      expected: "agent"',
      '      actual:   "bot"',
      `      also at failing-bot/tests/live-agent.json:${whereIs(failingText, '"banner": "shown"', step)}: expect banner: expected "shown", actual "hidden"`,
      '      transcript:',
    ]);
    // The transcript: each input, then what it led to, up to the input before the failing step.
    const transcript = lines.slice(
      at + 6,
      lines.findIndex((l, i) => i > at && l.startsWith('pass')),
    );
    assert.deepEqual(
      transcript.filter((l) => l.trimStart().startsWith('>')).map((l) => l.trim()),
      ['> say "talk to an agent"', '> ticket agentConnected', '> ticket ticketClosed'],
    );
    assert.ok(transcript.includes('          ticket    ticket ticket-1 closed: the customer is with the bot'), transcript.join('\n'));
    assert.equal(transcript[transcript.length - 1], '          journey   journey `live-agent` ends');
    assert.equal(lines.filter((l) => l.startsWith('pass  ')).length, 8);
    assert.match(stderr, /^9 tests: 8 passed, 1 failed, in 2 test files \(\d+ ms\)\.\n$/);
  });

  it('JSON: every test with its place (1-based), the failure with its facts and transcript, and the counts', () => {
    const { code, stdout, stderr } = run(['failing-bot', '--format', 'json'], folder);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout);
    assert.deepEqual(report.summary, { files: 2, tests: 9, passed: 8, failed: 1 });
    assert.deepEqual(report.problems, []);
    const failed = report.tests.filter((t: { status: string }) => t.status === 'failed');
    assert.equal(failed.length, 1);
    const [line, column] = whereIs(failingText, '"with": "agent"', failingText.indexOf('{ "expect": { "node": "agent-left"')).split(':').map(Number);
    assert.deepEqual(
      { file: failed[0].file, index: failed[0].index, step: failed[0].failure.step, line: failed[0].failure.line, column: failed[0].failure.column },
      { file: 'failing-bot/tests/live-agent.json', index: 4, step: 4, line, column },
    );
    assert.deepEqual(
      failed[0].failure.facts.map((f: { fact: string }) => f.fact),
      ['with', 'banner'],
    );
    assert.deepEqual(failed[0].failure.transcript[0], { input: 0, kind: 'customer', text: 'talk to an agent' });
  });

  it('JUnit XML: well-formed, with testsuites, a testsuite per file, a testcase per test and a failure', () => {
    const { code, stdout, stderr } = run(['failing-bot', '--format', 'junit'], folder);
    assert.equal(code, 1, stderr);
    assert.equal(XMLValidator.validate(stdout), true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(stdout);
    const suites = parsed.testsuites;
    assert.deepEqual([suites.tests, suites.failures, suites.errors], ['9', '1', '0']);
    assert.deepEqual(
      suites.testsuite.map((s: { name: string; tests: string; failures: string }) => [s.name, s.tests, s.failures]),
      [
        ['failing-bot/tests/billing-agent.json', '3', '0'],
        ['failing-bot/tests/live-agent.json', '6', '1'],
      ],
    );
    const cases = suites.testsuite.flatMap((s: { testcase: object[] }) => s.testcase);
    assert.deepEqual(
      cases.map((c: { name: string }) => c.name),
      EXAMPLE_TESTS.map(([, name]) => name),
    );
    const failed = cases.find((c: { failure?: object }) => c.failure);
    assert.equal(failed.classname, 'failing-bot/tests/live-agent.json');
    assert.equal(failed.failure.message, 'expect with: expected "agent", actual "bot"');
    assert.equal(failed.failure.type, 'fact');
    assert.match(
      failed.failure['#text'],
      /^at failing-bot\/tests\/live-agent\.json:\d+:\d+\nexpected: "agent"\nactual: {3}"bot"\ntranscript:\n {2}> say "talk to an agent"/,
    );
  });

  it('GitHub annotations: an error on the failing step, titled with the test’s name', () => {
    const { code, stdout } = run(['failing-bot', '--format', 'github'], folder);
    assert.equal(code, 1);
    const [line, column] = whereIs(failingText, '"with": "agent"', failingText.indexOf('{ "expect": { "node": "agent-left"')).split(':');
    assert.equal(
      stdout,
      `::error file=failing-bot/tests/live-agent.json,line=${line},col=${column},endLine=${line},endColumn=${Number(column) + '"with": "agent"'.length},title=handoff-kit test%3A the agent closes the ticket first%3A the banner closes with it::expect with: expected "agent", actual "bot"%0Aexpected: "agent"%0Aactual:   "bot"\n`,
    );
  });

  it('runs only the test files given', () => {
    const { code, stdout } = run(['examples/support-bot/tests/billing-agent.json']);
    assert.equal(code, 0);
    assert.equal(stdout.trimEnd().split('\n').length, 3);
  });

  it('exit 2 for a test file that does not parse or fit its schema, named with its place; the other files still run', async () => {
    const broken = path.join(folder, 'broken-bot');
    await cp(exampleProject, broken, { recursive: true });
    const syntax = '{ "tests": [ { "name": "x", "steps": [ { "say": "hi" }, ] } ] }';
    await writeFile(path.join(broken, 'tests/syntax.json'), syntax);
    await writeFile(path.join(broken, 'tests/misspelt.json'), '{ "tests": [ { "name": "x", "steps": [ { "expect": { "baner": "shown" } } ] } ] }');
    const { code, stdout, stderr } = run(['broken-bot'], folder);
    assert.equal(code, 2);
    assert.equal(stdout.split('\n').filter((l) => l.startsWith('pass')).length, 9);
    assert.equal(
      stderr.split('\n').slice(0, 4).join('\n'),
      [
        'handoff-kit: broken-bot/tests/misspelt.json:1:54: unknown property `baner` in expect; did you mean `banner`?',
        'handoff-kit: the tests of broken-bot/tests/misspelt.json were not run: it is not a valid test file (schemas/test.schema.json).',
        `handoff-kit: broken-bot/tests/syntax.json:1:${syntax.indexOf('] } ] }') + 1}: not valid JSON: value expected`,
        'handoff-kit: the tests of broken-bot/tests/syntax.json were not run: it is not a valid test file (schemas/test.schema.json).',
      ].join('\n'),
    );
    const junit = run(['broken-bot', '--format', 'junit'], folder);
    assert.equal(junit.code, 2);
    assert.equal(XMLValidator.validate(junit.stdout), true);
    assert.match(junit.stdout, /<testsuites name="handoff-kit test" tests="11" failures="0" errors="2"/);
    assert.match(
      junit.stdout,
      /<error message="not a valid test file: not valid JSON: value expected" type="invalid">broken-bot\/tests\/syntax\.json:1:\d+: not valid JSON/,
    );
    const json = JSON.parse(run(['broken-bot', '--format', 'json'], folder).stdout);
    assert.deepEqual(
      json.problems.map((p: { file: string; message: string }) => [p.file, p.message]),
      [
        ['broken-bot/tests/misspelt.json', 'unknown property `baner` in expect; did you mean `banner`?'],
        ['broken-bot/tests/syntax.json', 'not valid JSON: value expected'],
      ],
    );
  });

  it('exit 2 on a usage error: a path that is not there, a file that is not a test file, an unknown format', () => {
    const missing = run(['no-such-bot']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'handoff-kit: no such file or folder: no-such-bot\n');
    const journey = run(['examples/support-bot/journeys/live-agent.json']);
    assert.equal(journey.code, 2);
    assert.equal(journey.stderr, 'handoff-kit: examples/support-bot/journeys/live-agent.json is not a test file (tests/*.json of a bot project)\n');
    const format = run(['examples/support-bot', '--format', 'tap']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /argument 'tap' is invalid/);
  });

  it('a project without tests: exit 0, and says so', async () => {
    const bare = path.join(folder, 'bare-bot');
    await cp(exampleProject, bare, { recursive: true });
    await rm(path.join(bare, 'tests'), { recursive: true });
    const { code, stdout, stderr } = run(['bare-bot'], folder);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /^No tests found \(tests\/\*\.json of a bot project\) \(\d+ ms\)\.\n$/);
  });

  it('--coverage: the parts of the handoff path no test walks, with their places', async () => {
    const full = run(['examples/support-bot', '--coverage']);
    assert.equal(full.code, 0);
    assert.match(full.stdout, /\nCoverage of the handoff path: 11 of 11 parts walked by a test\.\n$/);
    const partial = path.join(folder, 'partial-bot');
    await cp(exampleProject, partial, { recursive: true });
    await rm(path.join(partial, 'tests/billing-agent.json'));
    const { code, stdout } = run(['partial-bot', '--coverage'], folder);
    assert.equal(code, 0);
    const journey = await readFile(path.join(partial, 'journeys/billing-agent.json'), 'utf8');
    const intent = await readFile(path.join(partial, 'intents/talk_to_bot.json'), 'utf8');
    assert.deepEqual(stdout.slice(stdout.indexOf('Coverage')).trimEnd().split('\n'), [
      'Coverage of the handoff path: 7 of 11 parts walked by a test.',
      `  not walked  partial-bot/journeys/billing-agent.json:${whereIs(journey, "talk to bot'")}  typed phrase "talk to bot" of the banner of node show-exit-banner (journey billing-agent)`,
      `  not walked  partial-bot/journeys/billing-agent.json:${whereIs(journey, '"show-exit-banner", "ticketClosed"')}  outcome agentConnected of Raise Ticket node raise-ticket (journey billing-agent)`,
      `  not walked  partial-bot/journeys/billing-agent.json:${whereIs(journey, '"close-banner", "error"')}  outcome ticketClosed of Raise Ticket node raise-ticket (journey billing-agent)`,
      `  not walked  partial-bot/journeys/billing-agent.json:${whereIs(journey, '"ticket-error"')}  outcome error of Raise Ticket node raise-ticket (journey billing-agent)`,
    ]);
    assert.ok(intent.includes('talk_to_bot'));
    const json = JSON.parse(run(['partial-bot', '--coverage', '--format', 'json'], folder).stdout);
    assert.deepEqual([json.coverage.parts, json.coverage.walked], [11, 7]);
    assert.deepEqual(
      json.coverage.items.find((i: { kind: string }) => i.kind === 'bannerOption'),
      {
        kind: 'bannerOption',
        label: 'option "Exit" of the banner of node show-exit-banner (journey live-agent)',
        file: 'partial-bot/journeys/live-agent.json',
        line: 21,
        column: 48,
        walkedBy: ['the Exit button brings the customer back to the bot'],
      },
    );
  });
});
