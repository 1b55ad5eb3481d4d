// The language server's entry, dist/server/server.js: a few lines that load the server's bundle
// (dist/server/serverMain.js, from server.ts) with V8's code cache (bin/compile-cache.js, bundled
// in here), as the command line loads its own. Compiling the 2 MB bundle took some 25 ms of every
// start of the server, and its first functions as many again, before the first diagnostics.
import * as path from 'node:path';

// A relative require, which esbuild bundles: bin/ is not in the .vsix.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of bin/, bundled
const { requireCached } = require('../../../bin/compile-cache.js') as { requireCached(file: string): unknown };

requireCached(path.join(__dirname, 'serverMain.js'));
