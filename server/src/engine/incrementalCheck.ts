// The findings of every file of one project, kept from one check to the next, so that an edit
// that changes nothing other files' checks read (see crossFileSignature.ts) re-checks only the
// edited file: the language server's keystroke then costs one file, not the whole project.
import type { BotFile } from './botFile';
import { checkFile, type CheckOptions } from './check';
import { crossFileSignature } from './crossFileSignature';
import type { Finding } from './findings';
import type { BotProject } from './project';

/** One file's findings, and the version of the file they are of. */
export interface CheckedFile {
  readonly file: BotFile;
  readonly findings: readonly Finding[];
}

export class IncrementalCheck {
  private checked = new Map<string, CheckedFile>();
  private optionsKey: string | undefined;
  /** How many files the last `run` checked (the others' findings were reused). */
  lastRunChecked = 0;

  constructor(readonly project: BotProject) {}

  /**
   * The findings of every file of the project, keyed by file path in the project's file order,
   * each equal to `checkFile(project, file, options)`. Only the changed files are checked again
   * when no file was added or removed, the options are the same, and every changed file keeps
   * its cross-file signature; otherwise every file is. A file whose findings were reused keeps
   * the very same `findings` array, so callers can skip what they derived from it.
   */
  run(options: CheckOptions = {}): ReadonlyMap<string, CheckedFile> {
    const files = this.project.allFiles();
    const optionsKey = JSON.stringify(options);
    const changed = optionsKey === this.optionsKey && files.length === this.checked.size ? this.changedKeepingSignatures(files) : undefined;
    if (changed) {
      for (const file of changed) this.checked.set(file.path, { file, findings: checkFile(this.project, file, options) });
      this.lastRunChecked = changed.length;
    } else {
      this.checked = new Map(files.map((file) => [file.path, { file, findings: checkFile(this.project, file, options) }]));
      this.optionsKey = optionsKey;
      this.lastRunChecked = files.length;
    }
    return this.checked;
  }

  /** The files changed since the last run, or undefined when one was added or changed its signature. */
  private changedKeepingSignatures(files: readonly BotFile[]): BotFile[] | undefined {
    const changed: BotFile[] = [];
    for (const file of files) {
      const before = this.checked.get(file.path);
      if (!before) return undefined;
      if (before.file === file) continue;
      const signature = crossFileSignature(file);
      if (signature === undefined || signature !== crossFileSignature(before.file)) return undefined;
      changed.push(file);
    }
    return changed;
  }
}
