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
  isInside,
  blockingNodeFileSystem,
  readOneFile,
  readProjectSettings,
  type CheckOptions,
  type Finding,
  type IgnoreOptions,
  type ProjectSettings,
  type RuleSetting,
} from '../engine';
import { fixDiff, planFixes, withoutSkipped, writeFixes, type FixResult } from './fix';
import { CheckWorker, wantsWorker } from './parallelCheck';
import { projectSize } from './projectSize';
import {
  escapeControls,
  formatGithub,
  formatJson,
  formatSarif,
  formatText,
  fromCache,
  locate,
  type LocatedFinding,
  type OutputFormat,
} from './formats';
import { CheckCache, statFiles, type FileStats } from './cache';
import { allowedRootsOf, mergeTargets, resolveTargets, statOrUndefined, type Target } from './targets';
import { UsageError } from './usageError';

export type { OutputFormat } from './formats';

export interface CheckRun {
  /**
   * What to print, in pieces made as they are asked for (one string of a million findings is
   * longer than V8 makes: see `inPieces`); write each before asking for the next.
   */
  readonly output: Iterable<string>;
  /** `output` as one string, made when read: for callers that know the output is small (tests). */
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
  /** Only say whether `--fix` would change a file (listing those it would change): exit 1 if so. Writes nothing. */
  readonly fixCheck?: boolean;
  /** The version SARIF's `tool.driver.version` names. */
  readonly version?: string;
  /** Studio test reports (CSV) to check besides each project's test-reports/*.csv. */
  readonly testReports?: string[];
  /** Keep each project's findings in a cache file, and take them from it while nothing they depend on changed. */
  readonly cache?: boolean;
  /** The cache file, or a folder for it (default `.handoff-kit-cache` in `cwd`). */
  readonly cacheLocation?: string;
  /** More gitignore patterns of folders and files to leave out, relative to `cwd` (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /** false: nothing is ignored, neither by .gitignore nor by `ignores` lists nor by patterns (`--no-ignore`). */
  readonly ignore?: boolean;
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
  const settings = options.config ? await readConfig(path.resolve(options.cwd, options.config), options.cwd) : undefined;
  // Links are followed only inside the folders given (a file's own project), as the server
  // follows them only inside the workspace folders: a link out of them becomes `file-unread`.
  const allowedRoots = await allowedRootsOf(given, options.cwd);
  const workspace = new BotWorkspace(blockingNodeFileSystem, {
    maxFileSize: options.maxFileSize,
    allowedRoots,
    ignores: ignoreOptions(options, allowedRoots, settings),
  });
  const checkOptions: CheckOptions = { ...(options.rules ? { rules: options.rules } : {}), ...(settings ? { settings } : {}) };
  // A path named on the command line is checked even when it is ignored, as what is below it.
  const named = await ignoredPaths(given, options.cwd, workspace);
  if (named.length && workspace.ignores) workspace.ignores = { ...workspace.ignores, named };
  const targets = mergeTargets(await resolveTargets(given, options.cwd, workspace));
  const fixing = Boolean(options.fix || options.fixDryRun || options.fixCheck);
  // The cache holds whole projects checked as they are on disk: not a fix, nor extra test reports.
  const cache =
    options.cache && !fixing && !options.testReports?.length
      ? await CheckCache.read(options.cacheLocation, options.cwd, options.version ?? '0.0.0', {
          rules: options.rules ?? {},
          config: settings ?? null,
          maxFileSize: options.maxFileSize ?? null,
          allowedRoots,
        })
      : undefined;
  const projects: { target: Target; project: BotProject; stats?: FileStats; worker?: CheckWorker }[] = [];
  const cached: { findings: LocatedFinding[]; files: number }[] = [];
  for (const target of targets) {
    if (cache && !target.files) {
      // Listed and stat'ed before anything is read: a file changed meanwhile is seen by the next run.
      const files = await workspace.projectFiles(target.root);
      const stats = statFiles(files);
      const hit = await cache.lookup(path.resolve(target.root), files, stats);
      if (hit) {
        cached.push({ findings: fromCache(hit, options.cwd), files: files.length });
        continue;
      }
      projects.push({ target, project: await workspace.loadProject(target.root), stats });
      continue;
    }
    // A large project's file-scope checks go to a worker thread, started before the project is
    // read so that its start overlaps the reading (parallelCheck.ts).
    const worker = !target.files && !options.fix && !options.fixDryRun && wantsWorker(projectSize(target.root)) ? new CheckWorker() : undefined;
    projects.push({ target, worker, project: workspace.project(target.root) ?? (await workspace.loadProject(target.root)) });
  }

  let cacheNote = '';
  let fixReport = '';
  let diff = '';
  let diffNote = '';
  if (fixing) {
    const allowedRoots = given.map((p) => path.resolve(options.cwd, p));
    const result = planFixes(
      workspace,
      projects.map(({ target, project }) => ({ project, files: target.files })),
      checkOptions,
      allowedRoots,
    );
    if (options.fixCheck) return fixCheck(result, options.cwd);
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

  let located: LocatedFinding[] = cached.flatMap((c) => c.findings);
  let fileCount = cached.reduce((n, c) => n + c.files, 0);
  for (const { target, project, stats, worker } of projects) {
    const findings: Finding[] = [];
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
      const found = worker ? await worker.check(project, checkOptions) : checkProject(project, checkOptions);
      for (const finding of found) findings.push(finding);
      fileCount += project.allFiles().length;
    }
    const projectLocated = locate(findings, workspace, options.cwd);
    if (cache && stats) cache.store(project, projectLocated, stats);
    for (const l of projectLocated) located.push(l);
  }
  await cache?.write().catch((error: NodeJS.ErrnoException) => {
    cacheNote = `handoff-kit: the cache ${escapeControls(path.relative(options.cwd, cache.file))} could not be written (${error.code ?? error.message})\n`;
  });
  // What --quiet leaves out is still said to be there: "No problems" would not be what was found.
  const notShown = options.quiet ? located.filter((l) => l.finding.severity !== 'error').map((l) => l.finding) : [];
  if (options.quiet) located = located.filter((l) => l.finding.severity === 'error');
  located.sort((a, b) => compareFindings(a.finding, b.finding));
  const findings = located.map((l) => l.finding);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;

  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const exitCode = findings.some((f) => f.severity === 'error') || tooManyWarnings ? 1 : 0;
  const formatted = {
    text: () => formatText(located),
    json: () => formatJson(located),
    sarif: () => formatSarif(located, options.cwd, options.version ?? '0.0.0'),
    github: () => formatGithub(located),
  }[options.format]();
  let stderr = fixReport + cacheNote;
  // After --fix-dry-run the findings are those of the fixed files, which are not on disk.
  if (options.format === 'text') {
    const fromTheCache = cache ? cached.reduce((n, c) => n + c.files, 0) : undefined;
    stderr += summary(findings, fileCount, elapsed, Boolean(options.fixDryRun), fromTheCache, notShown);
  }
  if (tooManyWarnings) stderr += `handoff-kit: ${plural(warnings, 'warning')} found, more than --max-warnings ${options.maxWarnings} allows.\n`;
  return checkRun(diff ? prepend(diff, formatted) : formatted, stderr, exitCode);
}

/** A CheckRun of `output`; `stdout` joins it once, when first read (the pieces are made once: read one or the other). */
function checkRun(output: Iterable<string>, stderr: string, exitCode: 0 | 1): CheckRun {
  let joined: string | undefined;
  return {
    output,
    get stdout() {
      return (joined ??= [...output].join(''));
    },
    stderr,
    exitCode,
  };
}

function* prepend(first: string, rest: Iterable<string>): Generator<string, void> {
  yield first;
  yield* rest;
}

/** The absolute paths among those given (relative to `cwd`) that the workspace's ignore rules leave out. */
async function ignoredPaths(paths: readonly string[], cwd: string, workspace: BotWorkspace): Promise<string[]> {
  const ignored: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrUndefined(absolute);
    if (stat && (await workspace.isIgnored(absolute, stat.isDirectory()))) ignored.push(absolute);
  }
  return ignored;
}

/**
 * `--fix-check`, as `prettier --check`: the files `--fix` would change, one a line on stdout
 * (relative to `cwd`), a summary on stderr, and exit 1 when there is any.
 */
function fixCheck(result: FixResult, cwd: string): CheckRun {
  if (!result.files.length) return checkRun([], 'Nothing to fix: no safe fix applies.\n', 0);
  const files = result.files.map(({ file }) => `${escapeControls(path.relative(cwd, file).split(path.sep).join('/'))}\n`).join('');
  const counts = `${plural(result.fixed, 'problem')} in ${plural(result.files.length, 'file')}`;
  return checkRun([files], `--fix would fix ${counts}: run handoff-kit check --fix.\n`, 1);
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

/**
 * What the search for projects leaves out: the .gitignore files and `ignores` lists of the current
 * folder and below it (and of each folder given outside it), then `--ignore-pattern` and the
 * `--config` file's `ignores`, both relative to the current folder as ESLint takes them. A
 * `--config` file stands in for the handoff-kit.json files' `ignores` as it does for their rules.
 */
function ignoreOptions(options: CheckRunOptions, allowedRoots: readonly string[], settings: ProjectSettings | undefined): IgnoreOptions | undefined {
  if (options.ignore === false) return undefined;
  const outside = allowedRoots.filter((root) => !isInside(options.cwd, root));
  return {
    roots: [options.cwd, ...outside],
    base: options.cwd,
    patterns: [...(settings?.ignores ?? []), ...(options.ignorePatterns ?? [])],
    settingsIgnores: !options.config,
  };
}

/**
 * The closing line: how many problems of each severity (info and hints too), in how many files,
 * in how long (and, with `--cache`, how many files' findings came from it); every count agrees in
 * number with its noun.
 */
function summary(
  findings: Finding[],
  fileCount: number,
  elapsedMs: number,
  wouldRemain = false,
  fromTheCache?: number,
  notShown: readonly Finding[] = [],
): string {
  const count = (list: readonly Finding[], severity: Finding['severity']) => list.filter((f) => f.severity === severity).length;
  const time = `${Math.round(elapsedMs)} ms${fromTheCache === undefined ? '' : `, ${fromTheCache} from the cache`}`;
  const remain = wouldRemain ? ' would remain' : '';
  // With --quiet: "1 warning not shown (--quiet)", so that a project with warnings is not said to have no problems.
  const hidden = [plural(count(notShown, 'warning'), 'warning'), `${count(notShown, 'info')} info`, plural(count(notShown, 'hint'), 'hint')].filter(
    (part) => !part.startsWith('0 '),
  );
  const quiet = hidden.length ? `; ${hidden.join(', ')} not shown (--quiet)` : '';
  if (findings.length === 0) return `No ${notShown.length ? 'errors' : 'problems'}${remain} in ${plural(fileCount, 'file')}${quiet} (${time}).\n`;
  const parts = [plural(count(findings, 'error'), 'error'), plural(count(findings, 'warning'), 'warning')];
  if (count(findings, 'info')) parts.push(`${count(findings, 'info')} info`);
  if (count(findings, 'hint')) parts.push(plural(count(findings, 'hint'), 'hint'));
  return `${plural(findings.length, 'problem')}${remain} (${parts.join(', ')}) in ${plural(fileCount, 'file')}${quiet} (${time}).\n`;
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
    const read = await readOneFile(blockingNodeFileSystem, file, maxSize);
    if (read === undefined) throw new UsageError(`cannot read the test report ${given}`);
    if ('tooLarge' in read) added.push(project.addTestReport(file, '', { maxSize, sizeOnDisk: read.tooLarge }));
    else if ('unreadReason' in read) added.push(project.addTestReport(file, '', { maxSize, unreadReason: read.unreadReason }));
    else added.push(project.addTestReport(file, read.text, { maxSize }));
  }
  return added;
}
