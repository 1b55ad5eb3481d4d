// Runs test/vscode/suites inside real VS Code builds and prints one line per test, then "N passed, N failed".
//   code-server (default, and what CI runs): VS Code 1.100.3 from the npm registry, its window a headless Chromium;
//     the UI checks of test/vscode/ui/ run in that window afterwards, screenshots under test-results/vscode/.
//   desktop: a desktop VS Code through @vscode/test-electron, when HANDOFF_KIT_VSCODE_PATH names one or
//     .vscode-test/ holds a download; otherwise skipped with one line.
// The extension under test is, by default, the package a user installs: `npm run package` builds the .vsix (production
// bundles) into test-results/vscode/, and code-server's `--install-extension` installs it, so every suite and UI check
// runs against what ships, not against the development tree.
// Usage: node scripts/vscode/run-tests.mjs [--host all|code-server|desktop] [--grep <text>]
//        [--timeout <seconds for the whole host>] [--keep (the temp session folder)]
//        [--vsix <file.vsix> (install this package instead of building one)
//         | --extension <folder with package.json> (copied as is, e.g. "." for the dev build in dist/)
//         | --probe (test the stand-in of test/vscode/probe-extension)]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, openWorkbench } from './chromium.mjs';
import { cleanUp, onCleanup } from './cleanup.mjs';
import { newSession, startCodeServer } from './code-server.mjs';
import { MissingPrerequisiteError, ensurePrerequisites, repoRoot, testResultsDir } from './prerequisites.mjs';
import { provision } from './provision.mjs';
import { probeExtensionDir, stageTestRun, testsDir } from './stage-tests.mjs';
import { packageExtension } from '../package.mjs';

const { values: options } = parseArgs({
  options: {
    host: { type: 'string', default: 'all' },
    probe: { type: 'boolean', default: false },
    extension: { type: 'string' },
    vsix: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
  },
});
const hostTimeoutMs = Number(options.timeout) * 1000;
const hosts = { all: ['code-server', 'desktop'], 'code-server': ['code-server'], desktop: ['desktop'] }[options.host];
if (!(hostTimeoutMs > 0) || !hosts) {
  console.error(
    !hosts
      ? `error: --host is all, code-server or desktop, not "${options.host}"`
      : `error: --timeout takes a number of seconds, not "${options.timeout}"`,
  );
  process.exit(2);
}
const testTimeoutMs = 30_000;
const uiCheckTimeoutMs = 30_000;
/** How many times a UI check runs before it counts as failed (see the loop over test/vscode/ui). */
const UI_CHECK_ATTEMPTS = 2;

/** Every result of the run, across hosts: { host, name, state, durationMs, error }. */
const results = [];

function record(result) {
  results.push(result);
  const mark = { passed: 'ok  ', failed: 'FAIL', pending: 'skip' }[result.state];
  const duration = result.durationMs !== undefined ? ` (${result.durationMs} ms)` : '';
  console.log(`  ${mark} [${result.host}] ${result.name}${duration}`);
  if (result.error) console.log(indent(result.error, 9));
}

function indent(text, spaces) {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

function log(line) {
  console.log(line);
}

/**
 * The extension under test, as stageTestRun takes it: `{ vsix }` (the package built once per run, or --vsix) or
 * `{ extensionSource }` (a folder: --extension, or the stand-in with --probe). `describe` says where it came from.
 */
let underTest;
async function extensionUnderTest() {
  if (underTest) return underTest;
  if (options.probe) underTest = { extensionSource: probeExtensionDir, describe: relative(repoRoot, probeExtensionDir) };
  else if (options.extension) {
    const folder = resolve(options.extension);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    if (!existsSync(join(folder, manifest.main))) {
      throw new MissingPrerequisiteError(`${relative(repoRoot, join(folder, manifest.main))} is missing: run "npm run build" first`);
    }
    underTest = { extensionSource: folder, describe: `${relative(repoRoot, folder) || '.'} (copied)` };
  } else if (options.vsix) {
    const vsix = resolve(options.vsix);
    if (!existsSync(vsix)) throw new MissingPrerequisiteError(`${vsix} does not exist`);
    underTest = { vsix, describe: `${relative(repoRoot, vsix)} (code-server --install-extension)` };
  } else {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const out = join(testResultsDir, 'vscode', `${manifest.name}-${manifest.version}.vsix`);
    const { bytes } = await packageExtension({ out, log });
    underTest = { vsix: out, describe: `${relative(repoRoot, out)}, ${Math.round(bytes / 1024)} KiB (code-server --install-extension)` };
  }
  return underTest;
}

/** Waits for the runner's report, printing each test as its progress line arrives. */
async function waitForReport({ reportPath, progressPath, host, stopped, deadline, describeWait }) {
  let printed = 0;
  let lastEvent;
  const printProgress = () => {
    const lines = readFileSync(progressPath, 'utf8').split('\n');
    // The last element is an unfinished line (or empty): read it next time.
    for (const line of lines.slice(printed, -1)) {
      const event = JSON.parse(line);
      lastEvent = event;
      if (event.event === 'start') log(`[${host}] VS Code ${event.vscodeVersion} (${event.uiKind}): running the suites`);
      if (event.event === 'test') record({ host, name: event.fullTitle, state: event.state, durationMs: event.durationMs, error: event.error });
    }
    printed = Math.max(printed, lines.length - 1);
  };
  for (;;) {
    printProgress();
    if (existsSync(reportPath)) {
      printProgress();
      return JSON.parse(readFileSync(reportPath, 'utf8'));
    }
    const why = stopped();
    if (why) throw new Error(why);
    if (Date.now() > deadline) {
      const progress = !lastEvent
        ? 'the test-runner extension never started the suites'
        : lastEvent.event === 'start'
          ? 'the suites started, but the first test never finished'
          : `the suites hung after "${lastEvent.fullTitle}"`;
      throw new Error(`no report after ${options.timeout} s: ${progress}; ${describeWait()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runCodeServerHost() {
  const host = 'code-server';
  const started = Date.now();
  const deadline = started + hostTimeoutMs;
  await provision({ log });
  const session = await newSession({ keep: options.keep });
  const extension = await extensionUnderTest();
  const staged = await stageTestRun({ session, host, trigger: 'activation', ...extension, grep: options.grep, testTimeoutMs });
  log(
    `[${host}] extension ${staged.extension.id} ${staged.extension.version} from ${extension.describe}; session ${session}${options.keep ? ' (kept)' : ''}`,
  );
  // What a reader of a failed CI run needs survives the session folder: report, logs, screenshots.
  const artifacts = join(testResultsDir, 'vscode', host);
  await rm(artifacts, { recursive: true, force: true });
  await mkdir(artifacts, { recursive: true });
  onCleanup(() => keepArtifacts(session, artifacts));
  const server = await startCodeServer({ session, extensionsDir: staged.extensionsDir, log });
  let serverExit;
  server.exited.then((exit) => (serverExit = exit));
  const { browser } = await launchChromium(session);
  const consoleErrors = [];
  const page = await openWorkbench(browser, server.workbenchUrl(staged.workspace), {
    onConsoleError: (text) => consoleErrors.push(text),
  });
  log(`[${host}] workbench open at ${server.workbenchUrl(staged.workspace)} (${seconds(started)} s since start)`);

  /** Saves a screenshot of the window (or of `of`, another window) as test-results/vscode/<host>/<name>.png. */
  const screenshot = async (name, of = page) => {
    const path = join(artifacts, `${name}.png`);
    await of.screenshot({ path });
    return relative(repoRoot, path);
  };

  // A second window of the same code-server on another folder, for the checks of another folder layout; closed by the
  // check that opens it (and with the browser at the end).
  const openWindow = async (folder) => {
    const window = await openWorkbench(browser, server.workbenchUrl(folder), { onConsoleError: (text) => consoleErrors.push(text) });
    window.setDefaultTimeout(uiCheckTimeoutMs);
    return window;
  };

  try {
    const report = await waitForReport({
      ...staged,
      host,
      deadline,
      stopped: () =>
        serverExit && `code-server exited with ${serverExit.signal ?? serverExit.code} (log: ${relative(repoRoot, artifacts)}/code-server.log)`,
      describeWait: () => `see the extension host log, remoteexthost.log under ${relative(repoRoot, artifacts)}/logs/`,
    });
    if (report.error) record({ host, name: 'loading the suites', state: 'failed', error: report.error });
    log(`[${host}] suites done in ${(report.durationMs / 1000).toFixed(1)} s inside the extension host`);

    for (const file of (await readdir(join(testsDir, 'ui'))).filter((name) => name.endsWith('.mjs')).sort()) {
      const uiCheck = await import(pathToFileURL(join(testsDir, 'ui', file)).href);
      const checkStarted = Date.now();
      const name = `ui › ${uiCheck.title}`;
      if (options.grep && !new RegExp(options.grep).test(name)) continue; // --grep as mocha reads it: a regular expression
      page.setDefaultTimeout(uiCheckTimeoutMs);
      // A check drives a real browser, where a click can land on a list being redrawn: it gets a second
      // attempt, as Playwright's `retries` gives in CI, and a first failure is printed, never hidden.
      for (let attempt = 1; attempt <= UI_CHECK_ATTEMPTS; attempt++) {
        try {
          const { screenshots = [] } = (await uiCheck.check({ page, screenshot, openWindow, session })) ?? {};
          record({ host, name, state: 'passed', durationMs: Date.now() - checkStarted });
          for (const path of screenshots) log(`         screenshot: ${path}`);
          break;
        } catch (error) {
          const path = await screenshot(`${file.replace(/\.mjs$/, '')}-failed`).catch(() => undefined);
          const message = `${error.message}${path ? `\nscreenshot: ${path}` : ''}`;
          if (attempt < UI_CHECK_ATTEMPTS) {
            log(indent(`[${host}] ${name}: attempt ${attempt} failed, trying again:\n${message}`, 9));
            await page.keyboard.press('Escape').catch(() => {});
            continue;
          }
          record({ host, name, state: 'failed', durationMs: Date.now() - checkStarted, error: message });
        }
      }
    }
  } catch (error) {
    const path = await screenshot('run-failed').catch(() => undefined);
    record({ host, name: 'run', state: 'failed', error: `${error.message}${path ? `\nscreenshot: ${path}` : ''}` });
    if (consoleErrors.length > 0) log(indent(`workbench console errors (last 5):\n${consoleErrors.slice(-5).join('\n')}`, 9));
  }
  log(`[${host}] finished in ${seconds(started)} s; report, logs and screenshots in ${relative(repoRoot, artifacts)}/`);
}

/** Copies the report and the logs of code-server and VS Code out of the session folder before it is deleted. */
async function keepArtifacts(session, artifacts) {
  const copies = [
    ['report.json', 'report.json'],
    ['code-server.log', 'code-server.log'],
    [join('user-data', 'logs'), 'logs'],
  ];
  for (const [from, to] of copies) {
    await cp(join(session, from), join(artifacts, to), { recursive: true }).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/** A desktop VS Code: named by HANDOFF_KIT_VSCODE_PATH, or the newest @vscode/test-electron download in .vscode-test/. */
function findDesktopVSCode() {
  if (process.env.HANDOFF_KIT_VSCODE_PATH) return process.env.HANDOFF_KIT_VSCODE_PATH;
  const cache = join(repoRoot, '.vscode-test');
  if (!existsSync(cache)) return undefined;
  const downloads = readdirSync(cache)
    .filter((name) => name.startsWith('vscode-linux-x64-') && existsSync(join(cache, name, 'code')))
    .sort((a, b) => statSync(join(cache, b)).mtimeMs - statSync(join(cache, a)).mtimeMs);
  return downloads.length > 0 ? join(cache, downloads[0], 'code') : undefined;
}

/** Resolves with a DISPLAY for Electron: the current one, or a private Xvfb server stopped at clean-up. */
async function findDisplay() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!existsSync('/usr/bin/Xvfb')) return undefined;
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  onCleanup(() => xvfb.kill('SIGKILL'));
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (chunk) => resolve(`:${String(chunk).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return display;
}

async function runDesktopHost() {
  const host = 'desktop';
  const executable = findDesktopVSCode();
  if (!executable) {
    log(`[${host}] skipped: no desktop VS Code (set HANDOFF_KIT_VSCODE_PATH, or download one into .vscode-test/ with @vscode/test-electron)`);
    return;
  }
  const display = await findDisplay();
  if (!display) {
    log(`[${host}] skipped: no DISPLAY and no /usr/bin/Xvfb for ${executable} (apt-get install -y xvfb)`);
    return;
  }
  const started = Date.now();
  const { runTests } = await import('@vscode/test-electron');
  const session = await newSession({ keep: options.keep });
  const extension = await extensionUnderTest();
  // A .vsix is unpacked by code-server's installer (provisioned if needed); desktop VS Code then loads that folder.
  if (extension.vsix) await provision({ log });
  const staged = await stageTestRun({ session, host, trigger: 'extensionTests', ...extension, grep: options.grep, testTimeoutMs });
  log(`[${host}] ${executable} with ${staged.extension.id} ${staged.extension.version}; session ${session}`);
  const artifacts = join(testResultsDir, 'vscode', host);
  await rm(artifacts, { recursive: true, force: true });
  await mkdir(artifacts, { recursive: true });
  onCleanup(() => keepArtifacts(session, artifacts));
  const run = runTests({
    vscodeExecutablePath: executable,
    // Both are loaded as development extensions, from the staged copies, like the code-server host.
    extensionDevelopmentPath: [staged.extension.dir, staged.runnerDir],
    extensionTestsPath: join(staged.runnerDir, 'extension.js'),
    extensionTestsEnv: { HANDOFF_KIT_TEST_CONFIG: staged.configPath, DISPLAY: display },
    launchArgs: [
      staged.workspace,
      '--user-data-dir',
      join(session, 'user-data'),
      '--extensions-dir',
      join(session, 'no-extensions'),
      '--disable-gpu',
      '--disable-telemetry',
    ],
  }).catch((error) => error);
  let exit;
  run.then((value) => (exit = value));
  try {
    await waitForReport({
      ...staged,
      host,
      deadline: started + hostTimeoutMs,
      stopped: () =>
        exit !== undefined &&
        !existsSync(staged.reportPath) &&
        `VS Code exited (${exit instanceof Error ? exit.message : exit}) before writing a report`,
      describeWait: () => `VS Code at ${executable}, session ${session} (run with --keep to keep it)`,
    }).then((report) => {
      if (report.error) record({ host, name: 'loading the suites', state: 'failed', error: report.error });
    });
    await run; // VS Code exits by itself once run() settles
  } catch (error) {
    record({ host, name: 'run', state: 'failed', error: error.message });
  }
  log(`[${host}] finished in ${seconds(started)} s; report and logs in ${relative(repoRoot, artifacts)}/`);
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

async function main() {
  const started = Date.now();
  if (hosts.includes('code-server')) {
    await ensurePrerequisites({ log });
    await runCodeServerHost();
    await cleanUp();
  }
  if (hosts.includes('desktop')) {
    await runDesktopHost();
    await cleanUp();
  }
  const passed = results.filter((r) => r.state === 'passed').length;
  const failed = results.filter((r) => r.state === 'failed').length;
  log(`total ${seconds(started)} s`);
  if (passed + failed === 0) log('no tests ran');
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof MissingPrerequisiteError ? `error: ${error.message}` : (error.stack ?? error.message));
    await cleanUp();
    console.log(`${results.filter((r) => r.state === 'passed').length} passed, ${results.filter((r) => r.state === 'failed').length + 1} failed`);
    process.exit(1);
  });
