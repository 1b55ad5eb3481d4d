// The JSON schemas of the bot files, compiled once per process with ajv (draft 2020-12).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import ajvErrors from 'ajv-errors';
import bannerSchema from '../../../schemas/banner.schema.json';
import botSchema from '../../../schemas/bot.schema.json';
import settingsSchema from '../../../schemas/handoff-kit.schema.json';
import intentSchema from '../../../schemas/intent.schema.json';
import journeySchema from '../../../schemas/journey.schema.json';
import type { FileKind } from './botFile';

// A test report is CSV: it has no JSON schema.
export type SchemaName = Exclude<FileKind, 'report' | 'function'> | 'banner';

export const schemaDocuments: Record<SchemaName, object> = {
  bot: botSchema,
  intent: intentSchema,
  journey: journeySchema,
  banner: bannerSchema,
  settings: settingsSchema,
};

let validators: Record<SchemaName, ValidateFunction> | undefined;

function compileAll(): Record<SchemaName, ValidateFunction> {
  // allErrors so that one run reports every problem of a file; verbose for the parent schema's
  // title, which names the thing a property belongs to in messages.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  ajvErrors(ajv);
  return {
    bot: ajv.compile(botSchema),
    intent: ajv.compile(intentSchema),
    journey: ajv.compile(journeySchema),
    banner: ajv.compile(bannerSchema),
    settings: ajv.compile(settingsSchema),
  };
}

/** Validates `value` against a schema; returns ajv's errors (empty when valid). */
export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  validators ??= compileAll();
  const validate = validators[name];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
