// Starts and stops one code-server: a real VS Code server whose extension host starts when a browser window connects.
// Everything it writes (settings, logs, its own config) goes under one session folder, never under $HOME.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, normalize, sep } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { isolatedHome } from './isolated-home.mjs';
import { codeServerEntry, repoRoot } from './prerequisites.mjs';

/** A fresh temporary folder for one run (user data, extensions, workspace copy, logs), deleted at clean-up unless `keep`. */
export async function newSession({ keep = false } = {}) {
  const session = await mkdtemp(join(tmpdir(), 'handoff-kit-vscode-'));
  if (!keep) onCleanup(() => rm(session, { recursive: true, force: true, maxRetries: 3 }));
  return session;
}

/** Settings that keep the workspace-trust dialog, the welcome page and network calls out of the way. */
const userSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  // VS Code in a browser saves after a delay by default; the suites revert their edits, which needs them unsaved.
  'files.autoSave': 'off',
};

/**
 * Installs an extension folder as `<extensionsDir>/<publisher>.<name>-<version>/`. By default it copies the manifest,
 * the folder (or file) of its `main` and the assets it ships (schemas/, snippets/ and so on), so a rebuild during a
 * test run cannot change what is being tested. With `link`, it links the folder instead, so a rebuild followed by
 * "Developer: Reload Window" loads the new bundle.
 */
export async function installExtension(extensionsDir, sourceDir = repoRoot, { link = false } = {}) {
  const manifest = JSON.parse(await readFile(join(sourceDir, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const installed = { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version, dir: target, manifest };
  await mkdir(extensionsDir, { recursive: true });
  if (link) {
    await symlink(sourceDir, target);
    return installed;
  }
  await mkdir(target);
  const mainEntry = normalize(manifest.main).split(sep)[0];
  // What the extension ships is what package.json `files` lists, as a .vsix would hold it.
  const shipped = manifest.files?.map((f) => f.replace(/\/+$/, '')) ?? ['dist', 'schemas', 'snippets', 'media', 'images', 'README.md', 'LICENSE'];
  const entries = new Set(['package.json', mainEntry, ...shipped]);
  for (const entry of entries) {
    await cp(join(sourceDir, entry), join(target, entry), { recursive: true }).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return installed;
}

/**
 * Installs a .vsix as a user would, with `code-server --install-extension <vsix> --extensions-dir <extensionsDir>`
 * (VS Code's own installer: it unpacks, validates the manifest and records the extension in extensions.json).
 * Resolves with `{ id, version, dir, manifest }` of the installed folder; rejects with code-server's output when the
 * install fails or leaves no folder. `session` holds code-server's user data and isolated home for the run.
 */
export async function installVsix(extensionsDir, vsixPath, session) {
  await mkdir(extensionsDir, { recursive: true });
  const args = [
    codeServerEntry,
    '--user-data-dir',
    join(session, 'user-data'),
    '--extensions-dir',
    extensionsDir,
    '--install-extension',
    vsixPath,
    '--force',
  ];
  const env = { ...process.env, ...(await isolatedHome(session)) };
  const output = await new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: session, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolveRun(text) : reject(new Error(`code-server --install-extension ${vsixPath} exited with ${signal ?? code}:\n${text.trim()}`)),
    );
  });
  const names = await readdir(extensionsDir);
  const installedDir = names.find((name) => /^handoff-kit\.handoff-kit-/.test(name));
  if (!installedDir)
    throw new Error(`code-server --install-extension ${vsixPath} left no handoff-kit.handoff-kit-* folder in ${extensionsDir}:\n${output.trim()}`);
  const dir = join(extensionsDir, installedDir);
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  return { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version, dir, manifest };
}

/**
 * Lists an extension folder placed by hand in `extensionsDir` in its extensions.json, when there is one. Once an
 * installer has written that file, VS Code loads only the extensions it lists, so a folder copied beside a .vsix
 * install (the test runner) needs an entry of its own. No-op without extensions.json (VS Code then scans the folder).
 */
export async function registerExtensionFolder(extensionsDir, dir, manifest) {
  const listPath = join(extensionsDir, 'extensions.json');
  let list;
  try {
    list = JSON.parse(await readFile(listPath, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  const id = `${manifest.publisher}.${manifest.name}`;
  const entry = {
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, path: dir, scheme: 'file' },
    relativeLocation: basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  };
  await writeFile(listPath, JSON.stringify([...list.filter((e) => e.identifier?.id !== id), entry]));
}

/**
 * Starts code-server on 127.0.0.1, by default on a port the kernel picks (so two runs never race for one port),
 * and resolves once it listens. `session` is a fresh folder; `extensionsDir` holds the extensions to load.
 * The process gets its own process group, so `stop()` also ends the extension host and language servers.
 */
export async function startCodeServer({ session, extensionsDir, port = 0, env = {}, readyTimeoutMs = 60_000, log = () => {} }) {
  const userDataDir = join(session, 'user-data');
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  const logPath = join(session, 'code-server.log');
  const logStream = createWriteStream(logPath);
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    join(session, 'code-server.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    cwd: session,
    env: { ...process.env, ...(await isolatedHome(session)), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  // Last resort if this process exits without cleaning up: 'exit' listeners must be synchronous.
  const killOnExit = () => killGroup(child.pid, 'SIGKILL');
  process.on('exit', killOnExit);
  const stop = onCleanup(async () => {
    await stopProcessGroup(child, exited);
    process.off('exit', killOnExit);
  });
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not log "HTTP server listening" within ${readyTimeoutMs / 1000} s (log: ${logPath})`)),
      readyTimeoutMs,
    );
    const onData = (chunk) => {
      logStream.write(chunk);
      output = (output + chunk).slice(-20_000);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${signal ?? code} before listening (log: ${logPath})\n${output.slice(-2000)}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  log(`[code-server] listening on ${url} (pid ${child.pid}, log: ${logPath})`);
  return {
    url,
    pid: child.pid,
    logPath,
    exited,
    /** The address of the workbench with `folder` open. */
    workbenchUrl: (folder) => `${url}/?folder=${encodeURIComponent(folder)}`,
    /** The last 20,000 characters code-server printed (its log file goes with the session folder). */
    recentOutput: () => output,
    stop,
  };
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left of it (at once if the server had already exited). */
async function stopProcessGroup(child, exited) {
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolveTimeout) => setTimeout(resolveTimeout, 5000).unref())]);
  }
  // The extension host and language servers share the group and may outlive the server.
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}
