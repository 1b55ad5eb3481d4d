// The peer of the benchmark, run as a fresh process like the CLI: vscode-json-languageservice
// (VS Code's own JSON support) validating every file of a bot project against our schemas, the
// way VS Code would with the schemas associated by file pattern. Schema checks only: no
// cross-file checks, no banner payload schema (the journey schema leaves `data` open).
// A CommonJS script, as the floor is: the peer is given the same cheap start (no ESM loader).
// Usage: node peer.cjs <project> <schemas folder>
// Prints {"files", "diagnostics", "sample", "setupMs", "validateMs"} on stdout.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { getLanguageService, TextDocument } = require('vscode-json-languageservice');

const started = performance.now();
const [root, schemaFolder] = process.argv.slice(2);
const schema = (name) => JSON.parse(readFileSync(path.join(schemaFolder, `${name}.schema.json`), 'utf8'));
// The same kinds and patterns as server/src/engine (bot.json, intents/*.json, journeys/*.json).
const associations = [
  ['bot', ['**/bot.json']],
  ['intent', ['**/intents/*.json']],
  ['journey', ['**/journeys/*.json']],
];
const service = getLanguageService({
  // Every schema is given inline below; a request means a $ref we did not expect.
  schemaRequestService: (uri) => Promise.reject(new Error(`unexpected schema request: ${uri}`)),
});
service.configure({
  validate: true,
  allowComments: false,
  schemas: associations.map(([name, fileMatch]) => {
    const content = schema(name);
    return { uri: content.$id, fileMatch, schema: content };
  }),
});

async function main() {
  const files = [path.join(root, 'bot.json')];
  for (const folder of ['intents', 'journeys']) {
    for (const name of readdirSync(path.join(root, folder))) if (name.endsWith('.json')) files.push(path.join(root, folder, name));
  }
  const setupMs = performance.now() - started;
  let diagnostics = 0;
  let sample;
  for (const file of files) {
    const document = TextDocument.create(pathToFileURL(file).href, 'json', 1, readFileSync(file, 'utf8'));
    const jsonDocument = service.parseJSONDocument(document);
    const found = await service.doValidation(document, jsonDocument, {
      comments: 'error',
      trailingCommas: 'error',
      schemaValidation: 'error',
      schemaRequest: 'error',
    });
    diagnostics += found.length;
    sample ??= found[0] && `${path.basename(file)}: ${found[0].message}`;
  }
  process.stdout.write(JSON.stringify({ files: files.length, diagnostics, sample, setupMs, validateMs: performance.now() - started - setupMs }));
}
main().catch((error) => {
  console.error(error);
  process.exit(2);
});
