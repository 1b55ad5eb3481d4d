// `handoff-kit check <folder>` on a folder of bots, as a process: every project below it, and
// what .gitignore files, handoff-kit.json `ignores`, --ignore-pattern and --config leave out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files with findings in text output, sorted. */
const filesOf = (stdout: string) =>
  [
    ...new Set(
      stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(':')[0]),
    ),
  ].sort();

describe('handoff-kit check on a folder of bots', () => {
  let folder: string;

  before(async () => {
    // repo/
    //   bots/support  (passes)   bots/broken (an unknown event)   fixtures/typo (an unknown event)
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-folders-'));
    for (const name of ['bots/support', 'bots/broken', 'fixtures/typo']) await cp(exampleProject, path.join(folder, name), { recursive: true });
    for (const name of ['bots/broken', 'fixtures/typo']) {
      const journey = path.join(folder, name, 'journeys/billing-agent.json');
      await writeFile(journey, (await readFile(journey, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"'));
    }
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const broken = 'bots/broken/journeys/billing-agent.json';
  const fixture = 'fixtures/typo/journeys/billing-agent.json';

  it('checks every project below a folder given, as with no path', () => {
    const given = run(['check', 'bots'], folder);
    assert.equal(given.code, 1, given.stderr);
    assert.deepEqual(filesOf(given.stdout), [broken]);
    assert.match(given.stderr, /in 24 files/);
    const all = run(['check'], folder);
    assert.deepEqual(filesOf(all.stdout), [broken, fixture]);
  });

  it('leaves out what the .gitignore of the current folder names, as Prettier does, and --no-ignore brings it back', async () => {
    await writeFile(path.join(folder, '.gitignore'), 'node_modules/\nfixtures/\n');
    try {
      const { code, stdout } = run(['check'], folder);
      assert.equal(code, 1);
      assert.deepEqual(filesOf(stdout), [broken]);
      assert.deepEqual(filesOf(run(['check', '--no-ignore'], folder).stdout), [broken, fixture]);
      // Named on the command line, an ignored folder is checked (by its own ignore files, not the ones that ignore it).
      const named = run(['check', 'fixtures/typo'], folder);
      assert.equal(named.code, 1);
      assert.deepEqual(filesOf(named.stdout), [fixture]);
      assert.deepEqual(filesOf(run(['check', 'fixtures'], folder).stdout), [fixture]);
    } finally {
      await rm(path.join(folder, '.gitignore'));
    }
  });

  it("leaves out what a handoff-kit.json's `ignores` names, below its folder, a project's own files too", async () => {
    await writeFile(path.join(folder, 'handoff-kit.json'), JSON.stringify({ ignores: ['fixtures/'] }));
    await writeFile(
      path.join(folder, 'bots/broken/handoff-kit.json'),
      JSON.stringify({ ignores: ['journeys/billing-*.json', 'tests/billing-*.json'] }),
    );
    try {
      const { code, stdout, stderr } = run(['check'], folder);
      assert.equal(code, 0, stdout);
      assert.match(stderr, /^No problems in 23 files/, 'billing-agent.json and its tests are not part of bots/broken');
    } finally {
      await rm(path.join(folder, 'handoff-kit.json'));
      await rm(path.join(folder, 'bots/broken/handoff-kit.json'));
    }
  });

  it('leaves out what --ignore-pattern names (repeatable, relative to the current folder)', () => {
    assert.deepEqual(filesOf(run(['check', '--ignore-pattern', 'fixtures/'], folder).stdout), [broken]);
    const both = run(['check', '--ignore-pattern', 'fixtures/', '--ignore-pattern', '**/broken'], folder);
    assert.equal(both.code, 0);
    assert.match(both.stderr, /^No problems in 12 files/);
    // From inside bots/, the same folder goes by its name there.
    assert.equal(run(['check', '--ignore-pattern', 'broken/'], path.join(folder, 'bots')).code, 0);
  });

  it("takes a --config file's `ignores` relative to the current folder, in place of the handoff-kit.json files'", async () => {
    await mkdir(path.join(folder, 'ci'), { recursive: true });
    await writeFile(path.join(folder, 'ci/handoff-kit.json'), JSON.stringify({ ignores: ['fixtures/'] }));
    await writeFile(path.join(folder, 'handoff-kit.json'), JSON.stringify({ ignores: ['bots/'] }));
    try {
      assert.deepEqual(filesOf(run(['check', '--config', 'ci/handoff-kit.json'], folder).stdout), [broken]);
    } finally {
      await rm(path.join(folder, 'handoff-kit.json'));
    }
  });
});
