#!/usr/bin/env node
// The `handoff-kit` command: a thin launcher for the bundled command line.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli', 'cli.js');
if (!existsSync(bundle)) {
  // Only in a clone of the repository: the npm package always ships the bundle.
  console.error(`handoff-kit: ${bundle} is missing; run "npm run build" in ${join(__dirname, '..')} first`);
  process.exit(2);
}
require(bundle);
