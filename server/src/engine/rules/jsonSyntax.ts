// json-syntax: the file is not valid JSON.
import type { Rule } from './rule';

export const jsonSyntax: Rule = {
  code: 'json-syntax',
  severity: 'error',
  description: 'The file is not valid JSON.',
  kinds: ['bot', 'intent', 'journey', 'settings'],
  scope: 'file',
  check(file, _project, report) {
    if (file.oversized) return;
    if (file.text.trim() === '') {
      report({ offset: 0, length: 0, message: 'the file is empty: expected a JSON object' });
      return;
    }
    for (const problem of file.syntaxProblems) report(problem);
  },
};
