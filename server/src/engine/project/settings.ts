// handoff-kit.json: a bot project's own settings for the checks, read by the editor and the
// command line alike. Values of the wrong shape are ignored here; the schema rule reports them.
import type { BotFile } from '../model/botFile';
import { readRuleSettings, type RuleSetting } from '../findings';
import { PHRASE_MATCHES, type PhraseMatch } from '../phrases/phraseMatch';

/**
 * What a project's handoff-kit.json sets, with only the keys it gives a valid value: `rules` (rule
 * code to setting), `phraseMatch` (the file's `exitPhraseMatch` key) and `minConfidence` (percent,
 * 0-100) and `ignores` (gitignore patterns). CheckOptions win over it: the editor's settings, the
 * command line's `--rule`, and its `--config` file, read in its place.
 */
export interface ProjectSettings {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly phraseMatch?: PhraseMatch;
  /** `minConfidence`: percent (0–100) below which an exit phrase's live intent match is too weak. */
  readonly minConfidence?: number;
  /**
   * `ignores`: gitignore patterns, relative to the file's folder, of the folders and files the
   * search for bot projects leaves out there and below (ignores.ts). Only the strings of the list.
   */
  readonly ignores?: readonly string[];
}

const PHRASE_MATCH_SET = new Set<string>(PHRASE_MATCHES);
const PROJECT_SETTINGS = Symbol('project settings');

/**
 * The settings of a handoff-kit.json BotFile, read once per file version; `{}` without a file.
 * Never throws: a value of the wrong shape is left out (the schema check reports it).
 */
export function readProjectSettings(file: BotFile | undefined): ProjectSettings {
  if (!file) return {};
  return file.derived(PROJECT_SETTINGS, () => {
    const value = (file.value && typeof file.value === 'object' ? file.value : {}) as Record<string, unknown>;
    const rules = readRuleSettings(value.rules);
    const phraseMatch = readPhraseMatch(value.exitPhraseMatch);
    const minConfidence = readMinConfidence(value.minConfidence);
    const ignores = Array.isArray(value.ignores) ? value.ignores.filter((p): p is string => typeof p === 'string') : [];
    return {
      ...(Object.keys(rules).length ? { rules } : {}),
      ...(phraseMatch ? { phraseMatch } : {}),
      ...(minConfidence === undefined ? {} : { minConfidence }),
      ...(ignores.length ? { ignores } : {}),
    };
  });
}

/** `exitPhraseMatch` as handoff-kit.json or the editor's settings give it: one of PHRASE_MATCHES, else undefined. */
export function readPhraseMatch(value: unknown): PhraseMatch | undefined {
  return typeof value === 'string' && PHRASE_MATCH_SET.has(value) ? (value as PhraseMatch) : undefined;
}

/** `minConfidence`: a percent from 0 to 100 (inclusive), else undefined. */
export function readMinConfidence(value: unknown): number | undefined {
  return typeof value === 'number' && value >= 0 && value <= 100 ? value : undefined;
}
