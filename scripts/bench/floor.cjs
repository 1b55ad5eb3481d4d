// The floor F of the benchmark, run as a fresh process: read every file of a bot project
// (bot.json, intents/*.json, journeys/*.json) and JSON.parse it. Nothing a checker can skip; a
// checker that costs a small multiple of this is as fast as it can reasonably be.
//
// The cheapest honest process for that: a CommonJS script run with plain `node`, synchronous
// reads, no module loader beyond the one Node starts with (an ES module here costs the ESM loader,
// tens of milliseconds, which made F larger and every ratio to it smaller).
// Usage: node floor.cjs <project>   Prints {"files": n, "bytes": n} on stdout.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = process.argv[2];
const files = [path.join(root, 'bot.json')];
for (const folder of ['intents', 'journeys']) {
  for (const name of readdirSync(path.join(root, folder))) if (name.endsWith('.json')) files.push(path.join(root, folder, name));
}
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  JSON.parse(text);
}
process.stdout.write(JSON.stringify({ files: files.length, bytes }));
