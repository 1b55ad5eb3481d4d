// `handoff-kit check --fix` and `--fix-dry-run`: applies the safe fixes (each finding's preferred
// quick fix) in memory, pass after pass until none is left, then writes the files that changed
// (or prints their diff). Writes stay inside the folders and files given on the command line.
import { existsSync, promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import {
  applyChanges,
  chooseSafeFixes,
  FixPlan,
  isInside,
  OutputFileRefused,
  unparsable,
  writeOutputFile,
  type OutputRefusal,
  type BotProject,
  type BotWorkspace,
  type CheckOptions,
  type FileChange,
} from '../engine';

/** Passes at most: a fix that makes another fix possible is applied on the next pass. */
export const MAX_FIX_PASSES = 10;

/** What `--fix` changed, file by file. */
export interface FixResult {
  /** How many safe fixes were applied (one per finding fixed). */
  readonly fixed: number;
  /** The files each applied fix changes or creates (absolute paths), one entry per fix. */
  readonly fixes: readonly (readonly string[])[];
  /**
   * The files changed or created: absolute path, text before (undefined when created) and after,
   * both without the byte order mark `bom` says the file starts with.
   */
  readonly files: readonly { readonly file: string; readonly before: string | undefined; readonly after: string; readonly bom?: boolean }[];
  /** Absolute paths of the files safe fixes would have edited but that lie outside the paths given. */
  readonly outside: readonly string[];
}

/** A project and the files of it to fix (all of them when undefined). */
export interface FixTarget {
  readonly project: BotProject;
  readonly files?: readonly string[];
}

/**
 * Applies the safe fixes to the workspace's model, in up to `MAX_FIX_PASSES` passes, and returns
 * what changed; writes nothing. `allowedRoots`: absolute folders or files that may be written.
 */
export function planFixes(workspace: BotWorkspace, targets: readonly FixTarget[], options: CheckOptions, allowedRoots: readonly string[]): FixResult {
  const originals = new Map<string, string | undefined>();
  const boms = new Set<string>();
  const inside = insideAny(allowedRoots);
  const outside = new Set<string>();
  const fixes: string[][] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    let appliedThisPass = 0;
    for (const { project, files } of targets) {
      const plan = new FixPlan();
      const allowed = (change: FileChange) => {
        if (!inside(change.file)) {
          outside.add(change.file);
          return false;
        }
        return project.owns(change.file) && (change.kind === 'edit' || (!project.file(change.file) && !existsSync(change.file)));
      };
      const scope = files ? files.map((f) => project.file(f)).filter((f) => f !== undefined) : project.allFiles();
      for (const file of scope) chooseSafeFixes(project, file, plan, options, allowed);
      for (const files of apply(workspace, project, plan, originals, boms)) {
        fixes.push(files);
        appliedThisPass++;
      }
    }
    if (appliedThisPass === 0) break;
  }
  const files = [...originals].flatMap(([file, before]) => {
    const after = workspace.projectOf(file)?.file(file)?.text;
    return after !== undefined && after !== before ? [{ file, before, after, ...(boms.has(file) ? { bom: true } : {}) }] : [];
  });
  return { fixed: fixes.length, fixes, files, outside: [...outside].sort() };
}

/**
 * Applies a pass's plan to the model; a file the changes would leave unparsable keeps its text.
 * Returns the files of each fix applied.
 */
function apply(
  workspace: BotWorkspace,
  project: BotProject,
  plan: FixPlan,
  originals: Map<string, string | undefined>,
  boms: Set<string>,
): string[][] {
  const refused = new Set<string>();
  const edited = new Set(plan.edits.flatMap((e) => e.changes.filter((c) => c.kind === 'edit').map((c) => c.file)));
  for (const file of edited) {
    const current = project.file(file);
    if (!current) continue;
    const next = keepStyle(current.text, applyChanges(current.text, plan.changesOf(file)));
    const updated = project.setText(file, next, -1, { maxSize: workspace.maxFileSize });
    if (!updated || unparsable(updated)) {
      project.setText(file, current.text, -1, { maxSize: workspace.maxFileSize });
      refused.add(file);
      continue;
    }
    if (!originals.has(file)) {
      originals.set(file, current.text);
      if (current.hadBom) boms.add(file);
    }
  }
  for (const { file, text } of plan.creations()) {
    if (project.file(file)) continue;
    project.setText(file, text, -1, { maxSize: workspace.maxFileSize });
    if (!originals.has(file)) originals.set(file, undefined);
  }
  return plan.edits
    .filter((e) => !e.changes.some((c) => c.kind === 'edit' && refused.has(c.file)))
    .map((e) => [...new Set(e.changes.map((c) => c.file))]);
}

/**
 * The fixed text in the original's style: CRLF line endings when the original uses only CRLF,
 * and a final newline exactly when the original had one.
 */
export function keepStyle(original: string, fixed: string): string {
  let text = fixed;
  if (original.includes('\r\n') && !/(^|[^\r])\n/.test(original)) text = text.replace(/\r?\n/g, '\r\n');
  const eol = original.endsWith('\r\n') ? '\r\n' : '\n';
  const hadFinal = /\n$/.test(original);
  const hasFinal = /\n$/.test(text);
  if (hadFinal && !hasFinal) text += eol;
  if (!hadFinal && hasFinal) text = text.replace(/\r?\n$/, '');
  return text;
}

/**
 * Writes the fixed files, each through writeOutputFile (never through a link; the real path of a
 * bot file that is a link inside the folders given is written instead). A file whose content on
 * disk changed since it was read is left alone, a file to create is created only if it is still
 * absent, and a file that may not be written (read-only, a folder, a link out) is left alone:
 * each such file is returned with the reason. A byte order mark the file started with is kept.
 */
export async function writeFixes(result: FixResult): Promise<{ readonly file: string; readonly reason: string }[]> {
  const skipped: { file: string; reason: string }[] = [];
  for (const { file, before, after } of result.files) {
    try {
      if (before === undefined) {
        await writeOutputFile(file, after);
        continue;
      }
      const target = await fsp.realpath(file);
      const onDisk = await fsp.readFile(target, 'utf8');
      const bom = onDisk.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
      if (onDisk.slice(bom.length) !== before) {
        skipped.push({ file, reason: 'it changed on disk since it was read' });
        continue;
      }
      await writeOutputFile(target, bom + after, { overwrite: true });
    } catch (error) {
      const reason =
        error instanceof OutputFileRefused
          ? REFUSED[error.reason]
          : `it could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      skipped.push({ file, reason });
    }
  }
  return skipped;
}

const REFUSED: Record<OutputRefusal, string> = {
  link: 'it is a symbolic link',
  'not-a-file': 'it is not a regular file',
  'not-ours': 'a file of that name appeared since the check',
  outside: 'a link on its way leads out of the folders given',
  unwritable: 'it is read-only',
};

/**
 * The fixes the files written carry: `result` less every fix that changes or creates a file in
 * `skipped`. The model is put back as the disk is for those files (their text before the fixes,
 * or no file where one was to be created), so that what is checked next is what is on disk.
 */
export function withoutSkipped(workspace: BotWorkspace, result: FixResult, skipped: readonly string[]): FixResult {
  if (!skipped.length) return result;
  const left = new Set(skipped);
  for (const { file, before } of result.files) {
    if (!left.has(file)) continue;
    const project = workspace.projectOf(file);
    if (before === undefined) project?.delete(file);
    else project?.setText(file, before, -1, { maxSize: workspace.maxFileSize });
  }
  const fixes = result.fixes.filter((files) => !files.some((f) => left.has(f)));
  return { ...result, fixed: fixes.length, fixes, files: result.files.filter(({ file }) => !left.has(file)) };
}

/**
 * The fixes as one unified diff (`/dev/null` for files created), with `a/` and `b/` paths relative
 * to `base`: `cwd` when every file is inside it, else the deepest folder holding them all, since a
 * path that climbs out with `../` is refused by `git apply` and `patch -p1` alike. The caller says
 * so when `base` is not `cwd`.
 */
export function fixDiff(result: FixResult, cwd: string): { diff: string; base: string } {
  const files = result.files.map(({ file }) => file);
  const base = files.every((file) => isInside(cwd, file)) ? cwd : commonFolder(files);
  const diff = result.files
    .map(({ file, before, after, bom }) => {
      const name = path.relative(base, file).split(path.sep).join('/') || path.basename(file);
      // The diff is of the bytes on disk: a file's byte order mark is part of its first line, so
      // a patch without it does not apply (`git apply`: "patch does not apply").
      const mark = bom ? '\ufeff' : '';
      return createTwoFilesPatch(
        before === undefined ? '/dev/null' : `a/${name}`,
        `b/${name}`,
        before === undefined ? '' : mark + before,
        mark + after,
        undefined,
        undefined,
        { context: 3 },
      );
    })
    .join('');
  return { diff, base };
}

/** The deepest folder that holds every file (absolute paths; the root of their drive at worst). */
function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]);
  while (!files.every((file) => isInside(folder, file)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

/** Whether a path is inside one of the roots (a folder, or exactly a file), links resolved. */
function insideAny(roots: readonly string[]): (file: string) => boolean {
  const realRoots = roots.map(real);
  return (file) => {
    const target = real(file);
    return realRoots.some(
      (root) => target === root || (!path.relative(root, target).startsWith('..') && !path.isAbsolute(path.relative(root, target))),
    );
  };
}

/** The real path of a file, or of its nearest existing folder joined with the rest. */
function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(real(parent), path.basename(file));
  }
}
