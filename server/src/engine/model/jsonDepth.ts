// Values nested deeper than the checks go. A pasted dump nested thousands of levels deep would
// overflow the call stack of the parser, the schema validator and the checks; instead, each value
// that starts beyond MAX_NESTING is blanked out of the text the checks parse (with spaces, keeping
// every offset and line break) and reported by the nesting-too-deep check.

/** How many arrays and objects deep a value may be nested and still be checked. */
export const MAX_NESTING = 64;

/** A value the checks skip: its 0-based UTF-16 offset and length in the file's text. */
export interface DeepValue {
  readonly offset: number;
  readonly length: number;
}

/** What one scan of a JSON text finds: the values nested too deep, and how many property names it holds. */
export interface NestingScan {
  /** The values that start deeper than the limit (their 0-based UTF-16 offset and length). */
  readonly pruned: DeepValue[];
  /**
   * The strings followed by a colon: in valid JSON, one per property of every object, so fewer
   * keys in the parsed value than this means some object repeats a key.
   */
  readonly keys: number;
}

/**
 * Scans a JSON text once, O(length): the values nested deeper than `max` levels and the number of
 * property names. Strings are skipped as JSON reads them (escapes included); unbalanced brackets
 * end the scan, leaving the parser to report them.
 */
export function scanNesting(text: string, max = MAX_NESTING): NestingScan {
  const pruned: DeepValue[] = [];
  let keys = 0;
  let depth = 0;
  let pruneStart = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote is the next one not escaped: after an even run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) {
          end = length;
          break;
        }
        let backslash = end - 1;
        while (backslash > i && text.charCodeAt(backslash) === 0x5c /* \ */) backslash--;
        if ((end - 1 - backslash) % 2 === 0) break;
      }
      i = end;
      let next = i + 1;
      let n = text.charCodeAt(next);
      while (n === 0x20 || n === 0x0a || n === 0x0d || n === 0x09) n = text.charCodeAt(++next);
      if (n === 0x3a /* : */) keys++;
      continue;
    }
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth === max + 1) pruneStart = i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth === max + 1 && pruneStart >= 0) {
        pruned.push({ offset: pruneStart, length: i + 1 - pruneStart });
        pruneStart = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  // A too-deep value that never closes runs to the end of the file.
  if (pruneStart >= 0) pruned.push({ offset: pruneStart, length: length - pruneStart });
  return { pruned, keys };
}

/**
 * The text with every value nested deeper than `max` levels replaced by `0` and spaces (newlines
 * kept, so offsets and lines do not move), and the ranges replaced (see `scanNesting`).
 * Returns `text` itself when nothing is too deep.
 */
export function pruneDeepValues(text: string, max = MAX_NESTING): { text: string; pruned: DeepValue[] } {
  return pruneScanned(text, scanNesting(text, max).pruned);
}

/** The text with the `pruned` values blanked out as `pruneDeepValues` does. */
export function pruneScanned(text: string, pruned: DeepValue[]): { text: string; pruned: DeepValue[] } {
  if (!pruned.length) return { text, pruned };
  let result = '';
  let at = 0;
  for (const { offset, length } of pruned) {
    result += text.slice(at, offset) + '0' + text.slice(offset + 1, offset + length).replace(/[^\r\n]/g, ' ');
    at = offset + length;
  }
  return { text: result + text.slice(at), pruned };
}
