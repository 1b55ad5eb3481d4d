// Which project facts a file's checks read, in the manner of salsa's dependency tracking: the
// accessors of BotProject and ProjectIndex record a key for each fact they answer, and
// IncrementalCheck re-checks a file only when one of the facts its checks read has changed.
// A new rule is tracked for free as long as it reads the project through those accessors.

/**
 * A project fact, as a string key: `family` (what kind of fact) and `detail` (which one),
 * separated by U+0000 so that no name can forge another key.
 */
export type FactKey = string;

const SEPARATOR = '\u0000';
/** The detail of a family's whole key: read by whoever reads every fact of the family at once. */
const WHOLE = '*';

/** The families of facts. Each is documented where it is recorded (projectIndex.ts, project.ts). */
export type FactFamily =
  /** An intent by name (`detail`: the name): which files define it, and where its name is. */
  | 'intent'
  /** A journey by name: which files define it, and where its name is. */
  | 'journey'
  /** The journeys an intent (`detail`) triggers: their files and names. */
  | 'trigger'
  /** The journeys an event (`detail`, such as `ticket-closed`) triggers: their files and names. */
  | 'eventTrigger'
  /**
   * A journey file (`detail`: its path) as path-following reads it: name, trigger, and the
   * reachable nodes with their ids, outcomes, events and whether they show an exit banner.
   */
  | 'graph'
  /** The utterances equal to a text (`detail`): texts, intents, places. */
  | 'exact'
  /** The utterances of a normal form (`detail`, see `normalizePhrase`): texts, intents, places. */
  | 'like'
  /** Whether some utterance equals a text (`detail`). */
  | 'hasExact'
  /** Whether some utterance has a normal form (`detail`). */
  | 'hasLike'
  /** Banner exit phrases by text (`detail`: the phrase): their files and places. */
  | 'banner'
  /** Banner exit phrases by normal form (`detail`: the normal form). */
  | 'bannerLike'
  /** Whether an intent is an exit intent and the banners that make it one (`detail`: the mode, `:`, the intent's name). */
  | 'exitIntent'
  /** The journeys with a node of an id (`detail`: the id), as conversation tests name nodes. */
  | 'node'
  /** The journeys whose banners have an option of a title (`detail`: the title), as a test's `click` names it. */
  | 'optionTitle'
  /** Whether some journey's banner has options known only on the platform (templates). */
  | 'optionTemplate'
  /** The files of a kind that were not read or do not parse (`detail`: the kind). */
  | 'unread'
  /** bot.json: its events and whether it is known. */
  | 'config'
  /** handoff-kit.json. */
  | 'settings'
  /** Any file of a kind (`detail`: the kind), for code that lists files itself. */
  | 'files'
  /** One file by path. */
  | 'file';

/** The key of one fact. */
export function factKey(family: FactFamily, detail = ''): FactKey {
  return family + SEPARATOR + detail;
}

/** The key read by code that reads every fact of a family (a whole table, its names, its size). */
export function wholeKey(family: FactFamily): FactKey {
  return factKey(family, WHOLE);
}

/** The family of a key. */
export function familyOf(key: FactKey): FactFamily {
  return key.slice(0, key.indexOf(SEPARATOR)) as FactFamily;
}

/** The facts read while the innermost `recordingFacts` runs; undefined when nothing records. */
let recording: Set<FactKey> | undefined;

/** Whether something records the facts read (then a fact's key is worth making). */
export function isRecordingFacts(): boolean {
  return recording !== undefined;
}

/** Records that the code running now read the fact `key` (a no-op when nothing records). */
export function readFact(key: FactKey): void {
  recording?.add(key);
}

/** Records every key of `keys`, as `readFact` does: a cached answer passes on what it read. */
export function readFacts(keys: Iterable<FactKey>): void {
  if (recording) for (const key of keys) recording.add(key);
}

/**
 * Runs `compute` and returns its result with the facts it read. An enclosing recording sees them
 * too, so a value cached by a caller can be answered again with `readFacts(facts)`.
 */
export function recordingFacts<T>(compute: () => T): { result: T; facts: Set<FactKey> } {
  const outer = recording;
  const facts = new Set<FactKey>();
  recording = facts;
  try {
    return { result: compute(), facts };
  } finally {
    recording = outer;
    if (outer) for (const key of facts) outer.add(key);
  }
}

/** What `cachedPerGeneration` keeps of one owner: the generation and key it was computed for, the value and its facts. */
export interface GenerationEntry<T> {
  readonly generation: number;
  readonly key: string;
  readonly value: T;
  readonly facts: ReadonlySet<FactKey>;
}

/**
 * A value derived from a whole project, worked out once per generation (and `key`, what else it
 * depends on, such as a setting) and kept in `cache`. The facts it read are recorded when it is
 * computed and read again by every later caller, so each file whose checks use it depends on what
 * it was computed from, not only the first (as liveResults.ts does for test reports).
 */
export function cachedPerGeneration<O extends { readonly generation: number }, T>(
  cache: WeakMap<O, GenerationEntry<T>>,
  owner: O,
  key: string,
  compute: () => T,
): T {
  const cached = cache.get(owner);
  if (cached && cached.generation === owner.generation && cached.key === key) {
    readFacts(cached.facts);
    return cached.value;
  }
  const { result, facts } = recordingFacts(compute);
  cache.set(owner, { generation: owner.generation, key, value: result, facts });
  return result;
}

/** Runs `compute` recording nothing: for building shared tables whose cells are tracked when read. */
export function untracked<T>(compute: () => T): T {
  const outer = recording;
  recording = undefined;
  try {
    return compute();
  } finally {
    recording = outer;
  }
}

/**
 * A read-only view of a map that records what is read: `get` and `has` the key of the entry
 * (`keyOf`), anything that sees every entry (size, iteration) the family's whole key.
 */
export class TrackedMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly map: ReadonlyMap<K, V>,
    private readonly family: FactFamily,
    private readonly detailOf: (key: K) => string = String,
  ) {}

  get(key: K): V | undefined {
    readFact(factKey(this.family, this.detailOf(key)));
    return this.map.get(key);
  }

  has(key: K): boolean {
    readFact(factKey(this.family, this.detailOf(key)));
    return this.map.has(key);
  }

  get size(): number {
    readFact(wholeKey(this.family));
    return this.map.size;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    readFact(wholeKey(this.family));
    this.map.forEach((value, key) => callback(value, key, this));
  }

  keys(): MapIterator<K> {
    readFact(wholeKey(this.family));
    return this.map.keys();
  }

  values(): MapIterator<V> {
    readFact(wholeKey(this.family));
    return this.map.values();
  }

  entries(): MapIterator<[K, V]> {
    readFact(wholeKey(this.family));
    return this.map.entries();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
