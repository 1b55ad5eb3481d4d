// The package sizes CONTRIBUTING.md gives ("Packaging"), against the packages made now: the file counts exactly, the
// sizes within 15 % (they are "about" figures; a bundle that grows more than that must be said), so that they cannot go
// stale unnoticed. The npm tarball is packed from a copy, as test/package/npmPackage.test.ts does; the .vsix by
// scripts/package.mjs into a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../paths';

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
const TOLERANCE = 0.15;

/** The row of a CONTRIBUTING.md table whose first cell is `first`, as cells. */
async function row(first: string): Promise<string[]> {
  const text = await readFile(path.join(repoRoot, 'CONTRIBUTING.md'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`| ${first} |`));
  assert.ok(line, `CONTRIBUTING.md has no table row "| ${first} |"`);
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/** A size as written ("451 KiB", "1.6 MiB"), in bytes. */
function bytesOf(written: string): number {
  const match = /^([\d.,]+) (KiB|MiB)\b/.exec(written);
  assert.ok(match, `"${written}" is not a size in KiB or MiB`);
  return Number(match[1].replace(/,/g, '')) * (match[2] === 'KiB' ? 1024 : 1024 * 1024);
}

function assertAbout(written: string, measured: number, what: string): void {
  const documented = bytesOf(written);
  assert.ok(
    Math.abs(documented - measured) <= TOLERANCE * measured,
    `CONTRIBUTING.md says ${written} for ${what}, but it is ${(measured / 1024).toFixed(0)} KiB now: write the new figure`,
  );
}

describe('the package sizes CONTRIBUTING.md gives', { timeout: 240_000 }, () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-sizes-'));
  });
  after(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('the npm tarball', async () => {
    const source = path.join(folder, 'source');
    await mkdir(source);
    for (const entry of packSources) await cp(path.join(repoRoot, entry), path.join(source, entry), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'), 'dir');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)));
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: source, encoding: 'utf8', env, timeout: 120_000 });
    assert.equal(packed.status, 0, packed.stderr);
    const [pack] = JSON.parse(packed.stdout.slice(packed.stdout.lastIndexOf('\n[') + 1)) as {
      size: number;
      unpackedSize: number;
      files: unknown[];
    }[];
    const [, files, size, unpacked] = await row('`npm pack`');
    assert.equal(Number(files), pack.files.length, 'files in the npm tarball');
    assertAbout(size, pack.size, 'the npm tarball');
    assertAbout(unpacked, pack.unpackedSize, 'the npm tarball unpacked');
  });

  it('the .vsix', async () => {
    const { packageExtension } = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'package.mjs')).href)) as {
      packageExtension(options: { out: string; log: (line: string) => void }): Promise<{ bytes: number; files: string[] }>;
    };
    const { listZip } = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'zip.mjs')).href)) as {
      listZip(file: string): { name: string; size: number }[];
    };
    const out = path.join(folder, 'handoff-kit.vsix');
    const { bytes, files } = await packageExtension({ out, log: () => {} });
    const unpacked = listZip(out).reduce((sum, entry) => sum + entry.size, 0);
    const [, count, size, unpackedWritten] = await row('`npm run package`');
    assert.equal(Number(count), files.length, 'files in the .vsix');
    assertAbout(size, bytes, 'the .vsix');
    assertAbout(unpackedWritten, unpacked, 'the .vsix unpacked');
  });
});
