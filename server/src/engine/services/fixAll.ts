// "Fix all": the safe fixes of a file's findings, chosen so that they can be applied together.
// The command line's `--fix` and the editor's `source.fixAll.handoffKit` both use it, so they
// change the same things.
import type { BotFile } from '../model/botFile';
import { checkFile, type CheckOptions } from '../check/check';
import { unparsable } from '../model/functionCode';
import type { BotProject } from '../project/project';
import type { FileChange, ProjectEdit, TextChange } from '../edits/edits';
import { quickFixes } from './quickFixes';

/**
 * Edits already chosen, per absolute file path: their text changes (offsets in the file's current
 * text) and the files they create. Shared between calls for several files of one pass.
 */
export class FixPlan {
  readonly edits: ProjectEdit[] = [];
  private readonly changesByFile = new Map<string, TextChange[]>();
  private readonly created = new Set<string>();

  /** The chosen changes to `file` (offsets in its current text). */
  changesOf(file: string): readonly TextChange[] {
    return this.changesByFile.get(file) ?? [];
  }

  /** The files the chosen edits create, with their text. */
  creations(): { file: string; text: string }[] {
    return this.edits.flatMap((e) => e.changes.filter((c): c is Extract<FileChange, { kind: 'create' }> => c.kind === 'create'));
  }

  /**
   * Adds `edit` when none of its changes overlaps (or touches) a change already chosen and it
   * creates no file already planned; all of the edit or nothing. Returns whether it was added.
   */
  add(edit: ProjectEdit): boolean {
    for (const change of edit.changes) {
      if (change.kind === 'create') {
        if (this.created.has(change.file)) return false;
        continue;
      }
      const chosen = this.changesOf(change.file);
      // Touching ranges count as overlapping: two insertions at one offset have no defined order.
      if (change.changes.some((c) => chosen.some((d) => c.offset <= d.offset + d.length && d.offset <= c.offset + c.length))) return false;
    }
    for (const change of edit.changes) {
      if (change.kind === 'create') this.created.add(change.file);
      else this.changesByFile.set(change.file, [...this.changesOf(change.file), ...change.changes]);
    }
    this.edits.push(edit);
    return true;
  }
}

/**
 * Chooses the safe fixes for the findings of `file` into `plan`: for each finding, its preferred
 * quick fix (one that edits or creates files; fixes that need the user's choice are left out),
 * unless it overlaps one already chosen (it can be applied on a later pass) or `allowed` refuses
 * one of its changes. A file that does not parse gets nothing (see `quickFixes`).
 * Returns how many edits were added.
 */
export function chooseSafeFixes(
  project: BotProject,
  file: BotFile,
  plan: FixPlan,
  options: CheckOptions = {},
  allowed: (change: FileChange) => boolean = () => true,
): number {
  let added = 0;
  for (const finding of checkFile(project, file, options)) {
    // quickFixes offers only the fixes the handoff judgement lets through (fixJudgement.ts).
    const preferred = quickFixes(project, file, finding, { phraseMatch: options.phraseMatch }).find(
      (fix) => fix.preferred && !fix.command && fix.changes.length,
    );
    if (!preferred || !preferred.changes.every(allowed)) continue;
    // Edits of files that do not parse would change values the user has: never.
    const unparsed = preferred.changes.some((c) => {
      if (c.kind !== 'edit') return false;
      const target = project.file(c.file);
      return !target || !target.readable || unparsable(target);
    });
    if (!unparsed && plan.add(preferred)) added++;
  }
  return added;
}
