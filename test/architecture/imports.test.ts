// The shape of the code, kept by a test: no import circle anywhere in the product's sources (type
// imports included), and the engine's folders are its layers, each importing only the layers below
// it. ESLint's no-restricted-imports (eslint.config.mjs) says the same per folder while one edits;
// this test sees the whole graph, which a per-file lint rule cannot.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { repoRoot } from '../paths';

const SOURCE_FOLDERS = ['server/src', 'client/src', 'contract'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The repository-relative paths of the source files `file` imports (static, type-only, dynamic, re-exports). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const found: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
    if (target && target.endsWith('.ts')) found.push(path.relative(repoRoot, target).split(path.sep).join('/'));
  }
  return found;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of SOURCE_FOLDERS) {
    for (const file of sourceFiles(path.join(repoRoot, folder))) {
      graph.set(path.relative(repoRoot, file).split(path.sep).join('/'), importsOf(file));
    }
  }
  return graph;
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const ENGINE = 'server/src/engine/';

/** The layer of an engine file: its folder under engine/, or the root file's name (`findings`, `index`). */
function layerOf(file: string): string | undefined {
  if (!file.startsWith(ENGINE)) return undefined;
  const rest = file.slice(ENGINE.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest.replace(/\.ts$/, '');
}

type Layers = { ENGINE_LAYERS: string[]; FRONT_ENDS: string[] };
const layers = (): Promise<Layers> => import(path.join(repoRoot, 'eslint.layers.mjs')) as Promise<Layers>;

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the sources', () => {
    assert.ok(graph.size > 100, `only ${graph.size} source files found`);
  });

  it('has no circle, type imports included', () => {
    const found = circles(graph);
    assert.deepEqual(found, [], `import circles:\n${found.map((c) => c.join(' -> ')).join('\n')}`);
  });

  it('keeps the engine in layers: a folder imports only the folders below it', async () => {
    const { ENGINE_LAYERS } = await layers();
    const rank = new Map(ENGINE_LAYERS.map((layer, i) => [layer, i]));
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      if (from === undefined) continue;
      assert.ok(rank.has(from), `${file}: engine folder "${from}" is not in ENGINE_LAYERS (eslint.layers.mjs)`);
      for (const target of imports) {
        const to = layerOf(target);
        if (to === undefined) wrong.push(`${file} -> ${target} (outside the engine)`);
        else if (to !== from && rank.get(to)! > rank.get(from)!) wrong.push(`${file} -> ${target} (${from} may not import ${to})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('lets the front ends reach the engine only through its entry module and the contract', async () => {
    const { FRONT_ENDS } = await layers();
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      if (!FRONT_ENDS.some((f) => file.startsWith(f))) continue;
      for (const target of imports) {
        if (target.startsWith(ENGINE) && target !== `${ENGINE}index.ts`) wrong.push(`${file} -> ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('keeps the contract free of the server and the client but for the engine entry module', () => {
    const wrong = [...graph]
      .filter(([file]) => file.startsWith('contract/'))
      .flatMap(([file, imports]) => imports.filter((t) => !t.startsWith('contract/') && t !== `${ENGINE}index.ts`).map((t) => `${file} -> ${t}`));
    assert.deepEqual(wrong, []);
  });

  it('finds a circle when there is one (the detector itself)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(circles(g), [['a', 'b', 'c']]);
  });
});
