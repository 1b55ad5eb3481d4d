// What a check reports: a problem at an offset range of one file. Offsets stay offsets until an
// adapter (LSP, command line) turns them into lines and characters.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Finding {
  /** The rule's code, such as `unknown-event`. Part of the public interface. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Absolute path of the file the finding is in. */
  readonly file: string;
  readonly offset: number;
  readonly length: number;
  /** Rule-specific facts for quick fixes, such as the suggested replacement. */
  readonly data?: FindingData;
}

export interface FindingData {
  /** A replacement the developer most likely meant ("did you mean"). */
  readonly suggestion?: string;
  readonly [key: string]: unknown;
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.offset - b.offset || a.code.localeCompare(b.code);
}
