// The project's file set, written down once (model/projectLayout.ts): what kind each path is, and
// the copies that cannot import it (a VS Code suite runs inside the extension host) kept equal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BOT_FILE_GLOB, BOT_FILE_PATTERNS, fileKindOf } from '../../../server/src/engine';
import { repoRoot } from '../../paths';

const ROOT = path.resolve('/bots/b');
const kind = (rel: string) => fileKindOf(ROOT, path.join(ROOT, rel));

describe('the project layout', () => {
  it('gives each bot file its kind, and none to other files', () => {
    assert.deepEqual(
      [
        'bot.json',
        'handoff-kit.json',
        'intents/a.json',
        'journeys/a.json',
        'functions/a.js',
        'tests/a.json',
        'test-reports/run.CSV',
        'translations/translations.csv',
        'faqs/faqs.Csv',
      ].map(kind),
      ['bot', 'settings', 'intent', 'journey', 'function', 'test', 'report', 'translation', 'faq'],
    );
    for (const other of ['notes.md', 'intents/a.js', 'tests/a.csv', 'translations/a.json', 'faqs/deep/a.csv', 'translations.csv', '../x/bot.json'])
      assert.equal(kind(other), undefined, other);
  });

  it('globs every kind, and the VS Code suite that counts bot files uses the same glob', () => {
    assert.deepEqual(BOT_FILE_PATTERNS, [
      'bot.json',
      'handoff-kit.json',
      'intents/*.json',
      'journeys/*.json',
      'functions/*.js',
      'tests/*.json',
      'test-reports/*.csv',
      'translations/*.csv',
      'faqs/*.csv',
    ]);
    const suite = readFileSync(path.join(repoRoot, 'test/vscode/suites/language-status.test.ts'), 'utf8');
    assert.ok(suite.includes(`'${BOT_FILE_GLOB}'`), `language-status.test.ts counts the files of ${BOT_FILE_GLOB}`);
  });
});
