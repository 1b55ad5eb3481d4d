// Kind: the hash chains the project index files utterances in hold what a Map of lists would,
// through growth, removal, reclaiming removed slots and hashes that collide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashChains } from '../../../server/src/engine/analysis/hashChains';

/** The entries of `hash`, by the walk by slots (the last added first). */
function walk<T>(table: HashChains<T>, hash: number): T[] {
  const found: T[] = [];
  for (let slot = table.firstSlot(hash); slot !== -1; slot = table.nextSlot(slot, hash)) found.push(table.entryAt(slot));
  return found;
}

describe('HashChains', () => {
  it('holds what a Map of lists holds, through random adds and removes', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Few hashes (many entries share one), negative ones, and hashes equal in their low bits.
    const hashes = [0, 1, -1, 17, 2 ** 31 - 1, -(2 ** 31), 1 << 20, (1 << 20) + 16, 123456789];
    const table = new HashChains<{ id: number }>(4);
    const model = new Map<number, { id: number }[]>();
    const live: { entry: { id: number }; hash: number }[] = [];
    for (let step = 0; step < 20000; step++) {
      if (live.length && next() < 0.45) {
        const [{ entry, hash }] = live.splice(Math.floor(next() * live.length), 1);
        assert.equal(table.remove(entry, hash), true);
        const list = model.get(hash)!;
        list.splice(list.indexOf(entry), 1);
      } else {
        const entry = { id: step };
        const hash = hashes[Math.floor(next() * hashes.length)];
        table.add(entry, hash);
        model.set(hash, [...(model.get(hash) ?? []), entry]);
        live.push({ entry, hash });
      }
      if (step % 500 === 0 || step === 19999) {
        for (const hash of hashes) {
          // forEach and the walk by slots both give the entries of the hash, the last added first.
          const visited: { id: number }[] = [];
          table.forEach(hash, (entry) => visited.push(entry));
          assert.deepEqual(visited.reverse(), model.get(hash) ?? [], `hash ${hash} at step ${step}`);
          assert.deepEqual(walk(table, hash).reverse(), model.get(hash) ?? [], `slots of hash ${hash} at step ${step}`);
        }
        assert.equal(table.size, live.length);
      }
    }
  });

  it('says when what is removed is not held', () => {
    const table = new HashChains<string>();
    table.add('a', 5);
    assert.equal(table.remove('a', 6), false);
    assert.equal(table.remove('b', 5), false);
    assert.equal(table.remove('a', 5), true);
    assert.equal(table.remove('a', 5), false);
    assert.deepEqual(walk(table, 5), []);
  });
});
