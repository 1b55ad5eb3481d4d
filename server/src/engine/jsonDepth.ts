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

/**
 * The text with every value nested deeper than `max` levels replaced by `0` and spaces (newlines
 * kept, so offsets and lines do not move), and the ranges replaced. Strings are skipped as JSON
 * reads them (escapes included); unbalanced brackets end the scan, leaving the parser to report them.
 * Returns `text` itself when nothing is too deep. Runs in one pass, O(length).
 */
export function pruneDeepValues(text: string, max = MAX_NESTING): { text: string; pruned: DeepValue[] } {
  const pruned: DeepValue[] = [];
  let depth = 0;
  let pruneStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
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
  if (pruneStart >= 0) pruned.push({ offset: pruneStart, length: text.length - pruneStart });
  if (!pruned.length) return { text, pruned };
  let result = '';
  let at = 0;
  for (const { offset, length } of pruned) {
    result += text.slice(at, offset) + '0' + text.slice(offset + 1, offset + length).replace(/[^\r\n]/g, ' ');
    at = offset + length;
  }
  return { text: result + text.slice(at), pruned };
}
