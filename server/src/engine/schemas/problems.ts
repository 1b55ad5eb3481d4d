// Turns ajv's schema errors into problems a bot developer understands, each on the narrowest
// range that shows it: the wrong value, or the key of the object that lacks a property.
import type { ErrorObject } from 'ajv';
import type * as jsonc from 'jsonc-parser';
import type { Severity } from '../findings';
import { closestName } from '../phrases/suggestions';

export interface SchemaProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly severity: Severity;
  readonly suggestion?: string;
}

type SchemaObject = { title?: string; properties?: Record<string, unknown> };

/**
 * Maps the errors of validating the value of `root` (a whole file, or a payload inside one).
 * Unknown properties are warnings, since the platform may accept fields it does not document.
 */
export function schemaProblems(errors: readonly ErrorObject[], root: jsonc.Node, rootName = 'the file'): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  new SchemaProblems(root, rootName).add(errors, (problem) => problems.push(problem));
  return problems;
}

/**
 * `schemaProblems` a batch of errors at a time, as `validateInBatches` gives them: what one batch
 * says is remembered for the next (the paths a message of the schema explains, the problems said),
 * so that the problems are those of all the errors at once.
 */
export class SchemaProblems {
  private readonly explained = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly root: jsonc.Node,
    private readonly rootName = 'the file',
  ) {}

  /** Gives `onProblem` the problems of `errors` not given before. */
  add(errors: readonly ErrorObject[], onProblem: (problem: SchemaProblem) => void): void {
    // Where the schema has its own message for a value, that message replaces the generic ones
    // (ajv-errors cannot replace errors raised inside a referenced schema). A value's errors are
    // in one batch (validateInBatches), so a batch's messages are known before its errors are read.
    for (const e of errors) if (e.keyword === 'errorMessage') this.explained.add(e.instancePath);
    for (const error of errors) {
      if (error.keyword === 'if') continue; // "must match then": the branch's own errors say why
      if (this.explained.has(error.instancePath) && error.keyword !== 'errorMessage' && error.keyword !== 'additionalProperties') continue;
      const problem = describe(error, this.root, this.rootName);
      if (!problem) continue;
      const key = `${problem.offset}:${problem.length}:${problem.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      onProblem(problem);
    }
  }
}

/**
 * A key that `propertyNames` refuses (such as a rule code handoff-kit.json's `rules` does not
 * know): reported on the key itself, with the nearest allowed name when one is near.
 */
function badPropertyName(object: jsonc.Node, error: ErrorObject, message = 'is not allowed here'): SchemaProblem {
  const name = error.propertyName!;
  const keyNode = propertyOf(object, name)?.children?.[0];
  const allowed = (error.schema as unknown[] | undefined)?.filter((v): v is string => typeof v === 'string') ?? [];
  const suggestion = allowed.length ? closestName(name, allowed) : undefined;
  return {
    ...(keyNode ? { offset: keyNode.offset, length: keyNode.length } : anchorOf(object)),
    severity: 'error',
    message: `\`${name}\`: ${message}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The properties of each object node by key (the first of a repeated key, as jsonc's findNodeAtLocation), made once per node. */
const propertiesByKey = new WeakMap<jsonc.Node, Map<string, jsonc.Node>>();

/**
 * The property node of `key` in an object node, through a map made once per object: a search of
 * its children for each error was quadratic over an object with 20,000 unknown properties.
 */
function propertyOf(object: jsonc.Node, key: string): jsonc.Node | undefined {
  if (object.type !== 'object') return undefined;
  let byKey = propertiesByKey.get(object);
  if (!byKey) {
    byKey = new Map();
    for (const property of object.children ?? []) {
      const name = property.children?.[0]?.value;
      if (typeof name === 'string' && !byKey.has(name)) byKey.set(name, property);
    }
    propertiesByKey.set(object, byKey);
  }
  return byKey.get(key);
}

/** The node at a path, as `nodeAt` finds it, looking properties up through `propertyOf`. */
function nodeAtPath(root: jsonc.Node, segments: readonly (string | number)[]): jsonc.Node | undefined {
  let node: jsonc.Node | undefined = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (typeof segment === 'string') node = propertyOf(node, segment)?.children?.[1];
    else node = node.type === 'array' ? node.children?.[segment] : undefined;
  }
  return node;
}

function describe(error: ErrorObject, root: jsonc.Node, rootName: string): SchemaProblem | undefined {
  const segments = pointerSegments(error.instancePath);
  const node = segments.length ? nodeAtPath(root, segments) : root;
  if (!node) return undefined;
  const subject = subjectOf(segments) ?? rootName;
  const parentSchema = (error.parentSchema ?? {}) as SchemaObject;
  const thing = parentSchema.title ?? subject;

  switch (error.keyword) {
    case 'errorMessage': {
      const named = ((error.params as { errors?: ErrorObject[] }).errors ?? []).find((e) => e.propertyName !== undefined);
      if (named?.propertyName !== undefined) return badPropertyName(node, named, error.message);
      const originals = ((error.params as { errors?: ErrorObject[] }).errors ?? []).map((e) => e.keyword);
      const aboutMissing = originals.every((k) => k === 'required' || k === 'oneOf' || k === 'anyOf');
      const range = aboutMissing && node.type === 'object' ? anchorOf(node) : rangeOf(node);
      // Schemas say "must be true or false" where one message serves many properties.
      const message = error.message ?? 'is not valid here';
      return { ...range, severity: 'error', message: message.startsWith('must ') ? `${subject} ${message}` : message };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { ...anchorOf(node), severity: 'error', message: `${thing} needs \`${missing}\`` };
    }
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const keyNode = propertyOf(node, name)?.children?.[0];
      const known = Object.keys(parentSchema.properties ?? {}).filter((p) => p !== '$schema');
      const suggestion = closestName(name, known);
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : known.length ? ` (expected ${list(known)})` : '';
      return {
        ...(keyNode ? rangeOf(keyNode) : anchorOf(node)),
        severity: 'warning',
        message: `unknown property \`${name}\` in ${thing}${hint}`,
        suggestion,
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type).split(',');
      return { ...rangeOf(node), severity: 'error', message: `${subject} must be ${expected.map(article).join(' or ')}` };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof error.data === 'string' ? closestName(error.data, allowed) : undefined;
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      return { ...rangeOf(node), severity: 'error', message: `${subject} must be one of ${list(allowed)}${hint}`, suggestion };
    }
    case 'const':
      return {
        ...rangeOf(node),
        severity: 'error',
        message: `${subject} must be \`${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}\``,
      };
    case 'minLength':
      return { ...rangeOf(node), severity: 'error', message: `${subject} must not be empty` };
    case 'minItems': {
      const limit = (error.params as { limit: number }).limit;
      return { ...rangeOf(node), severity: 'error', message: `${subject} needs at least ${limit} item${limit === 1 ? '' : 's'}` };
    }
    case 'pattern':
      if (parentSchema.title === 'template') {
        return { ...rangeOf(node), severity: 'error', message: `${subject} must be a template such as {{{variables.name}}} when it is a string` };
      }
      return { ...rangeOf(node), severity: 'error', message: `${subject} is not in the expected form` };
    case 'oneOf':
    case 'anyOf':
      return { ...rangeOf(node), severity: 'error', message: `${subject} does not match any of the forms allowed here` };
    default:
      return { ...rangeOf(node), severity: 'error', message: `${subject} ${error.message ?? 'is invalid'}` };
  }
}

function pointerSegments(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** How a message names the value at a path: "`title`", "item 2 of `options`"; undefined for the root. */
function subjectOf(segments: (string | number)[]): string | undefined {
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  if (typeof last === 'number') {
    const owner = segments[segments.length - 2];
    return owner === undefined ? `item ${last + 1}` : `item ${last + 1} of \`${owner}\``;
  }
  return `\`${last}\``;
}

function rangeOf(node: jsonc.Node): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

/** Where to show that an object lacks something: its key, or its opening brace. */
function anchorOf(node: jsonc.Node): { offset: number; length: number } {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? rangeOf(key) : { offset: node.offset, length: 1 };
}

function article(type: string): string {
  switch (type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${type}`;
  }
}

function list(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}
