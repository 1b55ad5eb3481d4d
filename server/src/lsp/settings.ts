// The settings the language server reads per bot project through workspace/configuration
// (section `handoffKit`); documented in package.json `contributes.configuration`.
import {
  DEFAULT_MAX_FILE_SIZE,
  PHRASE_MATCHES,
  readMinConfidence,
  readPhraseMatch,
  readRuleSettings,
  type PhraseMatch,
  type RuleSetting,
} from '../engine';

export interface HandoffKitSettings {
  /** Check bot projects at all. */
  readonly enable: boolean;
  /** Per rule code: `off`, or the severity to report it with. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Bot files larger than this many bytes are not checked (read once for the whole workspace). */
  readonly maxFileSize: number;
  /**
   * How exit phrases are compared; undefined: as the project's handoff-kit.json says (the
   * setting's value `project`, its default).
   */
  readonly exitPhraseMatch?: PhraseMatch;
  /** Percent (0–100) for `live-low-confidence`; undefined: as the project's handoff-kit.json says. */
  readonly minConfidence?: number;
}

export const defaultSettings: HandoffKitSettings = {
  enable: true,
  rules: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

/**
 * The values of `handoffKit.exitPhraseMatch`: `project` (the default) defers to the project's
 * handoff-kit.json; the others override it. Anything else (such as the `null` older versions
 * offered) reads as `project`.
 */
export const EXIT_PHRASE_MATCH_SETTINGS = ['project', ...PHRASE_MATCHES] as const;

/**
 * Reads what the client sent for the section `handoffKit` (any JSON value), keeping defaults for
 * anything missing or of the wrong type; never throws.
 */
export function toSettings(raw: unknown): HandoffKitSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const exitPhraseMatch = readPhraseMatch(value.exitPhraseMatch);
  const minConfidence = readMinConfidence(value.minConfidence);
  return {
    ...(minConfidence === undefined ? {} : { minConfidence }),
    // `project` and anything unknown: no override, handoff-kit.json decides.
    ...(exitPhraseMatch ? { exitPhraseMatch } : {}),
    enable: typeof value.enable === 'boolean' ? value.enable : defaultSettings.enable,
    rules: readRuleSettings(value.rules),
    maxFileSize: typeof value.maxFileSize === 'number' && value.maxFileSize > 0 ? value.maxFileSize : defaultSettings.maxFileSize,
  };
}
