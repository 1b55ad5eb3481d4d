// nesting-too-deep: a value nested deeper than the checks go (see jsonDepth.ts) is not checked.
import { readFunctionCode } from '../../model/functionCode';
import { MAX_NESTING } from '../../model/jsonDepth';
import { defineFileRule } from '../rule';

export const nestingTooDeep = defineFileRule({
  code: 'nesting-too-deep',
  severity: 'warning',
  scope: 'file',
  description: `A value is nested deeper than ${MAX_NESTING} levels, or a function's code deeper than the parser can follow; what is inside is not checked.`,
  explanation:
    'No bot file needs more than a few levels; thousands of levels are a pasted dump or a generator gone wrong, and would exhaust the call stack of any JSON tool. Such a value is skipped (and everything inside it), so the rest of the file and the project is still checked.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'function', 'test'],
  onUnparsableFiles: true,
  fixable: false,
  messages: {
    tooDeep: ({ max }: { max: number }) => `this value is nested more than ${max} levels deep: it and everything inside it are not checked`,
    /** A function file whose code nests deeper than the JavaScript parser's stack (functionCode.ts). */
    codeTooDeep: () =>
      "this function's code nests deeper than the JavaScript parser can follow (hundreds of brackets): none of its `app.sendEvent` calls are checked",
  },
  check(file, report) {
    if (file.kind === 'function') {
      // At the file's start: where the parser gives up depends on how much stack it was left,
      // which differs between the editor and the command line.
      if (readFunctionCode(file).tooDeep) report({ offset: 0, length: 0, messageId: 'codeTooDeep', data: {} });
      return;
    }
    for (const value of file.deepValues) report({ offset: value.offset, length: 1, messageId: 'tooDeep', data: { max: MAX_NESTING } });
  },
});
