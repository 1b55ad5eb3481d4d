// `handoff-kit utterance-tests`: writes the CSV Studio's bulk utterance test takes (Automation >
// Test > Upload utterances), from a bot project's banners and intents.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BotWorkspace, nodeFileSystem, utteranceTestCsv, utteranceTestRows } from '../engine';
import { UsageError } from './usageError';

export interface UtteranceTestsOptions {
  readonly cwd: string;
  /** The folder to write into; the project's folder when undefined. */
  readonly out?: string;
  readonly all?: boolean;
  /** Rows per file (header not counted); one file when undefined. */
  readonly maxRows?: number;
}

/** What the command did: the files it wrote (absolute paths) and how many rows in all. */
export interface UtteranceTestsRun {
  readonly files: string[];
  readonly rows: number;
}

/**
 * Writes `utterance-tests.csv` (or `utterance-tests-1.csv`, `-2`, … with `maxRows`) for the
 * project at `projectPath`. Throws UsageError when the path is not a bot project.
 */
export async function runUtteranceTests(projectPath: string | undefined, options: UtteranceTestsOptions): Promise<UtteranceTestsRun> {
  const root = path.resolve(options.cwd, projectPath ?? '.');
  if (!(await fsp.stat(path.join(root, 'bot.json')).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${projectPath ?? '.'} is not a bot project: it has no bot.json`);
  }
  const project = await new BotWorkspace(nodeFileSystem).loadProject(root);
  const rows = utteranceTestRows(project, { all: options.all });
  const texts = utteranceTestCsv(rows, options.maxRows);
  const out = path.resolve(options.cwd, options.out ?? root);
  await fsp.mkdir(out, { recursive: true });
  const files = texts.map((_, i) => path.join(out, texts.length === 1 ? 'utterance-tests.csv' : `utterance-tests-${i + 1}.csv`));
  await Promise.all(texts.map((text, i) => fsp.writeFile(files[i], text, 'utf8')));
  return { files, rows: rows.length };
}

/** Parses `--max-rows`: a whole number of rows above 0. */
export function parseMaxRows(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-rows takes a whole number of rows above 0, not "${value}"`);
  return n;
}
