// The contract of a check, in the manner of ESLint's `meta` + `create`: each check is one file
// that declares its metadata, its messages (with the data each takes), its logic and its fixes.
// Everything else (settings in package.json, the rule list of handoff-kit.json's schema, the docs
// pages, SARIF's `tool.driver.rules`) is derived from the registry in `./index.ts`.
import type { BotFile } from '../model/botFile';
import type { FileKind } from '../model/projectLayout';
import type { Finding, RelatedLocation, Severity } from '../findings';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import type { ProjectEdit } from '../edits/edits';

/** A rule's messages: one function per message id, from the data the finding carries to its text. */
export type MessageMap = Record<string, (data: never) => string>;

/** The data a message takes (`{}` for none). */
export type MessageData<M extends MessageMap, K extends keyof M> = Parameters<M[K]> extends [] ? Record<string, never> : Parameters<M[K]>[0];

/** What a check reports: a message at an offset range of the file it checks (UTF-16 offsets). */
export type Problem<M extends MessageMap> = {
  [K in keyof M & string]: {
    /** 0-based UTF-16 offset of the range's start in the file's text. */
    readonly offset: number;
    /** Length of the range in UTF-16 code units. */
    readonly length: number;
    readonly messageId: K;
    readonly data: MessageData<M, K>;
    /** Overrides the rule's severity for this one problem (such as an unknown property: a warning). */
    readonly severity?: Severity;
    /** Other places that explain the finding (the utterance a banner text nearly matches). */
    readonly related?: readonly RelatedLocation[];
    /** The range is code that never runs: editors fade it. */
    readonly unnecessary?: boolean;
  };
}[keyof M & string];

export type Report<M extends MessageMap> = (problem: Problem<M>) => void;

/** A finding of this rule, with its data typed as its messages declare. */
export type FindingOf<M extends MessageMap> = Omit<Finding, 'data' | 'messageId'> &
  { [K in keyof M & string]: { readonly messageId: K; readonly data: MessageData<M, K> } }[keyof M & string];

/** What a check may depend on beyond the files: how the project is configured. */
export interface RuleContext {
  /** How exit phrases are compared with utterances. */
  readonly phraseMatch: PhraseMatch;
  /** The confidence, in percent (0–100), below which an exit phrase's live intent match is too weak. */
  readonly minConfidence: number;
}

/** The metadata every check declares, read by the registry's consumers. */
export interface RuleMeta<M extends MessageMap> {
  /** The code findings carry, such as `unknown-event`: part of the public interface (settings, CI). */
  readonly code: string;
  /** The severity when no setting says otherwise. */
  readonly severity: Severity;
  /** One line: what the check reports (settings UI, `handoff-kit rules`, SARIF shortDescription). */
  readonly description: string;
  /** A few sentences: why a customer gets stuck, or what breaks, without it (SARIF fullDescription). */
  readonly explanation: string;
  /** The kinds of bot file the check reads. */
  readonly kinds: readonly FileKind[];
  /** Whether some of its findings come with a quick fix. */
  readonly fixable: boolean;
  /**
   * Whether the check runs on files that were not read (too large, unreadable): only the checks
   * that report the file itself do; every other check sees only files whose content is known.
   */
  readonly onUnreadFiles?: boolean;
  /**
   * Whether the check runs on a file that does not parse: only the checks of the syntax itself
   * do. What such a file holds is unknown, so no other check says anything about it.
   */
  readonly onUnparsableFiles?: boolean;
  readonly messages: M;
}

/** What a rule's quick fixes are computed from. */
export interface FixContext<M extends MessageMap> {
  readonly project: BotProject;
  readonly file: BotFile;
  readonly finding: FindingOf<M>;
}

/**
 * A check whose findings depend on its file's text only. It is given the file and nothing else,
 * so its results can be cached per file version: reading the project from here would be a bug.
 */
export interface FileRule<M extends MessageMap = MessageMap> extends RuleMeta<M> {
  readonly scope: 'file';
  check(file: BotFile, report: Report<M>): void;
  /** Quick fixes for one of its findings, each one edit that one undo reverts. */
  fixes?(context: FixContext<M>): ProjectEdit[];
}

/** A check whose findings also depend on other files of the project; run again on every change. */
export interface ProjectRule<M extends MessageMap = MessageMap> extends RuleMeta<M> {
  readonly scope: 'project';
  check(file: BotFile, project: BotProject, report: Report<M>, context: RuleContext): void;
  fixes?(context: FixContext<M>): ProjectEdit[];
}

/**
 * A check as the registry holds it, told apart by `scope`: a FileRule reads its file only (its
 * findings are cached per file version), a ProjectRule also reads the project through its
 * accessors. Each is declared with defineFileRule or defineProjectRule in rules/<code>.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds rules of every message map
export type Rule = FileRule<any> | ProjectRule<any>;

/** Declares a file-scope check; the identity function that gives `report` and `fixes` their types. */
export function defineFileRule<M extends MessageMap>(rule: FileRule<M>): FileRule<M> {
  return rule;
}

/** Declares a project-scope check; the identity function that gives `report` and `fixes` their types. */
export function defineProjectRule<M extends MessageMap>(rule: ProjectRule<M>): ProjectRule<M> {
  return rule;
}

/** The path of a check's documentation page, relative to the repository (and the npm package). */
export function docsPathOf(code: string): string {
  return `docs/rules/${code}.md`;
}

/** Where a check's documentation page is published (the LSP `codeDescription.href`, SARIF `helpUri`). */
export const DOCS_BASE_URL = 'https://github.com/handoff-kit/handoff-kit/blob/main/';
