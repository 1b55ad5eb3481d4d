// The registry of checks is the one list: everything derived from it (settings in package.json,
// handoff-kit.json's schema, the README's table, the docs pages, `handoff-kit rules`) is compared
// with it here, so a check added in one place only fails this test.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { docsPathOf, rules } from '../../../server/src/engine';
import { ruleRows } from '../../../server/src/cli/rules';
import { repoRoot } from '../../paths';

type Contributions = {
  settingsProperties(rows: unknown[]): Record<string, unknown>;
  schemaRuleCodes(rows: unknown[]): string[];
  withReadmeTable(readme: string, rows: unknown[]): string;
  withDocsIndexTable(index: string, rows: unknown[]): string;
};
const contributions = (): Promise<Contributions> => import(path.join(repoRoot, 'scripts', 'rule-contributions.mjs')) as Promise<Contributions>;
const read = (rel: string) => readFileSync(path.join(repoRoot, rel), 'utf8');
const SYNC = 'run `npm run sync:rules`';

describe('the registry of checks', () => {
  it('has unique codes in kebab case, each with a description, an explanation and messages', () => {
    const codes = rules.map((r) => r.code);
    assert.deepEqual(codes, [...new Set(codes)]);
    for (const rule of rules) {
      assert.match(rule.code, /^[a-z]+(-[a-z]+)*$/, rule.code);
      assert.ok(rule.description.endsWith('.') && !rule.description.includes('\n'), `${rule.code}: one line ending in a period`);
      assert.ok(!rule.description.includes('${'), `${rule.code}: no unexpanded template`);
      assert.ok(rule.explanation.length > rule.description.length, `${rule.code}: the explanation says more than the description`);
      assert.ok(Object.keys(rule.messages).length > 0, `${rule.code}: declares its messages`);
      assert.equal(rule.fixable, typeof rule.fixes === 'function', `${rule.code}: fixable says whether it has fixes`);
    }
  });

  it('gives package.json its handoffKit.rules settings', async () => {
    const pkg = JSON.parse(read('package.json'));
    const actual = pkg.contributes.configuration.properties['handoffKit.rules'].properties;
    assert.deepEqual(actual, (await contributions()).settingsProperties(ruleRows()), SYNC);
  });

  it("gives handoff-kit.json's schema its rule list", async () => {
    const schema = JSON.parse(read('schemas/handoff-kit.schema.json'));
    assert.deepEqual(schema.properties.rules.propertyNames.enum, (await contributions()).schemaRuleCodes(ruleRows()), SYNC);
  });

  it('gives the README its table of checks', async () => {
    const readme = read('README.md');
    assert.equal(readme, (await contributions()).withReadmeTable(readme, ruleRows()), SYNC);
  });

  it('gives docs/rules/README.md its index of checks', async () => {
    const index = read('docs/rules/README.md');
    assert.equal(index, (await contributions()).withDocsIndexTable(index, ruleRows()), SYNC);
  });

  it('has one docs page per check, and no page for a check that is not there', () => {
    const pages = readdirSync(path.join(repoRoot, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(pages.sort(), rules.map((r) => path.basename(docsPathOf(r.code))).sort());
  });

  for (const rule of rules) {
    it(`documents ${rule.code} with its metadata and the sections every page has`, () => {
      const file = path.join(repoRoot, docsPathOf(rule.code));
      assert.ok(existsSync(file), `${docsPathOf(rule.code)} is missing`);
      const page = readFileSync(file, 'utf8');
      const lines = page.split('\n');
      assert.equal(lines[0], `# ${rule.code}`);
      assert.equal(lines[2], rule.description);
      assert.equal(lines[4], `Default severity: **${rule.severity}** · Scope: ${rule.scope} · Quick fix: ${rule.fixable ? 'yes' : 'no'}`);
      for (const heading of ['## What it reports', '## Why it matters', '## Example', '### Fix', '## Configure']) {
        assert.ok(lines.includes(heading), `${docsPathOf(rule.code)} lacks "${heading}"`);
      }
    });
  }
});
