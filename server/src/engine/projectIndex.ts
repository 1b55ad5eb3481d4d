// What the cross-file checks look up: intents and journeys by name, utterances, the journeys an
// intent starts, and every banner's exit phrases. Built once per project generation, so a
// keystroke costs one rebuild however many files are then checked.
import type { BotFile, NamedValue } from './botFile';
import { exitPhrasesOf, type ExitPhrase } from './exitPhrases';
import { readIntent, type Intent } from './intent';
import { readJourney, type Journey } from './journey';
import { nearness, normalizePhrase, phraseKey, type PhraseMatch } from './phraseMatch';
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
  readonly intentsByName = new Map<string, IntentEntry[]>();
  readonly journeysByName = new Map<string, JourneyEntry[]>();
  /** Journeys whose trigger is the intent. */
  readonly journeysByIntent = new Map<string, JourneyEntry[]>();
  readonly utterances: UtteranceEntry[] = [];
  readonly bannerPhrases: BannerPhraseEntry[] = [];
  private readonly journeysByFile = new Map<BotFile, JourneyEntry>();
  private readonly utterancesByKey = new Map<PhraseMatch, Map<string, UtteranceEntry[]>>();
  private utterancesByNormalForm: Map<string, UtteranceEntry[]> | undefined;
  private readonly exitIntentsByMode = new Map<PhraseMatch, Map<string, BannerPhraseEntry[]>>();

  constructor(project: BotProject) {
    for (const file of project.filesOfKind('intent')) {
      const intent = readIntent(file);
      if (!intent.name) continue;
      push(this.intentsByName, intent.name.value, { file, intent });
      for (const utterance of intent.utterances) this.utterances.push({ utterance, file, intentName: intent.name.value });
    }
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
    let byKey = this.utterancesByKey.get(mode);
    if (!byKey) {
      byKey = new Map();
      for (const entry of this.utterances) push(byKey, phraseKey(entry.utterance.value, mode), entry);
      this.utterancesByKey.set(mode, byKey);
    }
    return byKey.get(phraseKey(phrase, mode)) ?? [];
  }

  /**
   * The utterances that look the same as `phrase` to a reader (equal `normalizePhrase` forms),
   * whatever `exitPhraseMatch` says: what training conflicts and "looks identical" messages compare.
   */
  utterancesLike(phrase: string): UtteranceEntry[] {
    if (!this.utterancesByNormalForm) {
      this.utterancesByNormalForm = new Map();
      for (const entry of this.utterances) push(this.utterancesByNormalForm, normalizePhrase(entry.utterance.value), entry);
    }
    return this.utterancesByNormalForm.get(normalizePhrase(phrase)) ?? [];
  }

  /** The utterance nearest to `phrase` that is near enough to be what was meant. */
  nearestUtterance(phrase: string): NearUtterance | undefined {
    let best: NearUtterance | undefined;
    for (const entry of this.utterances) {
      const distance = nearness(phrase, entry.utterance.value);
      if (distance !== undefined && (!best || distance < best.distance)) best = { entry, distance };
    }
    return best;
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
