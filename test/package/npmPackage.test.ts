// The npm package as a user gets it: `npm pack` (with its real prepack build) in a copy of the
// repository, or the tarball HANDOFF_KIT_TARBALL names (the release workflow's), installed into an
// empty folder, then both of its commands run from there.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';
import { LspTestClient, uri } from '../server/lspClient';

/** Preloaded to record every file a command reads (test/support/countReads.ts). */
const countReads = path.join(__dirname, '../support/countReads.js');

/** What `npm pack` needs of the repository: the sources of the bundles, the build script and what ships. */
const packSources = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'tsconfig.json',
  'bin',
  'client',
  'contract',
  'server',
  'schemas',
  'snippets',
  'scripts',
];

/** The files the tarball holds: the two commands, their bundles, the schemas and the usual three. */
const expectedFiles = [
  'LICENSE',
  'README.md',
  'bin/compile-cache.js',
  'bin/handoff-kit-language-server.js',
  'bin/handoff-kit.js',
  'dist/cli/checkWorker.js',
  'dist/cli/cli.js',
  'dist/server/server.js',
  'dist/server/serverMain.js',
  'package.json',
  'schemas/banner.schema.json',
  'schemas/bot.schema.json',
  'schemas/handoff-kit.schema.json',
  'schemas/intent.schema.json',
  'schemas/journey.schema.json',
  'schemas/test.schema.json',
];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** Runs a command to completion (npm resolves through PATH); throws with its output unless it exits 0. */
function run(command: string, args: string[], cwd: string, { allowFailure = false } = {}): SpawnSyncReturns<string> {
  // The variables `npm test` sets for its scripts would steer the inner npm (its prefix, its package).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)));
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 90_000 });
  if (!allowFailure && result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} in ${cwd} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

describe('the npm package', { timeout: 180_000 }, () => {
  let folder: string;
  let pack: PackResult;
  let installDir: string;
  let installOutput: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-npm-'));
    // The release workflow packs once and names the tarball it will publish: that one is tested, as it is.
    const given = process.env.HANDOFF_KIT_TARBALL && path.resolve(repoRoot, process.env.HANDOFF_KIT_TARBALL);
    if (given) {
      await cp(given, path.join(folder, path.basename(given)));
      const listed = run('npm', ['pack', '--dry-run', '--json', path.join(folder, path.basename(given))], folder);
      pack = { ...(JSON.parse(listed.stdout) as PackResult[])[0], filename: path.basename(given) };
    } else {
      // A copy, so the production build of prepack does not replace dist/ under the tests running beside this one.
      const source = path.join(folder, 'source');
      await mkdir(source);
      for (const entry of packSources) await cp(path.join(repoRoot, entry), path.join(source, entry), { recursive: true });
      await symlink(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'), 'dir');
      const packed = run('npm', ['pack', '--json', '--pack-destination', folder], source);
      // prepack's own output comes first; the JSON array is the last thing printed.
      pack = (JSON.parse(packed.stdout.slice(packed.stdout.lastIndexOf('\n[') + 1)) as PackResult[])[0];
    }

    installDir = path.join(folder, 'install');
    await mkdir(installDir);
    // A project of its own: without a package.json here, npm installs into the nearest folder
    // above that has one (or a node_modules), such as a stray one in the temporary folder.
    await writeFile(path.join(installDir, 'package.json'), JSON.stringify({ name: 'handoff-kit-install-test', private: true }));
    const installed = run('npm', ['install', path.join(folder, pack.filename), '--no-audit', '--no-fund'], installDir);
    installOutput = installed.stdout + installed.stderr;
    console.log(`${pack.filename}: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${pack.files.length} files`);
  });

  after(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('ships the two commands, their bundles and the schemas, and nothing else (no source maps, no extension)', () => {
    assert.deepEqual(pack.files.map((f) => f.path).sort(), expectedFiles);
  });

  it('installs alone, with no install scripts and no warnings', async () => {
    const manifest = JSON.parse(await readFile(path.join(installDir, 'node_modules', 'handoff-kit', 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'runtime dependencies: the bundles carry their own');
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      assert.equal(manifest.scripts?.[script], undefined, `scripts.${script}`);
    assert.doesNotMatch(installOutput, /\bwarn\b/i);
    const packages = (await readdir(path.join(installDir, 'node_modules'))).filter((name) => !name.startsWith('.'));
    assert.deepEqual(packages, ['handoff-kit']);
  });

  it('npx handoff-kit --version prints the version', async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    const result = run('npx', ['--no', '--', 'handoff-kit', '--version'], installDir);
    assert.equal(result.stdout.trim(), version);
  });

  it('npx handoff-kit check passes the example project', async () => {
    const project = path.join(folder, 'support-bot');
    await cp(exampleProject, project, { recursive: true });
    const result = run('npx', ['--no', '--', 'handoff-kit', 'check', project], installDir, { allowFailure: true });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stderr + result.stdout, /no problems|0 problems/i);
  });

  it('init, add-disconnection, check --cache twice (the second reading no bot file) and the fix modes', async () => {
    const work = path.join(folder, 'scaffold');
    await mkdir(work);
    // The command as npm linked it, run by node with the read counter preloaded (test/support/countReads.ts).
    const readsFile = path.join(folder, 'reads.txt');
    const handoffKit = (args: string[]) => {
      const result = spawnSync(process.execPath, ['-r', countReads, path.join(installDir, 'node_modules', '.bin', 'handoff-kit'), ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, HANDOFF_KIT_READS: readsFile },
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const project = path.join(work, 'my-bot');
    const botFilesRead = async () => {
      const reads = (await readFile(readsFile, 'utf8')).split('\n').map((p) => path.resolve(work, p));
      const files = reads.filter((p) => p.startsWith(project + path.sep));
      const exist = await Promise.all(
        files.map((p) =>
          stat(p).then(
            (s) => s.isFile(),
            () => false,
          ),
        ),
      );
      return [...new Set(files.filter((_, i) => exist[i]))];
    };

    const init = handoffKit(['init', 'my-bot']);
    assert.equal(init.code, 0, init.stderr);
    assert.deepEqual((await readdir(project)).sort(), ['bot.json', 'intents', 'journeys']);
    const added = handoffKit(['add-disconnection', 'my-bot']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stderr, /^Added to my-bot:\n/);
    assert.match(handoffKit(['add-disconnection', 'my-bot']).stderr, /already has the user-initiated disconnection: nothing to change/);

    const first = handoffKit(['check', '--cache']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stderr, /^No problems in 5 files \(\d+ ms, 0 from the cache\)\.\n$/);
    assert.equal((await botFilesRead()).length, 5);
    const second = handoffKit(['check', '--cache']);
    assert.equal(second.code, 0);
    assert.match(second.stderr, /^No problems in 5 files \(\d+ ms, 5 from the cache\)\.\n$/);
    assert.deepEqual(await botFilesRead(), []);

    // A banner text one letter off: a finding with a safe fix.
    const journey = path.join(project, 'journeys', 'live-agent.json');
    const fixed = await readFile(journey, 'utf8');
    await writeFile(journey, fixed.replace('"text": "talk to bot"', '"text": "talk to bott"'));
    const check = handoffKit(['check', '--fix-check']);
    assert.equal(check.code, 1);
    assert.equal(check.stdout, 'my-bot/journeys/live-agent.json\n');
    const dryRun = handoffKit(['check', '--fix-dry-run']);
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.match(dryRun.stdout, /^\+.*"text": "talk to bot"/m);
    assert.match(dryRun.stderr, /^Would fix 1 problem in 1 file\.\nNo problems would remain in 5 files/);
    const fix = handoffKit(['check', '--fix']);
    assert.equal(fix.code, 0, fix.stderr);
    assert.equal(await readFile(journey, 'utf8'), fixed);
    assert.equal(handoffKit(['check', '--fix-check']).code, 0);
  });

  it('handoff-kit-language-server answers over stdio and publishes a finding', async () => {
    const project = path.join(folder, 'broken-bot');
    await cp(exampleProject, project, { recursive: true });
    const journey = path.join(project, 'journeys', 'billing-agent.json');
    await writeFile(journey, (await readFile(journey, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-update-promotoin"'));
    // The command as npm linked it, with no transport argument: stdio is its default.
    const client = new LspTestClient([process.execPath, path.join(installDir, 'node_modules', '.bin', 'handoff-kit-language-server')]);
    try {
      await client.initialize(project);
      const diagnostics = await client.waitFor('unknown-event in billing-agent.json', () => {
        const found = client.diagnostics.get(uri(journey))?.filter((d) => d.code === 'unknown-event');
        return found?.length ? found : undefined;
      });
      assert.equal(diagnostics.length, 1);
    } finally {
      await client.dispose();
    }
  });
});
