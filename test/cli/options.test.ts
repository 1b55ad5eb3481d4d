// `handoff-kit check` options for CI and for fixing, run as processes on copies of the example.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import type * as sarif from 'sarif';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');
// The official SARIF 2.1.0 schema (2.1.0-rtm.5, draft-04), as Microsoft ships it in @microsoft/jest-sarif.
const sarifSchemaFile = path.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based line and column of the first occurrence of `snippet` in `text`. */
function lineColumn(text: string, snippet: string): { line: number; column: number } {
  const offset = text.indexOf(snippet);
  assert.ok(offset >= 0, `no ${snippet}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('handoff-kit check: output formats and CI options', () => {
  let folder: string;
  let journeyText: string;
  const extraIntent = '{"name": "extra", "utterances": ["x"], "utterance": "y"}';

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-options-'));
    const bot = path.join(folder, 'bot');
    await cp(exampleProject, bot, { recursive: true });
    const journey = path.join(bot, 'journeys/billing-agent.json');
    journeyText = (await readFile(journey, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"');
    await writeFile(journey, journeyText);
    await writeFile(path.join(bot, 'intents/extra.json'), extraIntent);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes SARIF 2.1.0 that the official schema accepts, with the rules of the registry', async () => {
    const { code, stdout } = run(['check', '--format', 'sarif', 'bot'], folder);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as sarif.Log;
    // unicodeRegExp off: one pattern of the schema (a language tag) is valid only without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', true).addFormat('uri-reference', true).addFormat('date-time', true);
    const validate = ajv.compile(JSON.parse(await readFile(sarifSchemaFile, 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    const rulesOut = JSON.parse(run(['rules', '--format', 'json'], folder).stdout) as { code: string; severity: string }[];
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'handoff-kit');
    assert.match(driver.version!, /^\d+\.\d+\.\d+/);
    assert.equal(driver.informationUri, 'https://github.com/handoff-kit/handoff-kit');
    assert.deepEqual(
      driver.rules!.map((r) => r.id),
      rulesOut.map((r) => r.code),
    );
    const unknownEvent = driver.rules!.find((r) => r.id === 'unknown-event')!;
    assert.equal(unknownEvent.helpUri, 'https://github.com/handoff-kit/handoff-kit/blob/main/docs/rules/unknown-event.md');
    assert.equal(unknownEvent.defaultConfiguration?.level, 'error');
    assert.ok(unknownEvent.fullDescription!.text.length > unknownEvent.shortDescription!.text.length);

    const results = log.runs[0].results!;
    assert.equal(results.length, 2);
    const event = results.find((r) => r.ruleId === 'unknown-event')!;
    const at = lineColumn(journeyText, '"ui-event-update-promotoin"');
    assert.equal(event.level, 'error');
    assert.equal(
      event.ruleIndex,
      driver.rules!.findIndex((r) => r.id === 'unknown-event'),
    );
    assert.equal(event.message.text, 'unknown event `ui-event-update-promotoin`; did you mean `ui-event-update-promotion`?');
    assert.deepEqual(event.locations![0].physicalLocation, {
      artifactLocation: { uri: 'bot/journeys/billing-agent.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + '"ui-event-update-promotoin"'.length },
    });
    assert.equal(results.find((r) => r.ruleId === 'schema')!.level, 'warning');
  });

  it('writes one GitHub workflow command per finding, escaped', () => {
    const { code, stdout } = run(['check', '--format', 'github', 'bot'], folder);
    assert.equal(code, 1);
    const at = lineColumn(journeyText, '"ui-event-update-promotoin"');
    const end = at.column + '"ui-event-update-promotoin"'.length;
    assert.deepEqual(stdout.trim().split('\n'), [
      `::warning file=bot/intents/extra.json,line=1,col=${extraIntent.indexOf('"utterance"') + 1},endLine=1,endColumn=${extraIntent.indexOf('"utterance"') + 12},title=schema::unknown property \`utterance\` in intent; did you mean \`utterances\`?`,
      `::error file=bot/journeys/billing-agent.json,line=${at.line},col=${at.column},endLine=${at.line},endColumn=${end},title=unknown-event::unknown event \`ui-event-update-promotoin\`; did you mean \`ui-event-update-promotion\`?`,
    ]);
  });

  it('--max-warnings fails on more warnings than allowed; --quiet reports errors only', () => {
    const onlyWarnings = ['check', 'bot/intents/extra.json'];
    assert.equal(run(onlyWarnings, folder).code, 0);
    assert.equal(run([...onlyWarnings, '--max-warnings', '1'], folder).code, 0);
    const over = run([...onlyWarnings, '--max-warnings', '0'], folder);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /handoff-kit: 1 warning found, more than --max-warnings 0 allows\.\n$/);
    const quiet = run(['check', '--quiet', '--max-warnings', '0', 'bot'], folder);
    assert.equal(quiet.code, 1);
    assert.deepEqual(
      quiet.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[2]),
      ['unknown-event'],
    );
    assert.match(quiet.stderr, /^1 problem \(1 error, 0 warnings\) in 13 files/);
    assert.equal(run(['check', '--quiet', '--max-warnings', '0', 'bot/intents/extra.json'], folder).code, 0);
    assert.equal(run(['check', '--max-warnings', 'many', 'bot'], folder).code, 2);
  });

  it('--rule sets a severity or turns a rule off, and refuses unknown codes and settings', () => {
    const result = run(['check', '--rule', 'unknown-event=off', '--rule', 'schema=info', 'bot'], folder);
    assert.equal(result.code, 0);
    assert.deepEqual(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['info schema'],
    );
    // The summary counts info findings too, in agreeing number.
    assert.match(result.stderr, /^1 problem \(0 errors, 0 warnings, 1 info\) in 13 files \(\d+ ms\)\.\n$/);
    const unknown = run(['check', '--rule', 'unknown-evnt=off', 'bot'], folder);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown rule "unknown-evnt"; did you mean "unknown-event"\? \(handoff-kit rules lists them\)/);
    assert.doesNotMatch(run(['check', '--rule', 'nothing-like-it=off', 'bot'], folder).stderr, /did you mean/);
    const setting = run(['check', '--rule', 'schema=loud', 'bot'], folder);
    assert.equal(setting.code, 2);
    assert.match(setting.stderr, /"loud" is not a setting for schema: use off, error, warning, info, hint/);
    assert.match(run(['check', '--rule', 'schema=eror', 'bot'], folder).stderr, /"eror" is not a setting for schema; did you mean "error"\?/);
  });

  it("--config replaces each project's handoff-kit.json, and a broken one is a usage error", async () => {
    await writeFile(path.join(folder, 'bot/handoff-kit.json'), JSON.stringify({ rules: { schema: 'off' } }));
    const config = path.join(folder, 'ci.json');
    await writeFile(config, JSON.stringify({ rules: { 'unknown-event': 'warning' } }));
    const result = run(['check', '--config', 'ci.json', 'bot'], folder);
    assert.equal(result.code, 0);
    assert.deepEqual(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(1, 3).join(' ')),
      ['warning schema', 'warning unknown-event'],
    );
    await writeFile(config, '{ "rules": { "unknown-evnt": "off" } }');
    const broken = run(['check', '--config', 'ci.json', 'bot'], folder);
    assert.equal(broken.code, 2);
    assert.match(
      broken.stderr,
      /^handoff-kit: --config ci\.json is not a valid handoff-kit\.json:\n {2}ci\.json:1:\d+ schema .*not a rule code.*did you mean `unknown-event`\?/,
    );
    await writeFile(config, '{ "rules": ');
    assert.match(run(['check', '--config', 'ci.json', 'bot'], folder).stderr, /ci\.json:1:\d+ json-syntax/);
    assert.match(
      run(['check', '--config', 'none.json', 'bot'], folder).stderr,
      /^handoff-kit: --config none\.json: no such file, or it cannot be read\n$/,
    );
    await rm(path.join(folder, 'bot/handoff-kit.json'));
  });

  it('escapes control characters from bot files in text and GitHub output', async () => {
    const hostile = path.join(folder, 'hostile');
    await cp(exampleProject, hostile, { recursive: true });
    const file = path.join(hostile, 'journeys/billing-agent.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"ui-event-update-promotion"', '"\\u001b[2J\\r::error ::forged\\nx"'));
    const text = run(['check', 'hostile'], folder);
    assert.equal(text.code, 1);
    // eslint-disable-next-line no-control-regex -- the test asserts no control character reaches the output
    assert.doesNotMatch(text.stdout, /[\u001b\r]/);
    assert.equal(text.stdout.trim().split('\n').length, 1);
    assert.match(text.stdout, /unknown event `\\u001b\[2J\\r::error ::forged\\nx`/);
    const github = run(['check', '--format', 'github', 'hostile'], folder);
    assert.equal(github.stdout.trim().split('\n').length, 1);
    // eslint-disable-next-line no-control-regex -- the test asserts no control character reaches the output
    assert.doesNotMatch(github.stdout, /\u001b/);
    assert.match(github.stdout, /::unknown event `\\u001b\[2J%0D::error ::forged%0Ax`/);
    await rm(hostile, { recursive: true, force: true });
  });

  it("ends quietly with the findings' status when stdout is closed early", async () => {
    // Many long findings (about 170 KB), more than a pipe holds (64 KB), so the writer meets the
    // closed pipe; without the EPIPE handler this run crashes with exit 1.
    const many = path.join(folder, 'many');
    await cp(exampleProject, many, { recursive: true });
    const property = 'note'.repeat(80);
    for (let i = 0; i < 400; i++)
      await writeFile(path.join(many, `intents/extra${i}.json`), `{"name": "extra${i}", "utterances": ["x${i}"], "${property}": "y"}`);
    const child = spawn(process.execPath, [bin, 'check', 'many'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk only, then close the pipe, as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    await rm(many, { recursive: true, force: true });
  });

  it('checks a project nested inside another project', async () => {
    const outer = path.join(folder, 'outer');
    await cp(exampleProject, outer, { recursive: true });
    const inner = path.join(outer, 'sub/inner');
    await mkdir(path.dirname(inner), { recursive: true });
    await cp(path.join(folder, 'bot'), inner, { recursive: true });
    const result = run(['check', 'outer'], folder);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
      ['outer/sub/inner/intents/extra.json', 'outer/sub/inner/journeys/billing-agent.json'],
    );
    assert.match(result.stderr, /in 25 files/);
    await rm(outer, { recursive: true, force: true });
  });
});

describe('handoff-kit check --fix', () => {
  let folder: string;
  let bot: string;
  let originals: Map<string, string>;
  const rel = (file: string) => path.join(bot, file);

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-fix-'));
    bot = path.join(folder, 'bot');
    await cp(exampleProject, bot, { recursive: true });
    originals = new Map();
    for (const file of ['bot.json', 'journeys/live-agent.json', 'journeys/return-to-bot.json', 'journeys/billing-agent.json'])
      originals.set(file, await readFile(rel(file), 'utf8'));
    // Breakages with a safe fix: a disabled event (bot.json, written with CRLF and no final
    // newline), a banner text one letter off, a missing close-ticket step.
    const botJson = originals
      .get('bot.json')!
      .replace('"enabled": true,\n      "description": "Shows or updates', '"enabled": false,\n      "description": "Shows or updates');
    await writeFile(rel('bot.json'), botJson.replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
    await writeFile(
      rel('journeys/live-agent.json'),
      originals.get('journeys/live-agent.json')!.replace('"text": "talk to bot"', '"text": "talk to bott"'),
    );
    await writeFile(
      rel('journeys/return-to-bot.json'),
      originals
        .get('journeys/return-to-bot.json')!
        .replace('"next": "close-ticket" }', '"next": "back-with-bot" }')
        .replace(/ {4}\{ "id": "close-ticket".*\n/, ''),
    );
    // A journey that does not parse, with a fixable problem inside: never touched.
    await writeFile(
      rel('journeys/broken.json'),
      originals
        .get('journeys/return-to-bot.json')!
        .replace('"return-to-bot"', '"broken"')
        .replace('"ui-event-close-promotion"', '"ui-event-close-promotoin",,'),
    );
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const before = await readFile(rel('journeys/live-agent.json'), 'utf8');
    const { code, stdout, stderr } = run(['check', '--fix-dry-run', 'bot'], folder);
    assert.equal(code, 1);
    assert.match(stdout, /--- a\/bot\/journeys\/live-agent\.json\n\+\+\+ b\/bot\/journeys\/live-agent\.json\n/);
    assert.match(stdout, /^-.*"text": "talk to bott".*$/m);
    assert.match(stdout, /^\+.*"text": "talk to bot".*$/m);
    assert.match(stdout, /^\+ {6}"enabled": true,\r?$/m);
    assert.match(stderr, /^Would fix 3 problems in 3 files\.\n2 problems would remain \(2 errors, 0 warnings\) in 13 files \(\d+ ms\)\.\n$/);
    assert.equal(await readFile(rel('journeys/live-agent.json'), 'utf8'), before);
  });

  it('--fix-dry-run ends with "No problems would remain" and exits 0 when the fixes would leave none', async () => {
    const clean = path.join(folder, 'clean');
    await cp(exampleProject, clean, { recursive: true });
    const journey = path.join(clean, 'journeys/live-agent.json');
    await writeFile(journey, (await readFile(journey, 'utf8')).replace('"text": "talk to bot"', '"text": "talk to bott"'));
    assert.equal(run(['check', 'clean'], folder).code, 1);
    const { code, stderr } = run(['check', '--fix-dry-run', 'clean'], folder);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^Would fix 1 problem in 1 file\.\nNo problems would remain in 12 files \(\d+ ms\)\.\n$/);
    await rm(clean, { recursive: true });
  });

  it('--fix-check lists the files --fix would change and exits 1, writing nothing; 0 when there is nothing to fix', async () => {
    const before = await readFile(rel('journeys/live-agent.json'), 'utf8');
    const { code, stdout, stderr } = run(['check', '--fix-check', 'bot'], folder);
    assert.equal(code, 1);
    assert.deepEqual(stdout.trim().split('\n').sort(), ['bot/bot.json', 'bot/journeys/live-agent.json', 'bot/journeys/return-to-bot.json']);
    assert.equal(stderr, '--fix would fix 3 problems in 3 files: run handoff-kit check --fix.\n');
    assert.equal(await readFile(rel('journeys/live-agent.json'), 'utf8'), before);
    const none = run(['check', '--fix-check', exampleProject], folder);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, 'Nothing to fix: no safe fix applies.\n');
    const both = run(['check', '--fix', '--fix-check', 'bot'], folder);
    assert.equal(both.code, 2);
    assert.equal(both.stderr, 'handoff-kit: --fix and --fix-check exclude each other\n');
  });

  it('--fix-dry-run run from outside the project gives paths that git apply takes, from the folder it names', async () => {
    const elsewhere = path.join(folder, 'elsewhere');
    await mkdir(elsewhere, { recursive: true });
    const { code, stdout, stderr } = run(['check', '--fix-dry-run', '../bot'], elsewhere);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, /\.\.\//, 'no path climbs out with ../');
    assert.match(stdout, /--- a\/journeys\/live-agent\.json\n\+\+\+ b\/journeys\/live-agent\.json\n/);
    const note = /^handoff-kit: the diff's paths are relative to (.+), which holds the files to fix/m.exec(stderr);
    assert.ok(note, stderr);
    assert.equal(await realpath(note[1]), await realpath(rel('.')));
    const patch = path.join(folder, 'fixes.diff');
    await writeFile(patch, stdout);
    execFileSync('git', ['apply', '--check', patch], { cwd: note[1] });
  });

  it('--fix applies the safe fixes keeping style, leaves unparsable files alone, and a second run changes nothing', async () => {
    const unparsable = await readFile(rel('journeys/broken.json'), 'utf8');
    const first = run(['check', '--fix', 'bot'], folder);
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stderr, /^Fixed 3 problems in 3 files\.\n2 problems \(2 errors, 0 warnings\) in 13 files/);
    // What remains is the syntax of the file that does not parse: what it holds is unknown until then.
    assert.deepEqual(
      first.stdout
        .trim()
        .split('\n')
        .map((l) => `${l.split(':')[0]} ${l.split(' ')[2]}`),
      ['json-syntax', 'json-syntax'].map((code) => `bot/journeys/broken.json ${code}`),
    );
    assert.equal(await readFile(rel('journeys/broken.json'), 'utf8'), unparsable);
    assert.equal(await readFile(rel('journeys/live-agent.json'), 'utf8'), originals.get('journeys/live-agent.json'));
    // CRLF and the missing final newline stay as they were.
    assert.equal(await readFile(rel('bot.json'), 'utf8'), originals.get('bot.json')!.replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
    const exit = JSON.parse(await readFile(rel('journeys/return-to-bot.json'), 'utf8'));
    assert.ok(exit.nodes.some((n: { type: string }) => n.type === 'closeTicket'));

    const files = await Promise.all([...originals.keys()].map((f) => readFile(rel(f), 'utf8')));
    const second = run(['check', '--fix', 'bot'], folder);
    assert.match(second.stderr, /^Nothing to fix: no safe fix applies\.\n/);
    assert.deepEqual(await Promise.all([...originals.keys()].map((f) => readFile(rel(f), 'utf8'))), files);
  });

  it('writes only inside the files given: a fix in bot.json is not applied when one journey is checked', async () => {
    await writeFile(
      rel('bot.json'),
      originals
        .get('bot.json')!
        .replace('"enabled": true,\n      "description": "Shows or updates', '"enabled": false,\n      "description": "Shows or updates'),
    );
    await rm(rel('journeys/broken.json'));
    const before = await readFile(rel('bot.json'), 'utf8');
    const { code, stdout, stderr } = run(['check', '--fix', 'bot/journeys/billing-agent.json'], folder);
    assert.equal(code, 1);
    assert.match(stdout, /event-disabled/);
    assert.match(
      stderr,
      /^handoff-kit: safe fixes that edit bot\/bot\.json were not applied: only the paths given are written \(give the project folder to apply them\)$/m,
    );
    assert.equal(await readFile(rel('bot.json'), 'utf8'), before);
  });
});
