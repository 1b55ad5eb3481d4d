// check-failed: a check failed with an internal error on this file. The engine reports it on the
// check's behalf (see check.ts); every other check and file still runs.
import { defineFileRule } from '../rule';

export const checkFailed = defineFileRule({
  code: 'check-failed',
  severity: 'error',
  scope: 'file',
  description: 'A check failed with an internal error on this file; the other checks still ran.',
  explanation:
    'One bad input must not end the run: when a check fails on a file, that file gets this finding naming the check and what failed, and every other check and file is still checked. Please report it as a bug, with the file if you can.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'report', 'function', 'test'],
  fixable: false,
  onUnreadFiles: true,
  messages: {
    failed: ({ check, error }: { check: string; error: string }) =>
      `the check \`${check}\` failed on this file (${error}); the other checks still ran`,
  },
  check() {
    // Reported by the engine when another check throws.
  },
});
