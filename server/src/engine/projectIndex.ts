// What the cross-file checks look up: intents and journeys by name, utterances, the journeys an
// intent starts, and every banner's exit phrases. Built once per project generation, so a
// keystroke costs one rebuild however many files are then checked.
import type { BotFile, NamedValue } from './botFile';
import { exitPhrasesOf, type ExitPhrase } from './exitPhrases';
import { readIntent, type Intent } from './intent';
import { readJourney, type Journey } from './journey';
import { MAX_LETTER_BUDGET, nearKey, nearnessOfKeys, normalizePhrase, phraseKey, type NearKey, type PhraseMatch } from './phraseMatch';
import type { BotProject } from './project';

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

export interface BannerPhraseEntry {
  readonly exit: ExitPhrase;
  readonly file: BotFile;
}

export interface NearUtterance {
  readonly entry: UtteranceEntry;
  readonly distance: number;
}

export class ProjectIndex {
  readonly intentsByName: ReadonlyMap<string, IntentEntry[]>;
  readonly journeysByName = new Map<string, JourneyEntry[]>();
  /** Journeys whose trigger is the intent. */
  readonly journeysByIntent = new Map<string, JourneyEntry[]>();
  readonly utterances: readonly UtteranceEntry[];
  readonly bannerPhrases: BannerPhraseEntry[] = [];
  private readonly journeysByFile = new Map<BotFile, JourneyEntry>();
  private readonly exitIntentsByMode = new Map<PhraseMatch, Map<string, BannerPhraseEntry[]>>();
  private readonly intents: IntentTables;

  constructor(project: BotProject) {
    this.intents = intentTablesOf(project, project.filesOfKind('intent'));
    this.intentsByName = this.intents.intentsByName;
    this.utterances = this.intents.utterances;
    for (const file of project.filesOfKind('journey')) {
      const journey = readJourney(file);
      this.journeysByFile.set(file, { file, journey });
      if (journey.name) push(this.journeysByName, journey.name.value, { file, journey });
      if (journey.triggerIntent) push(this.journeysByIntent, journey.triggerIntent.value, { file, journey });
      for (const exit of exitPhrasesOf(file)) this.bannerPhrases.push({ exit, file });
    }
  }

  journeyOf(file: BotFile): JourneyEntry | undefined {
    return this.journeysByFile.get(file);
  }

  /** The utterances that match `phrase` as the bot's matcher compares. */
  utterancesMatching(phrase: string, mode: PhraseMatch): UtteranceEntry[] {
    return this.intents.utterancesMatching(phrase, mode);
  }

  /**
   * The utterances that look the same as `phrase` to a reader (equal `normalizePhrase` forms),
   * whatever `exitPhraseMatch` says: what training conflicts and "looks identical" messages compare.
   */
  utterancesLike(phrase: string): UtteranceEntry[] {
    return this.intents.utterancesLike(phrase);
  }

  /**
   * The utterance nearest to `phrase` that is near enough to be what was meant (see
   * phraseMatch.ts `nearness`); of several equally near, the first in `utterances`. Compares the
   * phrase only with the utterances an index of their keys says can be near, not with all.
   */
  nearestUtterance(phrase: string): NearUtterance | undefined {
    return this.intents.nearestUtterance(phrase);
  }

  /** The intents trained with a phrase some banner offers, with the phrases. */
  exitIntents(mode: PhraseMatch): ReadonlyMap<string, BannerPhraseEntry[]> {
    let intents = this.exitIntentsByMode.get(mode);
    if (!intents) {
      intents = new Map();
      for (const banner of this.bannerPhrases) {
        const names = new Set(this.utterancesMatching(banner.exit.phrase, mode).map((u) => u.intentName));
        for (const name of names) push(intents, name, banner);
      }
      this.exitIntentsByMode.set(mode, intents);
    }
    return intents;
  }
}

/**
 * The utterances indexed by what `nearness` compares, so that "did you mean" looks at the few
 * that can be near a phrase: those with the same loose key (nearness 0), the same content words
 * (1), a loose key of a length within `MAX_LETTER_BUDGET` (letters), or, for phrases of three
 * words or more, one of the phrase's two rarest words (one word edit keeps all but one word).
 * Every candidate is then measured with `nearnessOfKeys`, so the result is `nearness`'s own.
 */
class NearIndex {
  private readonly keys: (NearKey | undefined)[];
  private readonly byLoose = new Map<string, number[]>();
  private readonly byContent = new Map<string, number[]>();
  private readonly byLength = new Map<number, number[]>();
  private readonly byWord = new Map<string, number[]>();

  constructor(readonly utterances: readonly UtteranceEntry[]) {
    this.keys = utterances.map((u) => nearKey(u.utterance.value));
    this.keys.forEach((key, i) => {
      if (!key) return;
      push(this.byLoose, key.loose, i);
      if (key.content) push(this.byContent, key.content, i);
      push(this.byLength, key.loose.length, i);
      if (key.words.length >= 2) for (const word of new Set(key.words)) push(this.byWord, word, i);
    });
  }

  nearest(phrase: string): NearUtterance | undefined {
    const key = nearKey(phrase);
    if (!key) return undefined;
    const candidates = new Set<number>();
    const add = (list: readonly number[] | undefined) => list?.forEach((i) => candidates.add(i));
    add(this.byLoose.get(key.loose));
    if (key.content) add(this.byContent.get(key.content));
    for (let length = key.loose.length - MAX_LETTER_BUDGET; length <= key.loose.length + MAX_LETTER_BUDGET; length++) add(this.byLength.get(length));
    if (key.words.length >= 3) {
      // Two different words of the phrase: one word edit changes or drops at most one of them.
      const rarest = [...new Set(key.words)].sort((a, b) => (this.byWord.get(a)?.length ?? 0) - (this.byWord.get(b)?.length ?? 0));
      for (const word of rarest.slice(0, 2)) add(this.byWord.get(word));
    }
    let best: { index: number; distance: number } | undefined;
    for (const i of candidates) {
      const distance = nearnessOfKeys(key, this.keys[i]!);
      if (distance !== undefined && (!best || distance < best.distance || (distance === best.distance && i < best.index))) best = { index: i, distance };
    }
    return best && { entry: this.utterances[best.index], distance: best.distance };
  }
}

/**
 * What the intent files give the index (intents by name, utterances, and the tables of utterances
 * built on first use), shared by every generation of the project while its intent files are the
 * same versions: an edit of a journey does not list and normalise 50,000 utterances again.
 */
class IntentTables {
  readonly intentsByName = new Map<string, IntentEntry[]>();
  readonly utterances: UtteranceEntry[] = [];
  private readonly utterancesByKey = new Map<PhraseMatch, Map<string, UtteranceEntry[]>>();
  private utterancesByNormalForm: Map<string, UtteranceEntry[]> | undefined;
  /** `normalizePhrase` of each utterance's text, so that looking up an utterance costs no normalising. */
  private normalForms: Map<string, string> | undefined;
  private near: NearIndex | undefined;

  constructor(readonly files: readonly BotFile[]) {
    for (const file of files) {
      const intent = readIntent(file);
      if (!intent.name) continue;
      push(this.intentsByName, intent.name.value, { file, intent });
      for (const utterance of intent.utterances) this.utterances.push({ utterance, file, intentName: intent.name.value });
    }
  }

  utterancesMatching(phrase: string, mode: PhraseMatch): UtteranceEntry[] {
    let byKey = this.utterancesByKey.get(mode);
    if (!byKey) {
      byKey = new Map();
      for (const entry of this.utterances) push(byKey, mode === 'exact' ? entry.utterance.value : this.normalForm(entry.utterance.value), entry);
      this.utterancesByKey.set(mode, byKey);
    }
    return byKey.get(mode === 'exact' ? phraseKey(phrase, mode) : this.normalForm(phrase)) ?? [];
  }

  utterancesLike(phrase: string): UtteranceEntry[] {
    if (!this.utterancesByNormalForm) {
      this.utterancesByNormalForm = new Map();
      for (const entry of this.utterances) push(this.utterancesByNormalForm, this.normalForm(entry.utterance.value), entry);
    }
    return this.utterancesByNormalForm.get(this.normalForm(phrase)) ?? [];
  }

  nearestUtterance(phrase: string): NearUtterance | undefined {
    this.near ??= new NearIndex(this.utterances);
    return this.near.nearest(phrase);
  }

  /** `normalizePhrase(phrase)`, remembered for the utterances' own texts. */
  private normalForm(phrase: string): string {
    if (!this.normalForms) {
      this.normalForms = new Map();
      for (const entry of this.utterances) {
        const text = entry.utterance.value;
        if (!this.normalForms.has(text)) this.normalForms.set(text, normalizePhrase(text));
      }
    }
    return this.normalForms.get(phrase) ?? normalizePhrase(phrase);
  }
}

const intentTables = new WeakMap<BotProject, IntentTables>();

function intentTablesOf(project: BotProject, files: readonly BotFile[]): IntentTables {
  const cached = intentTables.get(project);
  if (cached && cached.files.length === files.length && cached.files.every((f, i) => f === files[i])) return cached;
  const tables = new IntentTables(files);
  intentTables.set(project, tables);
  return tables;
}

const cache = new WeakMap<BotProject, { generation: number; index: ProjectIndex }>();

export function indexOf(project: BotProject): ProjectIndex {
  const cached = cache.get(project);
  if (cached && cached.generation === project.generation) return cached.index;
  const index = new ProjectIndex(project);
  cache.set(project, { generation: project.generation, index });
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
