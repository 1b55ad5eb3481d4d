// Changes to bot files as offsets: what quick fixes, rename and the scaffold produce, and what
// the adapters turn into one workspace edit (one undo).
import * as jsonc from 'jsonc-parser';

export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export type FileChange =
  | { readonly kind: 'edit'; readonly file: string; readonly changes: readonly TextChange[] }
  | { readonly kind: 'create'; readonly file: string; readonly text: string };

export interface ProjectEdit {
  readonly title: string;
  readonly changes: readonly FileChange[];
  /** The fix most likely wanted, offered first; also the safe fix that `--fix` and "fix all" apply. */
  readonly preferred?: boolean;
  /**
   * Instead of changes: an editor command that asks the user to complete the fix (such as
   * choosing among many intents). Front ends without the command leave such a fix out.
   */
  readonly command?: { readonly id: string; readonly arguments: readonly unknown[] };
}

/** The command a "choose an intent…" fix runs: arguments `[journeyFilePath, phrase]`. */
export const CHOOSE_INTENT_COMMAND = 'handoffKit.addUtteranceToIntent';

/**
 * Applies JSON modifications one after another (each sees the previous one's result) and returns
 * a single change from the original text to the final one: one edit, one undo.
 */
export function modifyJson(text: string, modifications: ReadonlyArray<{ path: jsonc.JSONPath; value: unknown; insert?: boolean }>): TextChange {
  const formattingOptions = styleOf(text);
  let result = text;
  for (const { path, value, insert } of modifications) {
    // `insert`: put the value at that array index, moving the others on, instead of replacing.
    const edits = jsonc.modify(result, path, value, { formattingOptions, isArrayInsertion: insert });
    result = jsonc.applyEdits(result, edits);
  }
  return minimalChange(text, result);
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

/** The string node's text replaced by another string value, quoted and escaped as JSON. */
export function replaceString(node: { offset: number; length: number }, value: string): TextChange {
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value) };
}

/** Applies changes (not overlapping) to a text: for tests and for computing previews. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
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
  return value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(nesting)) : 0;
}

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}
