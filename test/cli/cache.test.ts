// `handoff-kit check --cache` as a process: a second run on unchanged projects gives the same
// output and reads no bot file (a preload records every file the process reads); a change to any
// file a project's checks read (cross-file: an intent renamed breaks a journey), a file added, a
// setting or the tool's version checks the project again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');
const countReads = path.join(__dirname, '../support/countReads.js');

/** Runs the command with the read counter; `reads`: the absolute paths it opened or read. */
function run(args: string[], cwd: string) {
  const readsFile = path.join(cwd, '.reads');
  const result = spawnSync(process.execPath, ['-r', countReads, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HANDOFF_KIT_READS: readsFile },
  });
  const reads = spawnSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(readsFile)}, 'utf8'))`], {
    encoding: 'utf8',
  }).stdout.split('\n');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, reads: reads.map((r) => path.resolve(cwd, r)) };
}

/** The paths read that are files of the projects below bots/ (not the ignore files looked for, which do not exist). */
async function existingBotFiles(reads: readonly string[]): Promise<string[]> {
  const files = reads.filter((p) => p.includes(`${path.sep}bots${path.sep}`));
  const exist = await Promise.all(
    files.map((p) =>
      stat(p).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return [...new Set(files.filter((_, i) => exist[i]))];
}

describe('handoff-kit check --cache', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-cache-'));
    await cp(exampleProject, path.join(folder, 'bots/good'), { recursive: true });
    await cp(exampleProject, path.join(folder, 'bots/broken'), { recursive: true });
    const journey = path.join(folder, 'bots/broken/journeys/billing-agent.json');
    await writeFile(journey, (await readFile(journey, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"'));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('a second run on unchanged projects prints the same and reads no bot file', async () => {
    const first = run(['check', '--cache'], folder);
    assert.equal(first.code, 1);
    assert.match(first.stderr, /^1 problem \(1 error, 0 warnings\) in 24 files \(\d+ ms, 0 from the cache\)\.\n$/);
    assert.equal((await existingBotFiles(first.reads)).length, 24, 'the first run reads every bot file');
    assert.ok((await stat(path.join(folder, '.handoff-kit-cache'))).isFile());

    const second = run(['check', '--cache'], folder);
    assert.equal(second.code, 1);
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stderr, /^1 problem \(1 error, 0 warnings\) in 24 files \(\d+ ms, 24 from the cache\)\.\n$/);
    // What it may read: the cache, and the ignore files (.gitignore, handoff-kit.json) looked for.
    assert.deepEqual(await existingBotFiles(second.reads), []);
    // Every format prints from the cache as from the files.
    assert.deepEqual(
      JSON.parse(run(['check', '--cache', '--format', 'json'], folder).stdout),
      JSON.parse(run(['check', '--format', 'json'], folder).stdout),
    );
  });

  it('checks a project again when a file another one reads changes, and only that project', async () => {
    // The exit intent renamed: the journeys of bots/good that it starts are now broken.
    const intent = path.join(folder, 'bots/good/intents/talk_to_bot.json');
    const original = await readFile(intent, 'utf8');
    await writeFile(intent, original.replace('"name": "talk_to_bot"', '"name": "talk_to_the_bot"'));
    const changed = run(['check', '--cache'], folder);
    assert.match(changed.stdout, /bots\/good\/journeys\/return-to-bot\.json:\d+:\d+ error unknown-intent/);
    assert.match(changed.stderr, /\(\d+ ms, 12 from the cache\)/);
    await writeFile(intent, original);
    assert.deepEqual(
      (await existingBotFiles(changed.reads)).filter((p) => p.includes(`${path.sep}broken${path.sep}`)),
      [],
      'bots/broken is not read',
    );
    const back = run(['check', '--cache'], folder);
    assert.doesNotMatch(back.stdout, /bots\/good/);
  });

  it('takes a file touched but unchanged from the cache, and sees a file added', async () => {
    const journey = path.join(folder, 'bots/good/journeys/live-agent.json');
    const later = new Date(Date.now() + 60_000);
    await utimes(journey, later, later);
    const touched = run(['check', '--cache'], folder);
    assert.match(touched.stderr, /24 from the cache/);
    assert.ok(!touched.reads.includes(path.join(folder, 'bots/good/journeys/return-to-bot.json')), 'only the touched file is read');

    const added = path.join(folder, 'bots/good/intents/extra.json');
    await writeFile(added, '{"name": "extra", "utterances": ["x"], "utterance": "y"}');
    const more = run(['check', '--cache'], folder);
    assert.match(more.stdout, /bots\/good\/intents\/extra\.json:1:\d+ warning schema/);
    assert.match(more.stderr, /in 25 files \(\d+ ms, 12 from the cache\)/);
    await rm(added);
  });

  it('checks again when a setting changes, and keeps the cache where --cache-location says', async () => {
    const off = run(['check', '--cache', '--rule', 'unknown-event=off'], folder);
    assert.equal(off.code, 0, off.stdout + off.stderr);
    assert.match(off.stderr, /0 from the cache/);
    const quiet = run(['check', '--cache', '--rule', 'unknown-event=off'], folder);
    assert.match(quiet.stderr, /24 from the cache/);

    const elsewhere = run(['check', '--cache', '--cache-location', 'tmp/'], folder);
    assert.match(elsewhere.stderr, /0 from the cache/);
    assert.ok((await stat(path.join(folder, 'tmp/.handoff-kit-cache'))).isFile());
    assert.match(run(['check', '--cache', '--cache-location', 'tmp/'], folder).stderr, /24 from the cache/);
  });

  it('drops a cache another version wrote, or one that is not a cache', async () => {
    const file = path.join(folder, '.handoff-kit-cache');
    const contents = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...contents, version: '0.0.0-other' }));
    assert.match(run(['check', '--cache'], folder).stderr, /0 from the cache/);
    await writeFile(file, 'not json');
    assert.match(run(['check', '--cache'], folder).stderr, /0 from the cache/);
    assert.match(run(['check', '--cache'], folder).stderr, /24 from the cache/);
  });
});
