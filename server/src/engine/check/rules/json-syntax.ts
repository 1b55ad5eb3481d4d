// json-syntax: the file is not valid JSON.
import { defineFileRule } from '../rule';

export const jsonSyntax = defineFileRule({
  code: 'json-syntax',
  severity: 'error',
  scope: 'file',
  description: 'The file is not valid JSON.',
  explanation:
    'Studio takes a payload, and the checks read a file, only when it is valid JSON: comments, trailing commas and unquoted names are not. While a file does not parse, the checks that need its content say nothing about it.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'test'],
  onUnparsableFiles: true,
  fixable: false,
  messages: {
    empty: () => 'the file is empty: expected a JSON object',
    syntax: ({ problem }: { problem: string }) => problem,
  },
  check(file, report) {
    if (file.text.trim() === '') {
      report({ offset: 0, length: 0, messageId: 'empty', data: {} });
      return;
    }
    for (const problem of file.syntaxProblems)
      report({ offset: problem.offset, length: problem.length, messageId: 'syntax', data: { problem: problem.message } });
  },
});
