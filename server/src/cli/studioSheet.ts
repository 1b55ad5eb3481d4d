// `handoff-kit studio-sheet`: the Markdown build sheet of a bot project (engine/studioSheet.ts),
// on standard output or into a file.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BotWorkspace, isStudioSheet, nodeFileSystem, OutputFileRefused, studioSheet, writeOutputFile } from '../engine';
import { UsageError } from './usageError';

/**
 * The build sheet of the project at `projectPath` (relative to `cwd`; the current folder when
 * undefined). With `out`, also writes it there (UTF-8, through writeOutputFile: never through a
 * link, never over a file that is not a build sheet unless `force`) and returns the file's
 * absolute path. Throws UsageError when the path is not a bot project or the file may not be written.
 */
export async function runStudioSheet(
  projectPath: string | undefined,
  options: { cwd: string; out?: string; force?: boolean },
): Promise<{ sheet: string; file?: string }> {
  const root = path.resolve(options.cwd, projectPath ?? '.');
  if (!(await fsp.stat(path.join(root, 'bot.json')).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${projectPath ?? '.'} is not a bot project: it has no bot.json`);
  }
  const sheet = studioSheet(await new BotWorkspace(nodeFileSystem).loadProject(root));
  if (options.out === undefined) return { sheet };
  const file = path.resolve(options.cwd, options.out);
  try {
    await writeOutputFile(file, sheet, { ours: isStudioSheet, overwrite: options.force });
  } catch (error) {
    if (error instanceof OutputFileRefused) throw new UsageError(`${error.message}${error.reason === 'not-ours' ? ' (--force replaces it)' : ''}`);
    throw error;
  }
  return { sheet, file };
}
