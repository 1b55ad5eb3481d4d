// Offsets inside JSON strings. A string's value and its text in the file differ wherever the
// text holds an escape (`\u0020`, `\"`, `\n`): a range found in the value must be mapped through
// them before it can be shown or edited in the file.

/**
 * Maps each UTF-16 index of a JSON string's decoded value to the offset of the character that
 * spells it in the file. `raw` is the string token as written, quotes included; the result has
 * one entry per code unit of the value plus one for its end (so a range [a, b) of the value is
 * [map[a], map[b]) in the token). Offsets are relative to the token's start.
 * A token that is not a well-formed string maps as if it held no escapes.
 */
export function decodedToRawOffsets(raw: string): number[] {
  const map: number[] = [];
  // A JavaScript string literal of a function file (functionCode.ts) may also be quoted with `'`
  // or a backtick, and spell a character as `\xHH` or `\u{H…}`.
  const quote = raw[0] === '"' || raw[0] === "'" || raw[0] === '`' ? raw[0] : undefined;
  const end = quote && raw.endsWith(quote) && raw.length > 1 ? raw.length - 1 : raw.length;
  let i = quote ? 1 : 0;
  while (i < end) {
    map.push(i);
    if (raw[i] !== '\\') {
      i++;
      continue;
    }
    // `\uXXXX` is one code unit of the value; every other escape is two characters for one.
    if (raw[i + 1] === 'u' && raw[i + 2] === '{') i = raw.indexOf('}', i) + 1 || end;
    else i += raw[i + 1] === 'u' ? 6 : raw[i + 1] === 'x' ? 4 : 2;
  }
  map.push(Math.min(i, end));
  return map;
}

/** The JSON text of `value` inside a string token, without the quotes: what to write over a part of a string. */
export function escapeForJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
