// schema: the file does not match the JSON schema of its kind (bot.json, intent or journey).
import { SchemaProblems } from '../../schemas/problems';
import { validateInBatches } from '../../schemas/schemas';
import { didYouMeanFixes, schemaMismatch } from '../fixes';
import { defineFileRule } from '../rule';
import { JSON_KINDS, type FileKind } from '../../model/projectLayout';
import type { SchemaName } from '../../schemas/validators';

export const schema = defineFileRule({
  code: 'schema',
  severity: 'error',
  scope: 'file',
  description: 'The file does not match the schema of its kind (schemas/bot, intent, journey, test).',
  explanation:
    'A value of the wrong shape (a node type the platform does not have, an utterance that is not text, a missing name) is a piece of the handoff Studio cannot be built from. Unknown properties are warnings: the platform may accept fields it does not document.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'test'],
  fixable: true,
  messages: {
    mismatch: ({ problem }: { problem: string; suggestion?: string }) => problem,
  },
  check(file, report) {
    // With broken syntax the tree is partial and its schema errors would mislead.
    // `kinds` keeps CSV files and function code away; the guard tells the compiler so.
    if (file.syntaxProblems.length > 0 || !isJsonKind(file.kind)) return;
    const root = file.place;
    if (!root) return;
    // A batch of errors at a time, each made into findings before the next: a file of a million
    // wrong values holds the findings, not the findings and the errors they are made of too.
    const problems = new SchemaProblems(root.node);
    validateInBatches(file.kind, file.value, (errors) => problems.add(errors, (problem) => report(schemaMismatch(problem))));
  },
  fixes({ file, finding }) {
    return finding.data.suggestion ? didYouMeanFixes(file, finding, finding.data.suggestion) : [];
  },
});

/** Whether a kind of file is JSON, and so has a schema. */
function isJsonKind(kind: FileKind): kind is Exclude<SchemaName, 'banner'> {
  return JSON_KINDS.includes(kind);
}
