// handoff-kit.json: a bot project's own settings for the checks, read by the editor and the
// command line alike. Values of the wrong shape are ignored here; the schema rule reports them.
import type { BotFile } from '../model/botFile';
import type { RuleSetting } from '../findings';
import { SEVERITIES } from '../findings';
import { PHRASE_MATCHES, type PhraseMatch } from '../phrases/phraseMatch';

export interface ProjectSettings {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly phraseMatch?: PhraseMatch;
  /** `minConfidence`: percent (0–100) below which an exit phrase's live intent match is too weak. */
  readonly minConfidence?: number;
}

const RULE_SETTINGS = new Set<string>(['off', ...SEVERITIES]);
const PHRASE_MATCH_SET = new Set<string>(PHRASE_MATCHES);
const PROJECT_SETTINGS = Symbol('project settings');

export function readProjectSettings(file: BotFile | undefined): ProjectSettings {
  if (!file) return {};
  return file.derived(PROJECT_SETTINGS, () => {
    const value = (file.value && typeof file.value === 'object' ? file.value : {}) as Record<string, unknown>;
    const rules: Record<string, RuleSetting> = {};
    if (value.rules && typeof value.rules === 'object') {
      for (const [code, setting] of Object.entries(value.rules)) {
        if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[code] = setting as RuleSetting;
      }
    }
    return {
      ...(Object.keys(rules).length ? { rules } : {}),
      ...(typeof value.exitPhraseMatch === 'string' && PHRASE_MATCH_SET.has(value.exitPhraseMatch)
        ? { phraseMatch: value.exitPhraseMatch as PhraseMatch }
        : {}),
      ...(typeof value.minConfidence === 'number' && value.minConfidence >= 0 && value.minConfidence <= 100
        ? { minConfidence: value.minConfidence }
        : {}),
    };
  });
}
