// What the cross-file checks look up: intents and journeys by name, utterances, the journeys an
// intent starts, and every banner's exit phrases. Kept up to date one changed file at a time, and
// every answer records the fact it read (dependencies.ts), so that IncrementalCheck knows which
// files an edit concerns. `factsOf` says what one file contributes to each fact.
import type * as jsonc from 'jsonc-parser';
import type { BotFile, JsonPlace, NamedValue } from '../model/botFile';
import { factKey, isRecordingFacts, readFact, TrackedMap, untracked, wholeKey, type FactKey } from '../project/dependencies';
import { bannerPayloadsOf, exitPhrasesOf, type ExitPhrase } from './exitPhrases';
import { hasTemplate } from '../model/template';
import { HashChains } from './hashChains';
import { readIntent, utteranceListOf, type Intent } from '../model/intent';
import { readJourney, type Journey } from '../model/journey';
import { reachableNodes } from '../model/journeyGraph';
import {
  hashOfNormalForm,
  hasNormalForm,
  letterBudget,
  MAX_LETTER_BUDGET,
  nearKey,
  nearnessOfKeys,
  normalFormHash,
  normalizePhrase,
  phraseKey,
  sameNormalForm,
  type NearKey,
  type PhraseMatch,
} from '../phrases/phraseMatch';
import { comparePaths, type BotProject } from '../project/project';

export interface IntentEntry {
  readonly file: BotFile;
  readonly intent: Intent;
}

export interface JourneyEntry {
  readonly file: BotFile;
  readonly journey: Journey;
}

export interface UtteranceEntry {
  readonly utterance: NamedValue;
  readonly file: BotFile;
  readonly intentName: string;
}

/** An utterance as `utterancesOf` gives it: with the hash `otherUtteranceFinder` looks it up by. */
export interface IndexedUtteranceEntry extends UtteranceEntry {
  /** `normalFormHash` of the utterance's text (phraseMatch.ts). */
  readonly normalHash: number;
}

export interface BannerPhraseEntry {
  readonly exit: ExitPhrase;
  readonly file: BotFile;
}

export interface NearUtterance {
  readonly entry: UtteranceEntry;
  readonly distance: number;
}

/** What the index holds of one intent or journey file. */
interface FileRecord {
  readonly file: BotFile;
  readonly intent?: IntentEntry;
  /** The name of the intent the file defines (the utterances' intent). */
  readonly intentName?: string;
  readonly journey?: JourneyEntry;
  /** The intent's utterances, in the file's order; set once, as the record is made. */
  utterances: readonly IndexedUtterance[];
  readonly banners: readonly BannerPhraseEntry[];
}

/**
 * An utterance as the index holds it: its text and node (it is its own `utterance`), and where it
 * stands in the project (its file's path, then its position in the file). One small object per
 * utterance (a project may have 100,000): what the file has in common with its other utterances is
 * read from its record, and its node is made when first read.
 */
class IndexedUtterance implements IndexedUtteranceEntry, NamedValue {
  /** Its entry in the near index, once that is built. */
  near: NearEntry | undefined = undefined;
  private cachedNode: jsonc.Node | undefined = undefined;

  constructor(
    private readonly record: FileRecord,
    /** The intent's `utterances` array. */
    private readonly list: JsonPlace,
    /** 0-based index in the `utterances` array (which may hold other things than strings). */
    readonly position: number,
    readonly value: string,
    /** `normalFormHash` of the utterance: the index keeps no normal form (a string per utterance). */
    readonly normalHash: number,
  ) {}

  get utterance(): NamedValue {
    return this;
  }

  get node(): jsonc.Node {
    return (this.cachedNode ??= this.list.child(this.position)!.node);
  }

  get file(): BotFile {
    return this.record.file;
  }

  get intentName(): string {
    return this.record.intentName!;
  }
}

/** The way of comparing phrases whose facts are the `exact` family; the other uses `like`. */
const EXACT: PhraseMatch = 'exact';

/**
 * A project's cross-file lookups: intents and journeys by name, the journeys an intent starts,
 * utterances and banner exit phrases. Got with `indexOf(project)`, which re-reads only the files
 * changed since; each answer records the fact it read (dependencies.ts). Lists it returns may be
 * its own: do not keep them past the next `indexOf`.
 */
export class ProjectIndex {
  /** Intents by name, each list in file order. Reading an entry records the fact `intent`. */
  readonly intentsByName: ReadonlyMap<string, readonly IntentEntry[]>;
  /** Journeys by name, in file order (fact `journey`). */
  readonly journeysByName: ReadonlyMap<string, readonly JourneyEntry[]>;
  /** Journeys whose trigger is the intent, in file order (fact `trigger`). */
  readonly journeysByIntent: ReadonlyMap<string, readonly JourneyEntry[]>;
  /** Journeys whose trigger is the event (such as `ticket-closed`), in file order (fact `eventTrigger`). */
  readonly journeysByEvent: ReadonlyMap<string, readonly JourneyEntry[]>;

  /** Per path, what the index holds of the file, in path order (`comparePaths`). */
  private records = new Map<string, FileRecord>();
  /** The greatest path ever put into `records` (see `update`). */
  private greatestPath = '';
  private readonly intents = new Map<string, IntentEntry[]>();
  private readonly journeys = new Map<string, JourneyEntry[]>();
  private readonly triggers = new Map<string, JourneyEntry[]>();
  private readonly eventTriggers = new Map<string, JourneyEntry[]>();
  private readonly journeysByFile = new Map<BotFile, JourneyEntry>();
  /** Utterances by the hash of their normal form; built on first use, then kept up to date. */
  private byNormalForm: HashChains<IndexedUtterance> | undefined;
  private near: NearIndex | undefined;
  private utteranceList: readonly UtteranceEntry[] | undefined;
  private bannerList: readonly BannerPhraseEntry[] | undefined;
  /** `exitIntentBanners` by `exitIntentDetail` of the mode and intent, until the next edit. */
  private readonly exitBanners = new Map<string, readonly BannerPhraseEntry[]>();
  /** `exitIntentNames` per mode, until the next edit. */
  private readonly exitNames = new Map<PhraseMatch, ReadonlySet<string>>();
  /** The banners by `phraseKey` per mode (see `bannersByPhrase`), kept up to date once built. */
  private readonly bannersByKey = new Map<PhraseMatch, Map<string, BannerPhraseEntry[]>>();
  /** Journeys by the ids of their nodes, and by the titles of their banners' options (what tests name): built on first use, then kept up to date. */
  private testNames:
    { readonly nodes: Map<string, JourneyEntry[]>; readonly options: Map<string, JourneyEntry[]>; readonly templated: Set<string> } | undefined;
  private generation = -1;

  constructor(private readonly project: BotProject) {
    this.intentsByName = new TrackedMap(this.intents, 'intent');
    this.journeysByName = new TrackedMap(this.journeys, 'journey');
    this.journeysByIntent = new TrackedMap(this.triggers, 'trigger');
    this.journeysByEvent = new TrackedMap(this.eventTriggers, 'eventTrigger');
    this.update();
  }

  /** Every utterance of every named intent, in project order (reads every `like` fact). */
  get utterances(): readonly UtteranceEntry[] {
    readFact(wholeKey('like'));
    this.utteranceList ??= [...this.records.values()].flatMap((r) => r.utterances);
    return this.utteranceList;
  }

  /**
   * The utterances of an intent file as the index holds them, in file order (none when the intent
   * has no name). Reads no fact: a check of the file itself is run again when the file changes.
   */
  utterancesOf(file: BotFile): readonly IndexedUtteranceEntry[] {
    const record = this.records.get(file.path);
    return record?.file === file ? record.utterances : [];
  }

  /** Every exit phrase of every journey's banners, in project order (reads every `banner` fact). */
  get bannerPhrases(): readonly BannerPhraseEntry[] {
    readFact(wholeKey('banner'));
    this.bannerList ??= [...this.records.values()].flatMap((r) => r.banners);
    return this.bannerList;
  }

  /** The journey `file` defines, as path-following reads it (fact `graph` of the file). */
  journeyOf(file: BotFile): JourneyEntry | undefined {
    readFact(factKey('graph', file.path));
    return this.journeysByFile.get(file);
  }

  /** The utterances that match `phrase` as the bot's matcher compares (fact `exact` or `like`). */
  utterancesMatching(phrase: string, mode: PhraseMatch): readonly UtteranceEntry[] {
    if (mode !== EXACT) return this.utterancesLike(phrase);
    readFact(factKey('exact', phrase));
    return this.exactly(phrase);
  }

  /**
   * Whether some utterance matches `phrase` as the bot's matcher compares (fact `hasExact` of the
   * phrase, or `hasLike` of its normal form): for checks that need no more, so that an edit that
   * only moves the utterance does not concern them.
   */
  hasUtteranceMatching(phrase: string, mode: PhraseMatch): boolean {
    if (mode === EXACT) {
      readFact(factKey('hasExact', phrase));
      return this.exactly(phrase).length > 0;
    }
    const normalForm = normalizePhrase(phrase);
    readFact(factKey('hasLike', normalForm));
    return this.withNormalForm(normalForm).length > 0;
  }

  /**
   * The utterances that look the same as `phrase` to a reader (equal `normalizePhrase` forms),
   * whatever `exitPhraseMatch` says: what training conflicts and "looks identical" messages compare.
   */
  utterancesLike(phrase: string): readonly UtteranceEntry[] {
    const normalForm = normalizePhrase(phrase);
    readFact(factKey('like', normalForm));
    return this.withNormalForm(normalForm);
  }

  /**
   * A finder of, for a text, the first utterance of an intent other than `intentName` equal to it,
   * else the first of such an intent that looks the same (equal `normalizePhrase` forms), in
   * project order; undefined when there is none. Each call reads the fact `utterancesLike` reads.
   * Makes no normal form of a plain phrase and no list per call: what duplicate checks ask of every
   * utterance of an intent. `hash` is `normalFormHash(text)`, which the index's own entries hold
   * (`IndexedUtteranceEntry.normalHash`).
   *
   * Each chain of the hash table is walked once per finder, not once per call: an intent holding
   * the same phrase 100,000 times asked of each walked its whole chain each time (quadratic: 20,000
   * copies took 5 s, 140,000 took 5 minutes).
   */
  otherUtteranceFinder(intentName: string): (text: string, hash?: number) => UtteranceEntry | undefined {
    const chains = new Map<number, { exact: Map<string, IndexedUtterance>; others: IndexedUtterance[] }>();
    const table = this.table();
    return (text, hash = normalFormHash(text)) => {
      // The fact's key is the normal form, made only when something records facts (the server).
      if (isRecordingFacts()) readFact(factKey('like', normalizePhrase(text)));
      let chain = chains.get(hash);
      if (!chain) {
        chain = { exact: new Map(), others: [] };
        // A loop, not forEach with a closure: this runs for every distinct hash of the intent.
        for (let slot = table.firstSlot(hash); slot !== -1; slot = table.nextSlot(slot, hash)) {
          const u = table.entryAt(slot);
          if (u.intentName === intentName) continue;
          const first = chain.exact.get(u.value);
          if (!first || before(u, first)) chain.exact.set(u.value, u);
          chain.others.push(u);
        }
        chain.others.sort(compareUtterances);
        chains.set(hash, chain);
      }
      const exact = chain.exact.get(text);
      if (exact) return exact;
      // No other intent has the text itself, so the first that looks the same is written differently.
      for (const u of chain.others) if (sameNormalForm(u.value, text)) return u;
      return undefined;
    };
  }

  /**
   * The utterance nearest to `phrase` that is near enough to be what was meant (see
   * phraseMatch.ts `nearness`); of several equally near, the first in `utterances`. Compares the
   * phrase only with the utterances an index of their keys says can be near, not with all.
   * Reads every utterance (the whole `like` family).
   */
  nearestUtterance(phrase: string): NearUtterance | undefined {
    readFact(wholeKey('like'));
    if (!this.near) {
      this.near = new NearIndex();
      for (const record of this.records.values()) this.near.add(record.utterances);
    }
    return this.near.nearest(phrase);
  }

  /**
   * Whether some banner's exit phrase matches an utterance of the intent `intentName` as the bot's
   * matcher compares: whether it is an exit intent. Records the fact `exitIntent` of the mode and
   * intent, as `exitIntentBanners` does, and makes no list of banners.
   */
  isExitIntent(mode: PhraseMatch, intentName: string): boolean {
    // The fact's key is made only when something records facts (the server), not twice per journey in the CLI.
    if (isRecordingFacts()) readFact(factKey('exitIntent', exitIntentDetail(mode, intentName)));
    return this.exitIntentNames(mode).has(intentName);
  }

  /**
   * The names of the exit intents (see `isExitIntent`), worked out once per edit from the distinct
   * exit phrases: a project has a few, against a banner in most journeys and 25 utterances an intent.
   */
  private exitIntentNames(mode: PhraseMatch): ReadonlySet<string> {
    let names = this.exitNames.get(mode);
    if (!names) {
      const found = new Set<string>();
      const table = this.table();
      for (const key of this.bannersByPhrase(mode).keys()) {
        // The key is the phrase itself (exact) or its normal form; the table files utterances by the normal form's hash.
        if (mode === EXACT) {
          table.forEach(normalFormHash(key), (u) => {
            if (u.utterance.value === key) found.add(u.intentName);
          });
        } else {
          table.forEach(hashOfNormalForm(key), (u) => {
            if (hasNormalForm(u.utterance.value, key)) found.add(u.intentName);
          });
        }
      }
      this.exitNames.set(mode, (names = found));
    }
    return names;
  }

  /**
   * The banner exit phrases that match an utterance of the intent `intentName` as the bot's
   * matcher compares, in project order; empty when there is none, that is when the intent is not
   * an exit intent. Records the fact `exitIntent` of the mode and intent (see `exitIntentDetail`).
   * Worked out for the intent asked about, from its utterances and the banners by phrase (kept up
   * to date file by file), and kept until the next edit: a keystroke asks about one or two intents.
   * The list may be the index's own: read it, do not keep it past the next update.
   */
  exitIntentBanners(mode: PhraseMatch, intentName: string): readonly BannerPhraseEntry[] {
    const detail = exitIntentDetail(mode, intentName);
    readFact(factKey('exitIntent', detail));
    let found = this.exitBanners.get(detail);
    if (!found) {
      const banners = this.bannersByPhrase(mode);
      // A banner has one key: the lists of the intent's distinct keys hold each banner once.
      const keys = new Set<string>();
      for (const intent of this.intents.get(intentName) ?? []) {
        for (const u of this.records.get(intent.file.path)?.utterances ?? []) keys.add(phraseKey(u.utterance.value, mode));
      }
      const lists: BannerPhraseEntry[][] = [];
      for (const key of keys) {
        const list = banners.get(key);
        if (list) lists.push(list);
      }
      // Each list is in project order; one (the usual case) is the answer as it is.
      found =
        lists.length === 1
          ? lists[0]
          : lists.flat().sort((a, b) => comparePaths(a.file.path, b.file.path) || this.positionOfBanner(a) - this.positionOfBanner(b));
      this.exitBanners.set(detail, found);
    }
    return found;
  }

  private positionOfBanner(entry: BannerPhraseEntry): number {
    return this.records.get(entry.file.path)!.banners.indexOf(entry);
  }

  /**
   * The banner exit phrases that `phrase` matches as the bot's matcher compares, in project order
   * (fact `banner` of the phrase, or `bannerLike` of its normal form).
   */
  bannersMatching(phrase: string, mode: PhraseMatch): readonly BannerPhraseEntry[] {
    const key = phraseKey(phrase, mode);
    readFact(factKey(mode === EXACT ? 'banner' : 'bannerLike', key));
    return this.bannersByPhrase(mode).get(key) ?? [];
  }

  /** The banners by `phraseKey` of their exit phrase, each list in project order: built on first use, then kept up to date. */
  private bannersByPhrase(mode: PhraseMatch): Map<string, BannerPhraseEntry[]> {
    let banners = this.bannersByKey.get(mode);
    if (!banners) {
      banners = new Map();
      for (const record of this.records.values()) for (const banner of record.banners) push(banners, phraseKey(banner.exit.phrase, mode), banner);
      this.bannersByKey.set(mode, banners);
    }
    return banners;
  }

  /** The journeys with a node whose id is `id`, in project order (fact `node` of the id): what a conversation test's node resolves to. */
  journeysWithNode(id: string): readonly JourneyEntry[] {
    readFact(factKey('node', id));
    return this.namesTests().nodes.get(id) ?? [];
  }

  /** The ids of the nodes of every journey, each once (reads every `node` fact). */
  nodeIds(): string[] {
    readFact(wholeKey('node'));
    return [...this.namesTests().nodes.keys()];
  }

  /** The journeys a banner of which has an option titled `title`, in project order (fact `optionTitle` of the title). */
  journeysWithOptionTitle(title: string): readonly JourneyEntry[] {
    readFact(factKey('optionTitle', title));
    return this.namesTests().options.get(title) ?? [];
  }

  /** The titles of the options of every journey's banners, each once (reads every `optionTitle` fact). */
  optionTitles(): string[] {
    readFact(wholeKey('optionTitle'));
    return [...this.namesTests().options.keys()];
  }

  /**
   * Whether some journey's banner has options known only on the platform: a payload, a list of
   * options or an option's title that is a template (fact `optionTemplate`).
   */
  hasTemplatedOptions(): boolean {
    readFact(factKey('optionTemplate'));
    return this.namesTests().templated.size > 0;
  }

  /** The tables of node ids and option titles (built on first use: only tests read them). */
  private namesTests(): NonNullable<ProjectIndex['testNames']> {
    if (!this.testNames) {
      this.testNames = { nodes: new Map(), options: new Map(), templated: new Set() };
      for (const record of this.records.values()) if (record.journey) this.addTestNames(record.journey);
    }
    return this.testNames;
  }

  private addTestNames(entry: JourneyEntry): void {
    const tables = this.testNames!;
    const names = journeyNamesOf(entry.file);
    for (const id of names.nodeIds) this.insert(tables.nodes, id, entry);
    for (const title of names.optionTitles) this.insert(tables.options, title, entry);
    if (names.templatedOptions) tables.templated.add(entry.file.path);
  }

  /**
   * The names of the intents with an utterance equal to `text` (`exact`) or of the normal form
   * `text` (otherwise), recording nothing: what IncrementalCheck asks to find whose exit-intent
   * facts an edit changed.
   */
  intentNamesMatching(text: string, mode: PhraseMatch): Set<string> {
    return new Set((mode === EXACT ? this.exactly(text) : this.withNormalForm(text)).map((u) => u.intentName));
  }

  /** Brings the index up to the project's generation, re-reading only the files that changed. */
  update(): void {
    if (this.generation === this.project.generation) return;
    const paths = this.generation < 0 ? undefined : this.project.changedSince(this.generation);
    this.generation = this.project.generation;
    untracked(() => {
      let unchanged = 0;
      const changed: BotFile[] = [];
      // The files the project says changed (in project order), or else every file.
      const files = paths ? [...paths].map((p) => this.project.file(p)).filter((f) => f !== undefined) : this.project.allFiles();
      if (paths) files.sort((a, b) => comparePaths(a.path, b.path));
      for (const file of files) {
        if (file.kind !== 'intent' && file.kind !== 'journey') continue;
        if (this.records.get(file.path)?.file === file) unchanged++;
        else changed.push(file);
      }
      if (paths) unchanged = this.records.size - [...paths].filter((p) => this.records.has(p)).length;
      if (!changed.length && unchanged === this.records.size) return;
      this.utteranceList = undefined;
      this.bannerList = undefined;
      this.exitBanners.clear();
      this.exitNames.clear();
      const replaced = changed.filter((f) => this.records.has(f.path)).length;
      if (unchanged + replaced < this.records.size) {
        for (const [filePath, record] of this.records) {
          if (this.project.file(filePath) !== undefined) continue;
          this.remove(record);
          this.records.delete(filePath);
        }
      }
      let outOfOrder = false;
      for (const file of changed) {
        const before = this.records.get(file.path);
        if (before) this.remove(before);
        // Map.set keeps an edited file where it was in the records' (path) order; a file added
        // before the greatest path puts the records in order again below, once.
        else if (comparePaths(file.path, this.greatestPath) > 0) this.greatestPath = file.path;
        else outOfOrder = true;
        this.add(file);
      }
      if (outOfOrder) this.records = new Map([...this.records].sort(([a], [b]) => comparePaths(a, b)));
    });
  }

  private add(file: BotFile): void {
    let record: FileRecord;
    if (file.kind === 'intent') {
      const read = readIntent(file);
      const name = read.name?.value;
      if (name !== undefined) {
        const intent = { file, intent: read };
        this.insert(this.intents, name, intent);
        record = { file, intent, intentName: name, utterances: [], banners: [] };
        record.utterances = indexedUtterances(record, utteranceListOf(file));
      } else {
        record = { file, utterances: [], banners: [] };
      }
    } else {
      const journey = { file, journey: readJourney(file) };
      this.journeysByFile.set(file, journey);
      if (journey.journey.name) this.insert(this.journeys, journey.journey.name.value, journey);
      if (journey.journey.triggerIntent) this.insert(this.triggers, journey.journey.triggerIntent.value, journey);
      if (journey.journey.triggerEvent) this.insert(this.eventTriggers, journey.journey.triggerEvent.value, journey);
      record = { file, journey, utterances: [], banners: exitPhrasesOf(file).map((exit) => ({ exit, file })) };
      if (this.testNames) this.addTestNames(journey);
    }
    this.records.set(file.path, record);
    for (const [mode, banners] of this.bannersByKey)
      for (const banner of record.banners) this.insert(banners, phraseKey(banner.exit.phrase, mode), banner);
    if (this.byNormalForm) for (const u of record.utterances) this.byNormalForm.add(u, u.normalHash);
    this.near?.add(record.utterances);
  }

  private remove(record: FileRecord): void {
    const { file } = record;
    if (record.intent?.intent.name) removeFrom(this.intents, record.intent.intent.name.value, file);
    if (record.journey) {
      this.journeysByFile.delete(file);
      if (record.journey.journey.name) removeFrom(this.journeys, record.journey.journey.name.value, file);
      if (record.journey.journey.triggerIntent) removeFrom(this.triggers, record.journey.journey.triggerIntent.value, file);
      if (record.journey.journey.triggerEvent) removeFrom(this.eventTriggers, record.journey.journey.triggerEvent.value, file);
      if (this.testNames) {
        const names = journeyNamesOf(file);
        for (const id of names.nodeIds) removeFrom(this.testNames.nodes, id, file);
        for (const title of names.optionTitles) removeFrom(this.testNames.options, title, file);
        this.testNames.templated.delete(file.path);
      }
    }
    for (const [mode, banners] of this.bannersByKey)
      for (const banner of record.banners) removeInPlace(banners, phraseKey(banner.exit.phrase, mode), file);
    if (this.byNormalForm) for (const u of record.utterances) this.byNormalForm.remove(u, u.normalHash);
    this.near?.remove(record.utterances);
  }

  /** Puts `entry` into its key's list after the entries of files earlier in the project (and of its own file). */
  private insert<T extends { file: BotFile }>(map: Map<string, T[]>, key: string, entry: T): void {
    const list = map.get(key);
    if (!list) return void map.set(key, [entry]);
    let at = list.length;
    while (at > 0 && comparePaths(list[at - 1].file.path, entry.file.path) > 0) at--;
    list.splice(at, 0, entry);
  }

  private exactly(text: string): readonly UtteranceEntry[] {
    // An utterance equal to the text has the text's normal form: one table serves both comparisons.
    const like = this.withNormalForm(normalizePhrase(text));
    return like.length && like.every((u) => u.utterance.value === text) ? like : like.filter((u) => u.utterance.value === text);
  }

  /** The utterances whose normal form is `normalForm`, in project order. */
  private withNormalForm(normalForm: string): readonly UtteranceEntry[] {
    const found: IndexedUtterance[] = [];
    this.table().forEach(hashOfNormalForm(normalForm), (u) => {
      if (hasNormalForm(u.utterance.value, normalForm)) found.push(u);
    });
    // The chains hold the last added first, and an edited file's utterances are added last.
    return found.length > 1 ? found.sort(compareUtterances) : found;
  }

  /** The utterances by the hash of their normal form (built on first use). */
  private table(): HashChains<IndexedUtterance> {
    if (!this.byNormalForm) {
      let count = 0;
      for (const record of this.records.values()) count += record.utterances.length;
      const table = new HashChains<IndexedUtterance>(count);
      for (const record of this.records.values()) for (const u of record.utterances) table.add(u, u.normalHash);
      this.byNormalForm = table;
    }
    return this.byNormalForm;
  }
}

/** The detail of the `exitIntent` fact of an intent under a way of comparing phrases. */
export function exitIntentDetail(mode: PhraseMatch, intentName: string): string {
  return `${mode}:${intentName}`;
}

/**
 * The utterances indexed by what `nearness` compares, so that "did you mean" looks at the few
 * that can be near a phrase: those with the same loose key (nearness 0), the same content words
 * (1), a loose key of a length within `MAX_LETTER_BUDGET` (letters), or, for phrases of three
 * words or more, one of the phrase's two rarest words (one word edit keeps all but one word).
 * Every candidate is then measured with `nearnessOfKeys`, so the result is `nearness`'s own.
 * Kept up to date one file's utterances at a time: a removed utterance is marked and skipped, and
 * the buckets are rebuilt once the marked ones are a quarter of all.
 */
class NearIndex {
  /** Utterances by loose key, and by content words: one utterance as it is, several in a list. */
  private byLoose = new Map<string, NearBucket>();
  private byContent = new Map<string, NearBucket>();
  private byLength = new Map<number, NearEntry[]>();
  private byWord = new Map<string, NearEntry[]>();
  /** One string per distinct word, which every key's words share (a project repeats its words). */
  private vocabulary = new Map<string, string>();
  private live = 0;
  private removed = 0;

  add(utterances: readonly IndexedUtterance[]): void {
    for (const utterance of utterances) {
      const found = nearKey(utterance.utterance.value);
      if (!found) continue;
      const words = found.words.map((word) => this.vocabulary.get(word) ?? (this.vocabulary.set(word, word), word));
      const key: NearKey = { loose: found.loose, words, content: found.content };
      const entry: NearEntry = { utterance, key, removed: false };
      utterance.near = entry;
      this.put(entry);
      this.live++;
    }
  }

  remove(utterances: readonly IndexedUtterance[]): void {
    for (const utterance of utterances) {
      const entry = utterance.near;
      if (!entry) continue;
      entry.removed = true;
      this.live--;
      this.removed++;
    }
    if (this.removed > this.live / 4) {
      // Every utterance is in one bucket of byLoose.
      const entries = [...this.byLoose.values()].flatMap((bucket) => (Array.isArray(bucket) ? bucket : [bucket]).filter((e) => !e.removed));
      this.byLoose = new Map();
      this.byContent = new Map();
      this.byLength = new Map();
      this.byWord = new Map();
      for (const entry of entries) this.put(entry);
      this.removed = 0;
    }
  }

  private put(entry: NearEntry): void {
    const { key } = entry;
    putNear(this.byLoose, key.loose, entry);
    push(this.byLength, key.loose.length, entry);
    if (key.content) putNear(this.byContent, key.content, entry);
    if (key.words.length >= 2) for (const word of new Set(key.words)) push(this.byWord, word, entry);
  }

  nearest(phrase: string): NearUtterance | undefined {
    const key = nearKey(phrase);
    if (!key) return undefined;
    const candidates = new Set<NearEntry>();
    const add = (list: NearBucket | undefined) => {
      if (list === undefined) return;
      if (!Array.isArray(list)) return void (list.removed || candidates.add(list));
      for (const entry of list) if (!entry.removed) candidates.add(entry);
    };
    add(this.byLoose.get(key.loose));
    if (key.content) add(this.byContent.get(key.content));
    // Words of the phrase, rarest first. (List lengths count removed utterances too: that only
    // changes which words are looked at.)
    const rarest = [...new Set(key.words)].sort((a, b) => (this.byWord.get(a)?.length ?? 0) - (this.byWord.get(b)?.length ?? 0));
    // Near by letters: a loose key within the letter budget, at most `budget` edits away. Each edit
    // touches at most two words, so of any 2 * budget + 1 word places of the phrase one is intact,
    // and a near utterance has that word: the utterances with the rarest words that cover that
    // many places are enough (one-word utterances are more than `budget` spaces away). A phrase
    // of fewer words is compared with every utterance of a near length.
    const budget = letterBudget(key.loose.length, key.loose.length + MAX_LETTER_BUDGET);
    const covering = wordsCovering(key.words, rarest, 2 * budget + 1);
    if (covering) for (const word of covering) add(this.byWord.get(word));
    else
      for (let length = key.loose.length - MAX_LETTER_BUDGET; length <= key.loose.length + MAX_LETTER_BUDGET; length++)
        add(this.byLength.get(length));
    if (key.words.length >= 3) {
      // Two different words of the phrase: one word edit changes or drops at most one of them.
      for (const word of rarest.slice(0, 2)) add(this.byWord.get(word));
    }
    let best: { entry: IndexedUtterance; distance: number } | undefined;
    for (const { utterance, key: candidate } of candidates) {
      const distance = nearnessOfKeys(key, candidate);
      if (distance !== undefined && (!best || distance < best.distance || (distance === best.distance && before(utterance, best.entry))))
        best = { entry: utterance, distance };
    }
    return best && { entry: best.entry, distance: best.distance };
  }
}

/**
 * The first of `ranked` (distinct words of `words`) whose places in `words` add up to `places`,
 * or undefined when all of them do not.
 */
function wordsCovering(words: readonly string[], ranked: readonly string[], places: number): string[] | undefined {
  if (words.length < places) return undefined;
  const chosen: string[] = [];
  let covered = 0;
  for (const word of ranked) {
    chosen.push(word);
    for (const w of words) if (w === word) covered++;
    if (covered >= places) return chosen;
  }
  return undefined;
}

/** An utterance in NearIndex, with its key. */
interface NearEntry {
  readonly utterance: IndexedUtterance;
  readonly key: NearKey;
  removed: boolean;
}

/** The entries of one key of NearIndex: one as it is, several in a list (in the order added). */
type NearBucket = NearEntry | NearEntry[];

function putNear(map: Map<string, NearBucket>, key: string, entry: NearEntry): void {
  const bucket = map.get(key);
  if (bucket === undefined) map.set(key, entry);
  else if (Array.isArray(bucket)) bucket.push(entry);
  else map.set(key, [bucket, entry]);
}

/** The string items of an intent's `utterances` (in order) as index entries of `record`; none when it is not an array. */
function indexedUtterances(record: FileRecord, list: JsonPlace | undefined): IndexedUtterance[] {
  const items = list?.type === 'array' ? (list.json as unknown[]) : [];
  let count = 0;
  for (const item of items) if (typeof item === 'string') count++;
  const utterances = new Array<IndexedUtterance>(count);
  for (let i = 0, at = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'string') utterances[at++] = new IndexedUtterance(record, list!, i, item, normalFormHash(item));
  }
  return utterances;
}

/** Whether `a` comes before `b` in the project's utterances. */
function before(a: IndexedUtterance, b: IndexedUtterance): boolean {
  return compareUtterances(a, b) < 0;
}

/** Project order: by file path, then by position in the file. */
function compareUtterances(a: IndexedUtterance, b: IndexedUtterance): number {
  return a.file === b.file ? a.position - b.position : comparePaths(a.file.path, b.file.path) || a.position - b.position;
}

/** What a journey file names that a conversation test may name too. */
interface JourneyNames {
  /** The ids of its nodes, each once. */
  readonly nodeIds: readonly string[];
  /** The titles of its banners' options, each once. */
  readonly optionTitles: readonly string[];
  /** Whether a banner's options are known only on the platform (a template where the payload, the options or a title is). */
  readonly templatedOptions: boolean;
}

const JOURNEY_NAMES = Symbol('node ids and option titles');

/** The node ids and banner option titles of a journey file (worked out once per file version). */
function journeyNamesOf(file: BotFile): JourneyNames {
  return file.derived(JOURNEY_NAMES, () => {
    const nodeIds = new Set<string>();
    for (const node of readJourney(file).nodes) if (node.id) nodeIds.add(node.id.value);
    const optionTitles = new Set<string>();
    let templatedOptions = false;
    for (const { payload } of bannerPayloadsOf(file)) {
      if (payload.template !== undefined) templatedOptions = true;
      for (const banner of payload.banners) {
        const options = banner.optionsNode ? file.valueAt(banner.optionsNode) : undefined;
        if (typeof options === 'string' && hasTemplate(options)) templatedOptions = true;
        for (const option of banner.options) {
          const title = option.title ? file.valueAt(option.title) : undefined;
          if (typeof title !== 'string') continue;
          if (hasTemplate(title)) templatedOptions = true;
          else optionTitles.add(title);
        }
      }
    }
    return { nodeIds: [...nodeIds], optionTitles: [...optionTitles], templatedOptions };
  });
}

const NORMAL_FORMS = Symbol('normal forms of utterances');

/** `normalizePhrase` of each utterance of an intent file, in order (worked out once per file version). */
function normalFormsOf(file: BotFile): readonly string[] {
  return file.derived(NORMAL_FORMS, () => readIntent(file).utterances.map((u) => normalizePhrase(u.value)));
}

/** What one version of a file contributes to each project fact, as comparable strings. */
export interface FileFacts {
  /** Per fact key, the file's part of the fact's answer (JSON). */
  readonly values: ReadonlyMap<FactKey, string>;
  /** The name of the intent an intent file defines. */
  readonly intentName?: string;
}

const FACTS = Symbol('facts of a file');

/**
 * What `file` contributes to each fact the index answers (worked out once per file version):
 * when an edit changes a file's contribution to a fact, the fact's answer may have changed. An
 * intent file: its name (`intent`) and each utterance (`exact`, `like`, places included; `hasExact`,
 * `hasLike`, the intent's name only, as many times as the file has the utterance). A
 * journey: its name (`journey`), trigger (`trigger` or `eventTrigger`), what path-following reads of it (`graph`),
 * its banners' exit phrases (`banner`, `bannerLike`). Every file: whether it was read and parses (`unread`).
 */
export function factsOf(file: BotFile): FileFacts {
  return file.derived(FACTS, () => {
    const values = new Map<FactKey, unknown[]>();
    const add = (key: FactKey, value: unknown) => push(values, key, value);
    if (!file.readable) add(factKey('unread', file.kind), 'not read');
    else if (file.syntaxProblems.length) add(factKey('unread', file.kind), 'not valid JSON');
    let intentName: string | undefined;
    if (file.kind === 'intent') {
      const intent = readIntent(file);
      intentName = intent.name?.value;
      if (intent.name && intentName !== undefined) {
        add(factKey('intent', intentName), place(intent.name));
        const forms = normalFormsOf(file);
        intent.utterances.forEach((u, i) => {
          add(factKey('exact', u.value), [intentName, ...place(u)]);
          add(factKey('like', forms[i]), [intentName, u.value, ...place(u)]);
          add(factKey('hasExact', u.value), intentName);
          add(factKey('hasLike', forms[i]), intentName);
        });
      }
    } else if (file.kind === 'journey') {
      const journey = readJourney(file);
      if (journey.name) add(factKey('journey', journey.name.value), place(journey.name));
      if (journey.triggerIntent) add(factKey('trigger', journey.triggerIntent.value), journey.name?.value ?? null);
      if (journey.triggerEvent) add(factKey('eventTrigger', journey.triggerEvent.value), journey.name?.value ?? null);
      const exits = exitPhrasesOf(file);
      const offering = new Set(exits.map((exit) => exit.sendEvent));
      // What path-following reads of a node: where it goes (ids and outcomes), what it does, and
      // whether it shows a banner that offers an exit phrase.
      const nodes = reachableNodes(journey).map((n) => [
        n.id?.value,
        n.type,
        n.event?.value,
        !!n.data,
        n.journey?.value,
        n.next.map((next) => [next.outcome ?? '', next.value]),
        offering.has(n),
      ]);
      add(factKey('graph', file.path), [journey.name?.value, journey.triggerIntent?.value, journey.triggerEvent?.value, journey.start?.value, nodes]);
      const names = journeyNamesOf(file);
      for (const id of names.nodeIds) add(factKey('node', id), 1);
      for (const title of names.optionTitles) add(factKey('optionTitle', title), 1);
      if (names.templatedOptions) add(factKey('optionTemplate'), 1);
      for (const exit of exits) {
        // Every plain field of the exit phrase, and where its node is.
        const fields = [
          ['phrase', exit.phrase],
          ['kind', exit.kind],
          ['offset', exit.offset],
          ['length', exit.length],
        ];
        add(factKey('banner', exit.phrase), [fields, exit.sendEvent.node.offset]);
        add(factKey('bannerLike', normalizePhrase(exit.phrase)), [fields, exit.sendEvent.node.offset]);
      }
    }
    return { values: new Map([...values].map(([key, list]) => [key, JSON.stringify(list)])), intentName };
  });
}

function place(value: NamedValue): [number, number] {
  return [value.node.offset, value.node.length];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<T extends { file: BotFile }>(map: Map<string, T[]>, key: string, file: BotFile): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((entry) => entry.file !== file);
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

/**
 * As `removeFrom`, in the list itself: for the banners by phrase, whose lists are answers only
 * until the next update, and one of which (the exit phrase's) holds a banner of most journeys.
 */
function removeInPlace<T extends { file: BotFile }>(map: Map<string, T[]>, key: string, file: BotFile): void {
  const list = map.get(key);
  if (!list) return;
  let kept = 0;
  for (const entry of list) if (entry.file !== file) list[kept++] = entry;
  if (kept) list.length = kept;
  else map.delete(key);
}

const cache = new WeakMap<BotProject, ProjectIndex>();

/** The project's index, brought up to date with the project's files. */
export function indexOf(project: BotProject): ProjectIndex {
  let index = cache.get(project);
  if (!index) cache.set(project, (index = new ProjectIndex(project)));
  else index.update();
  return index;
}
