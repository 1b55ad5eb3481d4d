// Runs the rules over project files. Findings of file-scope rules are cached per parsed file
// version, so a keystroke re-validates only the file it changed.
import type { BotFile } from './botFile';
import { compareFindings, type Finding, type Severity } from './findings';
import type { PhraseMatch } from './phraseMatch';
import type { BotProject } from './project';
import { rules as allRules, type Rule, type RuleContext } from './rules';

export type RuleSetting = Severity | 'off';

export interface CheckOptions {
  /** Per rule code: another severity, or `off`. Overrides the project's handoff-kit.json. */
  readonly rules?: Readonly<Record<string, RuleSetting | undefined>>;
  /** How exit phrases are compared; overrides handoff-kit.json; `exact` when neither says. */
  readonly phraseMatch?: PhraseMatch;
}

export const FILE_TOO_LARGE = 'file-too-large';

const fileScopeCache = new WeakMap<BotFile, Finding[]>();
const fileRules = allRules.filter((r) => r.scope === 'file');
const projectRules = allRules.filter((r) => r.scope === 'project');

export function checkFile(project: BotProject, file: BotFile, given: CheckOptions = {}): Finding[] {
  // The project's handoff-kit.json, under the options given (which win).
  const settings = { ...project.settings.rules, ...given.rules };
  if (file.oversized) {
    return applySettings([tooLarge(file)], settings);
  }
  const context: RuleContext = { phraseMatch: given.phraseMatch ?? project.phraseMatch };
  let fileScoped = fileScopeCache.get(file);
  if (!fileScoped) {
    // File-scope rules read nothing but the file, so the context does not change their result.
    fileScoped = run(fileRules, file, project, context);
    fileScopeCache.set(file, fileScoped);
  }
  const projectScoped = run(projectRules, file, project, context);
  return applySettings([...fileScoped, ...projectScoped], settings).sort(compareFindings);
}

/** Every finding of every file of the project, sorted by file and offset. */
export function checkProject(project: BotProject, options: CheckOptions = {}): Finding[] {
  return project
    .allFiles()
    .flatMap((file) => checkFile(project, file, options))
    .sort(compareFindings);
}

function run(rules: readonly Rule[], file: BotFile, project: BotProject, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(file.kind)) continue;
    rule.check(file, project, (problem) =>
      findings.push({
        code: rule.code,
        severity: problem.severity ?? rule.severity,
        message: problem.message,
        file: file.path,
        offset: problem.offset,
        length: problem.length,
        ...(problem.data ? { data: problem.data } : {}),
      }),
      context,
    );
  }
  return findings;
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

function tooLarge(file: BotFile): Finding {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    code: FILE_TOO_LARGE,
    severity: 'warning',
    message: `the file is ${mb(file.size)}, over the ${mb(file.maxSize)} limit for bot files (maxFileSize); it was not checked`,
    file: file.path,
    offset: 0,
    length: 0,
  };
}
