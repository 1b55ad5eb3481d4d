// Runs the checks over project files. Findings of file-scope checks are cached per parsed file
// version, so a keystroke re-validates only the file it changed. Each check runs in isolation:
// one that throws becomes a `check-failed` finding on that file, and every other check still runs.
import type { BotFile } from '../model/botFile';
import { compareFindings, type Finding, type RuleSetting, type Severity } from '../findings';
import { DEFAULT_MIN_CONFIDENCE } from '../studio/liveResults';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import type { ProjectSettings } from '../project/settings';
import { checkFailed } from './rules/check-failed';
import { fileRules, projectRules, type MessageMap, type Report, type Rule, type RuleContext } from './registry';

/**
 * What a check run takes beyond the project. Each option given wins over the project's
 * handoff-kit.json (or over `settings`, read in its place), which wins over the defaults (`exact`,
 * 70 percent). The language server fills it from the editor's settings, the command line from its flags.
 */
export interface CheckOptions {
  /** Per rule code: another severity, or `off`. Overrides the project's handoff-kit.json. */
  readonly rules?: Readonly<Record<string, RuleSetting | undefined>>;
  /** How exit phrases are compared; overrides handoff-kit.json; `exact` when neither says. */
  readonly phraseMatch?: PhraseMatch;
  /**
   * Used instead of the project's own handoff-kit.json (the command line's `--config`); `rules`
   * and `phraseMatch` above still win over it.
   */
  readonly settings?: ProjectSettings;
  /** Percent (0–100) for `live-low-confidence`; overrides handoff-kit.json `minConfidence`; 70 when neither says. */
  readonly minConfidence?: number;
}

const FILE_FINDINGS = Symbol('file-scope findings');

/** The findings of one file, sorted by offset, with the project's settings and `given` applied. */
export function checkFile(project: BotProject, file: BotFile, given: CheckOptions = {}): Finding[] {
  return checkWith(project, file, resolveOptions(project, given));
}

/** Every finding of every file of the project, sorted by file and offset. */
export function checkProject(project: BotProject, options: CheckOptions = {}): Finding[] {
  const resolved = resolveOptions(project, options);
  return project
    .allFiles()
    .flatMap((file) => checkWith(project, file, resolved))
    .sort(compareFindings);
}

/**
 * The findings of the file-scope checks of one file, before any setting is applied (a rule turned
 * off still reports here), in the order `checkProject` takes them: what `checkProjectInParts`
 * takes back from a caller that ran them elsewhere (the command line's worker thread). They read
 * nothing but the file, and are cached with its version.
 */
export function fileScopeFindings(file: BotFile): Finding[] {
  return file.derived(FILE_FINDINGS, () => run(fileRules, file, (rule, report) => rule.check(file, report)));
}

/**
 * `checkProject` in two steps, for a caller that runs the file-scope checks elsewhere meanwhile
 * (the command line's worker thread): the project-scope checks of every file run now, and
 * `finish` takes the file-scope findings of each file by path, as `fileScopeFindings` gives them
 * (a file it is not given is checked here), and returns what `checkProject` would have: the
 * same findings in the same order.
 */
export function checkProjectInParts(
  project: BotProject,
  options: CheckOptions = {},
): { finish(fileScoped: ReadonlyMap<string, readonly Finding[]>): Finding[] } {
  const { settings, context } = resolveOptions(project, options);
  const files = project.allFiles();
  const projectScoped = files.map((file) => run(projectRules, file, (rule, report) => rule.check(file, project, report, context)));
  return {
    finish: (fileScoped) =>
      files
        .flatMap((file, i) => {
          const own = fileScoped.get(file.path) ?? fileScopeFindings(file);
          return applySettings(own.length ? [...own, ...projectScoped[i]] : projectScoped[i], settings).sort(compareFindings);
        })
        .sort(compareFindings),
  };
}

/** The rule settings and the checks' context: the project's handoff-kit.json under the options given (which win). */
interface ResolvedOptions {
  readonly settings: Readonly<Record<string, RuleSetting | undefined>>;
  readonly context: RuleContext;
}

function resolveOptions(project: BotProject, given: CheckOptions): ResolvedOptions {
  const base = given.settings ?? project.settings;
  return {
    settings: { ...base.rules, ...given.rules },
    context: {
      phraseMatch: given.phraseMatch ?? base.phraseMatch ?? 'exact',
      minConfidence: given.minConfidence ?? base.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    },
  };
}

function checkWith(project: BotProject, file: BotFile, { settings, context }: ResolvedOptions): Finding[] {
  // File-scope rules read nothing but the file, so neither the project nor the context changes their result.
  const fileScoped = fileScopeFindings(file);
  const projectScoped = run(projectRules, file, (rule, report) => rule.check(file, project, report, context));
  return applySettings(fileScoped.length ? [...fileScoped, ...projectScoped] : projectScoped, settings).sort(compareFindings);
}

function run<R extends Rule>(rules: readonly R[], file: BotFile, invoke: (rule: R, report: Report<MessageMap>) => void): Finding[] {
  const findings: Finding[] = [];
  // One report function for all the rules (rules report synchronously, while they run).
  let current: R;
  const report: Report<MessageMap> = (problem) => findings.push(toFinding(current, file, problem as RuleProblem));
  for (const rule of rules) {
    if (!rule.kinds.includes(file.kind)) continue;
    // A file that was not read (too large, unreadable) has no content to check: only the checks
    // that report the file itself run, so no other check concludes anything from its emptiness.
    if (!file.readable && !rule.onUnreadFiles) continue;
    if (file.syntaxProblems.length && !rule.onUnparsableFiles && !rule.onUnreadFiles) continue;
    const before = findings.length;
    current = rule;
    try {
      invoke(rule, report);
    } catch (error) {
      findings.length = before;
      findings.push(
        toFinding(checkFailed, file, {
          offset: 0,
          length: 0,
          messageId: 'failed',
          data: { check: rule.code, error: describeError(error) },
        }),
      );
    }
  }
  return findings;
}

interface RuleProblem {
  readonly offset: number;
  readonly length: number;
  readonly messageId: string;
  readonly data: object;
  readonly severity?: Severity;
  readonly related?: Finding['related'];
  readonly unnecessary?: boolean;
}

function toFinding(rule: Rule, file: BotFile, problem: RuleProblem): Finding {
  const format = (rule.messages as Record<string, (data: object) => string>)[problem.messageId];
  return {
    code: rule.code,
    messageId: problem.messageId,
    severity: problem.severity ?? rule.severity,
    message: format(problem.data),
    file: file.path,
    offset: problem.offset,
    length: problem.length,
    ...(Object.keys(problem.data).length ? { data: problem.data as Finding['data'] } : {}),
    ...(problem.related?.length ? { related: problem.related } : {}),
    ...(problem.unnecessary ? { unnecessary: true } : {}),
  };
}

function describeError(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'the file is nested too deeply to check (maximum call stack size exceeded)';
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function applySettings(findings: Finding[], settings: Readonly<Record<string, RuleSetting | undefined>>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const setting = settings[finding.code];
    if (setting === 'off') continue;
    result.push(setting ? { ...finding, severity: setting } : finding);
  }
  return result;
}
