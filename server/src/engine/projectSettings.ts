// handoff-kit.json: a bot project's own settings for the checks, read by the editor and the
// command line alike. Values of the wrong shape are ignored here; the schema rule reports them.
import type { BotFile } from './botFile';
import type { RuleSetting } from './check';
import type { PhraseMatch } from './phraseMatch';

export interface ProjectSettings {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly phraseMatch?: PhraseMatch;
}

const RULE_SETTINGS = new Set(['off', 'error', 'warning', 'info', 'hint']);
const PHRASE_MATCHES = new Set(['exact', 'ignoreCaseAndSpacing']);
const cache = new WeakMap<BotFile, ProjectSettings>();

export function readProjectSettings(file: BotFile | undefined): ProjectSettings {
  if (!file) return {};
  let settings = cache.get(file);
  if (!settings) {
    const value = (file.value && typeof file.value === 'object' ? file.value : {}) as Record<string, unknown>;
    const rules: Record<string, RuleSetting> = {};
    if (value.rules && typeof value.rules === 'object') {
      for (const [code, setting] of Object.entries(value.rules)) {
        if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[code] = setting as RuleSetting;
      }
    }
    settings = {
      ...(Object.keys(rules).length ? { rules } : {}),
      ...(typeof value.exitPhraseMatch === 'string' && PHRASE_MATCHES.has(value.exitPhraseMatch)
        ? { phraseMatch: value.exitPhraseMatch as PhraseMatch }
        : {}),
    };
    cache.set(file, settings);
  }
  return settings;
}
