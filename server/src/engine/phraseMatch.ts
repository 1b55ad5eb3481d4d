// How a phrase the customer types or clicks is compared with the utterances an intent is
// trained on. `exact` by default, as the guide asks ("the object text should be consistent").
import damerauLevenshtein from 'damerau-levenshtein';

/** How an exit phrase is compared with utterances (the setting `exitPhraseMatch`). */
export const PHRASE_MATCHES = ['exact', 'ignoreCaseAndSpacing'] as const;
export type PhraseMatch = (typeof PHRASE_MATCHES)[number];

/** Two phrases match when their keys are equal. */
export function phraseKey(phrase: string, mode: PhraseMatch): string {
  return mode === 'exact' ? phrase : phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A key that forgives case, spacing and punctuation: for "did you mean", never for matching. */
function looseKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Words a customer adds or drops without changing what they mean. */
const FILLER_WORDS = new Set(['the', 'a', 'an', 'please', 'me', 'my', 'to', 'with', 'now', 'just']);

/**
 * How far `candidate` is from `phrase` when it is near enough to be what was meant, else
 * undefined, smaller being nearer: 0 when only case, spacing or punctuation differ ("Talk to
 * bot!"); 1 when only filler words do ("talk to the bot"); then a letter or two ("talk to bto");
 * last, one word added, dropped or changed ("talk with bot").
 */
export function nearness(phrase: string, candidate: string): number | undefined {
  const a = looseKey(phrase);
  const b = looseKey(candidate);
  if (!a || !b) return undefined;
  if (a === b) return 0;
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  const content = (words: string[]) => words.filter((w) => !FILLER_WORDS.has(w)).join(' ');
  if (content(wordsA) && content(wordsA) === content(wordsB)) return 1;
  const budget = Math.max(1, Math.min(3, Math.floor(Math.max(a.length, b.length) / 6)));
  const letters = damerauLevenshtein(a, b).steps;
  if (letters <= budget) return 1 + letters;
  if (Math.min(wordsA.length, wordsB.length) >= 3 && wordDistance(wordsA, wordsB) <= 1) return 2 + budget;
  return undefined;
}

/** Edit distance counted in words: each distinct word becomes one character. */
function wordDistance(a: string[], b: string[]): number {
  const codes = new Map<string, string>();
  const encode = (words: string[]) =>
    words.map((w) => codes.get(w) ?? (codes.set(w, String.fromCodePoint(0xe000 + codes.size)), codes.get(w)!)).join('');
  return damerauLevenshtein(encode(a), encode(b)).steps;
}
