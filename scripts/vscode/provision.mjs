// Installs code-server (a complete VS Code 1.100.3) from the npm registry alone into .vscode-test/code-server/.
// Its own postinstall downloads ripgrep from GitHub, which fails offline, so its steps are done here by hand.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedHome } from './isolated-home.mjs';
import {
  checkPrerequisites,
  ensureBuildTools,
  codeServerCache,
  codeServerEntry,
  codeServerPackage,
  codeServerVersion,
  MissingPrerequisiteError,
  provisionedMarker,
  ripgrepPath,
} from './prerequisites.mjs';

const vscodeDir = join(codeServerPackage, 'lib', 'vscode');
const logPath = join(codeServerCache, '..', 'code-server-provision.log');

/** True only when a complete install of this version, for this Node major, is on disk. */
export function isProvisioned() {
  if (!existsSync(provisionedMarker) || !existsSync(codeServerEntry)) return false;
  try {
    const marker = JSON.parse(readFileSync(provisionedMarker, 'utf8'));
    return marker.version === codeServerVersion && marker.nodeMajor === process.versions.node.split('.')[0];
  } catch {
    return false;
  }
}

const steps = [
  {
    title: `npm install --ignore-scripts code-server@${codeServerVersion}`,
    run: async (exec) => {
      await writeFile(join(codeServerCache, 'package.json'), JSON.stringify({ private: true }, null, 2) + '\n');
      await exec('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${codeServerVersion}`], codeServerCache);
    },
  },
  {
    title: 'npm rebuild argon2 (code-server imports it at start)',
    run: (exec) => exec('npm', ['rebuild', 'argon2'], codeServerCache),
  },
  {
    title: 'npm install --omit=dev --ignore-scripts in lib/vscode',
    run: (exec) => exec('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir),
  },
  {
    title: 'npm rebuild @parcel/watcher @vscode/spdlog native-watchdog node-pty (native modules)',
    run: (exec) =>
      exec('npm', ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty'], vscodeDir, {
        // node-pty's install script calls `npx node-gyp`, which otherwise asks before installing.
        npm_config_yes: 'true',
      }),
  },
  {
    title: `links: node_modules.asar, ripgrep -> ${ripgrepPath}, remote-cli and browser helpers`,
    run: async () => {
      await relink('node_modules', join(vscodeDir, 'node_modules.asar'));
      const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
      await mkdir(rgBin, { recursive: true });
      await relink(ripgrepPath, join(rgBin, 'rg'));
      await relink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
      await relink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
    },
  },
  {
    title: 'npm install --omit=dev in lib/vscode/extensions (built-in extensions)',
    run: (exec) => exec('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions')),
  },
  {
    title: 'check: code-server --version',
    run: async (exec) => {
      const out = await exec(process.execPath, [codeServerEntry, '--version'], codeServerCache, await isolatedHome(codeServerCache));
      if (!out.includes(codeServerVersion)) throw new Error(`code-server --version printed "${out.trim()}"`);
    },
  },
];

async function relink(target, linkPath) {
  await rm(linkPath, { force: true, recursive: true });
  await symlink(target, linkPath);
}

/**
 * Provisions code-server unless a complete install is already there. A half-done install (no marker)
 * is deleted and redone from scratch, never trusted. Prints one line per step.
 */
export async function provision({ log = (line) => console.log(line), force = false } = {}) {
  checkPrerequisites({ needChromium: false });
  if (!force && isProvisioned()) {
    log(`[provision] code-server ${codeServerVersion} already provisioned in ${codeServerCache}`);
    return { provisioned: false, seconds: 0 };
  }
  await ensureBuildTools({ log });
  const started = Date.now();
  log(`[provision] installing code-server ${codeServerVersion} into ${codeServerCache} (about a minute; log: ${logPath})`);
  await rm(codeServerCache, { recursive: true, force: true });
  await mkdir(codeServerCache, { recursive: true });
  const logStream = createWriteStream(logPath);
  const exec = (command, args, cwd, env = {}) => run(command, args, cwd, env, logStream);
  try {
    for (const [index, step] of steps.entries()) {
      const stepStarted = Date.now();
      log(`[provision ${index + 1}/${steps.length}] ${step.title}`);
      logStream.write(`\n### ${step.title}\n`);
      await step.run(exec);
      log(`[provision ${index + 1}/${steps.length}] done in ${seconds(stepStarted)} s`);
    }
  } catch (error) {
    logStream.end();
    const tail = (await readFile(logPath, 'utf8').catch(() => '')).trim().split('\n').slice(-15).join('\n');
    throw new Error(`provisioning code-server failed: ${error.message}\n--- last lines of ${logPath} ---\n${tail}`);
  }
  logStream.end();
  const total = seconds(started);
  await writeFile(
    provisionedMarker,
    JSON.stringify(
      { version: codeServerVersion, nodeMajor: process.versions.node.split('.')[0], seconds: total, at: new Date().toISOString() },
      null,
      2,
    ) + '\n',
  );
  log(`[provision] code-server ${codeServerVersion} provisioned in ${total} s`);
  return { provisioned: true, seconds: total };
}

function seconds(since) {
  return Math.round((Date.now() - since) / 1000);
}

/** Runs a command, its output going to the provisioning log; resolves with its stdout. */
function run(command, args, cwd, env, logStream) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      logStream.write(chunk);
    });
    child.stderr.on('data', (chunk) => logStream.write(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(stdout);
      else reject(new Error(`"${command} ${args.join(' ')}" in ${cwd} exited with ${signal ?? code}`));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  provision({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error instanceof MissingPrerequisiteError ? `error: ${error.message}` : error.message);
    process.exit(1);
  });
}
