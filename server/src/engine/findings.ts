// What a check reports: a problem at an offset range of one file. Offsets stay offsets until an
// adapter (LSP, command line, SARIF) turns them into lines and characters.

/** The severities a finding can have, from most to least severe; `off` is a setting, not a severity. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
/**
 * How serious a finding is: `error`, `warning`, `info` or `hint` (SEVERITIES, most severe first).
 * The front ends map it to LSP's DiagnosticSeverity 1-4, SARIF's `error`/`warning`/`note` and
 * GitHub's `error`/`warning`/`notice` annotations.
 */
export type Severity = (typeof SEVERITIES)[number];

/** A rule's setting: another severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Every value a rule may be set to, in handoff-kit.json, the editor's settings and `--rule`. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', ...SEVERITIES];

/** Whether `value` is a rule setting (`off` or a severity). */
export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value);
}

/**
 * The rule settings of a `rules` object as handoff-kit.json and the editor's settings write it:
 * `{ "<code>": "<setting>" }`. Entries of the wrong shape are left out (the schema reports them);
 * anything but an object gives `{}`. Never throws.
 */
export function readRuleSettings(value: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [code, setting] of Object.entries(value)) if (isRuleSetting(setting)) rules[code] = setting;
  }
  return rules;
}

/** Another place that explains a finding, such as the utterance a banner text nearly matches. */
export interface RelatedLocation {
  /** Absolute path of the file. */
  readonly file: string;
  /** 0-based UTF-16 offset and length in that file's text. */
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/**
 * One problem a check reports: a rule's `code` and message at a range of one file, in 0-based
 * UTF-16 offsets into that BotFile's `text`; only the front ends turn them into lines and
 * characters. Front ends list them in `compareFindings` order. The language server carries
 * `messageId` and `data` in the diagnostic and gets them back to compute quick fixes.
 */
export interface Finding {
  /** The rule's code, such as `unknown-event`. Part of the public interface. */
  readonly code: string;
  /** Which of the rule's messages this is (see the rule's `messages`). */
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Absolute path of the file the finding is in. */
  readonly file: string;
  /** 0-based UTF-16 offset of the range's start in the file's text. */
  readonly offset: number;
  /** Length of the range in UTF-16 code units. */
  readonly length: number;
  /** The message's data, as the rule declares it: what its quick fixes are computed from. */
  readonly data?: FindingData;
  readonly related?: readonly RelatedLocation[];
  /** The range is code that never runs (LSP's `Unnecessary` tag). */
  readonly unnecessary?: boolean;
}

/**
 * The values a finding's message was made from, by name, as the rule's `messages` declare them
 * (`{ name, suggestion }` for "did you mean"). Quick fixes are computed from them, and they make
 * a round trip through LSP's `Diagnostic.data`, so they must be JSON values.
 */
export interface FindingData {
  /** A replacement the developer most likely meant ("did you mean"). */
  readonly suggestion?: string;
  readonly [key: string]: unknown;
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Orders findings by file path, then offset, then code: the order every front end prints. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.offset - b.offset || a.code.localeCompare(b.code);
}

/** A size in bytes as people read it: `512 bytes`, `3.0 KB`, `2.4 MB` (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
