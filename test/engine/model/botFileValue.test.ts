// Kind: BotFile.value from JSON.parse (the fast path) equals the value of the parsed tree
// (jsonc's getNodeValue, the reference path) on the example project, the VS Code fixtures and
// texts that tell the two apart if the fast path is taken where it must not be.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as jsonc from 'jsonc-parser';
import { BotFile } from '../../../server/src/engine/model/botFile';
import { exampleProject, repoRoot } from '../../paths';

/** The value with every object rebuilt as a plain object, so null-prototype trees compare equal. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  return value;
}

function reference(file: BotFile): unknown {
  return file.root ? plain(jsonc.getNodeValue(file.root)) : undefined;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('BotFile.value', () => {
  const files = [...jsonFiles(exampleProject), ...jsonFiles(path.join(repoRoot, 'test', 'vscode', 'fixtures'))];

  it('equals the tree value on the example project and the fixtures', () => {
    assert.ok(files.length > 10, `${files.length} files to compare`);
    for (const file of files) {
      const botFile = new BotFile(file, 'journey', readFileSync(file, 'utf8'), 1);
      assert.deepStrictEqual(plain(botFile.value), reference(botFile), file);
      // Valid JSON takes the JSON.parse path (its objects have Object's prototype).
      if (botFile.value && typeof botFile.value === 'object' && !Array.isArray(botFile.value))
        assert.equal(Object.getPrototypeOf(botFile.value), Object.prototype, file);
    }
  });

  const texts: Record<string, string> = {
    'a byte order mark': '\ufeff{"name": "a", "utterances": ["hi"]}',
    'a repeated key (the last one counts)': '{"name": "first", "n": 1, "name": "last"}',
    'a key named __proto__': '{"__proto__": {"polluted": true}, "name": "a"}',
    'escapes and numbers': '{"s": "\\u00e9\\n\\ud83d\\ude00", "n": [-0, 1e400, 0.1, -12.5e-3], "t": true, "z": null}',
    'a no-break space jsonc takes as whitespace': '{"name":\u00a0"a"}',
    'a syntax error': '{"name": "a",}',
    'a comment': '{"name": "a" /* no */}',
    nothing: '   ',
    'a bare value': ' "text" ',
    'deep nesting that is pruned': `{"deep": ${'['.repeat(300)}${']'.repeat(300)}, "name": "a"}`,
  };
  for (const [what, text] of Object.entries(texts)) {
    it(`equals the tree value with ${what}`, () => {
      const botFile = new BotFile('/bots/x/journeys/x.json', 'journey', text, 1);
      assert.deepStrictEqual(plain(botFile.value), reference(botFile));
    });
  }

  it('keeps the last of repeated keys and the key __proto__ as an own property', () => {
    const value = new BotFile('/b/j.json', 'journey', '{"a": 1, "__proto__": {"x": 1}, "a": 2}', 1).value as Record<string, unknown>;
    assert.equal(value.a, 2);
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.equal((value as { x?: unknown }).x, undefined);
  });
});
