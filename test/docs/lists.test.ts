// What the README and the Marketplace page list, against what the package contributes, so that a list cannot go
// stale: the settings tables (every setting, with its default), the commands of the palette, the version named in
// install commands and URLs, and the CI workflows they give (valid by action-validator, installing before running).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateWorkflow } from '@action-validator/core';
import { repoRoot } from '../paths';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const settings: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;

/** A setting's default as the tables write it: `code` for a value, "unset" for null. */
function writtenDefault(value: unknown): string {
  return value === null ? 'unset' : `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The rows `| \`handoffKit.x\` | default | … |` of the table under `heading`: setting → default as written. */
function settingsTable(text: string, heading: string): Map<string, string> {
  const start = text.indexOf(heading);
  assert.notEqual(start, -1, `no "${heading}"`);
  const rows = new Map<string, string>();
  for (const match of text.slice(start).matchAll(/^\| `(handoffKit\.[\w.]+)` \| ([^|]+) \|/gm)) rows.set(match[1], match[2].trim());
  return rows;
}

describe('the lists of the README and the Marketplace page', () => {
  for (const [file, heading] of [
    ['README.md', '## VS Code settings'],
    ['MARKETPLACE.md', '## Settings'],
  ]) {
    it(`${file} lists every setting package.json contributes, with its default`, () => {
      const table = settingsTable(read(file), heading);
      assert.deepEqual([...table.keys()].sort(), Object.keys(settings).sort());
      for (const [key, written] of table) assert.equal(written, writtenDefault(settings[key].default), `${file}: the default of ${key}`);
    });
  }

  it('README.md names every command of the palette, and only those', () => {
    const hidden = new Set(
      (pkg.contributes.menus.commandPalette as { command: string; when?: string }[]).filter((m) => m.when === 'false').map((m) => m.command),
    );
    const palette = (pkg.contributes.commands as { command: string; title: string }[]).filter((c) => !hidden.has(c.command)).map((c) => c.title);
    const sentence = /Commands, all under \*Handoff Kit\*: ([\s\S]*?)\.\n/.exec(read('README.md'));
    assert.ok(sentence, 'no "Commands, all under *Handoff Kit*:" sentence in README.md');
    const named = [...sentence[1].matchAll(/\*([^*]+)\*/g)].map((m) => m[1].replace(/\s+/g, ' '));
    assert.deepEqual(named.sort(), palette.sort());
  });

  it("names package.json's version wherever an install names one", () => {
    for (const file of ['README.md', 'MARKETPLACE.md', 'docs/ci.md', 'docs/editors.md']) {
      const text = read(file);
      const versions = [
        ...[...text.matchAll(/releases\/download\/v([^/\s]+)\/handoff-kit-([^/\s]+?)\.(?:tgz|vsix)/g)].flatMap((m) => [m[1], m[2]]),
        ...[...text.matchAll(/handoff-kit-(\d[^\s/`]*?)\.(?:tgz|vsix)\b/g)].map((m) => m[1]),
        ...[...text.matchAll(/handoff-kit@(\d[^\s`]*)/g)].map((m) => m[1]),
        ...[...text.matchAll(/^\s+rev: v(\S+)/gm)].map((m) => m[1]),
      ];
      for (const version of versions) assert.equal(version, pkg.version, `${file} names version ${version}`);
    }
  });

  it('gives CI workflows that action-validator accepts, and that install the package before they run it', () => {
    let count = 0;
    for (const file of ['README.md', 'docs/ci.md']) {
      for (const [, block] of read(file).matchAll(/```yaml\n([\s\S]*?)```/g)) {
        if (!/^jobs:/m.test(block)) continue;
        count++;
        const { errors } = validateWorkflow(block);
        assert.deepEqual(errors, [], `${file}: ${JSON.stringify(errors)}\n${block}`);
        // `npx handoff-kit` with nothing installed asks the npm registry: a step must say where the package comes from.
        for (const line of block.split('\n').filter((l) => /npx .*handoff-kit/.test(l))) {
          assert.match(
            line,
            /npx --yes --package https:\/\/github\.com\/handoff-kit\/handoff-kit\/releases\/download\/|npx --yes handoff-kit@/,
            `${file}: ${line.trim()}`,
          );
        }
      }
    }
    assert.ok(count >= 3, `only ${count} workflows found in README.md and docs/ci.md`);
  });
});
