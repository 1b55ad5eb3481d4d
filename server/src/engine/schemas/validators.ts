// The validators of the bot files' JSON schemas (draft 2020-12), compiled by ajv at run time.
// Only the sources run this (the tests): the bundles have in its place the same validators
// compiled at build time (scripts/schema-validators.mjs, put in by scripts/build.mjs), so that
// they neither compile at start-up nor carry ajv's compiler.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import ajvErrors from 'ajv-errors';
import bannerSchema from '../../../../schemas/banner.schema.json';
import botSchema from '../../../../schemas/bot.schema.json';
import settingsSchema from '../../../../schemas/handoff-kit.schema.json';
import intentSchema from '../../../../schemas/intent.schema.json';
import journeySchema from '../../../../schemas/journey.schema.json';
import testSchema from '../../../../schemas/test.schema.json';
import type { FileKind } from '../model/projectLayout';

/** The JSON kinds of bot file (CSV files and function code have no JSON schema), and the banner payload. */
export type SchemaName = Extract<FileKind, 'bot' | 'intent' | 'journey' | 'settings' | 'test'> | 'banner';

/**
 * ajv's console logger, without the one warning `unicode: false` gives at every compile (ajv 8
 * deprecates the option, and honours it: the deprecation says only that counting is the default).
 */
const QUIET_ON_UNICODE = {
  log: console.log,
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode.')) console.warn(...args);
  },
  error: console.error,
};

/** Compiles a validator for each schema; the options must match scripts/schema-validators.mjs. */
export function compileValidators(): Record<SchemaName, ValidateFunction> {
  // allErrors so that one run reports every problem of a file; verbose for the parent schema's
  // title, which names the thing a property belongs to in messages. unicode: false measures a
  // string's length in UTF-16 units (`.length`) rather than counting its code points one by one:
  // every length in the schemas is a `minLength` of 1, which both measures judge alike (a test
  // keeps it so), and counting was the validators' largest cost (every utterance, walked whole).
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, unicode: false, logger: QUIET_ON_UNICODE });
  ajvErrors(ajv);
  return {
    bot: ajv.compile(botSchema),
    intent: ajv.compile(intentSchema),
    journey: ajv.compile(journeySchema),
    banner: ajv.compile(bannerSchema),
    settings: ajv.compile(settingsSchema),
    test: ajv.compile(testSchema),
  };
}
