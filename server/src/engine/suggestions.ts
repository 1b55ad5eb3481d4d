// "Did you mean": the closest of a set of names to a misspelt one, by Damerau-Levenshtein distance.
import damerauLevenshtein from 'damerau-levenshtein';

/**
 * The candidate closest to `name` when it is near enough to be a likely misspelling, ignoring
 * case: one edit for names of up to four letters, else two or a third of the length. Two letters
 * swapped (`titel`) count as one edit, as typists make them.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const budget = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = damerauLevenshtein(wanted, candidate.toLowerCase()).steps;
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
