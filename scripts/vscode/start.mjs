// `npm start`: builds the extension, provisions code-server if needed, and serves a real VS Code with the extension
// installed from the bundle and examples/support-bot open, until Ctrl-C. Open the printed URL in a browser.
// Usage: node scripts/vscode/start.mjs [--folder <path>] [--port <n>] [--no-build]
//        [--screenshot <file.png> [--open <file in the folder>]]   (takes one screenshot and exits)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, openWorkbench } from './chromium.mjs';
import { cleanUp, isCleaningUp, signalExitCodes } from './cleanup.mjs';
import { installExtension, newSession, startCodeServer } from './code-server.mjs';
import { MissingPrerequisiteError, ensurePrerequisites, codeServerVersion, repoRoot, vscodeVersion } from './prerequisites.mjs';
import { provision } from './provision.mjs';
import { openFileByQuickOpen, showProblems } from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: join(repoRoot, 'examples', 'support-bot') },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    open: { type: 'string' },
  },
});

if (!/^\d+$/.test(options.port)) {
  console.error(`error: --port takes a port number (0 for any free port), not "${options.port}"`);
  process.exit(2);
}

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`"${command} ${args.join(' ')}" exited with ${signal ?? code}`)),
    );
  });
}

/** The journey to show in the screenshot: --open, or the folder's first journey. */
async function fileToShow(folder) {
  if (options.open) return options.open;
  const journeys = (await readdir(join(folder, 'journeys')).catch(() => [])).filter((name) => name.endsWith('.json')).sort();
  return journeys.length > 0 ? `journeys/${journeys[0]}` : 'bot.json';
}

/** How many findings the command line (same engine) reports for `file`: the editor must show as many. */
function findingsFor(folder, file) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'cli.js'), 'check', '--format', 'json', '.'], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolvePromise(JSON.parse(stdout).filter((finding) => finding.file === file).length);
      } catch {
        reject(new Error(`handoff-kit check --format json printed no JSON in ${folder}`));
      }
    });
  });
}

async function takeScreenshot(server, folder, session) {
  const path = resolve(options.screenshot);
  const { browser } = await launchChromium(session);
  const page = await openWorkbench(browser, server.workbenchUrl(folder));
  page.setDefaultTimeout(30_000);
  const file = await fileToShow(folder);
  const expected = await findingsFor(folder, file);
  await openFileByQuickOpen(page, file);
  const problems = await showProblems(page);
  // With findings expected, the picture is ready once the Problems panel lists them all; with none, the empty panel
  // already shows the truth.
  if (expected > 0)
    await problems
      .locator('.monaco-list-row', { hasText: 'handoff-kit' })
      .nth(expected - 1)
      .waitFor();
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path });
  console.log(`[start] screenshot of ${file} (${expected} finding${expected === 1 ? '' : 's'}): ${path}`);
}

async function main() {
  await ensurePrerequisites({ needChromium: Boolean(options.screenshot) });
  const folder = resolve(options.folder);
  if (!existsSync(folder)) throw new MissingPrerequisiteError(`${folder} does not exist`);
  if (!options['no-build']) {
    console.log('[start] npm run build');
    await run('npm', ['run', 'build', '--silent']);
  }
  await provision();
  const session = await newSession();
  const extensionsDir = join(session, 'extensions');
  const extension = await installExtension(extensionsDir, repoRoot, { link: true });
  console.log(`[start] ${extension.id} ${extension.version} linked to this checkout (loads dist/client/extension.js)`);
  const server = await startCodeServer({
    session,
    extensionsDir,
    port: Number(options.port),
    log: (line) => console.log(line.replace('[code-server]', '[start]')),
  });

  if (options.screenshot) {
    await takeScreenshot(server, folder, session);
    return 0;
  }
  console.log(
    `\nHandoff Kit in VS Code ${vscodeVersion} (code-server ${codeServerVersion}), with ${folder} open:\n\n  ${server.workbenchUrl(folder)}\n\nAfter "npm run build" (or while "npm run watch" runs), "Developer: Reload Window" in that page loads the new bundle.\nCtrl-C stops it.`,
  );
  signalExitCodes.SIGINT = 0;
  const { code, signal } = await server.exited;
  if (isCleaningUp()) return 0; // stopped by Ctrl-C
  throw new Error(
    `code-server exited on its own with ${signal ?? code}; its last output:\n${server.recentOutput().trim().split('\n').slice(-15).join('\n')}`,
  );
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof MissingPrerequisiteError ? `error: ${error.message}` : error.message);
    await cleanUp();
    process.exit(1);
  });
