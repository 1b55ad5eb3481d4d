// The adapter between a Studio function (`functions/*.js`, JavaScript) and the checks of Send
// Event nodes: every `app.sendEvent({ code: "…", data: … })` call whose `code` is a string literal
// becomes a "send event" record, with the event's name and, when `data` is a literal, its value
// as a tree shaped like jsonc-parser's (type, offset, length, children, value), so the one banner
// reader (bannerPayload.ts) and the schema messages (schemas/problems.ts) run on it unchanged.
// Every `app.renderMessage('<key>', params, fallback)` call with a literal key is recorded too
// (the translation keys of localized replies, platform-facts.md "Languages"); inside a literal
// `data` it is a string known only when the event is sent, as a template is (see `renderMessageOf`).
//
// A function file holds the body as Studio shows it, so a `return` at the top level is normal.
// The parser is acorn; when the file does not parse, acorn-loose (acorn's error-tolerant parser)
// still yields the calls in the parts that do, so one typo does not hide every other finding.
// Values that are not literals (variables, calls, template strings with `${…}`) are skipped, never
// guessed: a call with `code: name` yields no record, and a `data` that is not wholly literal
// yields a record without data.
import type * as acorn from 'acorn';
import type * as jsonc from 'jsonc-parser';
import type { BotFile, NamedValue } from './botFile';
import { readJourney, type JourneyNode } from './journey';
import { keptList } from './keptList';

/** A literal in a function file with its range (UTF-16 offsets, the literal's quotes included). */
export interface SourceValue<T> {
  readonly value: T;
  /** 0-based UTF-16 offset of the literal's first character. */
  readonly offset: number;
  /** Length of the literal in UTF-16 code units. */
  readonly length: number;
}

/** One `app.sendEvent(...)` call of a function file whose `code` is a string literal. */
export interface SentEventRecord {
  /** The range of the whole call. */
  readonly call: { readonly offset: number; readonly length: number };
  /** The event's name: the `code` string literal. */
  readonly event: SourceValue<string>;
  /**
   * The `data` argument when it is an object or array literal, or another literal (strings,
   * numbers, booleans, null): its plain value, and `node`, the same value as a jsonc-parser-shaped
   * tree with the offsets of the JavaScript source (keys written without quotes keep their own
   * ranges). A part inside it that is not a literal (an `app.renderMessage(…)` call, a variable)
   * stands as a platform template string naming the code, `{{{app.renderMessage(…)}}}`: its value
   * is known only when the function runs, as a template's is, so no check judges it, while the
   * literal parts around it are still checked. `partial` says the data holds such parts.
   */
  readonly data?: SourceValue<unknown> & { readonly node: jsonc.Node; readonly partial?: boolean };
}

/** A string literal of a function file (or one fixed part of a template string), for literal-secret. */
export interface StringLiteral extends SourceValue<string> {
  /**
   * What names it: the key of the property it is the value of (`apiKey: '…'`, `Authorization:
   * '…'`), the variable it initialises or is assigned to (`const token = '…'`), or, for an item
   * of an array, that of the array.
   */
  readonly key?: string;
}

/**
 * One `app.renderMessage('<key>', params, fallback)` call of a function file whose key is a string
 * literal: the text of the translation key in the customer's language, or the fallback when the
 * key has no text (studio/build/code, platform-facts.md "Languages").
 */
export interface RenderMessageCall {
  /** The range of the whole call. */
  readonly call: { readonly offset: number; readonly length: number };
  /** The translation key: the first argument, a string literal (its range includes the quotes). */
  readonly key: SourceValue<string>;
  /**
   * The third argument: a string literal (`literal`, with its value), none at all (`none`), or
   * something known only when the code runs (`computed`: a variable, a call, a template with `${…}`).
   */
  readonly fallback: { readonly kind: 'literal'; readonly value: SourceValue<string> } | { readonly kind: 'none' } | { readonly kind: 'computed' };
}

/** How a function file was read: its records, and whether the strict parser failed on it. */
export interface FunctionCode {
  readonly sends: readonly SentEventRecord[];
  /** The `app.renderMessage` calls with a literal key, in file order. */
  readonly renderMessages: readonly RenderMessageCall[];
  /**
   * Every string literal and every fixed part of a template string, in file order, except
   * property names. A template string's part (between `${…}`) covers only its characters.
   */
  readonly strings: readonly StringLiteral[];
  /** The first syntax error of the strict parse (then the records come from acorn-loose), if any. */
  readonly syntaxError?: { readonly message: string; readonly offset: number };
  /**
   * Set when the code nests deeper than MAX_CODE_NESTING (or, should that not be enough, than the
   * parser's stack): then the file is not parsed at all, and has no records. Not a syntax error:
   * the code may be valid. `offset` (0-based, UTF-16) is where the nesting passes the limit.
   */
  readonly tooDeep?: { readonly offset: number };
}

/** acorn's message when the parse runs out of stack (its catchStackOverflow), before the position. */
const STACK_EXHAUSTED = /^Not enough stack space to parse input\b/;

/** acorn's messages for a comment or template literal that is never closed: the rest of the file is inside it. */
const UNTERMINATED_TO_END = /^Unterminated (comment|template)\b/;

const FUNCTION_CODE = Symbol('function code');
const SEND_EVENT_NODES = Symbol('send event nodes');

/** The parser options: the latest syntax, and a function body's top-level `return`/`await`. */
const PARSE_OPTIONS: acorn.Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowHashBang: true,
};

let parsers: { acorn: typeof import('acorn'); loose: typeof import('acorn-loose') } | undefined;

/**
 * acorn and acorn-loose, loaded on first use: only a project with `functions/*.js` needs them, and
 * loading them (some 250 KB of the bundle run at its start) costs every other start of the CLI.
 */
function loadParsers(): { acorn: typeof import('acorn'); loose: typeof import('acorn-loose') } {
  /* eslint-disable @typescript-eslint/no-require-imports -- a lazy load; `import` would load them at start */
  return (parsers ??= { acorn: require('acorn') as typeof import('acorn'), loose: require('acorn-loose') as typeof import('acorn-loose') });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Reads a function file (computed once per file version). Never throws. */
export function readFunctionCode(file: BotFile): FunctionCode {
  return file.derived(FUNCTION_CODE, () => parseFunctionCode(file.text));
}

/**
 * How deep brackets, braces, parentheses and template literals may nest in a function file and
 * still be parsed. acorn parses by recursion: some 600 nested template literals exhaust the stack
 * inside V8's regular-expression compiler, which aborts the whole process (a fatal error, not an
 * exception), so nesting is measured before parsing. Real code nests a few dozen levels.
 */
export const MAX_CODE_NESTING = 128;

/**
 * Where the nesting of `text` first goes deeper than `max` levels (0-based UTF-16 offset), or
 * undefined when it never does. Measured with acorn's tokenizer, a loop that reads strings,
 * comments, regular expressions and templates as the parser does, in O(length) and with any
 * nesting. Past a token the tokenizer cannot read (where the strict parse stops too, but the loose
 * parser goes on), every bracket, `${` and backtick counts, inside strings and comments too:
 * an overestimate, which at worst leaves a broken file unread rather than guessed at.
 */
export function tooDeepAt(text: string, max = MAX_CODE_NESTING): number | undefined {
  const { acorn } = loadParsers();
  // The open brackets, `${` and templates, innermost last: `\`` closes a template when one is innermost.
  const open: string[] = [];
  let from = 0;
  try {
    for (const token of acorn.tokenizer(text, PARSE_OPTIONS)) {
      from = token.end;
      const label = token.type.label;
      if (label === '`') {
        if (open[open.length - 1] === '`') open.pop();
        else open.push('`');
      } else if (label === '{' || label === '(' || label === '[' || label === '${') open.push(label);
      else if (label === '}' || label === ')' || label === ']') open.pop();
      if (open.length > max) return token.start;
    }
    return undefined;
  } catch (error) {
    const at = (error as { pos?: number }).pos;
    if (typeof at === 'number') from = at;
  }
  let depth = open.length;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b || c === 0x60) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    if (depth > max) return i;
  }
  return undefined;
}

/** Reads the text of a function file. Never throws: what cannot be parsed yields no records. */
export function parseFunctionCode(text: string): FunctionCode {
  const { acorn, loose } = loadParsers();
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { sends: [], renderMessages: [], strings: [], tooDeep: { offset: deep } };
  let program: acorn.Node | undefined;
  let syntaxError: FunctionCode['syntaxError'];
  try {
    program = acorn.parse(text, PARSE_OPTIONS);
  } catch (error) {
    const e = error as { message?: string; pos?: number };
    const offset = typeof e.pos === 'number' ? e.pos : 0;
    // Nesting no parser here can follow (hundreds of nested brackets): the loose parser would run
    // out of stack the same way, and a guess at the calls is worse than none.
    if (error instanceof RangeError || STACK_EXHAUSTED.test(String(e.message)))
      return { sends: [], renderMessages: [], strings: [], tooDeep: { offset } };
    syntaxError = { message: String(e.message ?? error), offset };
    try {
      program = loose.parse(text, PARSE_OPTIONS);
    } catch {
      program = undefined;
    }
  }
  const sends: SentEventRecord[] = [];
  const renderMessages: RenderMessageCall[] = [];
  // What the syntax error is inside is the loose parser's guess (an unterminated string runs to
  // the end of its line): function-syntax reports it; no other check reads it.
  // A comment or template never closed runs to the end of the file: everything after its start is
  // text, and acorn-loose's calls there are guesses at code that is not code (quick fixes would edit
  // inside the comment).
  const textFrom = syntaxError && UNTERMINATED_TO_END.test(syntaxError.message) ? syntaxError.offset : Infinity;
  const guessed = (start: number, end: number) =>
    start >= textFrom || (syntaxError !== undefined && syntaxError.offset >= start && syntaxError.offset < end);
  if (program)
    walk(program, (node) => {
      const record = sendEventRecord(node);
      if (record && !guessed(record.call.offset, record.call.offset + record.call.length)) sends.push(record);
      const render = renderMessageCall(node);
      if (render && !guessed(render.call.offset, render.call.offset + render.call.length)) renderMessages.push(render);
    });
  // The walk visits nodes depth first, children in order: calls nested in arguments come after.
  renderMessages.sort((a, b) => a.key.offset - b.key.offset);
  const strings = program ? stringLiterals(program).filter((s) => !guessed(s.offset, s.offset + Math.max(s.length, 1))) : [];
  return { sends, renderMessages, strings, ...(syntaxError ? { syntaxError } : {}) };
}

/**
 * Every string literal of the tree and every fixed part of its template strings, in file order,
 * each with what names it (see `StringLiteral.key`); property names are left out. Iterative, as
 * `walk`, so deep nesting cannot overflow the stack.
 */
function stringLiterals(root: acorn.Node): StringLiteral[] {
  const found: StringLiteral[] = [];
  const stack: { node: AnyNode; key?: string }[] = [{ node: root as AnyNode }];
  while (stack.length) {
    const { node, key } = stack.pop()!;
    if (node.type === 'Literal' && typeof node.value === 'string') {
      found.push({ value: node.value, offset: node.start, length: node.end - node.start, ...(key !== undefined ? { key } : {}) });
    } else if (node.type === 'TemplateElement') {
      const value = (node.value as { cooked?: string | null; raw: string }).cooked ?? (node.value as { raw: string }).raw;
      found.push({ value, offset: node.start, length: node.end - node.start, ...(key !== undefined ? { key } : {}) });
    }
    const children: { node: AnyNode; key?: string }[] = [];
    for (const name of Object.keys(node)) {
      if (name === 'loc' || name === 'range') continue;
      // A property's name is not a value.
      if (node.type === 'Property' && name === 'key' && !node.computed) continue;
      const childKey =
        node.type === 'Property' && name === 'value'
          ? keyOf(node)
          : node.type === 'VariableDeclarator' && name === 'init'
            ? nameOf(node.id as AnyNode)
            : node.type === 'AssignmentExpression' && name === 'right'
              ? nameOf(node.left as AnyNode)
              : node.type === 'ArrayExpression' || node.type === 'TemplateLiteral' || node.type === 'BinaryExpression'
                ? key
                : undefined;
      const child = node[name];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push({ node: item, key: childKey });
      } else if (isNode(child)) {
        children.push({ node: child, key: childKey });
      }
    }
    // Popped last first: push in reverse source order so that strings come out in file order.
    children.sort((a, b) => b.node.start - a.node.start);
    for (const child of children) stack.push(child);
  }
  return found;
}

/**
 * Whether the file's text does not parse: a JSON bot file with syntax problems, or a function
 * file that is not valid JavaScript or nests too deep to read. Safe fixes never edit such a file:
 * what it holds is a guess.
 */
export function unparsable(file: BotFile): boolean {
  if (file.syntaxProblems.length > 0) return true;
  if (file.kind !== 'function' || !file.readable) return false;
  const code = readFunctionCode(file);
  return code.syntaxError !== undefined || code.tooDeep !== undefined;
}

/**
 * The Send Event nodes of a file, whatever its kind: a journey's `sendEvent` nodes, or a function
 * file's calls as nodes of the same shape (no id, no `next`; `node` covers the call). The event
 * checks, the banner reader and the services read both through here.
 */
export function sendEventNodesOf(file: BotFile): readonly JourneyNode[] {
  return file.derived(SEND_EVENT_NODES, () => {
    if (file.kind === 'journey') return keptList(readJourney(file).nodes.filter((node) => node.type === 'sendEvent'));
    if (file.kind !== 'function' || !file.readable) return [];
    return readFunctionCode(file).sends.map((send): JourneyNode => {
      const event: NamedValue = { value: send.event.value, node: leaf('string', send.event) };
      return {
        node: { type: 'object', offset: send.call.offset, length: send.call.length },
        type: 'sendEvent',
        event,
        ...(send.data ? { data: send.data.node } : {}),
        next: [],
      };
    });
  });
}

// --- the walk and the literal reader ---

type AnyNode = acorn.Node & Record<string, unknown>;

/** Visits every node of the tree, depth first; iterative, so deep nesting cannot overflow the stack. */
function walk(root: acorn.Node, visit: (node: AnyNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as AnyNode;
    visit(node);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'range') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i]);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The record of a `….app.sendEvent({ code: "…", data })` / `app.sendEvent(...)` call. */
function sendEventRecord(node: AnyNode): SentEventRecord | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as AnyNode;
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'sendEvent' || nameOf(callee.object as AnyNode) !== 'app') return undefined;
  const argument = (node.arguments as AnyNode[])[0];
  if (argument?.type !== 'ObjectExpression') return undefined;
  const code = lastProperty(argument, 'code');
  const event = code && stringLiteral(code);
  if (event === undefined || !code) return undefined;
  const dataNode = lastProperty(argument, 'data');
  // Only an object or array literal may hold parts that are not literals: a whole `data` that is
  // a variable or a call says nothing of its shape.
  const container = dataNode?.type === 'ObjectExpression' || dataNode?.type === 'ArrayExpression';
  const opaque = { count: 0 };
  const data = dataNode ? literalTree(dataNode, undefined, container ? opaque : undefined) : undefined;
  if (data && opaque.count) partial.add(data);
  return {
    call: { offset: node.start, length: node.end - node.start },
    event: { value: event, offset: code.start, length: code.end - code.start },
    ...(data
      ? { data: { value: valueOf(data), offset: data.offset, length: data.length, node: data, ...(opaque.count ? { partial: true } : {}) } }
      : {}),
  };
}

/** The record of an `app.renderMessage('<key>', …)` call whose key is a string literal. */
function renderMessageCall(node: AnyNode): RenderMessageCall | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as AnyNode;
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'renderMessage' || nameOf(callee.object as AnyNode) !== 'app') return undefined;
  const [keyNode, , fallbackNode] = node.arguments as AnyNode[];
  const key = keyNode && stringLiteral(keyNode);
  if (key === undefined) return undefined;
  const fallbackValue = fallbackNode && stringLiteral(fallbackNode);
  return {
    call: { offset: node.start, length: node.end - node.start },
    key: { value: key, offset: keyNode.start, length: keyNode.end - keyNode.start },
    fallback:
      fallbackValue !== undefined
        ? { kind: 'literal', value: { value: fallbackValue, offset: fallbackNode.start, length: fallbackNode.end - fallbackNode.start } }
        : fallbackNode
          ? { kind: 'computed' }
          : { kind: 'none' },
  };
}

/** A node of a literal tree that is an `app.renderMessage` call (see `renderMessageOf`). */
interface RenderedNode extends jsonc.Node {
  readonly renderMessage: RenderMessageCall;
}

/**
 * The `app.renderMessage` call a node of a function's literal `data` is, or undefined. Such a node
 * is a string whose value is a template naming the key (`{{app.renderMessage("exit_title")}}`):
 * its text is known only when the event is sent, so the checks that leave templates alone leave it
 * alone too, and those of translations read the call.
 */
export function renderMessageOf(node: jsonc.Node | undefined): RenderMessageCall | undefined {
  return (node as Partial<RenderedNode> | undefined)?.renderMessage;
}

/** The template that stands for a rendered key in a literal's value. */
function renderedTemplate(key: string): string {
  return /[{}]/.test(key) ? '{{app.renderMessage}}' : `{{app.renderMessage(${JSON.stringify(key)})}}`;
}

/** The data trees that hold parts standing for code (see `SentEventRecord.data`). */
const partial = new WeakSet<jsonc.Node>();

/** Whether a Send Event node's data (a function file's) holds parts that are code, not values. */
export function isPartialData(data: jsonc.Node): boolean {
  return partial.has(data);
}

/**
 * The template string a part of a literal that is not itself a literal stands as: the code it
 * is, shortened (`app.renderMessage(…)` for a call, a name for a variable), inside `{{{ }}}`.
 */
function placeholderOf(node: AnyNode): string {
  const name = (n: AnyNode): string | undefined =>
    n.type === 'Identifier'
      ? (n.name as string)
      : n.type === 'MemberExpression' && !n.computed
        ? `${name(n.object as AnyNode) ?? '…'}.${propertyName(n) ?? '…'}`
        : undefined;
  const code = node.type === 'CallExpression' ? `${name(node.callee as AnyNode) ?? 'code'}(…)` : (name(node) ?? 'code');
  return `{{{${code}}}}`;
}

/** `app`, or the last name of `this.app` / `context.app`. */
function nameOf(node: AnyNode): string | undefined {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression') return propertyName(node);
  return undefined;
}

function propertyName(member: AnyNode): string | undefined {
  const property = member.property as AnyNode;
  if (!member.computed && property.type === 'Identifier') return property.name as string;
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

/** The key of a property when it is written as a name or a string/number literal. */
function keyOf(property: AnyNode): string | undefined {
  if (property.type !== 'Property' || property.kind !== 'init' || property.method) return undefined;
  const key = property.key as AnyNode;
  if (!property.computed && key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** The value node of the last property named `name` (the one JavaScript keeps). */
function lastProperty(object: AnyNode, name: string): AnyNode | undefined {
  const properties = object.properties as AnyNode[];
  for (let i = properties.length - 1; i >= 0; i--) if (keyOf(properties[i]) === name) return properties[i].value as AnyNode;
  return undefined;
}

/** A string literal's value: `"…"`, `'…'`, or a template without `${…}`. */
function stringLiteral(node: AnyNode): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const cooked = ((node.quasis as AnyNode[])[0]?.value as { cooked?: string } | undefined)?.cooked;
    return typeof cooked === 'string' ? cooked : undefined;
  }
  return undefined;
}

function leaf(type: jsonc.NodeType, at: { offset: number; length: number; value: unknown }, parent?: jsonc.Node): jsonc.Node {
  return { type, offset: at.offset, length: at.length, value: at.value, ...(parent ? { parent } : {}) };
}

/**
 * The literal `node` as a jsonc-parser-shaped tree. Without `opaque`, undefined when any part of
 * it is not a literal (an identifier, a call, a spread, a computed key, a function, a regular
 * expression); an `app.renderMessage` call with a literal key is a string (see `renderMessageOf`).
 * With `opaque` (inside an object or array literal), such a value stands as a string
 * node holding a template that names the code (`placeholderOf`), and `opaque.count` counts them;
 * what cannot stand anywhere (a spread, a computed or shorthand key, a hole) still gives undefined.
 */
function literalTree(node: AnyNode, parent?: jsonc.Node, opaque?: { count: number }): jsonc.Node | undefined {
  const range = { offset: node.start, length: node.end - node.start };
  const text = stringLiteral(node);
  if (text !== undefined) return leaf('string', { ...range, value: text }, parent);
  const other = () => {
    if (!opaque || !parent || node.type === 'SpreadElement') return undefined;
    opaque.count++;
    return leaf('string', { ...range, value: placeholderOf(node) }, parent);
  };
  if (node.type === 'Literal') {
    if (node.value === null && node.raw === 'null') return leaf('null', { ...range, value: null }, parent);
    if (typeof node.value === 'boolean') return leaf('boolean', { ...range, value: node.value }, parent);
    if (typeof node.value === 'number') return leaf('number', { ...range, value: node.value }, parent);
    return other();
  }
  const render = renderMessageCall(node);
  if (render) {
    // Code, not a value: the data cannot be pasted into Studio as it is (see `isPartialData`).
    if (opaque) opaque.count++;
    const rendered: RenderedNode = { ...leaf('string', { ...range, value: renderedTemplate(render.key.value) }, parent), renderMessage: render };
    return rendered;
  }
  if (node.type === 'UnaryExpression' && (node.operator === '-' || node.operator === '+')) {
    const argument = node.argument as AnyNode;
    if (argument.type !== 'Literal' || typeof argument.value !== 'number') return other();
    return leaf('number', { ...range, value: node.operator === '-' ? -argument.value : argument.value }, parent);
  }
  if (node.type === 'ArrayExpression') {
    const array: jsonc.Node = { type: 'array', ...range, children: [], ...(parent ? { parent } : {}) };
    for (const element of node.elements as (AnyNode | null)[]) {
      const child = element && literalTree(element, array, opaque);
      if (!child) return undefined;
      array.children!.push(child);
    }
    return array;
  }
  if (node.type === 'ObjectExpression') {
    const object: jsonc.Node = { type: 'object', ...range, children: [], ...(parent ? { parent } : {}) };
    for (const property of node.properties as AnyNode[]) {
      const key = keyOf(property);
      if (key === undefined || property.shorthand) return undefined;
      const keyNode = property.key as AnyNode;
      const propertyNode: jsonc.Node = {
        type: 'property',
        offset: property.start,
        length: property.end - property.start,
        colonOffset: keyNode.end,
        parent: object,
        children: [],
      };
      propertyNode.children!.push(leaf('string', { offset: keyNode.start, length: keyNode.end - keyNode.start, value: key }, propertyNode));
      const value = literalTree(property.value as AnyNode, propertyNode, opaque);
      if (!value) return undefined;
      propertyNode.children!.push(value);
      object.children!.push(propertyNode);
    }
    return object;
  }
  return other();
}

/** The plain value of a literal tree (as jsonc.getNodeValue, with the last of repeated keys). */
function valueOf(node: jsonc.Node): unknown {
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map(valueOf);
    case 'object': {
      const object: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) object[key.value as string] = valueOf(value);
      }
      return { ...object };
    }
    default:
      return node.value;
  }
}
