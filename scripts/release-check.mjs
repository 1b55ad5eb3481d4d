// Before a release: the tag, the version in package.json (and package-lock.json) and the CHANGELOG's entry agree.
// The release workflow runs it with the tag it was started by; `--notes <file>` writes that entry's text (the GitHub
// release's notes).
//
// Usage: node scripts/release-check.mjs <tag, e.g. v0.2.0> [--notes <file>]   exits 1, naming each problem, when they disagree
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './vscode/prerequisites.mjs';

/** A version as Semantic Versioning writes it (with an optional pre-release such as `-rc.1`). */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The entry of `version` in a Keep a Changelog text: its heading must read `## [<version>] - YYYY-MM-DD`. Returns the
 * entry's body (up to the next `## ` heading, trimmed), or undefined when there is no such heading.
 */
export function changelogEntry(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
}

/**
 * What disagrees between `tag` (as `v<version>`), `manifest` (package.json), `lock` (package-lock.json) and `changelog`
 * (CHANGELOG.md's text): one sentence a problem, none when the release can go.
 */
export function releaseProblems({ tag, manifest, lock, changelog }) {
  const problems = [];
  const { version } = manifest;
  if (!SEMVER.test(version ?? '')) problems.push(`package.json's version ${JSON.stringify(version)} is not a version (x.y.z)`);
  if (tag !== `v${version}`) problems.push(`the tag ${JSON.stringify(tag)} is not v${version}, the version in package.json`);
  if (lock && (lock.version !== version || lock.packages?.['']?.version !== version)) {
    problems.push(`package-lock.json says ${lock.version}, not ${version}: run npm install (npm version keeps them together)`);
  }
  const heading = changelog.split(/\r?\n/).find((line) => line.startsWith(`## [${version}]`));
  const entry = changelogEntry(changelog, version);
  if (!heading) problems.push(`CHANGELOG.md has no entry "## [${version}] - YYYY-MM-DD"`);
  else if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(heading))
    problems.push(`CHANGELOG.md's heading "${heading}" does not end with " - YYYY-MM-DD"`);
  else if (!entry || !/^\s*[-*] /m.test(entry)) problems.push(`CHANGELOG.md's entry for ${version} lists no change`);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { notes: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/release-check.mjs <tag, e.g. v0.2.0> [--notes <file>]');
    process.exit(2);
  }
  const read = (file) => readFileSync(join(repoRoot, file), 'utf8');
  const manifest = JSON.parse(read('package.json'));
  const changelog = read('CHANGELOG.md');
  const problems = releaseProblems({ tag: positionals[0], manifest, lock: JSON.parse(read('package-lock.json')), changelog });
  for (const problem of problems) console.error(`error: ${problem}`);
  if (problems.length) process.exit(1);
  if (values.notes) writeFileSync(values.notes, changelogEntry(changelog, manifest.version) + '\n');
  console.log(`${positionals[0]}: package.json, package-lock.json and CHANGELOG.md agree on ${manifest.version}`);
}
