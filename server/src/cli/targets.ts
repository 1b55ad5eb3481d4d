// The paths a command is given, as bot projects: a project folder (and the projects nested in
// it), a file inside a project, or with no path every project below the current folder. The
// folders they name are also the only ones links may lead into (see allowedRootsOf).
import { statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILES, type BotWorkspace } from '../engine';
import { UsageError } from './usageError';

/** A bot project to work on, and the files of it that were named. */
export interface Target {
  /** The project's folder (absolute). */
  readonly root: string;
  /** Only these files of the project (absolute), or all of them when undefined. */
  readonly files?: string[];
}

/**
 * The projects (and files) `paths` name, relative to `cwd`: a folder is searched for the projects
 * at or below it (a project nested in another one owns its files, the innermost bot.json winning,
 * so it is one of its own; the workspace's ignores apply), a file is its project's. Throws
 * UsageError for a path that does not exist, a folder with no project, or a file of no project.
 */
export async function resolveTargets(paths: string[], cwd: string, workspace: BotWorkspace): Promise<Target[]> {
  const targets: Target[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrUndefined(absolute);
    if (!stat) throw new UsageError(`no such file or folder: ${given}`);
    if (stat.isDirectory()) {
      const roots = await workspace.findProjects(absolute);
      // A bot.json that is a link is not found by the search (it follows no links): the folder
      // given is a project all the same.
      if (!roots.includes(absolute) && (await isFile(path.join(absolute, 'bot.json')))) roots.unshift(absolute);
      if (!roots.length) throw new UsageError(`no bot project (a folder with bot.json) in ${given}`);
      for (const root of roots) targets.push({ root });
      continue;
    }
    const root = await projectRootOf(absolute);
    if (!root) throw new UsageError(`${given}: no \`bot.json\` found in this folder or above it, so it is not part of a bot project`);
    if (!(await workspace.loadProject(root)).owns(absolute)) {
      throw new UsageError(`${given} is not a bot file (${botFileList()} of a bot project)`);
    }
    targets.push({ root, files: [absolute] });
  }
  return targets;
}

/**
 * The folders bot files may be read from: each folder given, and for a file given, the project
 * it belongs to (the whole project is read to check it). A path that is neither is left to
 * resolveTargets, which reports it.
 */
export async function allowedRootsOf(paths: string[], cwd: string): Promise<string[]> {
  const roots: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrUndefined(absolute);
    const root = stat?.isDirectory() ? absolute : stat && (await projectRootOf(absolute));
    if (root) roots.push(root);
  }
  return roots;
}

/** One target per project; a whole-project target absorbs single files of the same project. */
export function mergeTargets(targets: Target[]): Target[] {
  const byRoot = new Map<string, Target>();
  for (const target of targets) {
    const existing = byRoot.get(target.root);
    if (!existing) byRoot.set(target.root, target);
    else if (!existing.files || !target.files) byRoot.set(target.root, { root: target.root });
    else byRoot.set(target.root, { root: target.root, files: [...new Set([...existing.files, ...target.files])] });
  }
  return [...byRoot.values()];
}

/** The kinds of bot file, for messages: `bot.json, handoff-kit.json, intents/*.json, … or faqs/*.csv`. */
function botFileList(): string {
  const names = PROJECT_FILES.map((spec) => spec.description);
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * The absolute folder of the bot project a command is given (`projectPath` relative to `cwd`; the
 * current folder when undefined). Throws UsageError when that folder has no bot.json.
 */
export async function projectFolder(projectPath: string | undefined, cwd: string): Promise<string> {
  const root = path.resolve(cwd, projectPath ?? '.');
  if (!(await isFile(path.join(root, 'bot.json')))) throw new UsageError(`${projectPath ?? '.'} is not a bot project: it has no bot.json`);
  return root;
}

/** The folder of the project `file` belongs to: the innermost bot.json above it, or undefined. */
async function projectRootOf(file: string): Promise<string | undefined> {
  return enclosingProject(path.dirname(file));
}

/** The folder of the innermost bot.json at or above `folder` (absolute), or undefined. */
export async function enclosingProject(folder: string): Promise<string | undefined> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'bot.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether `file` (absolute) is a file; false when it is missing or not a file. */
export async function isFile(file: string): Promise<boolean> {
  return statOrUndefined(file)?.isFile() ?? false;
}

/**
 * The file's stat, or undefined when it cannot be stat'ed. Synchronous: the promise API's first
 * use loads fs/promises, some 4 ms of every start of the command line (blockingNodeFileSystem does the same).
 */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
