#!/usr/bin/env node
// The `handoff-kit-language-server` command: the bundled language server for any LSP client
// (Neovim, Helix, Emacs, ...). It speaks LSP over stdio unless told another transport
// (--node-ipc, --socket=<port>, --pipe=<name>).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'server', 'server.js');
if (!existsSync(bundle)) {
  // Only in a clone of the repository: the npm package always ships the bundle.
  console.error(`handoff-kit-language-server: ${bundle} is missing; run "npm run build" in ${join(__dirname, '..')} first`);
  process.exit(2);
}
if (!process.argv.slice(2).some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) process.argv.push('--stdio');
require(bundle);
