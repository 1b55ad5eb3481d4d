// A bot file parsed once per version: its text, its JSON tree with offsets, and its syntax errors.
import * as jsonc from 'jsonc-parser';
import * as path from 'node:path';
import { pruneDeepValues, type DeepValue } from './jsonDepth';

/**
 * The kinds of project file: JSON bot files, the project's settings, `report`, a test report
 * downloaded from Studio's bulk utterance test (`test-reports/*.csv`, read by testReports.ts), and
 * `function`, the JavaScript of a Studio function (`functions/*.js`, read by functionCode.ts).
 */
export type FileKind = 'bot' | 'intent' | 'journey' | 'settings' | 'report' | 'function';

/** The kinds whose text is JSON: only these are parsed into a tree when a BotFile is made. */
export const JSON_KINDS: readonly FileKind[] = ['bot', 'intent', 'journey', 'settings'];

/** The folder of a project that holds the test reports downloaded from Studio. */
export const TEST_REPORTS_FOLDER = 'test-reports';

/** The folder of a project that holds the code of its Studio functions. */
export const FUNCTIONS_FOLDER = 'functions';

/** The project's own Handoff Kit settings, beside bot.json. */
export const SETTINGS_FILE = 'handoff-kit.json';

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export class BotFile {
  readonly root: jsonc.Node | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  private cachedValue: unknown;
  private valueComputed = false;
  /** What services and checks derive from this version of the file (see `derived`). */
  private readonly derivedValues = new Map<symbol, unknown>();

  /** The file's size in characters (or bytes on disk, for a file too large to read). */
  readonly size: number;
  /** The size limit the file was read under. */
  readonly maxSize: number;
  /** Set when the file is over the size limit; then it is neither parsed nor checked. */
  readonly oversized: boolean;
  /** Why the file could not be read (a permission error, a link that loops); then it is not checked. */
  readonly unreadReason?: string;
  /** Values nested too deep to check (see jsonDepth.ts), blanked out of the parsed tree. */
  readonly deepValues: readonly DeepValue[];
  /**
   * Whether the file on disk starts with a byte order mark, which `text` does not hold (as an
   * editor's text does not): whoever writes the file back (the command line's `--fix`) puts it back.
   */
  readonly hadBom: boolean;

  constructor(
    readonly path: string,
    readonly kind: FileKind,
    readonly text: string,
    readonly version: number,
    limits: { maxSize?: number; sizeOnDisk?: number; unreadReason?: string; hadBom?: boolean } = {},
  ) {
    this.hadBom = limits.hadBom ?? false;
    this.size = limits.sizeOnDisk ?? text.length;
    this.maxSize = limits.maxSize ?? Infinity;
    this.oversized = this.size > this.maxSize;
    if (limits.unreadReason !== undefined) this.unreadReason = limits.unreadReason;
    // A test report is CSV and a function JavaScript, not JSON: neither has a tree nor JSON syntax
    // problems (their own readers, testReports.ts and functionCode.ts, read them).
    if (this.oversized || this.unreadReason !== undefined || !JSON_KINDS.includes(kind)) {
      this.root = undefined;
      this.syntaxProblems = [];
      this.deepValues = [];
      return;
    }
    const errors: jsonc.ParseError[] = [];
    // A byte order mark (saved by some Windows editors) is not JSON; a space of the same length
    // keeps every offset where it is.
    const { text: json, pruned } = pruneDeepValues(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text);
    this.deepValues = pruned;
    this.root = jsonc.parseTree(json, errors, { allowTrailingComma: false, disallowComments: true });
    // The parser reports several errors at one spot (a trailing comma is "property name
    // expected" and "value expected"); the first says it best.
    const seen = new Set<number>();
    this.syntaxProblems = errors
      .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
      .map((e) => ({ message: describeParseError(e.error), offset: e.offset, length: e.length }));
  }

  /** Whether the file's content is known: false when it was too large to read. */
  get readable(): boolean {
    return !this.oversized && this.unreadReason === undefined;
  }

  /**
   * The one cache of what is derived from this file version (its journey or intent model, its
   * exit phrases, its file-scope findings), in the manner of json-language-features'
   * `languageModelCache`: a new version is a new BotFile, so nothing here is ever stale.
   * `key` names the derived value; `compute` runs once per file version.
   */
  derived<T>(key: symbol, compute: (file: BotFile) => T): T {
    if (this.derivedValues.has(key)) return this.derivedValues.get(key) as T;
    const value = compute(this);
    this.derivedValues.set(key, value);
    return value;
  }

  /** The plain JSON value of a node of this file's tree. */
  valueAt(node: jsonc.Node): unknown {
    return node === this.root ? this.value : jsonc.getNodeValue(node);
  }

  /**
   * The file's value as plain JSON (computed once). Undefined when the text holds no value.
   * Objects are plain objects from `JSON.parse` when the text is valid JSON with nothing pruned
   * (the usual case; walking the whole tree with `getNodeValue` was slow and allocated a lot),
   * else null-prototype objects from the tree. Either way a repeated key holds its last value,
   * as the checks read it.
   */
  get value(): unknown {
    if (!this.valueComputed) {
      this.cachedValue = this.root ? (this.parsedValue() ?? jsonc.getNodeValue(this.root)) : undefined;
      this.valueComputed = true;
    }
    return this.cachedValue;
  }

  /** `JSON.parse` of the text when it gives the tree's value for sure, else undefined. */
  private parsedValue(): unknown {
    if (this.syntaxProblems.length > 0 || this.deepValues.length > 0) return undefined;
    try {
      // The byte order mark is not JSON (the tree was parsed with a space in its place).
      return JSON.parse(this.text.charCodeAt(0) === 0xfeff ? this.text.slice(1) : this.text) as unknown;
    } catch {
      // Whitespace jsonc accepts and JSON does not (a no-break space): the tree has the value.
      return undefined;
    }
  }
}

/** What kind of bot file `file` is inside the project whose root folder is `projectRoot`. */
export function fileKindOf(projectRoot: string, file: string): FileKind | undefined {
  const rel = path.relative(projectRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length === 1 && parts[0] === 'bot.json') return 'bot';
  if (parts.length === 1 && parts[0] === SETTINGS_FILE) return 'settings';
  if (parts.length === 2 && parts[1].endsWith('.json')) {
    if (parts[0] === 'intents') return 'intent';
    if (parts[0] === 'journeys') return 'journey';
  }
  if (parts.length === 2 && parts[0] === TEST_REPORTS_FOLDER && parts[1].toLowerCase().endsWith('.csv')) return 'report';
  if (parts.length === 2 && parts[0] === FUNCTIONS_FOLDER && parts[1].endsWith('.js')) return 'function';
  return undefined;
}

/** A file's path relative to its project, with forward slashes, for messages. */
export function relativePath(projectRoot: string, file: string): string {
  return path.relative(projectRoot, file).split(path.sep).join('/');
}

/** The node at a JSON path, or undefined. */
export function nodeAt(root: jsonc.Node | undefined, segments: jsonc.JSONPath): jsonc.Node | undefined {
  return root ? jsonc.findNodeAtLocation(root, segments) : undefined;
}

/** A string node's value when the node is a string, else undefined. */
export function stringValue(node: jsonc.Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/**
 * The property node (`"key": value`) that holds `key` in an object node. When the object repeats
 * the key, the last one: the value JSON.parse, the schema check and the platform keep.
 */
export function propertyNode(object: jsonc.Node | undefined, key: string): jsonc.Node | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  for (let i = object.children.length - 1; i >= 0; i--) {
    if (object.children[i].children?.[0]?.value === key) return object.children[i];
  }
  return undefined;
}

function describeParseError(code: jsonc.ParseErrorCode): string {
  switch (code) {
    case jsonc.ParseErrorCode.InvalidSymbol: return 'invalid symbol';
    case jsonc.ParseErrorCode.InvalidNumberFormat: return 'invalid number';
    case jsonc.ParseErrorCode.PropertyNameExpected: return 'property name expected (in double quotes)';
    case jsonc.ParseErrorCode.ValueExpected: return 'value expected';
    case jsonc.ParseErrorCode.ColonExpected: return 'colon expected';
    case jsonc.ParseErrorCode.CommaExpected: return 'comma expected';
    case jsonc.ParseErrorCode.CloseBraceExpected: return 'closing brace `}` expected';
    case jsonc.ParseErrorCode.CloseBracketExpected: return 'closing bracket `]` expected';
    case jsonc.ParseErrorCode.EndOfFileExpected: return 'end of file expected';
    case jsonc.ParseErrorCode.InvalidCommentToken: return 'comments are not allowed in JSON';
    case jsonc.ParseErrorCode.UnexpectedEndOfComment: return 'unexpected end of comment';
    case jsonc.ParseErrorCode.UnexpectedEndOfString: return 'unterminated string';
    case jsonc.ParseErrorCode.UnexpectedEndOfNumber: return 'unexpected end of number';
    case jsonc.ParseErrorCode.InvalidUnicode: return 'invalid unicode sequence in string';
    case jsonc.ParseErrorCode.InvalidEscapeCharacter: return 'invalid escape character in string';
    case jsonc.ParseErrorCode.InvalidCharacter: return 'invalid character in string';
    default: return 'invalid JSON';
  }
}

/** A string value in a file, with the node that holds it. */
export interface NamedValue {
  readonly value: string;
  readonly node: jsonc.Node;
}

/** The value node of `key` in an object node. */
export function valueOf(object: jsonc.Node | undefined, key: string): jsonc.Node | undefined {
  return propertyNode(object, key)?.children?.[1];
}

export function named(node: jsonc.Node | undefined): NamedValue | undefined {
  const value = stringValue(node);
  return value !== undefined && node ? { value, node } : undefined;
}
