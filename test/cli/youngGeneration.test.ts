// The command line keeps V8's young generation at its starting size (youngGeneration.ts): checked
// in child processes that keep what they allocate, as a check does, with and without it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { keepYoungGenerationSmall, keepYoungGenerationSmallFor } from '../../server/src/cli/youngGeneration';

const moduleFile = path.join(__dirname, '../../server/src/cli/youngGeneration.js');

/**
 * The new space's size (bytes) in a fresh Node process that keeps 40 MB of small objects,
 * after calling keepYoungGenerationSmall() when `keepSmall`.
 */
function newSpaceAfterKeeping(keepSmall: boolean, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): { size: number; set: boolean } {
  const script = `
    const set = ${keepSmall} ? require(${JSON.stringify(moduleFile)}).keepYoungGenerationSmall() : false;
    const kept = [];
    for (let i = 0; i < 400000; i++) kept.push({ text: 'utterance ' + i, n: i, list: [i, i + 1] });
    const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(JSON.stringify({ size: space.space_size, set, kept: kept.length }));`;
  const result = spawnSync(process.execPath, [...nodeArgs, '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '', 'no V8 warning');
  return JSON.parse(result.stdout) as { size: number; set: boolean };
}

const MiB = 1024 * 1024;

describe('the young generation of the command line', () => {
  it('stays at its starting size while everything allocated is kept, and grows without it', () => {
    const small = newSpaceAfterKeeping(true);
    assert.equal(small.set, true);
    assert.ok(small.size <= 2 * MiB, `new space ${small.size} bytes`);
    const grown = newSpaceAfterKeeping(false);
    assert.ok(grown.size >= 8 * MiB, `without it the new space grows (${grown.size} bytes)`);
  });

  it('leaves a young generation size given to Node alone', () => {
    assert.equal(keepYoungGenerationSmall(['--max-semi-space-size=8'], ''), false);
    assert.equal(keepYoungGenerationSmall([], '--min-semi-space-size=2'), false);
    assert.equal(keepYoungGenerationSmall([], '--max_semi_space_size=2 --enable-source-maps'), false);
    const given = newSpaceAfterKeeping(true, ['--max-semi-space-size=16']);
    assert.equal(given.set, false);
    assert.ok(given.size >= 8 * MiB, `the size given wins (${given.size} bytes)`);
  });

  it('is left unset for a check of small projects only', () => {
    const example = path.join(__dirname, '../../../examples/support-bot');
    // In this process: false means the flag was not set (nor node:v8 loaded for it).
    assert.equal(keepYoungGenerationSmallFor([example], '/'), false);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'hk-young-'));
    try {
      mkdirSync(path.join(folder, 'intents'));
      writeFileSync(path.join(folder, 'bot.json'), '{}');
      for (let i = 0; i < 60; i++) writeFileSync(path.join(folder, 'intents', `intent_${i}.json`), '{}');
      const script = `const { keepYoungGenerationSmallFor } = require(${JSON.stringify(moduleFile)});
        process.stdout.write(JSON.stringify([keepYoungGenerationSmallFor([${JSON.stringify(folder)}], '/'), keepYoungGenerationSmallFor([], ${JSON.stringify(folder)})]));`;
      const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), [true, true], 'a project of 60 files, and the current folder when no path is given');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
