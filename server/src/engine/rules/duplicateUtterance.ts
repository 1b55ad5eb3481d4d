// duplicate-utterance: one utterance (compared as the matcher compares) trains two intents, so
// which journey it starts is up to the platform's tie-break.
import { relativePath } from '../botFile';
import { readIntent } from '../intent';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const duplicateUtterance: Rule = {
  code: 'duplicate-utterance',
  severity: 'warning',
  description: 'The same utterance trains two intents.',
  kinds: ['intent'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const intent = readIntent(file);
    if (!intent.name) return;
    const index = indexOf(project);
    for (const utterance of intent.utterances) {
      const other = index
        .utterancesMatching(utterance.value, phraseMatch)
        .find((u) => u.intentName !== intent.name!.value);
      if (!other) continue;
      report({
        offset: utterance.node.offset,
        length: utterance.node.length,
        message: `utterance \`${utterance.value}\` also trains intent \`${other.intentName}\` (${relativePath(project.root, other.file.path)})`,
        data: { intent: other.intentName },
      });
    }
  },
};
