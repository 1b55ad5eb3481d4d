// `handoff-kit check`: resolves the paths to bot projects, runs the engine, formats findings.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BotWorkspace,
  checkFile,
  checkProject,
  compareFindings,
  nodeFileSystem,
  type Finding,
} from '../engine';
import { addTestReports } from './utteranceTests';

export type OutputFormat = 'text' | 'json';

export class UsageError extends Error {}

export interface CheckRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

interface Target {
  readonly root: string;
  /** Only these files of the project, or all of them when undefined. */
  readonly files?: string[];
}

export async function runCheck(
  paths: string[],
  options: { cwd: string; format: OutputFormat; maxFileSize?: number; testReports?: string[] },
): Promise<CheckRun> {
  const started = performance.now();
  const workspace = new BotWorkspace(nodeFileSystem, { maxFileSize: options.maxFileSize });
  const targets = await resolveTargets(paths.length ? paths : [options.cwd], options.cwd, workspace, paths.length === 0);

  const findings: Finding[] = [];
  let fileCount = 0;
  for (const target of mergeTargets(targets)) {
    const project = workspace.project(target.root) ?? (await workspace.loadProject(target.root));
    // `--test-report` files are checked as the project's own reports (utteranceTests.ts).
    const reports = options.testReports?.length ? await addTestReports(project, options.testReports, options.cwd, options.maxFileSize) : [];
    for (const report of target.files ? reports : []) findings.push(...checkFile(project, report));
    fileCount += target.files ? reports.length : 0;
    if (target.files) {
      for (const file of target.files) {
        const botFile = project.file(file);
        if (botFile) findings.push(...checkFile(project, botFile));
      }
      fileCount += target.files.length;
    } else {
      findings.push(...checkProject(project));
      fileCount += project.allFiles().length;
    }
  }
  findings.sort(compareFindings);
  const elapsed = performance.now() - started;

  const exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0;
  const stdout = options.format === 'json' ? formatJson(findings, workspace, options.cwd) : formatText(findings, workspace, options.cwd);
  return { stdout, stderr: options.format === 'text' ? summary(findings, fileCount, elapsed) : '', exitCode };
}

async function resolveTargets(paths: string[], cwd: string, workspace: BotWorkspace, searchBelow: boolean): Promise<Target[]> {
  const targets: Target[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fsp.stat(absolute).catch(() => undefined);
    if (!stat) throw new UsageError(`no such file or folder: ${given}`);
    if (stat.isDirectory()) {
      if (await isFile(path.join(absolute, 'bot.json'))) {
        targets.push({ root: absolute });
        continue;
      }
      if (searchBelow) {
        const roots = (await workspace.fs.glob(['**/bot.json'], absolute)).map((f) => path.dirname(f));
        if (roots.length) {
          targets.push(...roots.sort().map((root) => ({ root })));
          continue;
        }
        throw new UsageError(`no bot project (a folder with bot.json) in ${given}`);
      }
      throw new UsageError(`${given} is not a bot project: it has no bot.json`);
    }
    const root = await projectRootOf(absolute);
    const inProject = root && (await workspace.loadProject(root)).owns(absolute);
    if (!root || !inProject) {
      throw new UsageError(`${given} is not a bot file (bot.json, intents/*.json or journeys/*.json of a bot project)`);
    }
    targets.push({ root, files: [absolute] });
  }
  return targets;
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

async function projectRootOf(file: string): Promise<string | undefined> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'bot.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await fsp.stat(file).catch(() => undefined))?.isFile() ?? false;
}

function located(findings: Finding[], workspace: BotWorkspace, cwd: string) {
  const documents = new Map<string, TextDocument>();
  return findings.map((finding) => {
    let document = documents.get(finding.file);
    if (!document) {
      const text = workspace.projectOf(finding.file)?.file(finding.file)?.text ?? '';
      document = TextDocument.create(finding.file, 'json', 0, text);
      documents.set(finding.file, document);
    }
    return {
      finding,
      file: path.relative(cwd, finding.file) || finding.file,
      start: document.positionAt(finding.offset),
      end: document.positionAt(finding.offset + finding.length),
    };
  });
}

function formatText(findings: Finding[], workspace: BotWorkspace, cwd: string): string {
  return located(findings, workspace, cwd)
    .map(({ finding, file, start }) => `${file}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.code} ${finding.message}\n`)
    .join('');
}

function formatJson(findings: Finding[], workspace: BotWorkspace, cwd: string): string {
  const rows = located(findings, workspace, cwd).map(({ finding, file, start, end }) => ({
    file,
    range: { start, end },
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function summary(findings: Finding[], fileCount: number, elapsedMs: number): string {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const time = `${Math.round(elapsedMs)} ms`;
  if (findings.length === 0) return `No problems in ${plural(fileCount, 'file')} (${time}).\n`;
  return `${plural(findings.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}) in ${plural(fileCount, 'file')} (${time}).\n`;
}
