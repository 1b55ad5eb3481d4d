// `handoff-kit test`: runs the conversation tests (tests/*.json) of the projects given through the
// engine's simulator, and prints per test a pass or the failing step as file:line:column with what
// was expected, what the run shows and the transcript up to there; or JSON, JUnit XML for CI
// systems, or GitHub workflow annotations. `--coverage` adds the parts of the handoff path no test walks.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BotWorkspace,
  handoffCoverage,
  blockingNodeFileSystem,
  runTestFile,
  transcriptLines,
  type BotProject,
  type CoverageItem,
  type SimulationStep,
  type TestFileRun,
  type TestRun,
} from '../engine';
import { displayPath, escapeControls, escapeData, escapeProperty } from './formats';
import { allowedRootsOf, mergeTargets, resolveTargets } from './targets';
import { UsageError } from './usageError';

/** The formats `test --format` takes. */
export const TEST_FORMATS = ['text', 'json', 'junit', 'github'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];

/** The options of `handoff-kit test`, as parsed from the command line. */
export interface TestCommandOptions {
  /** The folder relative paths are resolved against and printed relative to. */
  readonly cwd: string;
  readonly format: TestFormat;
  /** Also say which parts of the handoff path no test walks. */
  readonly coverage?: boolean;
}

/**
 * What the command prints and its exit status: 0 when every test passes, 1 when one fails, 2 when
 * a test file does not parse or fit its schema (its tests are not run; the others are).
 */
export interface TestCommandRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

/** A test file's run, with its project and its path as printed. */
interface FileResult {
  readonly project: BotProject;
  readonly run: TestFileRun;
  /** The file relative to the folder the command runs in, with `/`. */
  readonly shown: string;
  /** Milliseconds its tests took. */
  readonly ms: number;
}

/** A 1-based line and column, as every format prints them. */
interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Runs `handoff-kit test` on `paths` (the projects below `cwd` when empty): every test file of a
 * project folder, or the test files named. Throws UsageError for a path that is not a bot project
 * or a test file of one.
 */
export async function runTestCommand(paths: string[], options: TestCommandOptions): Promise<TestCommandRun> {
  const started = performance.now();
  const given = paths.length ? paths : [options.cwd];
  const workspace = new BotWorkspace(blockingNodeFileSystem, { allowedRoots: await allowedRootsOf(given, options.cwd) });
  const targets = mergeTargets(await resolveTargets(given, options.cwd, workspace));
  const results: FileResult[] = [];
  const projects: BotProject[] = [];
  for (const target of targets) {
    const project = workspace.project(target.root) ?? (await workspace.loadProject(target.root));
    projects.push(project);
    const files = target.files
      ? target.files.map((file) => {
          const found = project.file(file);
          if (found?.kind !== 'test')
            throw new UsageError(`${escapeControls(displayPath(options.cwd, file))} is not a test file (tests/*.json of a bot project)`);
          return found;
        })
      : project.filesOfKind('test');
    for (const file of files) {
      const before = performance.now();
      const run = runTestFile(project, file);
      results.push({ project, run, shown: displayPath(options.cwd, file.path), ms: performance.now() - before });
    }
  }
  const places = new Places(workspace);
  const tests = results.flatMap((r) => r.run.tests);
  const failed = tests.filter((t) => !t.passed).length;
  const broken = results.filter((r) => r.run.problems.length);
  const exitCode = broken.length ? 2 : failed ? 1 : 0;
  const coverage = options.coverage ? coverageOf(projects, results) : undefined;

  let stdout: string;
  switch (options.format) {
    case 'json':
      stdout = formatJson(results, places, coverage, options.cwd);
      break;
    case 'junit':
      stdout = formatJunit(results, places, performance.now() - started);
      break;
    case 'github':
      stdout = formatGithub(results, places);
      break;
    default:
      stdout = formatText(results, places);
  }
  let stderr = '';
  for (const { run, shown } of broken) {
    for (const problem of run.problems) {
      const at = places.at(run.file, problem.offset);
      stderr += `handoff-kit: ${escapeControls(shown)}:${at.line}:${at.column}: ${escapeControls(problem.message)}\n`;
    }
    stderr += `handoff-kit: the tests of ${escapeControls(shown)} were not run: it is not a valid test file (schemas/test.schema.json).\n`;
  }
  if (coverage && options.format !== 'json') {
    const report = formatCoverage(coverage, places, options.cwd);
    if (options.format === 'text') stdout += report;
    else stderr += report;
  }
  if (options.format !== 'json' && options.format !== 'junit') stderr += summary(results, tests, failed, performance.now() - started);
  return { stdout, stderr, exitCode };
}

/** Every part of the handoff path of each project, with the tests of it that walk the part. */
function coverageOf(projects: readonly BotProject[], results: readonly FileResult[]): CoverageItem[] {
  return projects.flatMap(
    (project) =>
      handoffCoverage(
        project,
        results.filter((r) => r.project === project).flatMap((r) => r.run.tests),
      ).items,
  );
}

// ---- text ----------------------------------------------------------------------------------------

function formatText(results: readonly FileResult[], places: Places): string {
  const out: string[] = [];
  for (const { run, shown } of results) {
    for (const test of run.tests) {
      const at = places.at(run.file, test.range.offset);
      out.push(`${test.passed ? 'pass' : 'FAIL'}  ${escapeControls(shown)}:${at.line}:${at.column}  ${escapeControls(test.name)}`);
      if (!test.failure) continue;
      const failure = test.failure;
      const where = places.at(run.file, failure.offset);
      out.push(`      at ${escapeControls(shown)}:${where.line}:${where.column}: ${escapeControls(failure.message)}`);
      out.push(`      expected: ${escapeControls(failure.expected)}`, `      actual:   ${escapeControls(failure.actual)}`);
      for (const other of failure.facts.slice(1)) {
        const also = places.at(run.file, other.offset);
        out.push(
          `      also at ${escapeControls(shown)}:${also.line}:${also.column}: expect ${other.fact}: expected ${escapeControls(other.expected)}, actual ${escapeControls(other.actual)}`,
        );
      }
      out.push('      transcript:');
      for (const line of transcriptLines(test)) out.push(`        ${escapeControls(line)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function summary(results: readonly FileResult[], tests: readonly TestRun[], failed: number, ms: number): string {
  const files = results.length;
  const time = `${Math.round(ms)} ms`;
  if (!files) return `No tests found (tests/*.json of a bot project) (${time}).\n`;
  const counts = `${plural(tests.length, 'test')}: ${tests.length - failed} passed, ${failed} failed`;
  return `${counts}, in ${plural(files, 'test file')} (${time}).\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatCoverage(items: readonly CoverageItem[], places: Places, cwd: string): string {
  const walked = items.filter((i) => i.walkedBy.length).length;
  const lines = [`Coverage of the handoff path: ${walked} of ${plural(items.length, 'part')} walked by a test.`];
  for (const item of items) {
    if (item.walkedBy.length) continue;
    const at = places.at(item.file, item.offset);
    lines.push(`  not walked  ${escapeControls(displayPath(cwd, item.file))}:${at.line}:${at.column}  ${escapeControls(item.label)}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- JSON ----------------------------------------------------------------------------------------

function formatJson(results: readonly FileResult[], places: Places, coverage: readonly CoverageItem[] | undefined, cwd: string): string {
  const tests = results.flatMap(({ run, shown }) =>
    run.tests.map((test) => ({
      file: shown,
      index: test.index,
      name: test.name,
      ...places.at(run.file, test.range.offset),
      status: test.passed ? 'passed' : 'failed',
      ...(test.failure
        ? {
            failure: {
              kind: test.failure.kind,
              step: test.failure.step,
              ...places.at(run.file, test.failure.offset),
              message: test.failure.message,
              expected: test.failure.expected,
              actual: test.failure.actual,
              facts: test.failure.facts.map((f) => ({ fact: f.fact, expected: f.expected, actual: f.actual, ...places.at(run.file, f.offset) })),
              transcript: test.transcript.map((step) => stepJson(step)),
            },
          }
        : {}),
    })),
  );
  const problems = results.flatMap(({ run, shown }) =>
    run.problems.map((p) => ({ file: shown, ...places.at(run.file, p.offset), message: p.message })),
  );
  const failed = tests.filter((t) => t.status === 'failed').length;
  const report = {
    tests,
    problems,
    summary: { files: results.length, tests: tests.length, passed: tests.length - failed, failed },
    ...(coverage
      ? {
          coverage: {
            parts: coverage.length,
            walked: coverage.filter((i) => i.walkedBy.length).length,
            items: coverage.map((i) => ({
              kind: i.kind,
              label: i.label,
              file: displayPath(cwd, i.file),
              ...places.at(i.file, i.offset),
              walkedBy: i.walkedBy,
            })),
          },
        }
      : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function stepJson(step: SimulationStep): object {
  return { ...(step.input !== undefined ? { input: step.input } : {}), kind: step.kind, text: step.text };
}

// ---- JUnit XML -----------------------------------------------------------------------------------

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, Azure Pipelines, the GitHub test reporters):
 * `testsuites` > one `testsuite` per test file > one `testcase` per test, with a `failure` whose
 * `message` is the failing step's one line and whose text has its place, expected, actual and the
 * transcript. A test file that is not valid has one `testcase` with an `error` per problem.
 */
function formatJunit(results: readonly FileResult[], places: Places, ms: number): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const count = (pick: (r: FileResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const failures = count((r) => r.run.tests.filter((t) => !t.passed).length);
  const errors = count((r) => (r.run.problems.length ? 1 : 0));
  const tests = count((r) => r.run.tests.length || (r.run.problems.length ? 1 : 0));
  out.push(`<testsuites name="handoff-kit test" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(ms)}">`);
  for (const { run, shown, ms: fileMs } of results) {
    const fileFailures = run.tests.filter((t) => !t.passed).length;
    const suite = attributes({
      name: shown,
      tests: run.tests.length || (run.problems.length ? 1 : 0),
      failures: fileFailures,
      errors: run.problems.length ? 1 : 0,
      skipped: 0,
      time: seconds(fileMs),
      file: shown,
    });
    out.push(`  <testsuite ${suite}>`);
    if (run.problems.length) {
      const first = places.at(run.file, run.problems[0].offset);
      const lines = run.problems.map((p) => {
        const at = places.at(run.file, p.offset);
        return `${shown}:${at.line}:${at.column}: ${p.message}`;
      });
      out.push(`    <testcase ${attributes({ name: 'the test file', classname: shown, file: shown, line: first.line })}>`);
      out.push(
        `      <error ${attributes({ message: `not a valid test file: ${run.problems[0].message}`, type: 'invalid' })}>${xml(lines.join('\n'))}</error>`,
      );
      out.push('    </testcase>');
    }
    for (const test of run.tests) {
      const at = places.at(run.file, test.range.offset);
      const testcase = attributes({ name: test.name, classname: shown, file: shown, line: at.line });
      if (!test.failure) {
        out.push(`    <testcase ${testcase}/>`);
        continue;
      }
      const where = places.at(run.file, test.failure.offset);
      const body = [
        `at ${shown}:${where.line}:${where.column}`,
        `expected: ${test.failure.expected}`,
        `actual:   ${test.failure.actual}`,
        'transcript:',
        ...transcriptLines(test).map((line) => `  ${line}`),
      ].join('\n');
      out.push(`    <testcase ${testcase}>`);
      out.push(`      <failure ${attributes({ message: test.failure.message, type: test.failure.kind })}>${xml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${xml(String(value), true)}"`)
    .join(' ');
}

/**
 * Text as XML character data (or an attribute value, with quotes and line breaks escaped too).
 * Characters XML 1.0 does not allow (most C0 controls, lone surrogates) are written as visible
 * escapes first, as every format writes text from bot files.
 */
function xml(text: string, attribute = false): string {
  const allowed = text.replace(
    // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point: they are escaped
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => (escapeControls(c) === c ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : escapeControls(c)),
  );
  const escaped = allowed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// ---- GitHub --------------------------------------------------------------------------------------

/**
 * GitHub Actions workflow commands: an `::error` annotation on the failing step of each failed
 * test (title: the test's name), and on each problem of a test file that is not valid.
 */
function formatGithub(results: readonly FileResult[], places: Places): string {
  const out: string[] = [];
  const annotate = (file: string, shown: string, range: { offset: number; length: number }, title: string, message: string) => {
    const start = places.at(file, range.offset);
    const end = places.at(file, range.offset + range.length);
    const properties = [
      `file=${escapeProperty(shown)}`,
      `line=${start.line}`,
      `col=${start.column}`,
      `endLine=${end.line}`,
      `endColumn=${end.column}`,
      `title=${escapeProperty(title)}`,
    ].join(',');
    out.push(`::error ${properties}::${escapeData(message)}`);
  };
  for (const { run, shown } of results) {
    for (const problem of run.problems) annotate(run.file, shown, problem, 'handoff-kit test: not a valid test file', problem.message);
    for (const test of run.tests) {
      if (!test.failure) continue;
      const { message, expected, actual } = test.failure;
      annotate(run.file, shown, test.failure, `handoff-kit test: ${test.name}`, `${message}\nexpected: ${expected}\nactual:   ${actual}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

// ---- places --------------------------------------------------------------------------------------

/** Offsets of the workspace's files as 1-based lines and columns (UTF-16), reading each file's text once. */
class Places {
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly workspace: BotWorkspace) {}

  at(file: string, offset: number): LineColumn {
    let document = this.documents.get(file);
    if (!document) {
      document = TextDocument.create(file, 'json', 0, this.workspace.projectOf(file)?.file(file)?.text ?? '');
      this.documents.set(file, document);
    }
    const { line, character } = document.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  }
}
