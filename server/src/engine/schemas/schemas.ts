// The JSON schemas of the bot files and their validators (draft 2020-12), made once per process:
// compiled at build time in the bundles, by ajv at run time from the sources (schemas/validators.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';
import bannerSchema from '../../../../schemas/banner.schema.json';
import botSchema from '../../../../schemas/bot.schema.json';
import settingsSchema from '../../../../schemas/handoff-kit.schema.json';
import intentSchema from '../../../../schemas/intent.schema.json';
import journeySchema from '../../../../schemas/journey.schema.json';
import testSchema from '../../../../schemas/test.schema.json';
import { compileValidators, type SchemaName } from './validators';

export type { SchemaName };

export const schemaDocuments: Record<SchemaName, object> = {
  bot: botSchema,
  intent: intentSchema,
  journey: journeySchema,
  banner: bannerSchema,
  settings: settingsSchema,
  test: testSchema,
};

let validators: Record<SchemaName, ValidateFunction> | undefined;

/** Validates `value` against a schema; returns ajv's errors (empty when valid). */
export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  validators ??= compileValidators();
  const validate = validators[name];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
