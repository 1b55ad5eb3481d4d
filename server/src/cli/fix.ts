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
  unparsable,
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
  /** The files changed or created: absolute path, text before (undefined when created) and after. */
  readonly files: readonly { readonly file: string; readonly before: string | undefined; readonly after: string }[];
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
  const inside = insideAny(allowedRoots);
  const outside = new Set<string>();
  let fixed = 0;
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
      appliedThisPass += apply(workspace, project, plan, originals);
    }
    fixed += appliedThisPass;
    if (appliedThisPass === 0) break;
  }
  const files = [...originals].flatMap(([file, before]) => {
    const after = workspace.projectOf(file)?.file(file)?.text;
    return after !== undefined && after !== before ? [{ file, before, after }] : [];
  });
  return { fixed, files, outside: [...outside].sort() };
}

/** Applies a pass's plan to the model; a file the changes would leave unparsable keeps its text. */
function apply(workspace: BotWorkspace, project: BotProject, plan: FixPlan, originals: Map<string, string | undefined>): number {
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
    if (!originals.has(file)) originals.set(file, current.text);
  }
  for (const { file, text } of plan.creations()) {
    if (project.file(file)) continue;
    project.setText(file, text, -1, { maxSize: workspace.maxFileSize });
    if (!originals.has(file)) originals.set(file, undefined);
  }
  return plan.edits.filter((e) => !e.changes.some((c) => c.kind === 'edit' && refused.has(c.file))).length;
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
 * Writes the fixed files. A file whose content on disk changed since it was read is left alone
 * (its path is returned), and a file to create is created only if it is still absent.
 * A byte order mark the file started with is kept.
 */
export async function writeFixes(result: FixResult): Promise<string[]> {
  const skipped: string[] = [];
  for (const { file, before, after } of result.files) {
    try {
      if (before === undefined) {
        await fsp.mkdir(path.dirname(file), { recursive: true });
        await fsp.writeFile(file, after, { flag: 'wx' });
        continue;
      }
      const onDisk = await fsp.readFile(file, 'utf8');
      const bom = onDisk.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
      if (onDisk.slice(bom.length) !== before) {
        skipped.push(file);
        continue;
      }
      await fsp.writeFile(file, bom + after);
    } catch {
      skipped.push(file);
    }
  }
  return skipped;
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
    .map(({ file, before, after }) => {
      const name = path.relative(base, file).split(path.sep).join('/') || path.basename(file);
      return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${name}`, `b/${name}`, before ?? '', after, undefined, undefined, {
        context: 3,
      });
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
