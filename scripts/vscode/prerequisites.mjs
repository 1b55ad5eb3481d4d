// Where the real VS Code test host lives on disk, and the Debian programs the tests cannot run without.
// code-server comes from the npm registry; ripgrep, Chromium, Neovim, Emacs with Eglot and Graphviz come from Debian
// (no internet here).
// When one is missing and this runs as root, it is installed with apt-get; otherwise one line says the command.
//
// Usage: node scripts/vscode/prerequisites.mjs   (what `npm test` runs first) installs or names what is missing:
//   ripgrep and chromium (needed: exits 1 if they cannot be had), neovim, emacs-nox with elpa-eglot, and graphviz
//   (optional: their tests are skipped, saying why). The command line's graph test also calls ensureGraphviz() itself,
//   for `npm run test:unit`.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// 4.100.3 bundles VS Code 1.100.3 and is the last line that runs on Node 20.
export const codeServerVersion = '4.100.3';
export const vscodeVersion = '1.100.3';
export const codeServerCache = join(repoRoot, '.vscode-test', 'code-server');
export const codeServerPackage = join(codeServerCache, 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerPackage, 'out', 'node', 'entry.js');
export const provisionedMarker = join(codeServerCache, 'provisioned.json');

export const ripgrepPath = '/usr/bin/rg';
export const chromiumPath = process.env.HANDOFF_KIT_CHROMIUM_PATH || '/usr/bin/chromium';
/** Debian's Neovim, for the test of the Neovim set-up in docs/editors.md (skipped without it). */
export const neovimPath = process.env.HANDOFF_KIT_NVIM_PATH || '/usr/bin/nvim';
/** Debian's Emacs (28 in Debian 12, whose Eglot is the package elpa-eglot), for the test of the Emacs set-up in docs/editors.md. */
export const emacsPath = process.env.HANDOFF_KIT_EMACS_PATH || '/usr/bin/emacs';
/** Debian's Graphviz `dot`, which the test of `handoff-kit graph --format dot` feeds the output to (skipped without it). */
export const dotPath = process.env.HANDOFF_KIT_DOT_PATH || '/usr/bin/dot';

export const testResultsDir = join(repoRoot, 'test-results');

export class MissingPrerequisiteError extends Error {}

/** A program the tests need, and the Debian packages that give it. */
const programs = {
  ripgrep: { path: ripgrepPath, debianPackages: ['ripgrep'] },
  chromium: { path: chromiumPath, debianPackages: ['chromium'] },
  neovim: { path: neovimPath, debianPackages: ['neovim'] },
  // Emacs without X, and Eglot, which Emacs 28 does not have built in (29 does).
  emacs: { path: emacsPath, debianPackages: ['emacs-nox', 'elpa-eglot'] },
  graphviz: { path: dotPath, debianPackages: ['graphviz'] },
};

/** What apt-get writes while installing; its last lines are shown when it fails. */
const aptLogPath = join(repoRoot, '.vscode-test', 'apt-get.log');

/** The command a user runs to install `packages`, with sudo unless this already runs as root. */
function aptCommand(packages) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`;
}

function checkNodeVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new MissingPrerequisiteError(`code-server ${codeServerVersion} needs Node 20, but this is Node ${process.versions.node}`);
  }
}

/** Throws one clear sentence naming what to install, before any slow step starts. */
export function checkPrerequisites({ needChromium = true } = {}) {
  const missing = [programs.ripgrep, ...(needChromium ? [programs.chromium] : [])].filter((p) => !existsSync(p.path));
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `missing ${missing.map((m) => `${m.path} (Debian package "${m.debianPackages.join(' ')}")`).join(' and ')}: ` +
        `install with "${aptCommand(missing.flatMap((m) => m.debianPackages))}"`,
    );
  }
  checkNodeVersion();
}

/**
 * Installs the Debian packages named, in one apt-get run, when this process is root and apt-get
 * exists; prints one progress line before and one after (the apt-get output goes to
 * .vscode-test/apt-get.log). Resolves with true once installed, false when it cannot install
 * (not root, or no apt-get), having installed nothing. Rejects when apt-get fails.
 */
export async function aptInstall(packages, { log = (line) => console.log(line) } = {}) {
  if (packages.length === 0) return true;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  const started = Date.now();
  await mkdir(dirname(aptLogPath), { recursive: true });
  log(`[prerequisites] installing ${packages.join(' ')} with apt-get (a minute or two; log: ${aptLogPath})`);
  const logStream = createWriteStream(aptLogPath, { flags: 'a' });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (args) =>
    new Promise((resolveRun, reject) => {
      logStream.write(`\n### apt-get ${args.join(' ')}\n`);
      const child = spawn('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(logStream, { end: false });
      child.stderr.pipe(logStream, { end: false });
      child.on('error', reject);
      child.on('close', (code, signal) => (code === 0 ? resolveRun() : reject(new Error(`apt-get ${args.join(' ')} exited with ${signal ?? code}`))));
    });
  try {
    await exec(['update', '-q']);
    await exec(['install', '-y', '-q', ...packages]);
  } catch (error) {
    await new Promise((resolveEnd) => logStream.end(resolveEnd));
    const tail = (await readFile(aptLogPath, 'utf8').catch(() => '')).trim().split('\n').slice(-10).join('\n');
    throw new MissingPrerequisiteError(
      `${error.message}; install them by hand with "${aptCommand(packages)}"\n--- last lines of ${aptLogPath} ---\n${tail}`,
    );
  }
  await new Promise((resolveEnd) => logStream.end(resolveEnd));
  log(`[prerequisites] installed ${packages.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/**
 * Makes sure the programs the tests run are there: ripgrep and Chromium (unless `needChromium`
 * is false) are required, Neovim only if `wantNeovim`, Emacs with Eglot only if `wantEmacs` and
 * Graphviz only if `wantGraphviz` (their tests are skipped without them). Missing
 * ones are installed with apt-get when root; otherwise this throws one line with the exact
 * command for a required program, and logs one line for each optional one.
 */
export async function ensurePrerequisites({
  needChromium = true,
  wantNeovim = false,
  wantEmacs = false,
  wantGraphviz = false,
  log = (line) => console.log(line),
} = {}) {
  const required = [programs.ripgrep, ...(needChromium ? [programs.chromium] : [])].filter((p) => !existsSync(p.path));
  const optional = [
    ...(wantNeovim ? [programs.neovim] : []),
    ...(wantEmacs ? [programs.emacs] : []),
    ...(wantGraphviz ? [programs.graphviz] : []),
  ].filter((p) => !existsSync(p.path));
  const missing = [...required, ...optional];
  if (
    missing.length === 0 ||
    (await aptInstall(
      missing.flatMap((p) => p.debianPackages),
      { log },
    ))
  ) {
    checkPrerequisites({ needChromium });
    return;
  }
  // Not root (or no apt-get): one line with the one command that installs everything missing.
  const command = aptCommand(missing.flatMap((p) => p.debianPackages));
  if (required.length > 0) {
    throw new MissingPrerequisiteError(`missing ${missing.map((p) => p.path).join(', ')}: install with "${command}"`);
  }
  for (const p of optional) log(`[prerequisites] no ${p.path}, so its test is skipped: install it with "${command}"`);
  checkNodeVersion();
}

/**
 * Makes sure Graphviz's `dot` is there for the test of `handoff-kit graph --format dot`: installed
 * with apt-get when missing and this runs as root. Resolves with the path of `dot`, or with
 * undefined and a `reason` naming the command to run when it cannot be had (the test is skipped).
 */
export async function ensureGraphviz({ log = (line) => console.log(line) } = {}) {
  if (existsSync(dotPath)) return { path: dotPath };
  try {
    if ((await aptInstall(programs.graphviz.debianPackages, { log })) && existsSync(dotPath)) return { path: dotPath };
  } catch (error) {
    return { reason: error.message };
  }
  return { reason: `no ${dotPath}: install it with "${aptCommand(programs.graphviz.debianPackages)}"` };
}

/** The programs that compile code-server's native modules (node-gyp). */
const buildTools = [
  { program: 'make', debianPackage: 'make' },
  { program: 'g++', debianPackage: 'g++' },
  { program: 'python3', debianPackage: 'python3' },
];

function missingBuildTools() {
  const onPath = (program) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
  return buildTools.filter((tool) => !onPath(tool.program));
}

/** Provisioning compiles code-server's native modules (node-gyp), which needs a compiler, make and Python. */
export function checkBuildTools() {
  const missing = missingBuildTools();
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `missing ${missing.map((t) => t.program).join(', ')} to build code-server's native modules: install with "${aptCommand(['build-essential', 'python3'])}"`,
    );
  }
}

/** As checkBuildTools, but installs build-essential and python3 with apt-get first when root. */
export async function ensureBuildTools({ log = (line) => console.log(line) } = {}) {
  if (missingBuildTools().length > 0) await aptInstall(['build-essential', 'python3'], { log });
  checkBuildTools();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensurePrerequisites({ wantNeovim: true, wantEmacs: true, wantGraphviz: true }).catch((error) => {
    console.error(error instanceof MissingPrerequisiteError ? `error: ${error.message}` : (error.stack ?? error.message));
    process.exit(1);
  });
}
