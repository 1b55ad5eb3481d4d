// Bundles the extension client, the language server and the command line with esbuild, so the
// extension and the npm package load from the bundles and never from node_modules.
// Usage: node scripts/build.mjs [--watch] [--production] [--outdir <dir>] [--targets client,server,cli]
//   --production  minified, no source maps; the output folder is emptied first so no stale map survives
//   --outdir      where the bundles go (default dist/), as <outdir>/client/extension.js (and languageClient.js,
//                 simulatorView.js, the simulator panel's script),
//                 server/server.js (which loads server/serverMain.js), cli/cli.js
//   --targets     which bundles to build (default all three); the .vsix needs client and server only
import * as esbuild from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { schemaFiles, validatorsModule } from './schema-validators.mjs';

const repoRoot = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const { values: options } = parseArgs({
  options: {
    watch: { type: 'boolean', default: false },
    production: { type: 'boolean', default: false },
    outdir: { type: 'string', default: join(repoRoot, 'dist') },
    targets: { type: 'string', default: 'client,server,cli' },
  },
});
const production = options.production;
const outdir = resolve(options.outdir);

/**
 * Puts the schema validators compiled now (ajv's standalone code) in place of
 * server/src/engine/schemas/validators.ts, which would compile them at every start.
 */
const precompiledSchemas = {
  name: 'precompiled-schemas',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]engine[\\/]schemas[\\/]validators\.ts$/ }, () => ({
      contents: validatorsModule(),
      loader: 'js',
      resolveDir: repoRoot,
      watchFiles: schemaFiles,
    }));
  },
};

/**
 * Keeps the bundles pure ASCII. esbuild escapes what is not ASCII in strings, but keeps it in
 * comments and regular expressions; one such character makes Node decode the whole bundle (1 MB)
 * into a two-byte string before V8 parses it, at every start. Each becomes a `\uXXXX` escape (the
 * same in a comment, a regular expression, a string or a name).
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file) return;
      const text = readFileSync(file, 'utf8');
      if (!/[^\0-\x7f]/.test(text)) return;
      writeFileSync(
        file,
        text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
    });
  },
};

/**
 * Node modules that libraries load as they load, for functions handoff-kit never calls:
 * - commander loads node:child_process for subcommands that are programs of their own, which
 *   handoff-kit has none of; vscode-languageserver loads it for `Files.resolveGlobalNodePath` and
 *   `resolve`, which the server never calls. With net, dgram and their kin it cost every start of
 *   the command line some 5-10 ms, and of the language server some 8 ms.
 * - vscode-jsonrpc loads node:crypto and node:net for its pipe and socket transports: the random
 *   name of a pipe, and its server. Crypto cost the language server's start some 6 ms.
 * Each such module, required by such a library, is a stand-in that loads it on first use.
 */
const LAZY_MODULES = [
  { module: 'child_process', importers: /[\\/]node_modules[\\/](commander|vscode-languageserver)[\\/]/ },
  { module: 'crypto', importers: /[\\/]node_modules[\\/]vscode-jsonrpc[\\/]/ },
  { module: 'net', importers: /[\\/]node_modules[\\/]vscode-jsonrpc[\\/]/ },
];

const lazyNodeModules = {
  name: 'lazy-node-modules',
  setup(build) {
    for (const { module, importers } of LAZY_MODULES) {
      build.onResolve({ filter: new RegExp(`^(node:)?${module}$`) }, (args) =>
        importers.test(args.importer) ? { path: module, namespace: 'lazy-node-module' } : undefined,
      );
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-node-module' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => require('node:${args.path}')[name] });`,
      loader: 'js',
    }));
  },
};

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  sourcemap: !production,
  // Whitespace and syntax minified in every build: a start reads and hashes the whole bundle, and
  // the CLI's shrank from 1.7 to 1.1 MB (some 3 ms of a one-file check). Names are minified in a
  // production build only; the source map beside a development bundle maps positions back.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: production,
  // Minified names would make stack traces in the output channel unreadable for no real gain in size.
  keepNames: production,
  logLevel: 'warning',
  plugins: [precompiledSchemas, lazyNodeModules, asciiOutput],
  // ESM dependencies (fdir, under tinyglobby) read import.meta.url, which CommonJS lacks.
  define: { VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const all = {
  client: [
    { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client', 'extension.js'), external: ['vscode'] },
    // The language client library on its own, loaded once activate() has returned (client/src/extension.ts).
    { entryPoints: ['client/src/languageClient.ts'], outfile: join(outdir, 'client', 'languageClient.js'), external: ['vscode'] },
    // The simulator panel's script, run in its webview (a browser page): no Node, no banner.
    {
      entryPoints: ['client/webview/simulator.ts'],
      outfile: join(outdir, 'client', 'simulatorView.js'),
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      banner: {},
      define: {},
    },
  ],
  server: [
    // The entry VS Code and bin/handoff-kit-language-server.js start: it loads serverMain.js with V8's code cache.
    { entryPoints: ['server/src/lsp/start.ts'], outfile: join(outdir, 'server', 'server.js') },
    { entryPoints: ['server/src/lsp/server.ts'], outfile: join(outdir, 'server', 'serverMain.js') },
  ],
  cli: [
    { entryPoints: ['server/src/cli/cli.ts'], outfile: join(outdir, 'cli', 'cli.js') },
    // The worker thread of a large project's check (server/src/cli/parallelCheck.ts), its own bundle.
    { entryPoints: ['server/src/cli/checkWorker.ts'], outfile: join(outdir, 'cli', 'checkWorker.js') },
  ],
};
const names = options.targets
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = names.filter((name) => !(name in all));
if (unknown.length > 0) {
  console.error(`error: --targets takes client, server and cli, not ${unknown.join(', ')}`);
  process.exit(2);
}
const builds = names.flatMap((name) => all[name]);

if (options.watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log(`esbuild: watching ${names.join(', ')}`);
} else {
  if (production) rmSync(outdir, { recursive: true, force: true });
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
