// "Did you mean": the closest of a set of names to a misspelt one, by Damerau-Levenshtein distance.
import { boundedEditDistance } from './editDistance';

/** Names longer than this (UTF-16 code units) get no "did you mean": a pasted value is not a typo. */
export const MAX_SUGGESTED_NAME_LENGTH = 200;

/**
 * The candidate closest to `name` when it is near enough to be a likely misspelling, ignoring
 * case: one edit for names of up to four letters, else two or a third of the length. Two letters
 * swapped (`titel`) count as one edit, as typists make them. A name longer than
 * `MAX_SUGGESTED_NAME_LENGTH` gets none; candidates whose length differs by more than the budget
 * are skipped unread, and each distance stops at the budget, so the cost is bounded whatever
 * the input (see editDistance.ts).
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_SUGGESTED_NAME_LENGTH) return undefined;
  const wanted = name.toLowerCase();
  const budget = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > budget) continue;
    const d = boundedEditDistance(wanted, candidate.toLowerCase(), budget);
    if (d > budget) continue;
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= budget ? best : undefined;
}

/** The messages of a check for names that refer to nothing: "did you mean" when one is near, else why none matches. */
export function unknownNameMessages(kind: string, whyNone: string) {
  return {
    didYouMean: ({ name, suggestion }: { name: string; suggestion: string }) => `unknown ${kind} \`${name}\`; did you mean \`${suggestion}\`?`,
    unknown: ({ name }: { name: string }) => `unknown ${kind} \`${name}\`: ${whyNone}`,
  };
}

/** The message id and data for a name that refers to nothing, with the nearest candidate when one is near. */
export function unknownNameProblem(
  name: string,
  candidates: Iterable<string>,
): { messageId: 'didYouMean'; data: { name: string; suggestion: string } } | { messageId: 'unknown'; data: { name: string } } {
  const suggestion = closestName(name, candidates);
  return suggestion ? { messageId: 'didYouMean', data: { name, suggestion } } : { messageId: 'unknown', data: { name } };
}
