// .pre-commit-hooks.yaml: its entry is a command of the npm package, and its `files` pattern picks the bot files
// (the same four kinds the language server watches) and nothing else.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, it } from 'node:test';
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

  it('runs for bot files only', async () => {
    const files = new RegExp((await hook()).files);
    for (const botFile of [
      'bot.json',
      'bots/support/bot.json',
      'handoff-kit.json',
      'support-bot/intents/talk_to_bot.json',
      'journeys/live-agent.json',
    ]) {
      assert.match(botFile, files);
    }
    for (const other of ['package.json', 'intents/readme.md', 'src/journeys/deep/x.json', 'robot.json', 'tsconfig.json']) {
      assert.doesNotMatch(other, files);
    }
  });
});
