// Where the real VS Code test host lives on disk, and the Debian programs it cannot run without.
// code-server comes from the npm registry; ripgrep and Chromium come from Debian (no internet here).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export const testResultsDir = join(repoRoot, 'test-results');

export class MissingPrerequisiteError extends Error {}

/** Throws one clear sentence naming what to install, before any slow step starts. */
export function checkPrerequisites({ needChromium = true } = {}) {
  const missing = [];
  if (!existsSync(ripgrepPath)) missing.push({ path: ripgrepPath, debianPackage: 'ripgrep' });
  if (needChromium && !existsSync(chromiumPath)) missing.push({ path: chromiumPath, debianPackage: 'chromium' });
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `missing ${missing.map((m) => `${m.path} (Debian package "${m.debianPackage}")`).join(' and ')}: ` +
        `install with "apt-get update && apt-get install -y ${missing.map((m) => m.debianPackage).join(' ')}"`,
    );
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new MissingPrerequisiteError(`code-server ${codeServerVersion} needs Node 20, but this is Node ${process.versions.node}`);
  }
}

/** Provisioning compiles code-server's native modules (node-gyp), which needs a compiler, make and Python. */
export function checkBuildTools() {
  const onPath = (program) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
  const missing = ['make', 'g++', 'python3'].filter((program) => !onPath(program));
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `missing ${missing.join(', ')} to build code-server's native modules: install with "apt-get update && apt-get install -y build-essential python3"`,
    );
  }
}
