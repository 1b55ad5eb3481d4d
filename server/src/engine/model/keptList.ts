// Lists kept as long as their file version (models, derived values) are made to size: a list
// built by `push`, `filter` or `flatMap` keeps room for up to 16 more items, and a project keeps
// thousands of such lists (see docs/performance.md, "Round 4: what a check keeps").

const EMPTY: readonly never[] = [];

/** `list` itself when empty (as one shared empty list) or else a copy with no spare room. */
export function keptList<T>(list: readonly T[]): readonly T[] {
  // Array.prototype.slice allocates exactly the items it copies.
  return list.length === 0 ? EMPTY : list.slice();
}
