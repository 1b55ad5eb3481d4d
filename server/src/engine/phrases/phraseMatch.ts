// How a phrase the customer types or clicks is compared with the utterances an intent is
// trained on. `exact` by default, as the guide asks ("the object text should be consistent").
// Every comparison of phrases (duplicate utterances, exit phrases, quick fixes, completion
// ranking) goes through `normalizePhrase`, so that what looks the same on screen is the same.
import { boundedEditDistance } from './editDistance';

/** How an exit phrase is compared with utterances (the setting `exitPhraseMatch`). */
export const PHRASE_MATCHES = ['exact', 'ignoreCaseAndSpacing'] as const;
/**
 * How an exit phrase is compared with utterances (`exitPhraseMatch` in handoff-kit.json and the
 * editor's settings): `exact`, the default, as written, since the guide asks that "the object text
 * should be consistent with what's defined here"; `ignoreCaseAndSpacing`, by `normalizePhrase`
 * (NFC, zero-width characters dropped, spaces collapsed, lower case, trailing punctuation dropped).
 */
export type PhraseMatch = (typeof PHRASE_MATCHES)[number];

/**
 * Characters that take no room on screen: zero-width space, non-joiner, joiner, word joiner, byte
 * order mark, and the marks of bidirectional text (left-to-right and right-to-left marks, the Arabic
 * letter mark, embeddings, overrides and isolates), which an Arabic, Hebrew or Urdu phrase copied
 * from a right-to-left editor or spreadsheet often carries.
 */
const INVISIBLE_CHARS = '\u200B-\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');
const AN_INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);
/** Every kind of space: tabs and line breaks, no-break (U+00A0), U+2000-200A, narrow no-break (U+202F), ideographic (U+3000)… */
const SPACES = /[\s\p{Zs}]+/gu;
/** Punctuation at the end of a phrase (`talk to bot.`, `talk to bot!`, `talk to bot。`). */
const TRAILING_PUNCTUATION = /[\s\p{P}]+$/u;
/**
 * Whether `text`'s normal form is its lower case: words of printable ASCII (U+0021 to U+007E) one
 * space apart, ending in a letter or digit (the regular expression `^(?:[!-~]+ )*[!-~]*[A-Za-z0-9]$`,
 * as a loop: this runs on every utterance of a project). 1 when it is and has an upper-case
 * letter, 2 when it is and has none (it is its own normal form), 0 when it is not plain.
 */
function plainness(text: string): 0 | 1 | 2 {
  const last = text.charCodeAt(text.length - 1);
  if (!((last >= 0x30 && last <= 0x39) || (last >= 0x41 && last <= 0x5a) || (last >= 0x61 && last <= 0x7a))) return 0;
  let afterSpace = true;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return 0;
      afterSpace = true;
    } else if (c < 0x21 || c > 0x7e) {
      return 0;
    } else {
      afterSpace = false;
      if (c >= 0x41 && c <= 0x5a) upper = true;
    }
  }
  return upper ? 1 : 2;
}

/**
 * A phrase as people read it: Unicode NFC (the NFC and NFD spellings of `café` are one phrase,
 * and so are Tamil `கொ` written as one vowel sign or two), zero-width and bidirectional marks removed, every run of any kind of space one space, trimmed, lower case,
 * trailing punctuation dropped. Two phrases with the same normal form look the same to a reader.
 */
export function normalizePhrase(phrase: string): string {
  // Most phrases are printable ASCII words one space apart ending in a letter or digit: for them
  // normalising is lowering the case, and telling so costs a fraction of the regular expressions below.
  const plain = plainness(phrase);
  if (plain === 2) return phrase;
  if (plain === 1) return phrase.toLowerCase();
  return phrase.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim().toLowerCase().replace(TRAILING_PUNCTUATION, '');
}

/**
 * A 32-bit hash (FNV-1a over UTF-16 code units) of `normalizePhrase(text)`, worked out without
 * making the normal form when the phrase is plain (see `plainness`): what the project index files
 * utterances under. Equal normal forms have equal hashes; `hasNormalForm` tells a collision.
 */
export function normalFormHash(text: string): number {
  return loweredHash(plainness(text) ? text : normalizePhrase(text));
}

/** `normalFormHash` of a phrase whose normal form is `normalForm`, from the normal form itself. */
export function hashOfNormalForm(normalForm: string): number {
  return loweredHash(normalForm);
}

/** Whether `normalizePhrase(text)` is `normalForm`, without making it when `text` is plain. */
export function hasNormalForm(text: string, normalForm: string): boolean {
  if (!plainness(text)) return normalizePhrase(text) === normalForm;
  if (text.length !== normalForm.length) return false;
  for (let i = 0; i < text.length; i++) if (lowerAscii(text.charCodeAt(i)) !== normalForm.charCodeAt(i)) return false;
  return true;
}

/** Whether two phrases have the same normal form (`normalizePhrase`), making neither when both are plain. */
export function sameNormalForm(a: string, b: string): boolean {
  if (!plainness(a) || !plainness(b)) return normalizePhrase(a) === normalizePhrase(b);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lowerAscii(a.charCodeAt(i)) !== lowerAscii(b.charCodeAt(i))) return false;
  return true;
}

/**
 * FNV-1a of the string with A-Z lowered: the lower case of a plain phrase is its normal form, and a
 * normal form has no A-Z, so the hash of a plain phrase is that of its normal form.
 */
function loweredHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(i)), 0x01000193);
  return hash | 0;
}

function lowerAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * Two phrases match when their keys are equal: `exact` compares the text as it is (the guide's
 * rule), `ignoreCaseAndSpacing` compares normal forms (`normalizePhrase`).
 */
export function phraseKey(phrase: string, mode: PhraseMatch): string {
  return mode === 'exact' ? phrase : normalizePhrase(phrase);
}

/** Why two phrases whose normal forms are equal are not equal: what an exact comparison tripped on. */
export type PhraseDifference =
  | { readonly kind: 'invisible'; readonly char: string; readonly in: 'phrase' | 'utterance' }
  | { readonly kind: 'normalisation' }
  | { readonly kind: 'spacing'; readonly char?: string }
  | { readonly kind: 'case' }
  | { readonly kind: 'punctuation' };

const CHAR_NAMES: Record<number, string> = {
  0x09: 'CHARACTER TABULATION',
  0xa0: 'NO-BREAK SPACE',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2007: 'FIGURE SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x2060: 'WORD JOINER',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** A character as `U+200B ZERO WIDTH SPACE` (the name for the characters phrases trip on). */
export function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const name = CHAR_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}`;
}

/**
 * What differs between `phrase` and `utterance` when they are not equal but their normal forms
 * are (the first difference a reader cannot see, in this order: an invisible character, Unicode
 * normalisation, an unusual or repeated space, case, trailing punctuation). Undefined when the
 * texts are equal or their normal forms differ.
 */
export function phraseDifference(phrase: string, utterance: string): PhraseDifference | undefined {
  if (phrase === utterance || normalizePhrase(phrase) !== normalizePhrase(utterance)) return undefined;
  for (const [text, where] of [
    [phrase, 'phrase'],
    [utterance, 'utterance'],
  ] as const) {
    const invisible = text.match(AN_INVISIBLE);
    if (invisible) return { kind: 'invisible', char: describeChar(invisible[0]), in: where };
  }
  if (phrase.normalize('NFC') === utterance.normalize('NFC')) return { kind: 'normalisation' };
  const a = phrase.normalize('NFC');
  const b = utterance.normalize('NFC');
  const spaced = (s: string) => s.replace(SPACES, ' ').trim();
  if (spaced(a) === spaced(b)) {
    const odd = (a + b).match(/[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/);
    return odd ? { kind: 'spacing', char: describeChar(odd[0]) } : { kind: 'spacing' };
  }
  if (spaced(a).toLowerCase() === spaced(b).toLowerCase()) return { kind: 'case' };
  return { kind: 'punctuation' };
}

/** The difference in words, for messages: "contains U+200B ZERO WIDTH SPACE". */
export function describeDifference(difference: PhraseDifference): string {
  switch (difference.kind) {
    case 'invisible':
      return `${difference.in === 'phrase' ? 'contains' : 'the utterance contains'} ${difference.char}`;
    case 'normalisation':
      return 'differs only in Unicode normalisation (NFC/NFD)';
    case 'spacing':
      return `differs in spacing${difference.char ? ` (${difference.char})` : ''}`;
    case 'case':
      return 'differs in case';
    case 'punctuation':
      return 'differs in trailing punctuation';
  }
}

/** Phrases longer than this (UTF-16 code units) get no "did you mean": pasted text is not a typo. */
export const MAX_SUGGESTED_PHRASE_LENGTH = 500;

/** A key that forgives case, spacing and punctuation: for "did you mean", never for matching. */
function looseKey(phrase: string): string {
  const normal = normalizePhrase(phrase);
  // A normal form of lower-case letters, digits and single spaces has nothing more to forgive.
  if (/^[a-z0-9 ]*$/.test(normal)) return normal;
  return normal
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .trim()
    .replace(/ +/g, ' ');
}

/** Words a customer adds or drops without changing what they mean. */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'please', 'me', 'my', 'to', 'with', 'now', 'just']);

/**
 * How far `candidate` is from `phrase` when it is near enough to be what was meant, else
 * undefined, smaller being nearer: 0 when only case, spacing or punctuation differ ("Talk to
 * bot!"); 1 when only filler words do ("talk to the bot"); then a letter or two ("talk to bto");
 * last, one word added, dropped or changed ("talk with bot"). Either phrase longer than
 * `MAX_SUGGESTED_PHRASE_LENGTH` is near nothing, and the cost is bounded by the budget (see
 * editDistance.ts), whatever the lengths.
 */
export function nearness(phrase: string, candidate: string): number | undefined {
  const a = nearKey(phrase);
  const b = nearKey(candidate);
  return a && b ? nearnessOfKeys(a, b) : undefined;
}

/**
 * What `nearness` compares of a phrase, worked out once so that a search over many utterances
 * does not normalise each of them again for every phrase. Undefined for a phrase that is near
 * nothing (longer than `MAX_SUGGESTED_PHRASE_LENGTH`, or empty once case, spacing and
 * punctuation are dropped).
 */
export interface NearKey {
  /** The phrase with case, spacing and punctuation forgiven. */
  readonly loose: string;
  /** `loose` split into words. */
  readonly words: readonly string[];
  /** The words other than filler words, joined by spaces ('' when all are filler words). */
  readonly content: string;
}

/** The `NearKey` of a phrase (see there); undefined when the phrase is near nothing. */
export function nearKey(phrase: string): NearKey | undefined {
  if (phrase.length > MAX_SUGGESTED_PHRASE_LENGTH) return undefined;
  const loose = looseKey(phrase);
  if (!loose) return undefined;
  const words = loose.split(' ');
  // Most phrases have no filler word: their content is their loose key (one string, not two).
  return { loose, words, content: words.some((w) => FILLER_WORDS.has(w)) ? words.filter((w) => !FILLER_WORDS.has(w)).join(' ') : loose };
}

/** `nearness` of two phrases given by their keys: the same number, without normalising again. */
export function nearnessOfKeys(phrase: NearKey, candidate: NearKey): number | undefined {
  const a = phrase.loose;
  const b = candidate.loose;
  if (a === b) return 0;
  if (phrase.content && phrase.content === candidate.content) return 1;
  const budget = letterBudget(a.length, b.length);
  const letters = boundedEditDistance(a, b, budget);
  if (letters <= budget) return 1 + letters;
  const wordsA = phrase.words;
  const wordsB = candidate.words;
  // Word counts more than one apart are more than one word edit apart: skip the encoding.
  if (Math.min(wordsA.length, wordsB.length) >= 3 && Math.abs(wordsA.length - wordsB.length) <= 1 && oneWordEditAtMost(wordsA, wordsB))
    return 2 + budget;
  return undefined;
}

/**
 * How many letters two loose keys of these lengths (UTF-16 code units) may differ by and still
 * be near: one per six characters of the longer, at least 1 and at most `MAX_LETTER_BUDGET`.
 */
export function letterBudget(lengthA: number, lengthB: number): number {
  return Math.max(1, Math.min(MAX_LETTER_BUDGET, Math.floor(Math.max(lengthA, lengthB) / 6)));
}

/** The most letters two near phrases differ by: loose keys whose lengths differ more are never near by letters. */
export const MAX_LETTER_BUDGET = 3;

/**
 * Whether the optimal string alignment distance counted in words (as `boundedEditDistance` counts
 * characters) is at most 1: the same words, or one word changed, added, dropped, or two
 * neighbours swapped. Allocates nothing: a search measures thousands of candidates.
 */
export function oneWordEditAtMost(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return true;
  if (a.length === b.length + 1) {
    // One word dropped from `a` at i: the rest must line up one place over.
    for (let j = i; j < b.length; j++) if (a[j + 1] !== b[j]) return false;
    return true;
  }
  if (a.length !== b.length) return false;
  // One word changed at i, or i and i + 1 swapped; the rest the same.
  let rest = i + 1;
  if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a[i] !== a[i + 1]) rest = i + 2;
  for (let j = rest; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}
