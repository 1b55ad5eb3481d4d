// `handoff-kit studio-sheet`: the Markdown build sheet of a bot project (engine/studioSheet.ts),
// on standard output or into a file. The checks run first: a sheet of a project with errors is
// still written, but says so at its top and at each block concerned, and the run fails.
import * as path from 'node:path';
import {
  BotWorkspace,
  checkProject,
  isStudioSheet,
  blockingNodeFileSystem,
  OutputFileRefused,
  studioSheet,
  writeOutputFile,
  type Finding,
} from '../engine';
import { projectFolder } from './targets';
import { UsageError } from './usageError';
import { errorsSummary, EXIT_NOTE } from './exportChecks';

/**
 * The build sheet of the project at `projectPath` (relative to `cwd`; the current folder when
 * undefined), with the errors `handoff-kit check` finds there marked in it. With `out`, also
 * writes it there (UTF-8, through writeOutputFile: never through a link, never over a file that
 * is not a build sheet unless `force`) and returns the file's absolute path. `errors`: the
 * project's errors (its handoff-kit.json applied); `warning`: what to say on standard error about
 * them, if any. Throws UsageError when the path is not a bot project or the file may not be written.
 */
export async function runStudioSheet(
  projectPath: string | undefined,
  options: { cwd: string; out?: string; force?: boolean },
): Promise<{ sheet: string; file?: string; errors: readonly Finding[]; warning?: string }> {
  const root = await projectFolder(projectPath, options.cwd);
  const project = await new BotWorkspace(blockingNodeFileSystem).loadProject(root);
  const findings = checkProject(project);
  const errors = findings.filter((f) => f.severity === 'error');
  const sheet = studioSheet(project, { findings });
  const warning = errors.length
    ? `${errorsSummary(errors, options.cwd, (f) => project.file(f)?.text)}the sheet says so at its top and marks each block concerned with ⚠; the run ${EXIT_NOTE}.\n`
    : undefined;
  if (options.out === undefined) return { sheet, errors, warning };
  const file = path.resolve(options.cwd, options.out);
  try {
    await writeOutputFile(file, sheet, { ours: isStudioSheet, overwrite: options.force });
  } catch (error) {
    if (error instanceof OutputFileRefused) throw new UsageError(`${error.message}${error.reason === 'not-ours' ? ' (--force replaces it)' : ''}`);
    throw error;
  }
  return { sheet, file, errors, warning };
}
