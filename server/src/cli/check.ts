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
  DEFAULT_MAX_FILE_SIZE,
  nodeFileSystem,
  readOneFile,
  PROJECT_FILES,
  readProjectSettings,
  type CheckOptions,
  type Finding,
  type ProjectSettings,
  type RuleSetting,
} from '../engine';
import { fixDiff, planFixes, withoutSkipped, writeFixes, type FixResult } from './fix';
import { escapeControls, formatGithub, formatJson, formatSarif, formatText, locate, type OutputFormat } from './formats';
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

interface Target {
  readonly root: string;
  /** Only these files of the project, or all of them when undefined. */
  readonly files?: string[];
}

/**
 * Runs `handoff-kit check` on `paths` (the projects below `cwd` when empty) and returns what to
 * print and the exit status: 1 when an error is found or more warnings than `maxWarnings`.
 * Throws `UsageError` for a path that is not a bot project or file, or a broken `--config`.
 */
export async function runCheck(paths: string[], options: CheckRunOptions): Promise<CheckRun> {
  const started = performance.now();
  const given = paths.length ? paths : [options.cwd];
  // Links are followed only inside the folders given (a file's own project), as the server
  // follows them only inside the workspace folders: a link out of them becomes `file-unread`.
  const workspace = new BotWorkspace(nodeFileSystem, { maxFileSize: options.maxFileSize, allowedRoots: await allowedRootsOf(given, options.cwd) });
  const settings = options.config ? await readConfig(path.resolve(options.cwd, options.config), options.cwd) : undefined;
  const checkOptions: CheckOptions = { ...(options.rules ? { rules: options.rules } : {}), ...(settings ? { settings } : {}) };
  const targets = mergeTargets(await resolveTargets(given, options.cwd, workspace, paths.length === 0));
  const projects = [];
  for (const target of targets) {
    projects.push({ target, project: workspace.project(target.root) ?? (await workspace.loadProject(target.root)) });
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
      fixReport += fixSummary(result, true) + diffNote;
    } else {
      const skipped = await writeFixes(result);
      for (const { file, reason } of skipped)
        fixReport += `handoff-kit: ${escapeControls(path.relative(options.cwd, file))} was not fixed: ${reason}\n`;
      // What was not written is not fixed: the summary counts the fixes on disk, and the check below sees the disk.
      const written = withoutSkipped(
        workspace,
        result,
        skipped.map((s) => s.file),
      );
      fixReport += fixSummary(written, false, result.fixed - written.fixed);
    }
    if (result.outside.length) {
      const where = result.outside.map((f) => escapeControls(path.relative(options.cwd, f))).join(', ');
      fixReport += `handoff-kit: safe fixes that edit ${where} were not applied: only the paths given are written (give the project folder to apply them)\n`;
    }
  }

  let findings: Finding[] = [];
  let fileCount = 0;
  for (const { target, project } of projects) {
    // `--test-report` files are checked as the project's own reports (utteranceTests.ts).
    const reports = options.testReports?.length ? await addTestReports(project, options.testReports, options.cwd, options.maxFileSize) : [];
    // Loops, not push(...): a project can have more findings than a call takes arguments (~125,000).
    for (const report of target.files ? reports : []) for (const finding of checkFile(project, report, checkOptions)) findings.push(finding);
    fileCount += target.files ? reports.length : 0;
    if (target.files) {
      for (const file of target.files) {
        const botFile = project.file(file);
        if (botFile) for (const finding of checkFile(project, botFile, checkOptions)) findings.push(finding);
      }
      fileCount += target.files.length;
    } else {
      for (const finding of checkProject(project, checkOptions)) findings.push(finding);
      fileCount += project.allFiles().length;
    }
  }
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  findings.sort(compareFindings);
  const elapsed = performance.now() - started;

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

/** The `--fix` line: the fixes applied (on disk, for `--fix`), and those that could not be written. */
function fixSummary(result: FixResult, dryRun: boolean, notWritten = 0): string {
  const created = result.files.filter((f) => f.before === undefined).length;
  const files = `${plural(result.files.length, 'file')}${created ? ` (${created} created)` : ''}`;
  const unwritten = notWritten ? `${result.fixed ? '; ' : ''}${plural(notWritten, 'safe fix', 'safe fixes')} could not be written (see above)` : '';
  if (result.fixed === 0) return notWritten ? `Fixed nothing: ${unwritten}.\n` : 'Nothing to fix: no safe fix applies.\n';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(result.fixed, 'problem')} in ${files}${unwritten}.\n`;
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

async function resolveTargets(paths: string[], cwd: string, workspace: BotWorkspace, searchBelow: boolean): Promise<Target[]> {
  const targets: Target[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fsp.stat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${given}`);
    if (stat.isDirectory()) {
      const ownProject = await isFile(path.join(absolute, 'bot.json'));
      if (ownProject || searchBelow) {
        // Every project at or below the folder: a project nested in another one owns its files
        // (the innermost bot.json wins), so it is checked as a project of its own.
        const roots = (await workspace.fs.glob(['**/bot.json'], absolute)).map((f) => path.dirname(f));
        if (ownProject) roots.push(absolute);
        if (roots.length) {
          for (const root of [...new Set(roots)].sort()) targets.push({ root });
          continue;
        }
        throw new UsageError(`no bot project (a folder with bot.json) in ${given}`);
      }
      throw new UsageError(`${given} is not a bot project: it has no bot.json`);
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
async function allowedRootsOf(paths: string[], cwd: string): Promise<string[]> {
  const roots: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fsp.stat(absolute).catch(() => undefined);
    const root = stat?.isDirectory() ? absolute : stat && (await projectRootOf(absolute));
    if (root) roots.push(root);
  }
  return roots;
}

/** One target per project; a whole-project target absorbs single files of the same project. */
function mergeTargets(targets: Target[]): Target[] {
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

async function projectRootOf(file: string): Promise<string | undefined> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'bot.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await fsp.stat(file).catch(() => undefined))?.isFile() ?? false;
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

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * Reads the `--test-report` files into `project`, as if they were in its test-reports/ folder,
 * as the project's own files are read: one over the size limit (`--max-file-size`, else the
 * default) is not read at all and gets `file-too-large` (a 200 MB report took 3 minutes and
 * 2.7 GB), and UTF-16 is decoded. Throws UsageError for a file that does not exist.
 */
export async function addTestReports(
  project: BotProject,
  reports: readonly string[],
  cwd: string,
  maxSize = DEFAULT_MAX_FILE_SIZE,
): Promise<BotFile[]> {
  const added: BotFile[] = [];
  for (const given of reports) {
    const file = path.resolve(cwd, given);
    const read = await readOneFile(nodeFileSystem, file, maxSize);
    if (read === undefined) throw new UsageError(`cannot read the test report ${given}`);
    if ('tooLarge' in read) added.push(project.addTestReport(file, '', { maxSize, sizeOnDisk: read.tooLarge }));
    else if ('unreadReason' in read) added.push(project.addTestReport(file, '', { maxSize, unreadReason: read.unreadReason }));
    else added.push(project.addTestReport(file, read.text, { maxSize }));
  }
  return added;
}
