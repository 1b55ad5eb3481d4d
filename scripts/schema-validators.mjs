// The validators of the bot files' JSON schemas compiled at build time: ajv's standalone code, a
// CommonJS module that scripts/build.mjs puts in the bundles in place of
// server/src/engine/schemas/validators.ts (which compiles the same schemas at run time, for the
// tests that run the sources). The options and schemas here must match that file's; a test
// (test/engine/schemas/validators.test.ts) checks that both give the same errors.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import ajvErrors from 'ajv-errors';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Schema name (SchemaName in schemas.ts) -> its file in schemas/. */
const SCHEMA_FILES = {
  bot: 'bot.schema.json',
  intent: 'intent.schema.json',
  journey: 'journey.schema.json',
  banner: 'banner.schema.json',
  settings: 'handoff-kit.schema.json',
  test: 'test.schema.json',
};

/** The schema files the validators are compiled from (absolute), for a watching build. */
export const schemaFiles = Object.values(SCHEMA_FILES).map((file) => path.join(repo, 'schemas', file));

/**
 * The source of a CommonJS module exporting `compileValidators()`, as schemas/validators.ts does,
 * which returns the validators precompiled. It requires ajv's small runtime helpers only.
 */
export function validatorsModule() {
  // The three bundles of a build share one compile; a watching build compiles again when a schema changes.
  const texts = schemaFiles.map((file) => readFileSync(file, 'utf8'));
  const key = texts.join('\0');
  if (cached?.key !== key) cached = { key, source: compile(texts) };
  return cached.source;
}

let cached;

function compile(texts) {
  // The options of schemas/validators.ts, and `code.source` for the standalone code.
  const quietOnUnicode = {
    log: console.log,
    warn: (...args) => {
      if (!String(args[0]).startsWith('DEPRECATED: option unicode.')) console.warn(...args);
    },
    error: console.error,
  };
  const ajv = new Ajv2020.default({ allErrors: true, verbose: true, strict: false, unicode: false, logger: quietOnUnicode, code: { source: true } });
  ajvErrors.default(ajv);
  const exported = {};
  Object.keys(SCHEMA_FILES).forEach((name, i) => {
    const schema = JSON.parse(texts[i]);
    ajv.addSchema(schema);
    exported[name] = schema.$id;
  });
  const validators = Object.keys(SCHEMA_FILES)
    .map((name) => `${name}: exports.${name}`)
    .join(', ');
  return `${standaloneCode.default(ajv, exported)}\nexports.compileValidators = () => ({ ${validators} });\n`;
}
