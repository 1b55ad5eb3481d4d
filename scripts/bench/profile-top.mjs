// Summarises a V8 profile written by `node --cpu-prof` (.cpuprofile) or `node --heap-prof`
// (.heapprofile): the top functions by self time (or by sampled bytes still allocated at the
// end), the same by source file, and for CPU the share of garbage collection. Positions in the
// bundles of dist/ are mapped back to the TypeScript and node_modules sources through the source
// map beside the bundle, so the entries name engine files rather than lines of dist/cli/cli.js.
//
//   node scripts/bench/profile-top.mjs <file.cpuprofile|file.heapprofile> [N]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const maps = new Map();

/** "function (source:line)" for a call frame, through the bundle's source map if it has one. */
function locate(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return { name, file: name.startsWith('(') ? name : '(native)', where: '' };
  const file = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  const map = maps.get(file);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry?.originalSource) {
    const original = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(file), entry.originalSource);
    const source = path.relative(repo, original);
    return { name, file: source, where: `${source}:${entry.originalLine + 1}` };
  }
  const relative = file.startsWith('/') ? path.relative(repo, file) : file;
  return { name, file: relative, where: `${relative}:${frame.lineNumber + 1}` };
}

function top(entries, n) {
  return [...entries].sort((a, b) => b[1].value - a[1].value).slice(0, n);
}

function add(table, key, value, extra) {
  const entry = table.get(key) ?? { value: 0, ...extra };
  entry.value += value;
  table.set(key, entry);
}

function summariseCpu(profile, n) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // Self time per node from the samples and their time deltas (more exact than hitCount).
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, micros] of self) {
    const where = locate(nodes.get(id).callFrame);
    add(byFunction, `${where.name} ${where.where}`, micros, { where });
    add(byFile, where.file, micros, {});
  }
  const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const msOf = (v) => `${(v / 1000).toFixed(0).padStart(6)} ms`;
  const special = (name) => byFunction.get(`${name} `)?.value ?? 0;
  console.log(
    `CPU: ${(total / 1000).toFixed(0)} ms sampled; garbage collector ${pct(special('(garbage collector)')).trim()}, program ${pct(special('(program)')).trim()}, idle ${pct(special('(idle)')).trim()}`,
  );
  console.log(`top ${n} functions by self time:`);
  for (const [key, { value }] of top(byFunction, n)) console.log(`  ${msOf(value)} ${pct(value)}  ${key}`);
  console.log(`top ${Math.min(n, 10)} source files by self time:`);
  for (const [key, { value }] of top(byFile, Math.min(n, 10))) console.log(`  ${msOf(value)} ${pct(value)}  ${key}`);
}

function summariseHeap(profile, n) {
  // Sampled allocations still alive when the profile was taken (at exit), by allocating function.
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  const walk = (node) => {
    if (node.selfSize) {
      const where = locate(node.callFrame);
      add(byFunction, `${where.name} ${where.where}`, node.selfSize, {});
      add(byFile, where.file, node.selfSize, {});
      total += node.selfSize;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(profile.head);
  const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const mbOf = (v) => `${(v / 1024 / 1024).toFixed(1).padStart(6)} MB`;
  console.log(`heap (sampling, live at exit): ${(total / 1024 / 1024).toFixed(1)} MB sampled`);
  console.log(`top ${n} allocating functions:`);
  for (const [key, { value }] of top(byFunction, n)) console.log(`  ${mbOf(value)} ${pct(value)}  ${key}`);
  console.log(`top ${Math.min(n, 10)} source files:`);
  for (const [key, { value }] of top(byFile, Math.min(n, 10))) console.log(`  ${mbOf(value)} ${pct(value)}  ${key}`);
}

export function printProfileTop(file, n = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  if (profile.samples && profile.timeDeltas) summariseCpu(profile, n);
  else if (profile.head) summariseHeap(profile, n);
  else throw new Error(`${file}: neither a .cpuprofile nor a .heapprofile`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/bench/profile-top.mjs <file.cpuprofile|file.heapprofile> [N]');
    process.exit(2);
  }
  printProfileTop(file, Number(n ?? 20));
}
