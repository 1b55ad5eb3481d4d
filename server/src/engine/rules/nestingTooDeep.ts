// nesting-too-deep: a value nested deeper than the checks go (see jsonDepth.ts) is not checked.
import { MAX_NESTING } from '../jsonDepth';
import { defineFileRule } from './rule';

export const nestingTooDeep = defineFileRule({
  code: 'nesting-too-deep',
  severity: 'warning',
  scope: 'file',
  description: `A value is nested deeper than ${MAX_NESTING} levels; it and what it holds are not checked.`,
  explanation:
    'No bot file needs more than a few levels; thousands of levels are a pasted dump or a generator gone wrong, and would exhaust the call stack of any JSON tool. Such a value is skipped (and everything inside it), so the rest of the file and the project is still checked.',
  kinds: ['bot', 'intent', 'journey', 'settings'],
  onUnparsableFiles: true,
  fixable: false,
  messages: {
    tooDeep: ({ max }: { max: number }) => `this value is nested more than ${max} levels deep: it and everything inside it are not checked`,
  },
  check(file, report) {
    for (const value of file.deepValues) report({ offset: value.offset, length: 1, messageId: 'tooDeep', data: { max: MAX_NESTING } });
  },
});
