// The GitHub Actions workflows: each one valid by action-validator (SchemaStore's workflow schema, and the globs it
// checks), and doing what CONTRIBUTING.md says: CI runs `npm ci` and `npm test` on pull requests; a version tag packs
// the .vsix and the npm tarball once, tests those very files, and publishes them (Marketplace, Open VSX, npm with
// provenance, the GitHub release), with tokens from the repository's secrets.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { repoRoot } from '../paths';

const folder = path.join(repoRoot, '.github', 'workflows');
const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  container?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(name)) as Workflow;
/** Every `run:` of a job, one string. */
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the GitHub Actions workflows', () => {
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));

  it('are ci.yml and release.yml, and action-validator finds nothing in them', () => {
    assert.deepEqual(files.sort(), ['ci.yml', 'release.yml']);
    for (const name of files) {
      const { errors } = validateWorkflow(read(name));
      assert.deepEqual(errors, [], `${name}: ${JSON.stringify(errors, null, 2)}`);
    }
  });

  it('catch a broken workflow: the validator is not a no-op', () => {
    const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout: 5');
    assert.notDeepEqual(validateWorkflow(broken).errors, []);
  });

  it('CI: npm ci and npm test on every pull request, reading the repository only', () => {
    const ci = workflow('ci.yml');
    assert.ok('pull_request' in ci.on);
    assert.deepEqual(ci.permissions, { contents: 'read' });
    const { test } = ci.jobs;
    // Debian 12 and Node 20, as the tests expect (code-server 4.100.3 runs on Node 20; apt-get as root).
    assert.equal(test.container, 'node:20-bookworm');
    assert.match(runs(test), /^npm ci\b/m);
    assert.match(runs(test), /^npm test$/m);
  });

  describe('release', () => {
    const release = workflow('release.yml');
    const { build, publish } = release.jobs;

    it('runs on a version tag, checking the tag against package.json and the CHANGELOG first', () => {
      assert.deepEqual(release.on, { push: { tags: ['v*'] } });
      assert.match(build.steps.find((s) => s.run?.includes('release-check'))!.run!, /node scripts\/release-check\.mjs "\$GITHUB_REF_NAME"/);
      const order = build.steps.map((s) => s.run ?? '');
      const checked = order.findIndex((r) => r.includes('release-check'));
      const packed = order.findIndex((r) => r.includes('npm pack'));
      assert.ok(checked >= 0 && checked < packed, 'the check runs before anything is packed');
    });

    it('packs the .vsix and the npm tarball once, and tests those two files', () => {
      const all = runs(build) + runs(publish);
      assert.equal(all.match(/npm run package\b/g)?.length, 1, 'npm run package, once');
      assert.equal(all.match(/npm pack\b/g)?.length, 1, 'npm pack, once');
      const test = build.steps.find((s) => s.run?.includes('unit-tests.mjs'))!;
      assert.match(test.env?.HANDOFF_KIT_TARBALL ?? '', /^release\/handoff-kit-.*\.tgz$/, 'the npm package test installs the packed tarball');
      assert.match(test.run!, /run-tests\.mjs .*--vsix "release\/handoff-kit-/, 'the VS Code suites install the packed .vsix');
      const pretest = build.steps.findIndex((s) => s === test);
      assert.ok(
        build.steps.findIndex((s) => s.run?.includes('npm pack')) < pretest,
        'packed before the tests, so that the tests install what is published',
      );
      const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.name === 'release');
      assert.equal(upload?.with?.path, 'release/');
    });

    it('publishes those files only after the tests pass: Marketplace, Open VSX, npm with provenance, the GitHub release', () => {
      assert.equal(publish.needs, 'build');
      assert.ok(publish.steps.some((s) => s.uses?.startsWith('actions/download-artifact') && s.with?.name === 'release'));
      const commands = runs(publish);
      assert.match(commands, /vsce@[\d.]+ publish --packagePath "release\/handoff-kit-\$VERSION\.vsix"/);
      assert.match(commands, /ovsx@[\d.]+ publish "release\/handoff-kit-\$VERSION\.vsix"/);
      assert.match(commands, /npm publish "release\/handoff-kit-\$VERSION\.tgz" --provenance/);
      assert.match(
        commands,
        /gh release create "\$GITHUB_REF_NAME"[\s\S]*"release\/handoff-kit-\$VERSION\.vsix" "release\/handoff-kit-\$VERSION\.tgz"/,
      );
      // Provenance needs the OIDC token; the release needs to write contents. Nothing else may write.
      assert.deepEqual(publish.permissions, { contents: 'write', 'id-token': 'write' });
      assert.deepEqual(release.permissions, { contents: 'read' });
    });

    it('takes the tokens from the repository secrets, each only where it is used', () => {
      const secrets = publish.steps.flatMap((s) => Object.entries(s.env ?? {}).map(([key, value]) => `${key}=${value}`));
      assert.deepEqual(secrets.filter((s) => s.includes('secrets.')).sort(), [
        'NODE_AUTH_TOKEN=${{ secrets.NPM_TOKEN }}',
        'OVSX_PAT=${{ secrets.OVSX_PAT }}',
        'VSCE_PAT=${{ secrets.VSCE_PAT }}',
      ]);
      assert.doesNotMatch(read('release.yml').replace(/^#.*$/gm, ''), /secrets\.(?!NPM_TOKEN|OVSX_PAT|VSCE_PAT)/);
      assert.doesNotMatch(JSON.stringify(build), /secrets\./);
    });
  });
});
