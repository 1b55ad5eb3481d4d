// `handoff-kit utterance-tests`: writes the CSV Studio's bulk utterance test takes (Automation >
// Test > Upload utterances), from a bot project's banners and intents. The checks run first: a
// banner whose exit path has errors is left out (a test that Exit starts the agent's journey would
// confirm the bug), and the run says which banners it left out and why.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  BotWorkspace,
  checkProject,
  exitPathErrors,
  isUtteranceTestCsv,
  blockingNodeFileSystem,
  OutputFileRefused,
  removeOutputFile,
  utteranceTestCsv,
  utteranceTestPlan,
  writeOutputFile,
  type Finding,
} from '../engine';
import { errorsSummary, EXIT_NOTE } from './exportChecks';
import { projectFolder } from './targets';
import { UsageError } from './usageError';

export interface UtteranceTestsOptions {
  readonly cwd: string;
  /** The folder to write into; the project's folder when undefined. */
  readonly out?: string;
  readonly all?: boolean;
  /** Rows per file (header not counted); one file when undefined. */
  readonly maxRows?: number;
  /** Replace an existing file of the same name even when it is not an utterance-tests CSV. */
  readonly force?: boolean;
}

/** What the command did: the files it wrote (absolute paths) and how many rows in all. */
export interface UtteranceTestsRun {
  readonly files: string[];
  readonly rows: number;
  /** The project's errors, as `handoff-kit check` finds them (its handoff-kit.json applied). */
  readonly errors: readonly Finding[];
  /** One line per banner exit phrase left out: `file:line:column \`phrase\`: why`, paths relative to `cwd`. */
  readonly leftOut: readonly string[];
  /** What to say on standard error about the errors, if any. */
  readonly warning?: string;
}

/**
 * Writes `utterance-tests.csv` (or `utterance-tests-1.csv`, `-2`, … with `maxRows`) for the
 * project at `projectPath`, through writeOutputFile: never through a link, never over a file that
 * is not an utterance-tests CSV unless `force`. The files of an earlier run that this one does not
 * write again (`utterance-tests-3.csv` when there are two now, or the single file when split) are
 * removed, so the folder holds this run's tests only. Throws UsageError when the path is not a bot
 * project or a file may not be written (nothing is removed then).
 */
export async function runUtteranceTests(projectPath: string | undefined, options: UtteranceTestsOptions): Promise<UtteranceTestsRun> {
  const root = await projectFolder(projectPath, options.cwd);
  const project = await new BotWorkspace(blockingNodeFileSystem).loadProject(root);
  const errors = checkProject(project).filter((f) => f.severity === 'error');
  const { rows, leftOut } = utteranceTestPlan(project, { all: options.all, leaveOut: exitPathErrors(project) });
  const texts = utteranceTestCsv(rows, options.maxRows);
  const out = path.resolve(options.cwd, options.out ?? root);
  await fsp.mkdir(out, { recursive: true });
  const files = texts.map((_, i) => path.join(out, texts.length === 1 ? UTTERANCE_TESTS_FILE : `utterance-tests-${i + 1}.csv`));
  try {
    for (let i = 0; i < texts.length; i++)
      await writeOutputFile(files[i], texts[i], { inside: out, ours: isUtteranceTestCsv, overwrite: options.force });
    const written = new Set(files);
    const earlier = (await fsp.readdir(out))
      .filter((name) => name === UTTERANCE_TESTS_FILE || SPLIT_FILE.test(name))
      .map((name) => path.join(out, name));
    for (const file of earlier) if (!written.has(file)) await removeOutputFile(file, { inside: out, ours: isUtteranceTestCsv });
  } catch (error) {
    if (error instanceof OutputFileRefused) throw new UsageError(`${error.message}${error.reason === 'not-ours' ? ' (--force replaces it)' : ''}`);
    throw error;
  }
  const place = (file: string, offset: number) => {
    const text = project.file(file)?.text ?? '';
    const lines = text.slice(0, offset).split('\n');
    return `${path.relative(options.cwd, file).split(path.sep).join('/')}:${lines.length}:${lines[lines.length - 1].length + 1}`;
  };
  return {
    files,
    rows: rows.length,
    errors,
    leftOut: leftOut.map((b) => `${place(b.file, b.offset)} \`${b.phrase}\`: ${b.reason}`),
    ...(errors.length
      ? {
          warning: `${errorsSummary(errors, options.cwd, (f) => project.file(f)?.text)}the tests were written without the banners whose exit path has errors; the run ${EXIT_NOTE}.\n`,
        }
      : {}),
  };
}

const UTTERANCE_TESTS_FILE = 'utterance-tests.csv';
/** The name of one of the files `--max-rows` splits the tests into. */
const SPLIT_FILE = /^utterance-tests-\d+\.csv$/;

/** Parses `--max-rows`: a whole number of rows above 0. */
export function parseMaxRows(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-rows takes a whole number of rows above 0, not "${value}"`);
  return n;
}
