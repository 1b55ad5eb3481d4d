#!/usr/bin/env node
// The `handoff-kit` command: a thin launcher for the bundled command line.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What the bundle would print (commander's --version: the package's version), without loading
  // it: a pre-commit hook or an editor asking for the version pays only for Node's start.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  const bundle = join(__dirname, '..', 'dist', 'cli', 'cli.js');
  if (!existsSync(bundle)) {
    // Only in a clone of the repository: the npm package always ships the bundle.
    console.error(`handoff-kit: ${bundle} is missing; run "npm run build" in ${join(__dirname, '..')} first`);
    process.exit(2);
  }
  require('./compile-cache.js').requireCached(bundle);
}
