// `handoff-kit init [folder]`: a new bot project, the files VS Code's "New Bot Project" writes
// (the engine's planNewProject: bot.json with both banner events declared and enabled, intents/,
// journeys/). Run again on the project, it changes nothing.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { planNewProject, validateProjectName } from '../engine';
import { escapeControls } from './formats';
import { enclosingProject, isFile } from './targets';
import { UsageError } from './usageError';

/** The options of `handoff-kit init`. */
export interface InitOptions {
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The bot's name (bot.json `name`); default: the folder's name. */
  readonly name?: string;
  /** Create the project even inside another bot project (whose bot.json would no longer own the files below it). */
  readonly nested?: boolean;
}

/** What `init` did: the folder, whether it was already a project, and the paths it created (absolute; folders end with a separator). */
export interface InitResult {
  readonly root: string;
  readonly existed: boolean;
  readonly created: readonly string[];
}

/**
 * Makes `folder` (relative to `cwd`; the current folder when undefined) a bot project: creates
 * the folder if needed, then bot.json, intents/ and journeys/ as far as they are missing. A folder
 * that already has a bot.json is left as it is (`existed`). Throws UsageError for a name that is
 * not a valid project name, a path that is a file, or a folder inside another bot project
 * (unless `nested`).
 */
export async function runInit(folder: string | undefined, options: InitOptions): Promise<InitResult> {
  const root = path.resolve(options.cwd, folder ?? '.');
  const stat = await fsp.stat(root).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`${folder} is a file, not a folder for a bot project`);
  if (await isFile(path.join(root, 'bot.json'))) return { root, existed: true, created: [] };
  const name = options.name ?? path.basename(root);
  const invalid = validateProjectName(name);
  if (invalid) {
    throw new UsageError(options.name === undefined ? `${invalid}; give the bot a name with --name` : invalid.replace(/`/g, ''));
  }
  const enclosing = await enclosingProject(path.dirname(root));
  if (enclosing && !options.nested) {
    throw new UsageError(
      `${escapeControls(path.relative(options.cwd, root) || '.')} is inside the bot project ${escapeControls(path.relative(options.cwd, enclosing) || '.')}, whose files it would take over: create it beside that project, or pass --nested`,
    );
  }
  const plan = planNewProject(root, name);
  const created: string[] = [];
  if (!stat) created.push(root + path.sep);
  for (const dir of plan.folders) {
    if (!(await fsp.stat(dir).catch(() => undefined))) created.push(dir + path.sep);
    await fsp.mkdir(dir, { recursive: true });
  }
  for (const change of plan.edit.changes) {
    if (change.kind !== 'create') throw new Error(`a new bot project only creates files, not ${change.kind} ${change.file}`);
    // `wx`: never over a file made since it was looked for.
    await fsp.writeFile(change.file, change.text, { flag: 'wx' });
    created.push(change.file);
  }
  return { root, existed: false, created };
}
