// duplicate-utterance: one utterance (compared as the matcher compares) trains two intents, so
// which journey it starts is up to the platform's tie-break.
import { relativePath } from '../botFile';
import { readIntent } from '../intent';
import { indexOf } from '../projectIndex';
import { defineProjectRule } from './rule';

export const duplicateUtterance = defineProjectRule({
  code: 'duplicate-utterance',
  severity: 'warning',
  scope: 'project',
  description: 'The same utterance trains two intents.',
  explanation:
    'When one phrase trains two intents, which journey it starts is the platform\'s tie-break: the exit phrase may start the agent handoff again instead of the journey back to the bot.',
  kinds: ['intent'],
  fixable: false,
  messages: {
    duplicate: ({ utterance, intent, file }: { utterance: string; intent: string; file: string }) =>
      `utterance \`${utterance}\` also trains intent \`${intent}\` (${file})`,
  },
  check(file, project, report, { phraseMatch }) {
    const intent = readIntent(file);
    if (!intent.name) return;
    const index = indexOf(project);
    for (const utterance of intent.utterances) {
      const other = index.utterancesMatching(utterance.value, phraseMatch).find((u) => u.intentName !== intent.name!.value);
      if (!other) continue;
      report({
        offset: utterance.node.offset,
        length: utterance.node.length,
        messageId: 'duplicate',
        data: { utterance: utterance.value, intent: other.intentName, file: relativePath(project.root, other.file.path) },
        related: [{ file: other.file.path, offset: other.utterance.node.offset, length: other.utterance.node.length, message: `the same utterance in intent \`${other.intentName}\`` }],
      });
    }
  },
});
