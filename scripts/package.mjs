// `npm run package`: builds the production bundles and writes handoff-kit-<version>.vsix with vsce.
//
// The extension is staged in a temporary folder first, because package.json serves two packages:
// its `files` is the npm package's list (the command line and the language server), and vsce
// refuses `files` beside a .vscodeignore. The stage holds the extension manifest (package.json
// without the npm-only fields), the minified client and server bundles (no CLI, no source maps),
// schemas/, snippets/, walkthrough/, images/ (the icon), CHANGELOG.md and LICENSE;
// .vscodeignore is applied there as a second line of defence.
//
// MARKETPLACE.md becomes the details page. Its screenshots are not packaged: VS Code's
// extension editor renders the page in a webview whose content security policy allows only
// `https:` and `data:` images (so a relative image inside the .vsix never shows, nor on the
// Marketplace). vsce rewrites each relative link to the repository's file at HEAD
// (https://github.com/handoff-kit/handoff-kit/raw/HEAD/<path>); this script first checks that
// every image it shows exists at that path here, so the links work once the commit is pushed.
// Any vsce warning fails the run: a warning is either fixed or the package is not made.
//
// Usage: node scripts/package.mjs [--out <file.vsix>] [--keep (the stage, printed)]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listZip } from './zip.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** The file the package is written to unless told otherwise: handoff-kit-<version>.vsix at the top. */
export const defaultVsixPath = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

/** The extension's user-facing details page; packaged as README.md. */
const readmePath = 'MARKETPLACE.md';
/** Copied into the stage as they are. */
const assets = ['schemas', 'snippets', 'walkthrough', 'images', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', readmePath];
/** package.json fields that describe the npm package, not the extension. */
const npmOnlyFields = ['files', 'bin', 'scripts', 'devDependencies', 'dependencies'];

/**
 * Builds and packages the extension. Resolves with `{ vsixPath, bytes, files }` (the .vsix's
 * size in bytes and the paths inside it); rejects when the build or vsce
 * fails, when vsce prints a warning, or when an image the README shows is missing.
 * `log` receives one line per step.
 */
export async function packageExtension({ out = defaultVsixPath, keep = false, log = console.log } = {}) {
  const started = Date.now();
  const stage = await mkdtemp(join(tmpdir(), 'handoff-kit-package-'));
  try {
    log(`[package] production bundles of the client and the server into ${keep ? stage : 'a temporary stage'}`);
    await run(
      process.execPath,
      [join(repoRoot, 'scripts', 'build.mjs'), '--production', '--outdir', join(stage, 'dist'), '--targets', 'client,server'],
      repoRoot,
    );
    for (const asset of assets) await cp(join(repoRoot, asset), join(stage, asset), { recursive: true });
    await readmeImages(join(repoRoot, readmePath));
    const extensionManifest = Object.fromEntries(Object.entries(manifest).filter(([key]) => !npmOnlyFields.includes(key)));
    await writeFile(join(stage, 'package.json'), JSON.stringify(extensionManifest, null, 2) + '\n');

    log(`[package] vsce package --no-dependencies --readme-path ${readmePath}`);
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    await mkdir(dirname(out), { recursive: true });
    const output = await run(process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', readmePath, '--out', out], stage);
    const warnings = output.split('\n').filter((line) => /\bWARNING\b/.test(line));
    if (warnings.length > 0) throw new Error(`vsce warned; fix it rather than ship it:\n${warnings.join('\n')}`);
    const files = listZip(out).map((entry) => entry.name);
    const { size } = await stat(out);
    log(`[package] ${relative(process.cwd(), out) || out}: ${(size / 1024).toFixed(1)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { vsixPath: out, bytes: size, files };
  } finally {
    if (!keep) await rm(stage, { recursive: true, force: true });
  }
}

/**
 * The relative image paths MARKETPLACE.md shows (Markdown and <img>), repository-relative. Throws when one
 * points outside the repository or at no file: vsce turns each into the URL of that file on GitHub.
 */
export async function readmeImages(path) {
  const text = await readFile(path, 'utf8');
  const links = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...text.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1]);
  const relativeLinks = links.filter((link) => !/^[a-z][\w+.-]*:/i.test(link));
  for (const link of relativeLinks) {
    const file = normalize(link);
    if (file.startsWith('..') || file.startsWith(sep)) throw new Error(`${readmePath} shows ${link}, outside the package`);
    if (!existsSync(join(repoRoot, file))) throw new Error(`${readmePath} shows ${link}, which does not exist`);
  }
  return [...new Set(relativeLinks.map((link) => normalize(link)))];
}

/** Runs a command; resolves with stdout and stderr together, rejects with them when it fails. */
function run(command, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`"${relative(repoRoot, args[0])} ${args.slice(1).join(' ')}" exited with ${signal ?? code}:\n${output.trim()}`));
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  packageExtension({ out: values.out ? resolve(values.out) : undefined, keep: values.keep })
    .then(({ files }) => console.log(files.map((file) => `  ${file}`).join('\n')))
    .catch((error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    });
}
