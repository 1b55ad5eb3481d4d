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
    if (raw[i] !== '\\') {
      // A template literal's CRLF is one LF of its value.
      map.push(i);
      i += quote === '`' && raw[i] === '\r' && raw[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    const next = raw[i + 1];
    // A backslash before a line break (LF, CR, CRLF, U+2028, U+2029) continues the line: nothing in the value.
    if (quote !== '"' && (next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029')) {
      i += next === '\r' && raw[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    map.push(i);
    if (next === 'u' && raw[i + 2] === '{') {
      // `\u{1F600}`: a code point past U+FFFF is two code units of the value, both spelt by the escape.
      const close = raw.indexOf('}', i);
      const codePoint = parseInt(raw.slice(i + 3, close), 16);
      if (codePoint > 0xffff) map.push(i);
      i = close + 1 || end;
    } else if (quote !== '"' && next !== undefined && next >= '0' && next <= '7') {
      // A legacy octal escape of sloppy-mode JavaScript: `\0`, `\12`, `\377`, one code unit.
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1, i + 4))![0];
      i += 1 + (digits.length === 3 && digits[0] > '3' ? 2 : digits.length);
    } else {
      // `\uXXXX` is one code unit of the value; every other escape is two characters for one.
      i += next === 'u' ? 6 : next === 'x' ? 4 : 2;
    }
  }
  map.push(Math.min(i, end));
  return map;
}

/** The JSON text of `value` inside a string token, without the quotes: what to write over a part of a string. */
export function escapeForJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
