// A bot file parsed once per version: its text, its value, its syntax errors, and its JSON tree
// with offsets. Valid JSON (the usual case) is read with JSON.parse, and the tree, which costs
// several times as much time and memory, is built only when something asks where a value is: a
// check that reports, an editor feature. The models (journey.ts, intent.ts, bannerPayload.ts…)
// read values through `JsonPlace`s, whose nodes find their offsets in the tree on first use.
import * as jsonc from 'jsonc-parser';
import * as path from 'node:path';
import { pruneScanned, scanNesting, type DeepValue } from './jsonDepth';

/**
 * The kinds of project file: JSON bot files, the project's settings, `report`, a test report
 * downloaded from Studio's bulk utterance test (`test-reports/*.csv`, read by testReports.ts),
 * `function`, the JavaScript of a Studio function (`functions/*.js`, read by functionCode.ts), and
 * `test`, a file of conversation tests (`tests/*.json`, read by conversationTest.ts).
 */
export type FileKind = 'bot' | 'intent' | 'journey' | 'settings' | 'report' | 'function' | 'test';

/** The kinds whose text is JSON: only these are parsed into a tree when a BotFile is made. */
export const JSON_KINDS: readonly FileKind[] = ['bot', 'intent', 'journey', 'settings', 'test'];

/** The folder of a project that holds the test reports downloaded from Studio. */
export const TEST_REPORTS_FOLDER = 'test-reports';

/** The folder of a project that holds the code of its Studio functions. */
export const FUNCTIONS_FOLDER = 'functions';

/** The folder of a project that holds its conversation tests. */
export const TESTS_FOLDER = 'tests';

/** The project's own Handoff Kit settings, beside bot.json. */
export const SETTINGS_FILE = 'handoff-kit.json';

/** Where the files of one kind are in a project, and how an editor should open them. */
export interface BotFileLocation {
  readonly kind: FileKind;
  /** A glob relative to the project folder (the folder that holds bot.json), `/`-separated. */
  readonly pattern: string;
  /** The editor's language mode for them (VS Code's language ids); undefined: whatever it gives (CSV). */
  readonly language?: 'json' | 'javascript';
}

/**
 * The files of a bot project, one entry per kind: the one list the workspace's glob, the language
 * server's file watchers, the extension's document selector and the command line's messages are
 * made from. `fileKindOf` says the same path by path, without globbing (a test compares the two).
 */
export const BOT_FILES: readonly BotFileLocation[] = [
  { kind: 'bot', pattern: 'bot.json', language: 'json' },
  { kind: 'settings', pattern: SETTINGS_FILE, language: 'json' },
  { kind: 'intent', pattern: 'intents/*.json', language: 'json' },
  { kind: 'journey', pattern: 'journeys/*.json', language: 'json' },
  { kind: 'report', pattern: `${TEST_REPORTS_FOLDER}/*.csv` },
  { kind: 'function', pattern: `${FUNCTIONS_FOLDER}/*.js`, language: 'javascript' },
  { kind: 'test', pattern: `${TESTS_FOLDER}/*.json`, language: 'json' },
];

/** The globs of BOT_FILES, relative to a project folder. */
export const BOT_FILE_PATTERNS: readonly string[] = BOT_FILES.map((f) => f.pattern);

/** One glob for the bot files of every project below a folder: BOT_FILE_PATTERNS in braces, after a globstar. */
export const BOT_FILE_GLOB = `**/{${BOT_FILE_PATTERNS.join(',')}}`;

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

/** How jsonc-parser reads bot files: strict JSON, with its error recovery. */
const PARSE_OPTIONS: jsonc.ParseOptions = { allowTrailingComma: false, disallowComments: true };

/**
 * One version of one bot file, parsed once: `path` (absolute), `kind`, `text` (without a byte order
 * mark, as editors hold it; `hadBom` says whether the disk had one) and `version` (the editor's
 * document version; -1 for text read from disk). Every offset into it is 0-based UTF-16 into `text`. An
 * edit makes a new BotFile, so what is `derived` from one is never stale. Bad content does not
 * throw: it becomes `syntaxProblems`, `deepValues`, `oversized` or `unreadReason`.
 */
export class BotFile {
  /**
   * Makes every BotFile created while it is true take the reference path: the tree built at once,
   * and the models read from the tree's nodes (as before the fast path). For tests that compare
   * the two paths' findings (test/engine/guarantees/fastPath.test.ts); never set by the front ends.
   */
  static referencePath = false;

  readonly syntaxProblems: readonly SyntaxProblem[];
  private tree: jsonc.Node | undefined;
  private treeBuilt = false;
  /** The text the tree is parsed from when it is built lazily (a byte order mark made a space). */
  private treeText: string | undefined;
  private cachedValue: unknown;
  private valueComputed = false;
  private cachedPlace: JsonPlace | undefined;
  /** Whether the models read the parsed value (valid JSON, no repeated key) rather than the tree. */
  readonly readsValues: boolean = false;
  /**
   * What services and checks derive from this version of the file (see `derived`): keys and values
   * alternating. A file has a handful, so a list is searched faster than a Map is hashed, and
   * takes a fifth of the memory (a project keeps one per file).
   */
  private derivedValues: unknown[] | undefined;

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
      this.treeBuilt = true;
      this.syntaxProblems = [];
      this.deepValues = [];
      this.valueComputed = true;
      return;
    }
    // A byte order mark (saved by some Windows editors) is not JSON; a space of the same length
    // keeps every offset where it is.
    const bom = text.charCodeAt(0) === 0xfeff;
    const json = bom ? ` ${text.slice(1)}` : text;
    // One cheap pass finds values nested too deep (which would overflow the parsers' stacks) and
    // counts the property names, so that JSON.parse's value tells whether a key repeats.
    const scan = scanNesting(json);
    let parsed: { value: unknown } | undefined;
    if (!scan.pruned.length) parsed = parseJson(bom ? text.slice(1) : text);
    if (parsed) {
      // Valid JSON has no syntax problems: the tree is built only when a location is asked for.
      this.cachedValue = parsed.value;
      this.valueComputed = true;
      this.syntaxProblems = [];
      this.deepValues = [];
      this.treeText = json;
      // A repeated key is in the tree but not in the value: then the models read the tree.
      this.readsValues = !BotFile.referencePath && keyCount(parsed.value) === scan.keys;
      if (!this.readsValues) this.buildTree();
      return;
    }
    const { text: pruned } = pruneScanned(json, scan.pruned);
    this.deepValues = scan.pruned;
    const errors: jsonc.ParseError[] = [];
    this.tree = jsonc.parseTree(pruned, errors, PARSE_OPTIONS);
    this.treeBuilt = true;
    // The parser reports several errors at one spot (a trailing comma is "property name
    // expected" and "value expected"); the first says it best.
    const seen = new Set<number>();
    this.syntaxProblems = errors
      .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
      .map((e) => ({ message: describeParseError(e.error), offset: e.offset, length: e.length }));
  }

  /**
   * The file's JSON tree, with offsets (undefined when the file is not JSON, was not read, or
   * holds no value). For valid JSON it is parsed on first access, then kept with this version.
   */
  get root(): jsonc.Node | undefined {
    if (!this.treeBuilt) this.buildTree();
    return this.tree;
  }

  /** Whether the tree has been built (for valid JSON it is built only when a location is asked for). */
  get hasTree(): boolean {
    return this.treeBuilt && this.tree !== undefined;
  }

  private buildTree(): void {
    this.tree = this.treeText === undefined ? undefined : jsonc.parseTree(this.treeText, [], PARSE_OPTIONS);
    this.treeBuilt = true;
    this.treeText = undefined;
  }

  /**
   * The file's value as a place the models read (see `JsonPlace`): on valid JSON, the parsed
   * value, whose nodes are found in the tree only when asked for; else the tree's root. Undefined
   * when the file holds no JSON value.
   */
  get place(): JsonPlace | undefined {
    if (!this.cachedPlace) {
      if (this.readsValues) this.cachedPlace = new ValueNode(this, undefined, this.value);
      else if (this.root) this.cachedPlace = new TreePlace(this.root);
    }
    return this.cachedPlace;
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
    const values = this.derivedValues;
    if (values) for (let i = 0; i < values.length; i += 2) if (values[i] === key) return values[i + 1] as T;
    const value = compute(this);
    // `compute` may itself derive values of this file: add after it returns, in a list made to
    // size (`push` would reserve room for 16 more).
    const before = this.derivedValues;
    this.derivedValues = before ? [...before, key, value] : [key, value];
    return value;
  }

  /** The plain JSON value of a node of this file's tree (or of a place's node). */
  valueAt(node: jsonc.Node): unknown {
    if (node instanceof ValueNode) return node.json;
    return node === this.tree ? this.value : jsonc.getNodeValue(node);
  }

  /**
   * The file's value as plain JSON (computed once). Undefined when the text holds no value.
   * Objects are plain objects from `JSON.parse` when the text is valid JSON with nothing pruned
   * (the usual case), else null-prototype objects from the tree. Either way a repeated key holds
   * its last value, as the checks read it.
   */
  get value(): unknown {
    if (!this.valueComputed) {
      // Not valid JSON: the tree's value (with the parser's recovery), or undefined.
      this.cachedValue = this.root ? (this.parsedValue() ?? jsonc.getNodeValue(this.root)) : undefined;
      this.valueComputed = true;
    }
    return this.cachedValue;
  }

  /** `JSON.parse` of the text when it gives the tree's value for sure, else undefined. */
  private parsedValue(): unknown {
    if (this.syntaxProblems.length > 0 || this.deepValues.length > 0) return undefined;
    return parseJson(this.text.charCodeAt(0) === 0xfeff ? this.text.slice(1) : this.text)?.value;
  }
}

/** `JSON.parse` of `text`, or undefined when it is not JSON (jsonc may still read it: a no-break space). */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The number of properties of every object in a parsed JSON value (nested at most MAX_NESTING deep). */
function keyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) count += keyCount(item);
    return count;
  }
  // for-in rather than Object.keys: no array per object (JSON.parse's objects inherit nothing enumerable).
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    count += typeof item === 'object' && item !== null ? 1 + keyCount(item) : 1;
  }
  return count;
}

/**
 * A value of a bot file and where it is: what the models read. `json` is the plain value; `node`
 * is its node in the file's tree, which for valid JSON is found (and the tree built) only when one
 * of its offsets, its children or its parent is read. So a check reads values freely and pays for
 * the tree only when it reports. Keys repeated in an object: the last one, as JSON.parse reads it.
 */
export interface JsonPlace {
  /** The JSON type of the value, as jsonc names it. */
  readonly type: jsonc.NodeType;
  /** The plain JSON value. */
  readonly json: unknown;
  /** The value's node (0-based UTF-16 offsets), resolved from the tree when first read. */
  readonly node: jsonc.Node;
  /** The value of a property of an object (the last one when the key repeats), or an array's item; undefined when none. */
  child(segment: string | number): JsonPlace | undefined;
  /** An array's items; none when the value is not an array. */
  items(): JsonPlace[];
  /** An object's properties in the order written (repeated keys included); none when the value is not an object. */
  entries(): [string, JsonPlace][];
  /** The items of an array that are strings, with their nodes (found when first read); none when the value is not an array. */
  strings(): NamedValue[];
  /** `child(segment)` with its node when it is a string, else undefined (as `named(child(segment)?.node)`, with less to allocate). */
  named(segment: string | number): NamedValue | undefined;
  /** The value of `child(segment)` when it is a string, else undefined (nothing allocated on the fast path). */
  string(segment: string | number): string | undefined;
}

/** The place of a node: the node itself when it is a place's node, else the tree's node as a place. */
export function placeOf(node: jsonc.Node): JsonPlace {
  return node instanceof ValueNode ? node : new TreePlace(node);
}

/** A place read from a tree node: the reference path, and files that are not valid JSON or repeat keys. */
class TreePlace implements JsonPlace {
  private cachedJson: unknown;
  private jsonComputed = false;

  constructor(readonly node: jsonc.Node) {}

  get type(): jsonc.NodeType {
    return this.node.type;
  }

  get json(): unknown {
    if (!this.jsonComputed) {
      this.cachedJson = this.node.type === 'object' || this.node.type === 'array' ? jsonc.getNodeValue(this.node) : this.node.value;
      this.jsonComputed = true;
    }
    return this.cachedJson;
  }

  child(segment: string | number): JsonPlace | undefined {
    const node = typeof segment === 'number' ? (this.node.type === 'array' ? this.node.children?.[segment] : undefined) : valueOf(this.node, segment);
    return node && new TreePlace(node);
  }

  items(): JsonPlace[] {
    return this.node.type === 'array' ? (this.node.children ?? []).map((node) => new TreePlace(node)) : [];
  }

  named(segment: string | number): NamedValue | undefined {
    return named(this.child(segment)?.node);
  }

  string(segment: string | number): string | undefined {
    return stringValue(this.child(segment)?.node);
  }

  strings(): NamedValue[] {
    const strings: NamedValue[] = [];
    if (this.node.type === 'array')
      for (const node of this.node.children ?? []) if (node.type === 'string') strings.push({ value: node.value as string, node });
    return strings;
  }

  entries(): [string, JsonPlace][] {
    if (this.node.type !== 'object') return [];
    const entries: [string, JsonPlace][] = [];
    for (const property of this.node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) entries.push([key.value as string, new TreePlace(value)]);
    }
    return entries;
  }
}

/** An array index as an object key: JavaScript lists such keys first, whatever order the text has. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * A value from JSON.parse with its path in the file: a jsonc node whose type and value are known
 * from the value, and whose offsets, length, children and parent are the tree's, read when first
 * asked for. It is also its own place.
 */
class ValueNode implements jsonc.Node, JsonPlace {
  private found: jsonc.Node | undefined;

  constructor(
    private readonly owner: BotFile | ValueNode,
    private readonly segment: string | number | undefined,
    readonly json: unknown,
  ) {}

  get type(): jsonc.NodeType {
    const json = this.json;
    if (json === null) return 'null';
    if (Array.isArray(json)) return 'array';
    return typeof json as 'object' | 'string' | 'number' | 'boolean';
  }

  /** As jsonc's nodes: the value of a string, number, boolean or null; undefined for objects and arrays. */
  get value(): unknown {
    return typeof this.json === 'object' && this.json !== null ? undefined : this.json;
  }

  get node(): jsonc.Node {
    return this;
  }

  get offset(): number {
    return this.resolved().offset;
  }

  get length(): number {
    return this.resolved().length;
  }

  get colonOffset(): number | undefined {
    return this.resolved().colonOffset;
  }

  get parent(): jsonc.Node | undefined {
    return this.resolved().parent;
  }

  get children(): jsonc.Node[] | undefined {
    return this.resolved().children;
  }

  child(segment: string | number): JsonPlace | undefined {
    const json = this.json;
    if (typeof segment === 'number') return Array.isArray(json) && segment < json.length ? new ValueNode(this, segment, json[segment]) : undefined;
    if (typeof json !== 'object' || json === null || Array.isArray(json) || !Object.prototype.hasOwnProperty.call(json, segment)) return undefined;
    return new ValueNode(this, segment, (json as Record<string, unknown>)[segment]);
  }

  named(segment: string | number): NamedValue | undefined {
    const value = this.string(segment);
    return value === undefined ? undefined : new NamedChild(this, segment, value);
  }

  string(segment: string | number): string | undefined {
    const json = this.json;
    let value: unknown;
    if (typeof segment === 'number') value = Array.isArray(json) ? json[segment] : undefined;
    else if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.prototype.hasOwnProperty.call(json, segment))
      value = (json as Record<string, unknown>)[segment];
    return typeof value === 'string' ? value : undefined;
  }

  items(): JsonPlace[] {
    return Array.isArray(this.json) ? this.json.map((item, i) => new ValueNode(this, i, item)) : [];
  }

  strings(): NamedValue[] {
    const json = this.json;
    if (!Array.isArray(json)) return [];
    // One small object per string (an intent may have 100,000 utterances): its node is made when
    // read. The list is made to size (`push` would leave it up to half empty, for as long as the file is kept).
    let count = 0;
    for (let i = 0; i < json.length; i++) if (typeof json[i] === 'string') count++;
    const strings = new Array<NamedValue>(count);
    for (let i = 0, at = 0; i < json.length; i++) if (typeof json[i] === 'string') strings[at++] = new NamedChild(this, i, json[i] as string);
    return strings;
  }

  entries(): [string, JsonPlace][] {
    const json = this.json;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
    const keys = Object.keys(json);
    // Keys that look like array indexes come first in JavaScript: the tree has the written order.
    if (keys.some((key) => INDEX_KEY.test(key))) return new TreePlace(this.resolved()).entries();
    return keys.map((key) => [key, new ValueNode(this, key, (json as Record<string, unknown>)[key])]);
  }

  /** The node in the file's tree (built on first use); the tree of valid JSON has every value. */
  private resolved(): jsonc.Node {
    if (!this.found) {
      let found: jsonc.Node | undefined;
      if (this.owner instanceof ValueNode) {
        const parent = this.owner.resolved();
        found = typeof this.segment === 'number' ? parent.children?.[this.segment] : valueOf(parent, this.segment!);
      } else {
        found = this.owner.root;
      }
      if (!found) throw new Error(`no node at ${String(this.segment)} in the tree of ${this.owner instanceof BotFile ? this.owner.path : 'a file'}`);
      this.found = found;
    }
    return this.found;
  }
}

/**
 * A string read from a value (an item of an array, or a property of an object), whose node is
 * made (and found in the tree) when first read: one small object per name, id or utterance.
 */
class NamedChild implements NamedValue {
  private cachedNode: ValueNode | undefined;

  constructor(
    private readonly owner: ValueNode,
    private readonly segment: string | number,
    readonly value: string,
  ) {}

  get node(): jsonc.Node {
    return (this.cachedNode ??= new ValueNode(this.owner, this.segment, this.value));
  }
}

/** What kind of bot file `file` is inside the project whose root folder is `projectRoot`. */
export function fileKindOf(projectRoot: string, file: string): FileKind | undefined {
  const parts = relativeParts(projectRoot, file);
  if (!parts) return undefined;
  if (parts.length === 1 && parts[0] === 'bot.json') return 'bot';
  if (parts.length === 1 && parts[0] === SETTINGS_FILE) return 'settings';
  if (parts.length === 2 && parts[1].endsWith('.json')) {
    if (parts[0] === 'intents') return 'intent';
    if (parts[0] === 'journeys') return 'journey';
    if (parts[0] === TESTS_FOLDER) return 'test';
  }
  if (parts.length === 2 && parts[0] === TEST_REPORTS_FOLDER && parts[1].toLowerCase().endsWith('.csv')) return 'report';
  if (parts.length === 2 && parts[0] === FUNCTIONS_FOLDER && parts[1].endsWith('.js')) return 'function';
  return undefined;
}

const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

/** The segments of `file`'s path below `projectRoot`, or undefined when it is not below it. */
function relativeParts(projectRoot: string, file: string): string[] | undefined {
  // The usual case, a path below the root with no `.` or `..` segment, without path.relative's
  // normalizing (it resolves both paths: some 10 µs a call, for each file of a project load).
  const root = projectRoot.endsWith(path.sep) ? projectRoot.slice(0, -1) : projectRoot;
  if (
    file.length > root.length + 1 &&
    file.startsWith(root) &&
    file[root.length] === path.sep &&
    path.isAbsolute(root) &&
    !DOT_SEGMENT.test(file) &&
    !file.endsWith(path.sep) &&
    !file.includes(path.sep + path.sep) &&
    (path.sep === '/' || !file.includes('/'))
  ) {
    return file.slice(root.length + 1).split(path.sep);
  }
  const rel = path.relative(projectRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep);
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
    case jsonc.ParseErrorCode.InvalidSymbol:
      return 'invalid symbol';
    case jsonc.ParseErrorCode.InvalidNumberFormat:
      return 'invalid number';
    case jsonc.ParseErrorCode.PropertyNameExpected:
      return 'property name expected (in double quotes)';
    case jsonc.ParseErrorCode.ValueExpected:
      return 'value expected';
    case jsonc.ParseErrorCode.ColonExpected:
      return 'colon expected';
    case jsonc.ParseErrorCode.CommaExpected:
      return 'comma expected';
    case jsonc.ParseErrorCode.CloseBraceExpected:
      return 'closing brace `}` expected';
    case jsonc.ParseErrorCode.CloseBracketExpected:
      return 'closing bracket `]` expected';
    case jsonc.ParseErrorCode.EndOfFileExpected:
      return 'end of file expected';
    case jsonc.ParseErrorCode.InvalidCommentToken:
      return 'comments are not allowed in JSON';
    case jsonc.ParseErrorCode.UnexpectedEndOfComment:
      return 'unexpected end of comment';
    case jsonc.ParseErrorCode.UnexpectedEndOfString:
      return 'unterminated string';
    case jsonc.ParseErrorCode.UnexpectedEndOfNumber:
      return 'unexpected end of number';
    case jsonc.ParseErrorCode.InvalidUnicode:
      return 'invalid unicode sequence in string';
    case jsonc.ParseErrorCode.InvalidEscapeCharacter:
      return 'invalid escape character in string';
    case jsonc.ParseErrorCode.InvalidCharacter:
      return 'invalid character in string';
    default:
      return 'invalid JSON';
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

/** The string value of a node with the node, or undefined when the node is not a string. */
export function named(node: jsonc.Node | undefined): NamedValue | undefined {
  // A place's node knows its value without the tree (and reading it directly keeps this call cheap).
  if (node instanceof ValueNode) return typeof node.json === 'string' ? { value: node.json, node } : undefined;
  const value = stringValue(node);
  return value !== undefined && node ? { value, node } : undefined;
}
