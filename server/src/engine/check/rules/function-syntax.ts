// function-syntax: a Studio function file (`functions/*.js`) is not valid JavaScript.
import { readFunctionCode } from '../../model/functionCode';
import { defineFileRule } from '../rule';

/** acorn ends its messages with the position, `(line:column)`: the finding has its own range. */
const POSITION_SUFFIX = /\s*\(\d+:\d+\)$/;

export const functionSyntax = defineFileRule({
  code: 'function-syntax',
  severity: 'error',
  scope: 'file',
  description: 'A function file is not valid JavaScript.',
  explanation:
    'A function whose code does not parse cannot run, so the banner or event it sends with `app.sendEvent` never reaches the customer. The checks still read the calls in the parts that parse, and may miss the others.',
  kinds: ['function'],
  fixable: false,
  messages: {
    syntax: ({ problem }: { problem: string }) => `${problem}: this function's code is not valid JavaScript`,
  },
  check(file, report) {
    const error = readFunctionCode(file).syntaxError;
    if (!error) return;
    const offset = Math.min(Math.max(error.offset, 0), file.text.length);
    report({ offset, length: tokenLength(file.text, offset), messageId: 'syntax', data: { problem: error.message.replace(POSITION_SUFFIX, '') } });
  },
});

/**
 * The length (UTF-16 code units) of what the parser stopped at, from `offset`: a word (a keyword
 * or a name), else one character; 0 at a line break or the end of the file.
 */
function tokenLength(text: string, offset: number): number {
  const word = /^[\p{ID_Continue}$]+/u.exec(text.slice(offset, offset + 200));
  if (word) return word[0].length;
  const char = text.codePointAt(offset);
  return char === undefined || char === 0x0a || char === 0x0d ? 0 : char > 0xffff ? 2 : 1;
}
