// duplicate-utterance: one utterance trains two intents, so which journey it starts is up to the
// platform's tie-break. Utterances are compared by their normal form (phraseMatch.ts) whatever
// `exitPhraseMatch` says: the platform's NLU is trained on both, and `Talk to bot` and
// `talk to bot.` conflict as much as two equal texts do.
import { relativePath } from '../../model/botFile';
import { readIntent } from '../../model/intent';
import { indexOf } from '../../analysis/projectIndex';
import { defineProjectRule } from '../rule';

export const duplicateUtterance = defineProjectRule({
  code: 'duplicate-utterance',
  severity: 'warning',
  scope: 'project',
  description: 'The same utterance trains two intents.',
  explanation:
    "When one phrase trains two intents, which journey it starts is the platform's tie-break: the exit phrase may start the agent handoff again instead of the journey back to the bot.",
  kinds: ['intent'],
  fixable: false,
  messages: {
    duplicate: ({ utterance, intent, file }: { utterance: string; intent: string; file: string }) =>
      `utterance \`${utterance}\` also trains intent \`${intent}\` (${file})`,
    /** The same phrase written differently (case, spacing, trailing punctuation, invisible characters). */
    similar: ({ utterance, other, intent, file }: { utterance: string; other: string; intent: string; file: string }) =>
      `utterance \`${utterance}\` also trains intent \`${intent}\` (${file}), written \`${other}\`: they differ only in case, spacing, punctuation or invisible characters`,
  },
  check(file, project, report) {
    const intent = readIntent(file);
    if (!intent.name) return;
    const index = indexOf(project);
    const name = intent.name.value;
    const otherUtteranceLike = index.otherUtteranceFinder(name);
    // The index's own entries of the file: the intent's list of utterances is not made for this.
    for (const entry of index.utterancesOf(file)) {
      const utterance = entry.utterance;
      // The same text, when another intent has it, before a look-alike.
      const other = otherUtteranceLike(utterance.value, entry.normalHash);
      if (!other) continue;
      const data = { utterance: utterance.value, intent: other.intentName, file: relativePath(project.root, other.file.path) };
      report({
        offset: utterance.node.offset,
        length: utterance.node.length,
        ...(other.utterance.value === utterance.value
          ? { messageId: 'duplicate' as const, data }
          : { messageId: 'similar' as const, data: { ...data, other: other.utterance.value } }),
        related: [
          {
            file: other.file.path,
            offset: other.utterance.node.offset,
            length: other.utterance.node.length,
            message: `the same utterance in intent \`${other.intentName}\``,
          },
        ],
      });
    }
  },
});
