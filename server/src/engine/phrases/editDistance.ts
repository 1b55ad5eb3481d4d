// Edit distance with a budget, for every "did you mean" search. Pasted text (a 25,000-character
// utterance, a 100 KB property name) must cost no more than a few words do: the full matrix the
// `damerau-levenshtein` package builds is O(n·m) in time and memory (1.6 GB for two 10,000-character
// phrases) before any budget applies. Here the distance is computed only within a band of width
// 2·max+1 around the diagonal, two rows at a time, and stops as soon as a whole row is over the
// budget: O(n·max) time, O(m) memory.
//
// Why our own: the maintained edit-distance packages on npm either build the full matrix
// (`damerau-levenshtein`, `fastest-levenshtein`) or bound plain Levenshtein only (`leven`'s
// `maxDistance`), which counts two swapped letters (`titel`) as two edits; the checks count them
// as one, as typists make them (the optimal string alignment variant of Damerau-Levenshtein).

/** The rows of `boundedEditDistance`, grown when a longer string comes. */
let scratch = new Int32Array(3 * 256);

/**
 * The optimal string alignment distance (Damerau-Levenshtein where a transposition counts as one
 * edit and no substring is edited twice) between `a` and `b`, in UTF-16 code units, when it is at
 * most `max`; otherwise `max + 1`. Costs O(min(|a|,|b|)·max) time and O(|b|) memory.
 * `max` is a non-negative integer.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return over;
  // Common prefix and suffix cost nothing and shrink the band's work.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return Math.max(n, m) <= max ? Math.max(n, m) : over;

  // Rows indexed 0..m; cells outside the band hold `over`. The rows are scratch space kept between
  // calls (a "did you mean" search measures thousands of candidates; the function never re-enters).
  if (scratch.length < 3 * (m + 1)) scratch = new Int32Array(Math.max(3 * (m + 1), 2 * scratch.length));
  let prev2 = scratch.subarray(0, m + 1).fill(over);
  let prev = scratch.subarray(m + 1, 2 * (m + 1)).fill(over);
  let row = scratch.subarray(2 * (m + 1), 3 * (m + 1)).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    // Only the band is written: the cells just outside it are reset, never the whole row.
    row[0] = i <= max ? i : over;
    if (from > 1) row[from - 1] = over;
    let rowMin = row[0];
    const ca = a.charCodeAt(start + i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(start + j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(start + j - 2) && a.charCodeAt(start + i - 2) === cb) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d > over ? over : d;
      if (row[j] < rowMin) rowMin = row[j];
    }
    if (to < m) row[to + 1] = over;
    // Every path to the end goes through this row: when all of it is over budget, so is the result.
    if (rowMin > max) return over;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[m] <= max ? prev[m] : over;
}
