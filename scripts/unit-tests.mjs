// Runs the unit tests: `node --test` on every out/test/**/*.test.js, and on nothing else.
//
// Given no file, Node 20's test runner takes every .js file under a folder named `test` and every
// `test-*.js`, so the compiled helpers (projectFixture.js, ruleTester.js, ...) ran as test files
// of their own, and a module named like a rule code (test-report-stale.js) would too. Node 20 does
// not expand a glob given to --test (Node 21 does), hence the list made here.
//
//   node scripts/unit-tests.mjs [node options]   e.g. --test-reporter=spec; compile the tests first
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out');
const files = readdirSync(path.join(out, 'test'), { recursive: true })
  .filter((file) => file.endsWith('.test.js'))
  .map((file) => path.join('test', file))
  .sort();
if (files.length === 0) {
  console.error('no out/test/**/*.test.js: compile the tests first (tsc -p test/tsconfig.json)');
  process.exit(1);
}
// From out/, as the tests have always run.
const run = spawnSync(process.execPath, ['--test', ...process.argv.slice(2), ...files], { cwd: out, stdio: 'inherit' });
process.exit(run.status ?? 1);
