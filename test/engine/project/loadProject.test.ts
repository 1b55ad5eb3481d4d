// Kind: loading a large project. Files are read a bounded number at a time, and a file the file
// system fails to read (EMFILE, EACCES) becomes a `file-unread` finding, never a silent gap.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, checkProject, type FileSystem } from '../../../server/src/engine';
import { forEachBounded, READ_CONCURRENCY } from '../../../server/src/engine/project/workspace';

const ROOT = path.resolve('/bots/many');

/** An in-memory file system that counts reads under way and fails `failing` with `code`. */
function memoryFileSystem(files: Map<string, string>, failing: Map<string, string> = new Map()) {
  const stats = { open: 0, maxOpen: 0 };
  const fail = (filePath: string) => {
    const code = failing.get(filePath);
    if (code) throw Object.assign(new Error(`${code}: failed, stat '${filePath}'`), { code });
  };
  const fs: FileSystem = {
    async size(filePath) {
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        fail(filePath);
        return files.get(filePath)?.length;
      } finally {
        stats.open--;
      }
    },
    async readFile(filePath) {
      return files.get(filePath);
    },
    async glob() {
      return [...files.keys(), ...failing.keys()];
    },
  };
  return { fs, stats };
}

function manyIntents(count: number): Map<string, string> {
  const files = new Map<string, string>([[path.join(ROOT, 'bot.json'), '{"name": "many"}']]);
  for (let i = 0; i < count; i++) files.set(path.join(ROOT, `intents/i${i}.json`), JSON.stringify({ name: `i${i}`, utterances: [`phrase ${i}`] }));
  return files;
}

describe('loading a project', () => {
  it(`reads at most ${READ_CONCURRENCY} files at once and loses none`, async () => {
    const { fs, stats } = memoryFileSystem(manyIntents(1000));
    const project = await new BotWorkspace(fs).loadProject(ROOT);
    assert.equal(project.allFiles().length, 1001);
    assert.ok(stats.maxOpen <= READ_CONCURRENCY, `at most ${stats.maxOpen} reads under way`);
    assert.ok(stats.maxOpen > 1, 'reads overlap');
  });

  it('turns a read that fails with EMFILE into a file-unread finding', async () => {
    const broken = path.join(ROOT, 'intents/broken.json');
    const { fs } = memoryFileSystem(manyIntents(3), new Map([[broken, 'EMFILE']]));
    const project = await new BotWorkspace(fs).loadProject(ROOT);
    assert.equal(project.file(broken)?.readable, false);
    const findings = checkProject(project).filter((f) => f.file === broken);
    assert.deepEqual(
      findings.map((f) => [f.code, f.offset, f.length, f.message]),
      [
        [
          'file-unread',
          0,
          0,
          'the file could not be read: reading it failed (EMFILE); checks that depend on what it defines say nothing definite about it',
        ],
      ],
    );
  });

  it('leaves out a file that is gone by the time it is read', async () => {
    const gone = path.join(ROOT, 'intents/gone.json');
    const { fs } = memoryFileSystem(manyIntents(2));
    const glob = fs.glob.bind(fs);
    fs.glob = async (...args) => [...(await glob(...args)), gone];
    const project = await new BotWorkspace(fs).loadProject(ROOT);
    assert.equal(project.file(gone), undefined);
    assert.equal(project.allFiles().length, 3);
  });

  it('forEachBounded runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachBounded([...Array(50).keys()], 4, async (i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      done.push(i);
    });
    assert.equal(most, 4);
    assert.deepEqual(
      [...done].sort((a, b) => a - b),
      [...Array(50).keys()],
    );
  });
});
