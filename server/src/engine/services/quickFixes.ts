// Quick fixes for findings: each check owns its fixes (its `fixes`); this dispatches to them and
// computes each in isolation, so one that cannot be computed never hides the others.
import type { BotFile } from '../model/botFile';
import type { Finding } from '../findings';
import type { BotProject } from '../project/project';
import { ruleOf } from '../check/registry';
import type { ProjectEdit } from '../edits/edits';
import { judgeFix, type JudgeOptions } from './fixJudgement';

/** What a quick fix needs of a finding: where it is and what its check said. */
export type FindingRef = Pick<Finding, 'code' | 'offset' | 'length' | 'data'> & { readonly messageId?: string };

/**
 * The quick fixes for one finding of `file`, preferred first. A file that does not parse gets no
 * fix (its values are unknown; the syntax must be fixed first). A fix that would make a handoff
 * path worse (see fixJudgement.ts: `judgeFix`, the one place that decides) is not offered, so
 * neither the editor nor `--fix` can apply it. Never throws: a fix that fails to compute is left
 * out. `options.phraseMatch`: how the diagnostics compared exit phrases (the project's setting
 * by default).
 */
export function quickFixes(project: BotProject, file: BotFile, finding: FindingRef, options: JudgeOptions = {}): ProjectEdit[] {
  const rule = ruleOf(String(finding.code));
  if (!rule?.fixes || file.syntaxProblems.length || !file.readable) return [];
  const typed = { messageId: '', data: {}, ...finding, file: file.path } as never;
  let fixes: ProjectEdit[];
  try {
    fixes = rule.fixes({ project, file, finding: typed });
  } catch {
    return [];
  }
  // A fix may edit another file (bot.json, an intent): never one that does not parse or was not
  // read, whose values are unknown and would be overwritten.
  return fixes.filter(
    (fix) =>
      fix.changes.every((change) => change.kind === 'create' || editable(project.file(change.file))) &&
      (options.unjudged || judgeFix(project, fix, options).safe),
  );
}

/** Whether a fix may edit the file: it is in the model, its content is known, and it parses. */
export function editable(file: BotFile | undefined): boolean {
  return !!file && file.readable && file.syntaxProblems.length === 0;
}
