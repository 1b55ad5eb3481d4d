// scripts/release-check.mjs, which the release workflow runs with its tag: the tag, package.json's version,
// package-lock.json's and the CHANGELOG's entry must agree; and the repository as it is keeps them in step.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { repoRoot } from '../paths';

interface ReleaseCheck {
  releaseProblems(input: { tag: string; manifest: { version?: string }; lock?: object; changelog: string }): string[];
  changelogEntry(changelog: string, version: string): string | undefined;
}

const changelog = `# Changelog

## [Unreleased]

## [1.2.0] - 2026-12-01

### Added

- A thing.

## [1.1.0] - 2026-11-01

- An older thing.
`;
const lock = (version: string) => ({ version, packages: { '': { version } } });

describe('release-check', () => {
  let check: ReleaseCheck;
  before(async () => {
    check = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'release-check.mjs')).href)) as ReleaseCheck;
  });

  it('lets a release go when the tag, both manifests and a dated CHANGELOG entry agree', () => {
    assert.deepEqual(check.releaseProblems({ tag: 'v1.2.0', manifest: { version: '1.2.0' }, lock: lock('1.2.0'), changelog }), []);
    assert.equal(check.changelogEntry(changelog, '1.2.0'), '### Added\n\n- A thing.');
  });

  it('names each disagreement', () => {
    assert.deepEqual(check.releaseProblems({ tag: 'v1.2.1', manifest: { version: '1.2.0' }, lock: lock('1.2.0'), changelog }), [
      'the tag "v1.2.1" is not v1.2.0, the version in package.json',
    ]);
    assert.deepEqual(check.releaseProblems({ tag: 'v1.3.0', manifest: { version: '1.3.0' }, lock: lock('1.2.0'), changelog }), [
      'package-lock.json says 1.2.0, not 1.3.0: run npm install (npm version keeps them together)',
      'CHANGELOG.md has no entry "## [1.3.0] - YYYY-MM-DD"',
    ]);
    const undated = changelog.replace('## [1.2.0] - 2026-12-01', '## [1.2.0]');
    assert.deepEqual(check.releaseProblems({ tag: 'v1.2.0', manifest: { version: '1.2.0' }, changelog: undated }), [
      'CHANGELOG.md\'s heading "## [1.2.0]" does not end with " - YYYY-MM-DD"',
    ]);
    const empty = changelog.replace('### Added\n\n- A thing.\n', '');
    assert.deepEqual(check.releaseProblems({ tag: 'v1.2.0', manifest: { version: '1.2.0' }, changelog: empty }), [
      "CHANGELOG.md's entry for 1.2.0 lists no change",
    ]);
  });

  it('as a command: exits 1 naming the problem', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'release-check.mjs'), 'v0.0.0-not-this'], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /error: the tag "v0\.0\.0-not-this" is not v/);
  });

  it('the repository keeps package.json, package-lock.json and the CHANGELOG in step', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const locked = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
    assert.equal(locked.version, manifest.version);
    assert.equal(locked.packages[''].version, manifest.version);
    const text = readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8');
    // Between releases the version is the last one released (or about to be): the CHANGELOG has its entry.
    assert.notEqual(check.changelogEntry(text, manifest.version), undefined, `CHANGELOG.md has no entry for ${manifest.version}`);
    const versions = [...text.matchAll(/^## \[(\d+)\.(\d+)\.(\d+)[^\]]*\]/gm)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    const newestFirst = [...versions].sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
    assert.deepEqual(versions, newestFirst, 'the CHANGELOG lists versions newest first');
  });
});
