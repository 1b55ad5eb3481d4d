// nesting-too-deep: a value nested deeper than the checks go (see jsonDepth.ts) is not checked.
import { MAX_CODE_NESTING, readFunctionCode } from '../../model/functionCode';
import { MAX_NESTING } from '../../model/jsonDepth';
import { defineFileRule } from '../rule';

export const nestingTooDeep = defineFileRule({
  code: 'nesting-too-deep',
  severity: 'warning',
  scope: 'file',
  description: `A value is nested deeper than ${MAX_NESTING} levels, or a function's code deeper than ${MAX_CODE_NESTING}; what is inside is not checked.`,
  explanation:
    'No bot file needs more than a few levels; thousands of levels are a pasted dump or a generator gone wrong, and would exhaust the call stack of any JSON tool. Such a value is skipped (and everything inside it), so the rest of the file and the project is still checked.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'function', 'test'],
  onUnparsableFiles: true,
  fixable: false,
  messages: {
    tooDeep: ({ max }: { max: number }) => `this value is nested more than ${max} levels deep: it and everything inside it are not checked`,
    /** A function file whose code nests deeper than MAX_CODE_NESTING, or than the parser's stack (functionCode.ts). */
    codeTooDeep: ({ max }: { max: number }) =>
      `this function's code nests more than ${max} levels deep (brackets and template literals): none of its \`app.sendEvent\` calls are checked`,
  },
  check(file, report) {
    if (file.kind === 'function') {
      // Where the nesting passes the limit, measured before parsing, so the same in the editor and
      // on the command line.
      const deep = readFunctionCode(file).tooDeep;
      if (deep)
        report({ offset: deep.offset, length: deep.offset < file.text.length ? 1 : 0, messageId: 'codeTooDeep', data: { max: MAX_CODE_NESTING } });
      return;
    }
    for (const value of file.deepValues) report({ offset: value.offset, length: 1, messageId: 'tooDeep', data: { max: MAX_NESTING } });
  },
});
