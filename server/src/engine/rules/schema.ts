// schema: the file does not match the JSON schema of its kind (bot.json, intent or journey).
import { schemaProblems } from '../schemaProblems';
import { validateAgainst } from '../schemas';
import type { Rule } from './rule';

export const schema: Rule = {
  code: 'schema',
  severity: 'error',
  description: 'The file does not match the schema of its kind (schemas/bot, intent, journey).',
  kinds: ['bot', 'intent', 'journey', 'settings'],
  scope: 'file',
  check(file, _project, report) {
    // With broken syntax the tree is partial and its schema errors would mislead.
    if (!file.root || file.syntaxProblems.length > 0) return;
    const errors = validateAgainst(file.kind, file.value);
    for (const problem of schemaProblems(errors, file.root)) {
      report({ ...problem, data: problem.suggestion ? { suggestion: problem.suggestion } : undefined });
    }
  },
};
