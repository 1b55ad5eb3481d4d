// Kind: the real file system's batch reads (`readFiles`) give what reading file by file gives
// (`readOneFile`, size then text), for every kind of entry a project folder may hold.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { glob } from 'tinyglobby';
import { BOT_FILE_PATTERNS, decodeText, nodeFileSystem, readOneFile } from '../../../server/src/engine';

describe('the node file system', () => {
  let folder: string;
  const at = (rel: string) => path.join(folder, rel);

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-fs-'));
    await mkdir(at('intents'));
    await mkdir(at('journeys/folder.json'), { recursive: true });
    await writeFile(at('bot.json'), '{"name": "bot"}');
    await writeFile(at('intents/plain.json'), '{"name": "plain", "utterances": ["héllo"]}');
    await writeFile(at('intents/bom.json'), '\ufeff{"name": "bom"}');
    await writeFile(at('intents/empty.json'), '');
    await writeFile(at('intents/big.json'), `["${'x'.repeat(5000)}"]`);
    await writeFile(at('intents/.hidden.json'), '{}');
    await writeFile(at('intents/notes.txt'), 'not a bot file');
    await symlink(at('intents/plain.json'), at('intents/link.json'));
    await symlink('nowhere.json', at('intents/dangling.json'));
    await symlink('loop.json', at('intents/loop.json'));
    await symlink(at('journeys/folder.json'), at('intents/to-folder.json'));
    // A named pipe must not block the read (POSIX only).
    if (process.platform !== 'win32') execFileSync('mkfifo', [at('intents/pipe.json')]);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lists the files and links the project patterns match, each folder in name order', async () => {
    const listed = await nodeFileSystem.glob(BOT_FILE_PATTERNS, folder, { followLinks: true });
    assert.deepEqual(
      listed.map((f) => path.relative(folder, f)),
      ['bot.json', ...['big', 'bom', 'dangling', 'empty', 'link', 'loop', 'plain', 'to-folder'].map((n) => path.join('intents', `${n}.json`))],
    );
  });

  it('finds the projects below a folder as the globber does', async () => {
    const tree = at('tree');
    for (const rel of [
      'bot.json',
      'a/bot.json',
      'a/b/c/bot.json',
      'node_modules/x/bot.json',
      '.hidden/bot.json',
      'd/.git/bot.json',
      'e/bot.json.bak',
      'f/.bot.json',
    ]) {
      await mkdir(path.dirname(path.join(tree, rel)), { recursive: true });
      await writeFile(path.join(tree, rel), '{}');
    }
    await symlink(path.join(tree, 'a'), path.join(tree, 'linked-folder'), 'dir');
    await mkdir(path.join(tree, 'g'));
    await symlink(path.join(tree, 'bot.json'), path.join(tree, 'g/bot.json'));
    const found = await nodeFileSystem.glob(['**/bot.json'], tree);
    const globbed = await glob(['**/bot.json'], {
      cwd: tree,
      absolute: true,
      onlyFiles: true,
      dot: false,
      ignore: ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'],
      followSymbolicLinks: false,
    });
    assert.deepEqual([...found].sort(), globbed.map((f) => path.resolve(f)).sort());
    assert.deepEqual(
      found.map((f) => path.relative(tree, f)).sort(),
      ['a/b/c/bot.json', 'a/bot.json', 'bot.json'].map((f) => path.normalize(f)),
    );
  });

  it('reads many files as reading them one by one does', async () => {
    const files = [
      ...['bot.json', 'plain', 'bom', 'empty', 'big', 'link', 'dangling', 'loop', 'to-folder', 'missing'].map((n) =>
        n.endsWith('.json') ? at(n) : at(`intents/${n}.json`),
      ),
      at('journeys/folder.json'),
      ...(process.platform !== 'win32' ? [at('intents/pipe.json')] : []),
    ];
    const batch = await nodeFileSystem.readFiles!(files, { maxSize: 1000 });
    const oneByOne = await Promise.all(files.map((f) => readOneFile(nodeFileSystem, f, 1000)));
    assert.deepEqual(batch, oneByOne);
    assert.deepEqual(batch.slice(0, 5), [
      { text: '{"name": "bot"}' },
      { text: '{"name": "plain", "utterances": ["héllo"]}' },
      { text: '\ufeff{"name": "bom"}' },
      { text: '' },
      { tooLarge: 5004 },
    ]);
  });

  it('resolves many files as resolving them one by one does', async () => {
    const files = ['bot.json', 'plain', 'link', 'loop', 'dangling', 'missing', 'to-folder'].map((n) =>
      n.endsWith('.json') ? at(n) : at(`intents/${n}.json`),
    );
    files.push(at('intents'), at('elsewhere/x.json'), path.parse(folder).root);
    const batch = await nodeFileSystem.realPaths!(files);
    assert.deepEqual(batch, await Promise.all(files.map((f) => nodeFileSystem.realPath!(f))));
    const realFolder = (await nodeFileSystem.realPath!(folder))!;
    assert.ok('path' in realFolder);
    assert.deepEqual(batch.slice(0, 6), [
      { path: path.join(realFolder.path, 'bot.json') },
      { path: path.join(realFolder.path, 'intents/plain.json') },
      { path: path.join(realFolder.path, 'intents/plain.json') },
      { unresolved: 'it is a symbolic link that loops' },
      { unresolved: 'it is a symbolic link that leads to no file' },
      undefined,
    ]);
  });
});

describe('the encodings of the files read', () => {
  // A CSV as spreadsheets save "Unicode text": UTF-16, with Devanagari, Arabic and Tamil.
  const text = 'name,english_text,hindi_text\r\nexit,"Exit, now",बाहर निकलें\r\nar,خروج,வெளியேறு\r\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(text, 'utf16le').swap16();
  const bom = (encoding: 'le' | 'be') => Buffer.from(encoding === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);

  it('decodes UTF-8, with and without a byte order mark', () => {
    assert.equal(decodeText(Buffer.from(text, 'utf8')), text);
    assert.equal(decodeText(Buffer.from(`\ufeff${text}`, 'utf8')), `\ufeff${text}`);
    assert.equal(decodeText(Buffer.alloc(0)), '');
    assert.equal(decodeText(Buffer.from('x')), 'x');
  });

  it('decodes UTF-16 by its byte order mark, little- and big-endian, keeping the mark', () => {
    assert.equal(decodeText(Buffer.concat([bom('le'), le])), `\ufeff${text}`);
    assert.equal(decodeText(Buffer.concat([bom('be'), be])), `\ufeff${text}`);
  });

  it('decodes UTF-16 without a byte order mark when the first character is ASCII', () => {
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
    // An odd byte at the end (a file cut short) is dropped, not a crash.
    assert.equal(decodeText(Buffer.concat([be, Buffer.from([0x41])])), text);
  });

  it('reads a UTF-16 file as its text, in batch and one by one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-utf16-'));
    try {
      const file = path.join(folder, 'translations.csv');
      await writeFile(file, Buffer.concat([bom('le'), le]));
      const [batch] = await nodeFileSystem.readFiles!([file], { maxSize: 10_000 });
      assert.deepEqual(batch, { text: `\ufeff${text}` });
      assert.deepEqual(await readOneFile(nodeFileSystem, file, 10_000), batch);
      assert.equal(await nodeFileSystem.readFile(file), `\ufeff${text}`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
