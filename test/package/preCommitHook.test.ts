// .pre-commit-hooks.yaml: its entry is a command of the npm package, and its `files` pattern is
// made from the one list of bot-file kinds (PROJECT_FILES, which the language server's watchers
// and the project load use too), with the ignore files, and picks nothing else.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileKindOf, GITIGNORE_FILE, patternOf, PROJECT_FILES, SETTINGS_FILE } from '../../server/src/engine';
import { repoRoot } from '../paths';

/** The `key: value` lines of the one hook (a flat mapping: no YAML library needed for it). */
async function hook(): Promise<Record<string, string>> {
  const text = await readFile(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
  const fields: Record<string, string> = {};
  for (const match of text.matchAll(/^(?:- | {2})(\w+): (.*)$/gm)) fields[match[1]] = match[2].trim();
  return fields;
}

describe('the pre-commit hook', () => {
  it('runs handoff-kit check, a command the package installs, once for the whole repository', async () => {
    const { id, entry, language, pass_filenames: passFilenames } = await hook();
    assert.equal(id, 'handoff-kit');
    assert.equal(language, 'node');
    assert.equal(passFilenames, 'false');
    const { bin } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(entry, 'handoff-kit check');
    assert.ok(bin[entry.split(' ')[0]], `package.json bin has no ${entry.split(' ')[0]}`);
  });

  it('runs for every kind of bot file of the one list, and for the ignore files, and nothing else', async () => {
    const { files } = await hook();
    // The pattern as PROJECT_FILES gives it: written out in the YAML, compared here.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const extension = (ext: string) => (ext === '.csv' ? '\\.[cC][sS][vV]' : escape(ext));
    const kinds = PROJECT_FILES.map((spec) => (spec.name ? escape(spec.name) : `${escape(spec.folder!)}/[^/]+${extension(spec.extension!)}`));
    assert.equal(files, `(^|/)(${[...kinds, escape(GITIGNORE_FILE)].join('|')})$`);

    // And what it matches is what the engine takes for a bot file (or an ignore file).
    const regex = new RegExp(files);
    const root = path.resolve('/repo/bots/support');
    const samples = [
      ...PROJECT_FILES.map((spec) => patternOf(spec).replace('*', 'example')),
      'test-reports/RUN.CSV',
      'package.json',
      'intents/readme.md',
      'journeys/deep/x.json',
      'functions/x.ts',
      'robot.json',
      'tsconfig.json',
      'notes/handoff-kit.json',
      '.gitignore',
      'sub/.gitignore',
    ];
    for (const sample of samples) {
      const ignoreFile = [SETTINGS_FILE, GITIGNORE_FILE].includes(path.posix.basename(sample));
      const expected = ignoreFile || fileKindOf(root, path.join(root, ...sample.split('/'))) !== undefined;
      assert.equal(regex.test(`bots/support/${sample}`), expected, sample);
      assert.equal(regex.test(sample), expected, `${sample} at the repository root`);
    }
  });
});
