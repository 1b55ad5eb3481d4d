import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('handoff-kit check', () => {
  let folder: string;
  let broken: string;
  /** Where the misspelt event stands in the broken journey: 0-based line and character. */
  let eventAt: { line: number; character: number };
  const extraIntent = '{"name": "extra", "utterances": ["x"], "utterance": "y"}';

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-cli-'));
    broken = path.join(folder, 'broken-bot');
    await cp(exampleProject, broken, { recursive: true });
    const journey = path.join(broken, 'journeys/billing-agent.json');
    const text = (await readFile(journey, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"');
    await writeFile(journey, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('promotoin'));
    eventAt = { line, character: lines[line].indexOf('"ui-event-update-promotoin"') };
    await writeFile(path.join(broken, 'intents/extra.json'), extraIntent);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('exits 0 on the example project and says it found nothing', () => {
    const { code, stdout, stderr } = run(['check', 'examples/support-bot']);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /^No problems in 12 files \(\d+ ms\)\.\n$/);
  });

  it('exits 1 on errors, with one line per finding: file:line:col severity code message', () => {
    const { code, stdout, stderr } = run(['check', broken], folder);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.deepEqual(lines, [
      `broken-bot/intents/extra.json:1:${extraIntent.indexOf('"utterance"') + 1} warning schema unknown property \`utterance\` in intent; did you mean \`utterances\`?`,
      `broken-bot/journeys/billing-agent.json:${eventAt.line + 1}:${eventAt.character + 1} error unknown-event unknown event \`ui-event-update-promotoin\`; did you mean \`ui-event-update-promotion\`?`,
    ]);
    assert.match(stderr, /^2 problems \(1 error, 1 warning\) in 13 files \(\d+ ms\)\.\n$/);
  });

  it("reads the project's handoff-kit.json: a rule turned off, another made an error", async () => {
    const configured = path.join(folder, 'configured-bot');
    await cp(broken, configured, { recursive: true });
    await writeFile(path.join(configured, 'handoff-kit.json'), JSON.stringify({ rules: { 'unknown-event': 'off', schema: 'error' } }));
    const { code, stdout } = run(['check', configured], folder);
    assert.equal(code, 1);
    assert.deepEqual(
      stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['error schema'],
    );
    await writeFile(path.join(configured, 'handoff-kit.json'), '{ "rules": { "unknown-evnt": "loud" } }');
    const bad = run(['check', configured], folder);
    assert.match(
      bad.stdout,
      /configured-bot\/handoff-kit\.json:1:14 error schema `unknown-evnt`: not a rule code \(`handoff-kit rules` lists them\); did you mean `unknown-event`\?/,
    );
  });

  it('exits 0 when only warnings are found', () => {
    const { code, stdout } = run(['check', path.join(broken, 'intents/extra.json')], folder);
    assert.equal(code, 0);
    assert.equal(stdout.trim().split('\n').length, 1);
  });

  it('prints a JSON array with 0-based ranges in --format json', () => {
    const { code, stdout, stderr } = run(['check', '--format', 'json', broken], folder);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    const findings = JSON.parse(stdout);
    assert.deepEqual(findings[1], {
      file: 'broken-bot/journeys/billing-agent.json',
      range: { start: eventAt, end: { line: eventAt.line, character: eventAt.character + '"ui-event-update-promotoin"'.length } },
      severity: 'error',
      code: 'unknown-event',
      message: 'unknown event `ui-event-update-promotoin`; did you mean `ui-event-update-promotion`?',
    });
    assert.deepEqual(Object.keys(findings[0]), ['file', 'range', 'severity', 'code', 'message']);
  });

  it('prints [] in --format json when nothing is found', () => {
    const { code, stdout } = run(['check', '-f', 'json', 'examples/support-bot']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), []);
  });

  it('checks every project below the current folder when given no path', () => {
    const { code, stdout } = run(['check'], folder);
    assert.equal(code, 1);
    assert.match(stdout, /broken-bot\/journeys\/billing-agent\.json/);
  });

  it('exits 2 with one line for a path that does not exist', () => {
    const { code, stdout, stderr } = run(['check', 'no/such/bot']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'handoff-kit: no such file or folder: no/such/bot\n');
  });

  it('exits 2 with one line for a folder that holds no bot project', () => {
    const { code, stderr } = run(['check', 'schemas']);
    assert.equal(code, 2);
    assert.equal(stderr, 'handoff-kit: no bot project (a folder with bot.json) in schemas\n');
  });

  it('exits 2 for a file inside a project that is not a bot file', async () => {
    await writeFile(path.join(broken, 'notes.json'), '{}');
    const { code, stderr } = run(['check', 'broken-bot/notes.json'], folder);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      'handoff-kit: broken-bot/notes.json is not a bot file (bot.json, handoff-kit.json, intents/*.json, journeys/*.json, functions/*.js, tests/*.json, test-reports/*.csv, translations/*.csv or faqs/*.csv of a bot project)\n',
    );
  });

  it('exits 2 for a journey outside any project, saying no bot.json was found', () => {
    const { code, stderr } = run(['check', 'package.json']);
    assert.equal(code, 2);
    assert.equal(stderr, 'handoff-kit: package.json: no `bot.json` found in this folder or above it, so it is not part of a bot project\n');
  });

  it('exits 2 for a folder holding no bot project when given no path', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'handoff-kit-empty-'));
    try {
      const { code, stderr } = run(['check'], empty);
      assert.equal(code, 2);
      assert.match(stderr, /^handoff-kit: no bot project \(a folder with bot\.json\) in /);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('exits 2 on a wrong option', () => {
    const { code, stderr } = run(['check', '--format', 'xml', 'examples/support-bot']);
    assert.equal(code, 2);
    assert.match(stderr, /argument 'xml' is invalid\. Allowed choices are text, json, sarif, github\./);
  });
});

describe('handoff-kit utterance-tests and --test-report', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-studio-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the exit phrases of the example, and the phrases its tests expect to start a journey, as Studio takes them', async () => {
    const { code, stdout, stderr } = run(['utterance-tests', exampleProject, '-o', folder]);
    assert.equal(code, 0, stderr);
    const file = path.join(folder, 'utterance-tests.csv');
    assert.equal(stdout, `${file}\n`);
    // The Hindi phrase the localized banner asks to type is a row of its own, tagged with its language.
    assert.equal(
      await readFile(file, 'utf8'),
      [
        'Utterance,Journey,Tag',
        'talk to bot,return-to-bot,exit-phrase',
        'बॉट से बात करें,return-to-bot,exit-phrase:hi',
        'my invoice is wrong,billing-agent,typing the phrase the banner asks for brings the customer back to the bot',
        'talk to an agent,live-agent,the Exit button brings the customer back to the bot',
        'back to bot,return-to-bot,"the customer closes the banner, then types the exit phrase"',
        '',
      ].join('\r\n'),
    );
    assert.equal(stderr, 'Wrote 5 utterance tests to 1 file.\n');
  });

  it('splits --all into numbered files with --max-rows, and refuses a bad count', async () => {
    const out = path.join(folder, 'split');
    const { code } = run(['utterance-tests', exampleProject, '-o', out, '--all', '--max-rows', '4']);
    assert.equal(code, 0);
    const parts = await Promise.all([1, 2, 3].map((n) => readFile(path.join(out, `utterance-tests-${n}.csv`), 'utf8')));
    assert.deepEqual(
      parts.map((p) => p.trim().split('\r\n').length),
      [5, 5, 4],
    );
    assert.equal(run(['utterance-tests', exampleProject, '--max-rows', 'x']).code, 2);
    assert.match(run(['utterance-tests', folder]).stderr, /is not a bot project/);
  });

  it('checks a --test-report and the reports in test-reports/', async () => {
    const report = path.join(folder, 'run.csv');
    await writeFile(report, '\uFEFFUtterance,Predicted Journey,Journey,Status\r\ntalk to bot,live-agent,return-to-bot,failure\r\n');
    const given = run(['check', exampleProject, '--test-report', report, '-f', 'json'], folder);
    assert.equal(given.code, 1);
    const findings = JSON.parse(given.stdout) as { file: string; code: string; message: string; range: { start: { line: number } } }[];
    // Findings are sorted by absolute path: where the report stands against the example depends on the checkout's folder.
    assert.deepEqual(findings.map((f) => [path.basename(f.file), f.code, f.range.start.line]).sort(), [
      ['billing-agent.json', 'live-exit-misrouted', 17],
      ['live-agent.json', 'live-exit-misrouted', 20],
      ['run.csv', 'live-exit-misrouted', 1],
    ]);
    assert.ok(
      findings.some(
        (f) => f.message === `Studio routed \`talk to bot\` to \`live-agent\` (report ${report}, row 2); it must start \`return-to-bot\``,
      ),
    );

    const project = path.join(folder, 'bot');
    await cp(exampleProject, project, { recursive: true });
    await cp(report, path.join(project, 'test-reports', 'run.csv'), { recursive: true });
    const inFolder = run(['check', project], folder);
    assert.equal(inFolder.code, 1);
    assert.match(inFolder.stdout, /^bot\/test-reports\/run\.csv:2:1 error live-exit-misrouted the live bot routed/m);
    assert.match(
      inFolder.stdout,
      /^bot\/journeys\/live-agent\.json:21:48 error live-exit-misrouted Studio routed `talk to bot` to `live-agent` \(report test-reports\/run\.csv, row 2\)/m,
    );
  });

  it('follows a symbolic link only inside the folders it checks', async () => {
    const links = path.join(folder, 'links');
    await cp(exampleProject, path.join(links, 'bot'), { recursive: true });
    await mkdir(path.join(links, 'shared'));
    await writeFile(path.join(links, 'shared/shared.json'), '{"name": "shared", "utterances": ["shared phrase"]}');
    await symlink(path.join(links, 'shared/shared.json'), path.join(links, 'bot/intents/shared.json'));
    const unread = (stdout: string) => stdout.split('\n').filter((l) => l.includes('file-unread'));

    // The project folder given: the link leads out of it and is not read.
    const given = run(['check', 'bot'], links);
    assert.equal(given.code, 0, given.stderr);
    assert.equal(unread(given.stdout).length, 1);
    assert.match(
      unread(given.stdout)[0],
      /^bot\/intents\/shared\.json:1:1 warning file-unread the file could not be read: it is a symbolic link to .*shared\/shared\.json, outside the folders being checked, and is not followed;/,
    );
    // The same for a file of the project given: its project is what may be read.
    assert.match(
      run(['check', 'bot/intents/shared.json'], links).stdout,
      /^bot\/intents\/shared\.json:1:1 warning file-unread .*outside the folders being checked/,
    );
    // No path: the current folder is checked, and the link leads inside it.
    const below = run(['check'], links);
    assert.equal(below.code, 0, below.stderr);
    assert.deepEqual(unread(below.stdout), []);
    assert.match(below.stderr, /^No problems in 13 files/);
  });
});

describe('handoff-kit studio-sheet', () => {
  it('prints the sheet of the example on standard output, and writes it with -o', async () => {
    const printed = run(['studio-sheet', exampleProject]);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /^# Studio build sheet: support-bot\n/);
    assert.ok(printed.stdout.includes('**Send Event** `show-exit-banner`\n   - Event name: `ui-event-close-promotion`\n   - Event type: Custom'));
    const folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-sheet-'));
    try {
      const file = path.join(folder, 'out/sheet.md');
      const written = run(['studio-sheet', exampleProject, '-o', file]);
      assert.equal(written.code, 0, written.stderr);
      assert.equal(written.stdout, '');
      assert.equal(await readFile(file, 'utf8'), printed.stdout);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is not a bot project with exit code 2', () => {
    const result = run(['studio-sheet', 'docs']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'handoff-kit: docs is not a bot project: it has no bot.json\n');
  });
});

// Issue 25: the exports run the checks first; with errors they still write, but say so, and fail unless --force.
describe('handoff-kit studio-sheet and utterance-tests on a project with errors', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-exports-'));
    await cp(exampleProject, path.join(folder, 'bot'), { recursive: true });
    // The close event misspelt in the exit journey, and a typed banner whose phrase no intent has.
    const exit = path.join(folder, 'bot/journeys/return-to-bot.json');
    await writeFile(exit, (await readFile(exit, 'utf8')).replace('"ui-event-close-promotion"', '"ui-event-close-promotoin"'));
    const billing = path.join(folder, 'bot/journeys/billing-agent.json');
    await writeFile(billing, (await readFile(billing, 'utf8')).replace("Please type 'talk to bot'", "Please type 'leave the agent'"));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('studio-sheet writes the sheet, warns at its top and at the misspelt event, says so on stderr, and exits 1', async () => {
    const { code, stdout, stderr } = run(['studio-sheet', 'bot'], folder);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /^# Studio build sheet: support-bot\n\n> \*\*⚠ Not ready to build\.\*\* `handoff-kit check` finds 2 errors in this project\./,
    );
    assert.match(stdout, /^> - `journeys\/return-to-bot\.json:\d+:\d+` unknown-event: unknown event \\`ui-event-close-promotoin\\`; did you mean/m);
    assert.doesNotMatch(stdout, /Paste the data blocks exactly as they are/);
    // The misspelt event's node carries the warning where a team would copy it.
    assert.match(
      stdout,
      /\*\*Send Event\*\* `close-banner`\n {3}- Event name: `ui-event-close-promotoin`\n[\s\S]*?\n {3}- ⚠ \*\*unknown-event\*\*: unknown event `ui-event-close-promotoin`/,
    );
    assert.match(
      stderr,
      /^handoff-kit: the project has 2 errors \(handoff-kit check lists them\):\n {2}bot\/journeys\/billing-agent\.json:\d+:\d+ option-text-mismatch/,
    );
    assert.match(stderr, /the sheet says so at its top and marks each block concerned with ⚠; the run exits 1 \(with --force, 0\)\.\n$/);
    const forced = run(['studio-sheet', 'bot', '--force', '-o', 'sheet.md'], folder);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(await readFile(path.join(folder, 'sheet.md'), 'utf8'), stdout);
    assert.match(forced.stderr, /^Wrote the Studio build sheet to .*sheet\.md\.\nhandoff-kit: the project has 2 errors/);
  });

  it('utterance-tests leaves out the banners whose exit path has errors, says which and why, and exits 1', async () => {
    const { code, stdout, stderr } = run(['utterance-tests', 'bot', '-o', 'out'], folder);
    assert.equal(code, 1);
    assert.equal(stdout, `${path.join(folder, 'out/utterance-tests.csv')}\n`);
    // live-agent's button still reaches return-to-bot, whose close event is misspelt: left out too.
    // What the conversation tests expect a say to start stays: it is the team's own expectation.
    assert.equal(
      await readFile(path.join(folder, 'out/utterance-tests.csv'), 'utf8'),
      [
        'Utterance,Journey,Tag',
        'my invoice is wrong,billing-agent,typing the phrase the banner asks for brings the customer back to the bot',
        'talk to bot,return-to-bot,typing the phrase the banner asks for brings the customer back to the bot',
        'talk to an agent,live-agent,the Exit button brings the customer back to the bot',
        'back to bot,return-to-bot,"the customer closes the banner, then types the exit phrase"',
        '',
      ].join('\r\n'),
    );
    const left = /Left out (\d+) banner exit phrases:\n((?: {2}.*\n)+)/.exec(stderr);
    assert.ok(left, stderr);
    // The two journeys' banners, the function's two banners and its localized banner's phrase in English and Hindi.
    assert.equal(left[1], '6');
    assert.match(
      left[2],
      /^ {2}bot\/functions\/show-exit-banner\.js:\d+:\d+ `बॉट से बात करें`: unknown-event: unknown event `ui-event-close-promotoin`/m,
    );
    assert.match(left[2], /^ {2}bot\/journeys\/billing-agent\.json:\d+:\d+ `leave the agent`: no intent is trained with it$/m);
    assert.match(left[2], /^ {2}bot\/journeys\/live-agent\.json:\d+:\d+ `talk to bot`: unknown-event: unknown event `ui-event-close-promotoin`/m);
    assert.match(stderr, /the tests were written without the banners whose exit path has errors; the run exits 1 \(with --force, 0\)\.\n$/);
    assert.equal(run(['utterance-tests', 'bot', '-o', 'out', '--force'], folder).code, 0);
  });
});
