// Changes to bot files as offsets: what quick fixes, rename and the scaffold produce, and what
// the adapters turn into one workspace edit (one undo).
import * as jsonc from 'jsonc-parser';

/**
 * Replaces `length` UTF-16 code units at the 0-based UTF-16 `offset` of a file's text with
 * `newText`. The changes of one FileChange are all measured in the text before any of them, and
 * do not overlap (applyChanges applies them from the end).
 */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/**
 * What an edit does to one file, named by its absolute path: `edit` its current text with
 * TextChanges, or `create` it with `text`. A `create` never overwrites: should the file exist by
 * the time it is applied, the language server's workspace edit makes the editor refuse it all.
 */
export type FileChange =
  | { readonly kind: 'edit'; readonly file: string; readonly changes: readonly TextChange[] }
  | { readonly kind: 'create'; readonly file: string; readonly text: string };

/**
 * A quick fix or a scaffold's plan: changes to any number of files under one `title` (the label
 * the editor shows), applied as one workspace edit so that one undo reverts it all. With a
 * `command`, the user completes it in the editor instead.
 */
export interface ProjectEdit {
  readonly title: string;
  readonly changes: readonly FileChange[];
  /** The fix most likely wanted, offered first; also the safe fix that `--fix` and "fix all" apply. */
  readonly preferred?: boolean;
  /**
   * Instead of changes: a step the user completes in the editor (such as choosing among many
   * intents). Each front end maps the action to a command of its own (the VS Code extension's are
   * in contract/commands.ts); front ends without one leave such a fix out.
   */
  readonly command?: FixCommand;
}

/**
 * What a fix asks the editor to do. `chooseIntent`: let the user choose an intent and add the
 * phrase to its utterances; arguments `[journeyFilePath, phrase]` (an absolute path, the phrase).
 */
export interface FixCommand {
  readonly action: 'chooseIntent';
  readonly arguments: readonly unknown[];
}

/**
 * Applies JSON modifications one after another (each sees the previous one's result) and returns
 * a single change from the original text to the final one: one edit, one undo. What a
 * modification inserts is laid out in the file's style (see `insertFormatted`); the text around it,
 * such as a list written on one line beside a new property, is left as it was.
 */
export function modifyJson(text: string, modifications: ReadonlyArray<{ path: jsonc.JSONPath; value: unknown; insert?: boolean }>): TextChange {
  const formattingOptions = styleOf(text);
  let result = text;
  for (const { path, value, insert } of modifications) {
    // `insert`: put the value at that array index, moving the others on, instead of replacing.
    // Unformatted, jsonc's edit touches nothing but what it inserts or replaces (formatted, it
    // formats every line it touches, spreading a one-line list over several).
    const edits = jsonc.modify(result, path, value, { isArrayInsertion: insert });
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) result = insertFormatted(result, edit, path, formattingOptions);
  }
  return minimalChange(text, result);
}

/**
 * Applies one unformatted jsonc edit, laying out what it inserts: in a list or object written on
 * one line, on that line, spaced as the line is (`{ "a": 1, "b": 2 }` or `{"a":1,"b":2}`);
 * elsewhere on lines of its own, indented as `options` say. Nothing outside the inserted text is
 * reformatted. A file on one line (`options` undefined) gets the edit as jsonc makes it.
 */
function insertFormatted(text: string, edit: jsonc.Edit, path: jsonc.JSONPath, options: jsonc.FormattingOptions | undefined): string {
  const applied = jsonc.applyEdits(text, [edit]);
  if (!options || !edit.content) return applied;
  const start = edit.offset;
  const end = start + edit.content.length;
  const container = jsonc.findNodeAtLocation(jsonc.parseTree(applied) ?? { type: 'null', offset: 0, length: 0 }, path.slice(0, -1));
  if (container && (container.type === 'object' || container.type === 'array')) {
    const outside = applied.slice(container.offset, start) + applied.slice(end, container.offset + container.length);
    // A container that held nothing is laid out as new content is, below.
    const heldSomething = outside.slice(1, -1).replace(/[\s,]/g, '') !== '';
    if (heldSomething && !/[\r\n]/.test(outside)) {
      // Spaced as the container is, or, when it holds one item and shows nothing, as the file is.
      const spaced = /[,:]/.test(outside) ? /[,:] /.test(outside) || /^[{[] /.test(outside) : /": /.test(text);
      if (!spaced) return applied;
      // An item put before others ends with its comma: the space after it, as between the others.
      const content = spacedOnOneLine(edit.content) + (edit.content.endsWith(',') ? ' ' : '');
      return applied.slice(0, start) + content + applied.slice(end);
    }
  }
  // The range reaches over the spaces on each side and one character of the tokens beyond, so
  // that those spaces are laid out whole (the formatter changes only spaces that overlap its
  // range, and cuts those that stick out of it).
  let from = start;
  while (from > 0 && /\s/.test(applied[from - 1])) from--;
  let to = end;
  while (to < applied.length && /\s/.test(applied[to])) to++;
  const range = { offset: Math.max(0, from - 1), length: Math.min(applied.length, to + 1) - Math.max(0, from - 1) };
  const formatted = jsonc.applyEdits(applied, jsonc.format(applied, range, options));
  return container?.type === 'array' ? asSiblingsAre(formatted, path) : formatted;
}

/**
 * An item added to a list whose items are written one per line (`{ "id": "a", "next": "b" }`, as
 * the example project writes nodes and events) written the same way, when it is short enough: at
 * most two levels deep and 120 columns wide, the rule new files follow (see `jsonFileText`).
 * Otherwise, and in a list whose items are written out, the item stays as the formatter laid it out.
 */
function asSiblingsAre(text: string, path: jsonc.JSONPath): string {
  const list = jsonc.findNodeAtLocation(jsonc.parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, path.slice(0, -1));
  const items = list?.type === 'array' ? (list.children ?? []) : [];
  const last = path[path.length - 1];
  const item = typeof last === 'number' && last >= 0 && last < items.length ? items[last] : items[items.length - 1];
  const siblings = items.filter((other) => other !== item);
  if (
    !item ||
    !siblings.length ||
    !siblings.every(
      (other) => (other.type === 'object' || other.type === 'array') && !/[\r\n]/.test(text.slice(other.offset, other.offset + other.length)),
    )
  )
    return text;
  const value = jsonc.getNodeValue(item) as unknown;
  if (value === null || typeof value !== 'object' || nesting(value) > 2) return text;
  const oneLine = spacedOnOneLine(JSON.stringify(value));
  const lineStart = text.lastIndexOf('\n', item.offset) + 1;
  if (item.offset - lineStart + oneLine.length + 1 > WIDTH) return text;
  return text.slice(0, item.offset) + oneLine + text.slice(item.offset + item.length);
}

/** JSON text on one line with a space after `,` and `:` and inside non-empty braces, as the example project writes it. */
function spacedOnOneLine(json: string): string {
  const scanner = jsonc.createScanner(json, false);
  let out = '';
  let previous: jsonc.SyntaxKind | undefined;
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (token === jsonc.SyntaxKind.Trivia || token === jsonc.SyntaxKind.LineBreakTrivia) continue;
    if (previous === jsonc.SyntaxKind.CommaToken || previous === jsonc.SyntaxKind.ColonToken) out += ' ';
    else if (previous === jsonc.SyntaxKind.OpenBraceToken && token !== jsonc.SyntaxKind.CloseBraceToken) out += ' ';
    else if (token === jsonc.SyntaxKind.CloseBraceToken && previous !== undefined && previous !== jsonc.SyntaxKind.OpenBraceToken) out += ' ';
    out += json.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
    previous = token;
  }
  return out;
}

/** The smallest single change that turns `before` into `after`. */
export function minimalChange(before: string, after: string): TextChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, newText: after.slice(start, endAfter) };
}

/**
 * The string literal at `node` (offset and length in UTF-16 code units, quotes included) replaced
 * by another string value: quoted and escaped as JSON, or, when `text` (the file's text) shows the
 * literal opens with `'` or a backquote (a JavaScript function file), with that quote.
 */
export function replaceString(node: { offset: number; length: number }, value: string, text?: string): TextChange {
  const quote = text?.[node.offset];
  const newText = quote === "'" || quote === '`' ? javaScriptString(value, quote) : JSON.stringify(value);
  return { offset: node.offset, length: node.length, newText };
}

/**
 * The value of a CSV cell (`range`: 0-based UTF-16 offset and length of the value as written, inside
 * its quotes when it has them, as csvTable.ts gives it) replaced by `value` in a CSV file's `text`:
 * in a quoted cell with its quotes doubled; in an unquoted cell as it is, or quoted when it holds a
 * quote, a line break or a delimiter a spreadsheet may use (`,`, `;`, tab).
 */
export function replaceCsvValue(range: { offset: number; length: number }, value: string, text: string): TextChange {
  const escaped = value.replace(/"/g, '""');
  const quoted = range.offset > 0 && text[range.offset - 1] === '"';
  const newText = quoted || !/[",;\t\r\n]/.test(value) ? escaped : `"${escaped}"`;
  return { offset: range.offset, length: range.length, newText };
}

/**
 * `value` as a JavaScript string literal between `quote`s: the quote and backslashes escaped,
 * and in a template literal `$` too (no `${` starts a placeholder); control characters as JSON
 * escapes them.
 */
export function javaScriptString(value: string, quote: "'" | '`'): string {
  return quote + escapeJavaScript(value, (char) => char === quote || (quote === '`' && char === '$')) + quote;
}

/**
 * `value` to write inside a JavaScript string literal of any quote (`'…'`, `"…"` or a template),
 * without the quotes: every quote, backslash and `$` escaped (each is a valid escape in all three),
 * control characters as JSON escapes them.
 */
export function escapeForJavaScriptString(value: string): string {
  return escapeJavaScript(value, (char) => char === "'" || char === '"' || char === '`' || char === '$');
}

/** `value` escaped for a JavaScript string: backslashes and the characters `escaped` says with a backslash, control characters as JSON does. */
function escapeJavaScript(value: string, escaped: (char: string) => boolean): string {
  let body = '';
  for (const char of value) {
    if (char === '\\' || escaped(char)) body += `\\${char}`;
    else if (char === '"') body += char;
    else body += JSON.stringify(char).slice(1, -1);
  }
  return body;
}

/**
 * Applies changes (not overlapping) to a text: for `--fix`, tests and previews. Of insertions at
 * one offset, the one given last comes first in the text. In one pass over the text, so that the
 * 100,000 fixes of one file cost the file's length, not that many copies of it; changes that
 * overlap are applied one by one from the end, as before.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const ordered = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.offset - b.c.offset || b.i - a.i);
  const pieces: string[] = [];
  let at = 0;
  for (const { c } of ordered) {
    if (c.offset < at) return appliedOneByOne(text, changes);
    pieces.push(text.slice(at, c.offset), c.newText);
    at = c.offset + c.length;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** `applyChanges` one change at a time, from the last offset to the first: for changes that overlap. */
function appliedOneByOne(text: string, changes: readonly TextChange[]): string {
  return [...changes]
    .sort((a, b) => b.offset - a.offset)
    .reduce((acc, c) => acc.slice(0, c.offset) + c.newText + acc.slice(c.offset + c.length), text);
}

/**
 * How a file is laid out, so that an edit keeps it: its indentation unit (tabs, or a number of
 * spaces; two when it says nothing) and its line ending. A file written on one line gets no
 * formatting options at all, so the inserted JSON stays on that line instead of the whole file
 * being reformatted. The final newline, or its absence, is never touched.
 */
export function styleOf(text: string): jsonc.FormattingOptions | undefined {
  const body = text.replace(/\r?\n$/, '');
  if (!body.includes('\n')) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)["{[\]}]/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? Math.min(indent.length, 8) : 2, eol };
}

/**
 * A new bot file's text, written as the example project is: two-space indent, a final newline,
 * and a short object or list (a node, a trigger, the utterances) on one line when it nests at most
 * two levels deep and fits in 120 columns.
 */
export function jsonFileText(value: object): string {
  return `${formatJson(value, '', 0, true)}\n`;
}

const WIDTH = 120;

function formatJson(value: unknown, indent: string, prefix: number, root = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const oneLine = compactJson(value);
  // `prefix`: the key before the value and the comma after it, on the same line.
  if (!root && nesting(value) <= 2 && indent.length + prefix + oneLine.length <= WIDTH) return oneLine;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => inner + formatJson(item, inner, 1))
    : definedEntries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner, JSON.stringify(key).length + 3)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return items.length ? `${open}\n${items.join(',\n')}\n${indent}${close}` : `${open}${close}`;
}

/** One line, spaced as the example writes it: `{ "id": "a" }`, `["a", "b"]`. */
function compactJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  const entries = definedEntries(value);
  return entries.length ? `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${compactJson(item)}`).join(', ')} }` : '{}';
}

function nesting(value: unknown): number {
  return value !== null && typeof value === 'object'
    ? 1 + Object.values(value).reduce((deepest: number, item) => Math.max(deepest, nesting(item)), 0)
    : 0;
}

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}
