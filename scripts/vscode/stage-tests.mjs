// Lays out one test run on disk: a copy of the fixture workspace (plus examples/support-bot), the extension under test, and the test-runner
// extension with the suites bundled inside it (so their `require('vscode')` is the runner's own API object).
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { installExtension, installVsix, registerExtensionFolder } from './code-server.mjs';
import { repoRoot } from './prerequisites.mjs';

export const testsDir = join(repoRoot, 'test', 'vscode');
export const probeExtensionDir = join(testsDir, 'probe-extension');
const runnerSourceDir = join(testsDir, 'runner');
const suitesDir = join(testsDir, 'suites');
const fixtureWorkspace = join(testsDir, 'fixtures', 'workspace');
const exampleProject = join(repoRoot, 'examples', 'support-bot');

/** The suite files, one per feature, in a stable order. */
export async function suiteNames() {
  return (await readdir(suitesDir)).filter((name) => name.endsWith('.test.ts')).sort();
}

/**
 * Stages everything a host needs under `session` and returns the paths. `trigger` is how the runner starts:
 * `activation` (code-server) or `extensionTests` (@vscode/test-electron calls its run()). The extension under test is
 * `vsix` (a .vsix file, installed with code-server --install-extension) or else the folder `extensionSource` (copied).
 */
export async function stageTestRun({ session, host, trigger, vsix, extensionSource, grep, testTimeoutMs }) {
  const workspace = join(session, 'workspace');
  await cp(fixtureWorkspace, workspace, { recursive: true });
  // The README's example must stay free of findings in the real editor too (valid-project.test.ts).
  await cp(exampleProject, join(workspace, 'support-bot'), { recursive: true });

  const extensionsDir = join(session, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  const extension = vsix ? await installVsix(extensionsDir, vsix, session) : await installExtension(extensionsDir, extensionSource);

  const runnerManifest = JSON.parse(await readFile(join(runnerSourceDir, 'package.json'), 'utf8'));
  const runnerDir = join(extensionsDir, `${runnerManifest.publisher}.${runnerManifest.name}-${runnerManifest.version}`);
  await mkdir(runnerDir, { recursive: true });
  await cp(join(runnerSourceDir, 'package.json'), join(runnerDir, 'package.json'));
  await registerExtensionFolder(extensionsDir, runnerDir, runnerManifest);
  const names = await suiteNames();
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'error' };
  await esbuild.build({ ...common, entryPoints: [join(runnerSourceDir, 'extension.ts')], outfile: join(runnerDir, 'extension.js') });
  await esbuild.build({ ...common, entryPoints: names.map((name) => join(suitesDir, name)), outdir: join(runnerDir, 'suites') });

  const reportPath = join(session, 'report.json');
  const progressPath = join(session, 'progress.ndjson');
  await writeFile(progressPath, '');
  const configPath = join(runnerDir, 'test-config.json');
  const require = createRequire(import.meta.url);
  const config = {
    host,
    trigger,
    mochaPath: dirname(require.resolve('mocha/package.json')),
    suiteFiles: names.map((name) => join(runnerDir, 'suites', name.replace(/\.ts$/, '.js'))),
    reportPath,
    progressPath,
    timeoutMs: testTimeoutMs,
    grep,
  };
  await writeFile(configPath, JSON.stringify(config, null, 2) + '\n');
  return { workspace, extensionsDir, extension, runnerDir, configPath, reportPath, progressPath };
}
