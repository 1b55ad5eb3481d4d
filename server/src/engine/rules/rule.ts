// The shape of a check. A rule reads the project model and reports problems at offsets; it
// knows nothing of editors or terminals.
import type { BotFile, FileKind } from '../botFile';
import type { FindingData, Severity } from '../findings';
import type { PhraseMatch } from '../phraseMatch';
import type { BotProject } from '../project';

/** What a check may depend on beyond the files: how the project is configured. */
export interface RuleContext {
  /** How exit phrases are compared with utterances. */
  readonly phraseMatch: PhraseMatch;
}

export interface Problem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** Overrides the rule's severity for this one problem. */
  readonly severity?: Severity;
  readonly data?: FindingData;
}

export interface Rule {
  /** The code findings carry, such as `unknown-event`: part of the public interface. */
  readonly code: string;
  readonly severity: Severity;
  /** One line for the README and for hovers. */
  readonly description: string;
  readonly kinds: readonly FileKind[];
  /**
   * `file`: the findings depend on the file's own text only, and are cached per parsed version.
   * `project`: they also depend on other files, and are computed again on every check.
   */
  readonly scope: 'file' | 'project';
  check(file: BotFile, project: BotProject, report: (problem: Problem) => void, context: RuleContext): void;
}
