// The test-runner extension: runs the mocha suites inside the real extension host, with the real `vscode` API,
// and writes a JSON report where the outer process (scripts/vscode/run-tests.mjs) waits for it.
// In code-server it runs on activation; under @vscode/test-electron, VS Code calls `run()` (extensionTestsPath).
import * as vscode from 'vscode';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written by the outer process next to this file as test-config.json (or named by HANDOFF_KIT_TEST_CONFIG). */
interface RunnerConfig {
  host: string;
  /** `activation` in code-server; `extensionTests` when VS Code calls run() itself. */
  trigger: 'activation' | 'extensionTests';
  mochaPath: string;
  suiteFiles: string[];
  reportPath: string;
  progressPath: string;
  timeoutMs: number;
  grep?: string;
}

export interface TestResult {
  file: string;
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface Report {
  host: string;
  vscodeVersion: string;
  uiKind: string;
  remoteName: string | undefined;
  durationMs: number;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
  /** Set when the suites could not run at all (a suite file failed to load, mocha missing). */
  error?: string;
}

function readConfig(): RunnerConfig | undefined {
  const path = process.env.HANDOFF_KIT_TEST_CONFIG || join(__dirname, 'test-config.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RunnerConfig) : undefined;
}

export function activate(): void {
  const config = readConfig();
  // Once per run: a UI check that opens another window (or reloads this one) starts an extension host with this runner
  // again, after the suites have written their report.
  if (config?.trigger === 'activation' && !existsSync(config.reportPath)) void runSuites(config);
}

export function deactivate(): void {}

/** Entry point for @vscode/test-electron: VS Code exits when this settles, failing the run if it rejects. */
export async function run(): Promise<void> {
  const config = readConfig();
  if (!config) throw new Error('test-runner: no test-config.json next to the runner and no HANDOFF_KIT_TEST_CONFIG');
  const report = await runSuites(config);
  if (report.error) throw new Error(report.error);
  if (report.failed > 0) throw new Error(`${report.failed} test(s) failed`);
}

async function runSuites(config: RunnerConfig): Promise<Report> {
  const started = Date.now();
  const tests: TestResult[] = [];
  const progress = (event: object) => appendFileSync(config.progressPath, JSON.stringify(event) + '\n');
  let error: string | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha is loaded from a path known only at run time
    const Mocha = require(config.mochaPath) as typeof import('mocha');
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: config.timeoutMs,
      color: false,
      grep: config.grep,
      reporter: recordingReporter(Mocha, (result) => {
        tests.push(result);
        progress({ event: 'test', ...result });
      }),
    });
    for (const file of config.suiteFiles) mocha.addFile(file);
    progress({ event: 'start', vscodeVersion: vscode.version, uiKind: vscode.UIKind[vscode.env.uiKind] });
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (caught) {
    error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
  }
  const report: Report = {
    host: config.host,
    vscodeVersion: vscode.version,
    uiKind: vscode.UIKind[vscode.env.uiKind],
    remoteName: vscode.env.remoteName,
    durationMs: Date.now() - started,
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    tests,
    error,
  };
  // Written whole and then renamed, so the outer process never reads half a report.
  writeFileSync(config.reportPath + '.partial', JSON.stringify(report, null, 2) + '\n');
  renameSync(config.reportPath + '.partial', config.reportPath);
  return report;
}

/** A mocha reporter that hands each finished test (and each failed hook) to `record`. */
function recordingReporter(Mocha: typeof import('mocha'), record: (result: TestResult) => void) {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  const toResult = (test: Mocha.Runnable, state: TestResult['state'], err?: Error): TestResult => ({
    file: test.file ?? '',
    title: test.title,
    fullTitle: test.titlePath().join(' › '),
    state,
    durationMs: test.duration ?? 0,
    error: err ? (err.stack ?? err.message) : undefined,
  });
  return class RecordingReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.on(EVENT_TEST_PASS, (test) => record(toResult(test, 'passed')));
      runner.on(EVENT_TEST_FAIL, (test, err) => record(toResult(test, 'failed', err)));
      runner.on(EVENT_TEST_PENDING, (test) => record(toResult(test, 'pending')));
    }
  };
}
