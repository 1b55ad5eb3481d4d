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
  /** The fix most likely wanted, offered first (and by "fix all" in editors). */
  readonly preferred?: boolean;
}

const FORMAT: jsonc.FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * Applies JSON modifications one after another (each sees the previous one's result) and returns
 * a single change from the original text to the final one: one edit, one undo.
 */
export function modifyJson(text: string, modifications: ReadonlyArray<{ path: jsonc.JSONPath; value: unknown; insert?: boolean }>): TextChange {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let result = text;
  for (const { path, value, insert } of modifications) {
    // `insert`: put the value at that array index, moving the others on, instead of replacing.
    const edits = jsonc.modify(result, path, value, {
      formattingOptions: { ...FORMAT, eol, tabSize: indentOf(text) },
      isArrayInsertion: insert,
    });
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

/** The indentation a file already uses (2 when it says nothing). */
function indentOf(text: string): number {
  const match = /\n( +)"/.exec(text);
  return match ? Math.min(match[1].length, 8) : 2;
}
