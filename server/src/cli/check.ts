// `handoff-kit check`: resolves the paths to bot projects, runs the engine, fixes what is safe
// to fix when asked, formats findings.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  BotFile,
  BotProject,
  BotWorkspace,
  checkFile,
  checkProject,
  compareFindings,
  nodeFileSystem,
  readProjectSettings,
  type CheckOptions,
  type Finding,
  type ProjectSettings,
  type RuleSetting,
} from '../engine';
import { fixDiff, planFixes, writeFixes, type FixResult } from './fix';
import { CheckWorker, projectSize, wantsWorker } from './parallelCheck';
import { escapeControls, formatGithub, formatJson, formatSarif, formatText, locate, type OutputFormat } from './formats';
import { allowedRootsOf, mergeTargets, resolveTargets } from './targets';
import { UsageError } from './usageError';

export type { OutputFormat } from './formats';

export interface CheckRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

/** The options of `handoff-kit check`, as parsed from the command line. */
export interface CheckRunOptions {
  /** The folder relative paths are resolved against and printed relative to. */
  readonly cwd: string;
  readonly format: OutputFormat;
  /** Bytes; larger bot files are not read. */
  readonly maxFileSize?: number;
  /** Exit 1 when more warnings than this are found. */
  readonly maxWarnings?: number;
  /** Report (and count) errors only. */
  readonly quiet?: boolean;
  /** Per rule code: a severity or `off`; wins over every handoff-kit.json. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** A handoff-kit.json used instead of each project's own. */
  readonly config?: string;
  /** Apply the safe fixes and write them. */
  readonly fix?: boolean;
  /** Apply the safe fixes in memory and print their diff; write nothing. */
  readonly fixDryRun?: boolean;
  /** The version SARIF's `tool.driver.version` names. */
  readonly version?: string;
  /** Studio test reports (CSV) to check besides each project's test-reports/*.csv. */
  readonly testReports?: string[];
}

/**
 * Runs `handoff-kit check` on `paths` (the projects below `cwd` when empty) and returns what to
 * print and the exit status: 1 when an error is found or more warnings than `maxWarnings`.
 * Throws `UsageError` for a path that is not a bot project or file, or a broken `--config`.
 */
export async function runCheck(paths: string[], options: CheckRunOptions): Promise<CheckRun> {
  // process.hrtime, not performance.now(): the `performance` global loads perf_hooks (some 3 ms
  // of a small project's check).
  const started = process.hrtime.bigint();
  const given = paths.length ? paths : [options.cwd];
  // Links are followed only inside the folders given (a file's own project), as the server
  // follows them only inside the workspace folders: a link out of them becomes `file-unread`.
  const workspace = new BotWorkspace(nodeFileSystem, { maxFileSize: options.maxFileSize, allowedRoots: await allowedRootsOf(given, options.cwd) });
  const settings = options.config ? await readConfig(path.resolve(options.cwd, options.config), options.cwd) : undefined;
  const checkOptions: CheckOptions = { ...(options.rules ? { rules: options.rules } : {}), ...(settings ? { settings } : {}) };
  const targets = mergeTargets(await resolveTargets(given, options.cwd, workspace, paths.length === 0));
  const projects = [];
  for (const target of targets) {
    // A large project's file-scope checks go to a worker thread, started before the project is
    // read so that its start overlaps the reading (parallelCheck.ts).
    const worker = !target.files && !options.fix && !options.fixDryRun && wantsWorker(projectSize(target.root)) ? new CheckWorker() : undefined;
    projects.push({ target, worker, project: workspace.project(target.root) ?? (await workspace.loadProject(target.root)) });
  }

  let fixReport = '';
  let diff = '';
  let diffNote = '';
  if (options.fix || options.fixDryRun) {
    const allowedRoots = given.map((p) => path.resolve(options.cwd, p));
    const result = planFixes(
      workspace,
      projects.map(({ target, project }) => ({ project, files: target.files })),
      checkOptions,
      allowedRoots,
    );
    if (options.fixDryRun) {
      const planned = fixDiff(result, options.cwd);
      diff = planned.diff;
      if (planned.base !== options.cwd) {
        diffNote = `handoff-kit: the diff's paths are relative to ${escapeControls(planned.base)}, which holds the files to fix (some are outside the current folder): apply it there\n`;
      }
    } else {
      const skipped = await writeFixes(result);
      for (const file of skipped)
        fixReport += `handoff-kit: ${escapeControls(path.relative(options.cwd, file))} changed on disk or could not be written; not fixed\n`;
    }
    fixReport += fixSummary(result, Boolean(options.fixDryRun)) + diffNote;
    if (result.outside.length) {
      const where = result.outside.map((f) => escapeControls(path.relative(options.cwd, f))).join(', ');
      fixReport += `handoff-kit: safe fixes that edit ${where} were not applied: only the paths given are written (give the project folder to apply them)\n`;
    }
  }

  let findings: Finding[] = [];
  let fileCount = 0;
  for (const { target, project, worker } of projects) {
    // `--test-report` files are checked as the project's own reports (utteranceTests.ts).
    const reports = options.testReports?.length ? await addTestReports(project, options.testReports, options.cwd, options.maxFileSize) : [];
    for (const report of target.files ? reports : []) findings.push(...checkFile(project, report, checkOptions));
    fileCount += target.files ? reports.length : 0;
    if (target.files) {
      for (const file of target.files) {
        const botFile = project.file(file);
        if (botFile) findings.push(...checkFile(project, botFile, checkOptions));
      }
      fileCount += target.files.length;
    } else {
      findings.push(...(worker ? await worker.check(project, checkOptions) : checkProject(project, checkOptions)));
      fileCount += project.allFiles().length;
    }
  }
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  findings.sort(compareFindings);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;

  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const exitCode = findings.some((f) => f.severity === 'error') || tooManyWarnings ? 1 : 0;
  const located = locate(findings, workspace, options.cwd);
  const formatted = {
    text: () => formatText(located),
    json: () => formatJson(located),
    sarif: () => formatSarif(located, options.cwd, options.version ?? '0.0.0'),
    github: () => formatGithub(located),
  }[options.format]();
  let stderr = fixReport;
  if (options.format === 'text') stderr += summary(findings, fileCount, elapsed);
  if (tooManyWarnings) stderr += `handoff-kit: ${plural(warnings, 'warning')} found, more than --max-warnings ${options.maxWarnings} allows.\n`;
  return { stdout: diff + formatted, stderr, exitCode };
}

function fixSummary(result: FixResult, dryRun: boolean): string {
  const created = result.files.filter((f) => f.before === undefined).length;
  const files = `${plural(result.files.length, 'file')}${created ? ` (${created} created)` : ''}`;
  if (result.fixed === 0) return 'Nothing to fix: no safe fix applies.\n';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(result.fixed, 'problem')} in ${files}.\n`;
}

/**
 * Reads a `--config` file: a handoff-kit.json checked with the same checks as a project's own
 * (JSON syntax, the settings schema). Throws `UsageError` naming each problem when it is broken.
 */
async function readConfig(file: string, cwd: string): Promise<ProjectSettings> {
  const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
  const shown = escapeControls(path.relative(cwd, file) || file);
  if (text === undefined) throw new UsageError(`--config ${shown}: no such file, or it cannot be read`);
  const config = new BotFile(file, 'settings', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, -1);
  const problems = checkFile(new BotProject(path.dirname(file)), config).filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (problems.length) {
    const lines = locate(problems, { projectOf: () => ({ file: () => config }) } as never, cwd).map(
      ({ start, finding }) => `  ${shown}:${start.line + 1}:${start.character + 1} ${finding.code} ${escapeControls(finding.message)}`,
    );
    throw new UsageError(`--config ${shown} is not a valid handoff-kit.json:\n${lines.join('\n')}`);
  }
  return readProjectSettings(config);
}

/**
 * The closing line: how many problems of each severity (info and hints too), in how many files,
 * in how long; every count agrees in number with its noun.
 */
function summary(findings: Finding[], fileCount: number, elapsedMs: number): string {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const time = `${Math.round(elapsedMs)} ms`;
  if (findings.length === 0) return `No problems in ${plural(fileCount, 'file')} (${time}).\n`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  if (count('info')) parts.push(`${count('info')} info`);
  if (count('hint')) parts.push(plural(count('hint'), 'hint'));
  return `${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(fileCount, 'file')} (${time}).\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Reads the `--test-report` files into `project`, as if they were in its test-reports/ folder.
 * Throws UsageError for a file that does not exist.
 */
export async function addTestReports(project: BotProject, reports: readonly string[], cwd: string, maxSize?: number): Promise<BotFile[]> {
  const added: BotFile[] = [];
  for (const given of reports) {
    const file = path.resolve(cwd, given);
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new UsageError(`cannot read the test report ${given}`);
    added.push(project.addTestReport(file, text, { maxSize }));
  }
  return added;
}
