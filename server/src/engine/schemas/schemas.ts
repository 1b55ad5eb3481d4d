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

/**
 * Entries of one array or object validated at a time. ajv's cost grows with the square of the
 * errors it finds (each `errorMessage` of ajv-errors looks through every error found before it):
 * 40,000 utterances that are not strings took nearly 3 minutes, 20,000 unknown rule codes in
 * handoff-kit.json 4.5 minutes. A slice of 250 keeps each run's errors few.
 */
export const VALIDATION_SLICE = 250;

/**
 * Validates `value` against a schema; returns ajv's errors (empty when valid), their paths those
 * of `value`. The largest array or object of the value, when it has more than VALIDATION_SLICE
 * entries, is validated a slice at a time (the rest of the value with each slice), so the cost
 * is linear in the value: its entries' errors come from every slice, the others' from the first.
 */
export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  validateInBatches(name, value, (batch) => {
    for (const error of batch) errors.push(error);
  });
  return errors;
}

/**
 * `validateAgainst`'s errors, given to `onErrors` a batch at a time (one per slice validated, in
 * order), so that a caller can turn each batch into findings before the next is made: the errors
 * of a million entries at once took more memory than the findings made of them.
 */
export function validateInBatches(name: SchemaName, value: unknown, onErrors: (errors: readonly ErrorObject[]) => void): void {
  validators ??= compileValidators();
  const validate = validators[name];
  const largest = largestCollection(value, []);
  if (!largest || largest.size <= VALIDATION_SLICE) {
    if (!validate(value)) onErrors([...(validate.errors ?? [])]);
    return;
  }
  const pointer = largest.path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const seen = new Set<string>();
  const whole = collectionAt(value, largest.path);
  // The entries listed once: listing them for every slice would make the slicing quadratic.
  const entries = Array.isArray(whole) ? whole : Object.entries(whole);
  for (let start = 0; start < largest.size; start += VALIDATION_SLICE) {
    const slice = entries.slice(start, start + VALIDATION_SLICE);
    if (validate(withSlice(value, largest.path, 0, Array.isArray(whole) ? slice : Object.fromEntries(slice)))) continue;
    const errors: ErrorObject[] = [];
    for (const error of validate.errors ?? []) {
      const entry = entryOf(error, pointer, largest.array);
      if (entry === 'other') {
        // The same in every slice, but for an object's own errors: a property it requires may be in another slice.
        const missing = (error.params as { missingProperty?: string }).missingProperty;
        if (error.keyword === 'required' && error.instancePath === pointer && missing !== undefined && Object.hasOwn(whole, missing)) continue;
        const key = `${error.instancePath}|${error.schemaPath}|${JSON.stringify(error.params)}`;
        if (!seen.has(key)) {
          seen.add(key);
          errors.push(error);
        }
      } else if (entry === 'named') {
        errors.push(error);
      } else {
        // An item of the array: its index in the slice, made its index in the value.
        const rest = error.instancePath.slice(pointer.length + 1);
        const at = rest.indexOf('/');
        const index = Number(at < 0 ? rest : rest.slice(0, at)) + start;
        // In place: the error is this run's own (ajv makes new ones on every run), and one copy per entry adds up.
        error.instancePath = `${pointer}/${index}${at < 0 ? '' : rest.slice(at)}`;
        errors.push(error);
      }
    }
    if (errors.length) onErrors(errors);
  }
}

type Collection = { path: (string | number)[]; size: number; array: boolean };

function collectionAt(value: unknown, path: readonly (string | number)[]): object {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value) as object;
}

/**
 * The array or object with the most entries in `value` (the first of equals, in document order),
 * with its path. Every file of a check goes through here, so the walk allocates nothing but the
 * result: `path` is a stack (pushed and popped), copied only for a new largest.
 */
function largestCollection(value: unknown, path: (string | number)[]): Collection | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const found: { largest: Collection | undefined } = { largest: undefined };
  visitCollections(value as object, path, found);
  return found.largest;
}

function visitCollections(value: object, path: (string | number)[], found: { largest: Collection | undefined }): void {
  if (Array.isArray(value)) {
    if (!found.largest || value.length > found.largest.size) found.largest = { path: [...path], size: value.length, array: true };
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      visitCollections(item, path, found);
      path.pop();
    }
    return;
  }
  // Object.keys: the own enumerable names, in Object.entries' order.
  const keys = Object.keys(value);
  if (!found.largest || keys.length > found.largest.size) found.largest = { path: [...path], size: keys.length, array: false };
  for (const key of keys) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === null || typeof item !== 'object') continue;
    path.push(key);
    visitCollections(item, path, found);
    path.pop();
  }
}

/** `value` with the collection at `path` replaced by `slice` (copies along the path only). */
function withSlice(value: unknown, path: readonly (string | number)[], depth: number, slice: unknown): unknown {
  if (depth === path.length) return slice;
  const key = path[depth];
  const inner = withSlice((value as Record<string | number, unknown>)[key], path, depth + 1, slice);
  return Array.isArray(value) ? value.map((item, i) => (i === key ? inner : item)) : { ...(value as object), [key]: inner };
}

/**
 * What an error of a sliced run is about: an entry of the sliced array (`item`, its path to be
 * shifted), a property of the sliced object (`named`: inside it, or an unknown or refused name of
 * it), or the rest of the value (`other`, the same in every slice).
 */
function entryOf(error: ErrorObject, pointer: string, array: boolean): 'item' | 'named' | 'other' {
  if (error.instancePath.startsWith(`${pointer}/`)) return array ? 'item' : 'named';
  if (error.instancePath !== pointer || array) return 'other';
  const params = error.params as { additionalProperty?: string; errors?: ErrorObject[] };
  const named =
    error.propertyName !== undefined || params.additionalProperty !== undefined || params.errors?.some((e) => e.propertyName !== undefined);
  return named ? 'named' : 'other';
}
