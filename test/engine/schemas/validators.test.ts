// Kind: the bundles validate with ajv's standalone code, compiled at build time
// (scripts/schema-validators.mjs); the sources compile the schemas at run time
// (schemas/validators.ts). Both must give the same errors, messages and all, on every bot file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { compileValidators } from '../../../server/src/engine/schemas/validators';
import { repoRoot } from '../../paths';

/** Every JSON file of the example and the test fixtures. */
function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !path.join(e.parentPath, e.name).includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The value, then copies with one value replaced by a wrong one or removed, at each place. */
function* variants(value: unknown): Generator<unknown> {
  yield value;
  const places: string[][] = [];
  (function walk(v: unknown, at: string[]) {
    places.push(at);
    if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...at, k]);
  })(value, []);
  for (const at of places.slice(1)) {
    for (const wrong of [42, 'x', null, [], { bogus: true }, undefined]) {
      const copy = structuredClone(value) as Record<string, unknown>;
      let parent = copy;
      for (const key of at.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      const key = at[at.length - 1];
      if (wrong !== undefined) parent[key] = wrong;
      else if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      yield copy;
    }
  }
}

describe('schema validators', () => {
  it('precompiled at build time, give the errors the run-time compile gives', async () => {
    const { validatorsModule } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/schema-validators.mjs')).href)) as {
      validatorsModule: () => string;
    };
    const module = { exports: {} as { compileValidators?: () => Record<string, ValidateFunction> } };
    new Function('exports', 'require', 'module', validatorsModule())(module.exports, createRequire(path.join(repoRoot, 'package.json')), module);
    const precompiled = module.exports.compileValidators!();
    const compiled = compileValidators();
    assert.deepEqual(Object.keys(precompiled).sort(), Object.keys(compiled).sort());

    const files = [...jsonFiles(path.join(repoRoot, 'examples')), ...jsonFiles(path.join(repoRoot, 'test'))];
    let validations = 0;
    for (const file of files) {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      for (const variant of variants(value)) {
        for (const [name, validate] of Object.entries(compiled)) {
          const expected = validate(variant) ? [] : validate.errors;
          const actual = precompiled[name](variant) ? [] : precompiled[name].errors;
          assert.deepEqual(actual, expected, `${path.relative(repoRoot, file)} against ${name}: ${JSON.stringify(variant).slice(0, 200)}`);
          validations++;
        }
      }
    }
    assert.ok(validations > 10_000, `${validations} validations`);
  });

  it('measure lengths only where UTF-16 units and code points agree (ajv unicode: false)', () => {
    // Both compiles measure a string's length in UTF-16 units: a `minLength` of 0 or 1 judges
    // every string as counting code points would (a string is empty in both or in neither); any
    // other length would judge a string of emoji differently, and needs `unicode: true` back.
    const lengths: string[] = [];
    for (const name of readdirSync(path.join(repoRoot, 'schemas')).filter((n) => n.endsWith('.json'))) {
      (function walk(v: unknown, at: string): void {
        if (!v || typeof v !== 'object') return;
        for (const [key, child] of Object.entries(v)) {
          if ((key === 'maxLength' || key === 'minLength') && typeof child === 'number' && !(key === 'minLength' && child <= 1))
            lengths.push(`${name} ${at}/${key}: ${child}`);
          walk(child, `${at}/${key}`);
        }
      })(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', name), 'utf8')), '');
    }
    assert.deepEqual(lengths, []);
    const validate = compileValidators().intent;
    assert.equal(validate({ name: 'talk', utterances: ['\u{1F600}'] }), true);
    assert.equal(validate({ name: 'talk', utterances: [''] }), false);
  });
});
