// What the exports (studio-sheet, utterance-tests) say on standard error about the errors the
// checks find in the project they export: the exports still write, but never silently.
import * as path from 'node:path';
import type { Finding } from '../engine';

/** How many errors at most the summary lists by place before `… and N more`. */
const LISTED = 10;

/**
 * "handoff-kit: the project has 2 errors (handoff-kit check lists them):\n  journeys/x.json:3:5
 * unknown-event: …\n", paths relative to `cwd` (lines and columns 1-based, read from `textOf`),
 * ending so that the caller can add what the export did about them.
 */
export function errorsSummary(errors: readonly Finding[], cwd: string, textOf: (file: string) => string | undefined): string {
  const place = (f: Finding) => {
    const lines = (textOf(f.file) ?? '').slice(0, f.offset).split('\n');
    return `${path.relative(cwd, f.file).split(path.sep).join('/')}:${lines.length}:${lines[lines.length - 1].length + 1}`;
  };
  const lines = errors.slice(0, LISTED).map((f) => `  ${place(f)} ${f.code}: ${f.message}`);
  if (errors.length > LISTED) lines.push(`  … and ${errors.length - LISTED} more`);
  return `handoff-kit: the project has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} (handoff-kit check lists them):\n${lines.join('\n')}\nhandoff-kit: `;
}

/** The end of the warning: what a run with errors exits with. */
export const EXIT_NOTE = 'exits 1 (with --force, 0)';
