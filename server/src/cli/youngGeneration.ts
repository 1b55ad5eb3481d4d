// The command line's young generation is kept at V8's starting size. A check keeps nearly
// everything it allocates while it loads a project (every file's text and parsed value), so a
// young generation grown to its default 16 MiB a semi-space only copies the same objects once
// more, and its pages cost the first touch of each (some 12 µs a 4 KiB page on the 2-core VM of
// the bench). The language server gets the same from its Node flags (`--max-semi-space-size=4`,
// serverExecArgv.json); a command run as `node bin/handoff-kit.js` or through npm's shims cannot
// be given flags without a second process, so the CLI sets the one flag V8 reads at run time.
// cli.ts calls it before a command reads a project; `check` of small projects only does without
// (see keepYoungGenerationSmallFor).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { projectSize } from './projectSize';

/** Projects with fewer files than this in intents/ and journeys/ are checked without the flag (see keepYoungGenerationSmallFor). */
const SMALL_PROJECT_FILES = 50;

let flagSet = false;

/**
 * The V8 major versions this was verified with. V8 reads `--semi-space-growth-factor` each time
 * the new space grows, and nowhere else (src/heap/new-spaces.cc, `SemiSpaceNewSpace::Grow`:
 * new capacity = min(maximum, factor × current)); at 1, a growth keeps the current capacity
 * (`SemiSpace::GrowTo` adds `new - current` = 0 pages). V8 raises a factor under 2 to 2 when
 * it reads its flags at start, which is why this is set after. Node 20 ships V8 11.3, Node 22
 * 12.4, Node 24 13.6.
 */
const VERIFIED_V8_MAJORS: readonly number[] = [11, 12, 13];

/**
 * keepYoungGenerationSmall, unless every path `check` is given (relative to `cwd`) is a bot
 * project of fewer than SMALL_PROJECT_FILES files in intents/ and journeys/ (counted from their
 * listings): a small project allocates too little for the young generation to grow, and loading
 * node:v8 would cost its check some 5 ms (x1.07 a bare `node` start). A file, a folder of
 * projects or no path at all (the current folder) gets the flag. Returns whether the flag is set.
 */
export function keepYoungGenerationSmallFor(paths: readonly string[], cwd: string): boolean {
  const roots = (paths.length ? paths : ['.']).map((given) => path.resolve(cwd, given));
  if (roots.every((root) => existsSync(path.join(root, 'bot.json')) && projectSize(root) < SMALL_PROJECT_FILES)) return false;
  return keepYoungGenerationSmall();
}

/**
 * Stops the young generation from growing past the size it has now (a new space of 1 MiB when
 * Node starts, 2 MiB once the CLI's bundle has loaded), unless Node was started with its own
 * young generation size (`--max-semi-space-size` or `--min-semi-space-size` in `execArgv` or
 * `NODE_OPTIONS`) or runs a V8 this was not verified with. Returns whether the flag is set (by
 * this call or an earlier one). Never throws.
 *
 * Measured with `/usr/bin/time` on the bench project (3,001 files), 11 interleaved runs: 0.73 s
 * and 90 MiB peak RSS against 0.81 s and 119 MiB; on 30,001 files 4.4 s and 340 MiB against
 * 4.7 s and 377 MiB; one intent of 100,000 utterances 0.53 s against 0.58 s (docs/performance.md, "Round 5").
 */
export function keepYoungGenerationSmall(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): boolean {
  const major = Number(process.versions.v8.split('.')[0]);
  if (!VERIFIED_V8_MAJORS.includes(major)) return false;
  if ([...execArgv, nodeOptions].some((flag) => /semi[-_]space/.test(flag))) return false;
  if (flagSet) return true;
  try {
    // Loaded here: node:v8 loads Node's heap utilities and streams with it (some 5 ms of a start),
    // which a check of a small project does without.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import` would load it at start
    const v8 = require('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    flagSet = true;
    // V8's code cache carries a hash of its flags: a cache made at exit with this flag set
    // would be rejected by the next start, which has not set it yet (bin/compile-cache.js makes
    // the command line's cache at exit). Set back to V8's default, the hash is a fresh start's again.
    process.once('exit', () => {
      try {
        v8.setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
      } catch {
        // The cache is then rejected and made again: only slower.
      }
    });
    return true;
  } catch {
    return false;
  }
}

/** V8's default `--semi-space-growth-factor` (src/flags/flag-definitions.h), the same in every verified major. */
const V8_DEFAULT_GROWTH_FACTOR = 2;
