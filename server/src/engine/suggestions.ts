// "Did you mean": the closest of a set of names to a misspelt one, by edit distance.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `name` when it is near enough to be a likely misspelling: at most a
 * third of the name's length in edits (and at least one), ignoring case.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const budget = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= budget ? best : undefined;
}
