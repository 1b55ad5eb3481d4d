// Kind: the fast path (valid JSON read from JSON.parse, the offset tree built only where a check
// reports) gives exactly the findings of the reference path (the tree built at once and the models
// read from its nodes): code, message, severity, range, data and related locations, on the example
// project, the VS Code fixtures and a generated project spoilt to give most checks something to
// say. Every case of the rule tests is compared too (ProjectFixture.findings). And on the fast
// path, a file without findings is checked without ever building its tree.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, checkProject, nodeFileSystem, type BotProject, type Finding } from '../../../server/src/engine';
import { BotFile } from '../../../server/src/engine/model/botFile';
import { exampleProject, repoRoot } from '../../paths';
import { generateSpoiltProject, referenceCopy } from '../support/fastPathProjects';

const fixtures = path.join(repoRoot, 'test', 'vscode', 'fixtures', 'workspace');

function summary(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.code] = (counts[finding.code] ?? 0) + 1;
  return counts;
}

/** Checks the project on both paths, asserts the findings are the same, and returns them. */
function assertSamePaths(project: BotProject): Finding[] {
  const fast = checkProject(project);
  const reference = checkProject(referenceCopy(project));
  assert.deepStrictEqual(fast, reference, `the fast path's findings are the reference path's in ${project.root}`);
  return fast;
}

/** Asserts that no file without findings holds a tree, and that valid JSON files were read from values. */
function assertNoTreeWithoutFindings(project: BotProject, findings: readonly Finding[]): void {
  const withFindings = new Set(findings.flatMap((f) => [f.file, ...(f.related ?? []).map((r) => r.file)]));
  for (const file of project.allFiles()) {
    if (!withFindings.has(file.path) && file.readsValues)
      assert.equal(file.hasTree, false, `${path.relative(project.root, file.path)} has no finding and no tree`);
  }
}

describe('the fast path and the reference path', () => {
  it('find the same on the example project, which is clean and needs no tree', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const findings = assertSamePaths(project);
    assert.deepEqual(findings, []);
    assert.ok(project.allFiles().some((file) => file.readsValues));
    assertNoTreeWithoutFindings(project, findings);
  });

  it('find the same on every project of the VS Code fixtures', async () => {
    const folders = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    assert.ok(folders.length >= 5, `${folders.length} fixture projects`);
    for (const folder of folders) {
      const project = await new BotWorkspace(nodeFileSystem).loadProject(path.join(fixtures, folder.name));
      assertNoTreeWithoutFindings(project, assertSamePaths(project));
    }
  });

  describe('on a generated project with findings', () => {
    let folder = '';
    let root = '';
    before(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-fast-path-'));
      root = await generateSpoiltProject(folder);
    });
    after(() => rm(folder, { recursive: true, force: true }));

    it('find the same findings, of most checks', async () => {
      const project = await new BotWorkspace(nodeFileSystem).loadProject(root);
      const findings = assertSamePaths(project);
      const codes = summary(findings);
      for (const code of [
        'json-syntax',
        'duplicate-key',
        'nesting-too-deep',
        'schema',
        'banner-schema',
        'literal-secret',
        'unknown-event',
        'event-disabled',
      ]) {
        assert.ok(codes[code], `some ${code} finding (found ${JSON.stringify(codes)})`);
      }
      for (const code of ['option-text-mismatch', 'unknown-node', 'unreachable-node', 'unknown-journey', 'duplicate-utterance', 'duplicate-name']) {
        assert.ok(codes[code], `some ${code} finding (found ${JSON.stringify(codes)})`);
      }
      assertNoTreeWithoutFindings(project, findings);
      // The clean journeys and intents (most of the project) were checked without a tree.
      const clean = project.allFiles().filter((file) => !file.hasTree);
      assert.ok(clean.length > project.allFiles().length / 2, `${clean.length} of ${project.allFiles().length} files without a tree`);
    });
  });

  describe('which path a file takes', () => {
    const cases: Record<string, [text: string, readsValues: boolean]> = {
      'valid JSON': ['{"a": 1, "b": {"c": [1, {"d": 2}]}, "e": []}', true],
      'colons, quotes and braces inside strings': ['{"a": "x: {", "b": "\\": [", "c" : ["d:", "\\"}"]}', true],
      'a repeated key': ['{"a": 1, "b": 2, "a": 3}', false],
      'a key repeated through an escape': ['{"ab": 1, "a\\u0062": 2}', false],
      'a key repeated in a nested object': ['{"x": [{"a": 1, "a": 1}], "y": 2}', false],
      'a trailing comma': ['{"a": 1,}', false],
      'deep nesting': [`{"a": ${'['.repeat(100)}${']'.repeat(100)}}`, false],
    };
    for (const [what, [text, readsValues]] of Object.entries(cases)) {
      it(`${readsValues ? 'reads values' : 'reads the tree'} with ${what}`, () => {
        const file = new BotFile('/bots/x/journeys/j.json', 'journey', text, 1);
        assert.equal(file.readsValues, readsValues);
        assert.equal(file.hasTree, !readsValues);
        assert.ok(file.root, 'the tree is there when asked for');
        assert.equal(file.hasTree, true);
      });
    }

    it('builds the tree for a location only', () => {
      const file = new BotFile('/bots/x/journeys/j.json', 'journey', '{"name": "j", "nodes": [{"id": "a", "next": "b"}]}', 1);
      const id = file.place?.child('nodes')?.child(0)?.child('id');
      assert.equal(id?.json, 'a');
      assert.equal(id?.type, 'string');
      assert.equal(file.hasTree, false);
      assert.deepEqual([id?.node.offset, id?.node.length], [file.text.indexOf('"a"'), 3]);
      assert.equal(file.hasTree, true);
    });
  });
});
