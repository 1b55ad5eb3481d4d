// `handoff-kit studio-sheet`: the Markdown build sheet of a bot project (engine/studioSheet.ts),
// on standard output or into a file.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BotWorkspace, nodeFileSystem, studioSheet } from '../engine';
import { UsageError } from './usageError';

/**
 * The build sheet of the project at `projectPath` (relative to `cwd`; the current folder when
 * undefined). With `out`, also writes it there (UTF-8) and returns the file's absolute path.
 * Throws UsageError when the path is not a bot project.
 */
export async function runStudioSheet(
  projectPath: string | undefined,
  options: { cwd: string; out?: string },
): Promise<{ sheet: string; file?: string }> {
  const root = path.resolve(options.cwd, projectPath ?? '.');
  if (!(await fsp.stat(path.join(root, 'bot.json')).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${projectPath ?? '.'} is not a bot project: it has no bot.json`);
  }
  const sheet = studioSheet(await new BotWorkspace(nodeFileSystem).loadProject(root));
  if (options.out === undefined) return { sheet };
  const file = path.resolve(options.cwd, options.out);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, sheet, 'utf8');
  return { sheet, file };
}
