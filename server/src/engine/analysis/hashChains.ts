// A multimap from 32-bit hashes to entries, in typed arrays: what the project index keeps its
// utterances in by normal form. A JavaScript Map keyed by the normal forms cost 57 ms to fill
// with the 50,000 utterances of the bench project (its table is rehashed at every doubling, and
// each key is a string kept as long as the index: 3 MB); these chains cost a few ms and keep no
// string. Entries of one hash are told apart by the caller, who knows what the hash is of.

/**
 * Entries by a 32-bit hash (any integer; only its low 32 bits count). Several entries may share
 * a hash, as may different keys: `forEach` (or a walk by slots) visits every entry added with
 * the hash, and the caller checks each against the key it looks for.
 */
export class HashChains<T> {
  /** Per bucket, the slot of the last entry added to it; -1 when none. */
  private heads: Int32Array;
  /** Per slot, the slot added before it to the same bucket; -1 at the end of the chain. */
  private next: Int32Array;
  /** Per slot, the entry's full hash. */
  private hashes: Int32Array;
  /** Per slot, the entry; undefined once removed. */
  private entries: (T | undefined)[] = [];
  private removed = 0;

  /** `expected`: about how many entries will be added (the table grows past it, at a cost). */
  constructor(expected = 16) {
    const capacity = Math.max(16, expected);
    this.heads = new Int32Array(bucketsFor(capacity)).fill(-1);
    this.next = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  /** The number of entries held. */
  get size(): number {
    return this.entries.length - this.removed;
  }

  add(entry: T, hash: number): void {
    const slot = this.entries.length;
    if (slot === this.next.length) return void this.rebuild(slot * 2, entry, hash);
    const bucket = hash & (this.heads.length - 1);
    this.entries.push(entry);
    this.hashes[slot] = hash;
    this.next[slot] = this.heads[bucket];
    this.heads[bucket] = slot;
  }

  /** Takes out `entry`, added with `hash`; false when it is not held. */
  remove(entry: T, hash: number): boolean {
    const bucket = hash & (this.heads.length - 1);
    let before = -1;
    for (let slot = this.heads[bucket]; slot !== -1; before = slot, slot = this.next[slot]) {
      if (this.entries[slot] !== entry) continue;
      if (before === -1) this.heads[bucket] = this.next[slot];
      else this.next[before] = this.next[slot];
      this.entries[slot] = undefined;
      // Removed slots are reclaimed once they are half of all.
      if (++this.removed > 16 && this.removed * 2 > this.entries.length) this.rebuild(Math.max(16, this.size * 2));
      return true;
    }
    return false;
  }

  /** Calls `visit` with every entry added with `hash`, the last added first. */
  forEach(hash: number, visit: (entry: T) => void): void {
    for (let slot = this.heads[hash & (this.heads.length - 1)]; slot !== -1; slot = this.next[slot]) {
      if (this.hashes[slot] === (hash | 0)) visit(this.entries[slot]!);
    }
  }

  /**
   * The slot of the last entry added with `hash`, or -1: with `nextSlot` and `entryAt`, a walk of
   * the entries of a hash that makes no closure, for a caller that walks once per entry it holds.
   */
  firstSlot(hash: number): number {
    return this.skipOthers(this.heads[hash & (this.heads.length - 1)], hash);
  }

  /** The slot of the entry added with `hash` before the one in `slot`, or -1. */
  nextSlot(slot: number, hash: number): number {
    return this.skipOthers(this.next[slot], hash);
  }

  /** The entry in a slot `firstSlot` or `nextSlot` gave. */
  entryAt(slot: number): T {
    return this.entries[slot]!;
  }

  /** `slot` or the first slot after it in its chain whose entry has `hash` (other hashes share buckets); -1 at the end. */
  private skipOthers(slot: number, hash: number): number {
    while (slot !== -1 && this.hashes[slot] !== (hash | 0)) slot = this.next[slot];
    return slot;
  }

  /** Lays the entries out again in `capacity` slots, in the order they were added, then adds `extra`. */
  private rebuild(capacity: number, extra?: T, extraHash = 0): void {
    const { entries, hashes } = this;
    this.heads = new Int32Array(bucketsFor(capacity)).fill(-1);
    this.next = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.entries = [];
    this.removed = 0;
    for (let slot = 0; slot < entries.length; slot++) if (entries[slot] !== undefined) this.add(entries[slot]!, hashes[slot]);
    if (extra !== undefined) this.add(extra, extraHash);
  }
}

/** A power of two at least twice `capacity`: chains stay about one entry long. */
function bucketsFor(capacity: number): number {
  let buckets = 16;
  while (buckets < capacity * 2) buckets *= 2;
  return buckets;
}
