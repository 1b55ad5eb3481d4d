// option-text-mismatch: a banner's exit phrase (an option's `text`, or the phrase its title asks
// the customer to type) is not an utterance of any intent, so clicking or typing it starts nothing.
import { relativePath } from '../botFile';
import { exitPhrasesOf } from '../exitPhrases';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const optionTextMismatch: Rule = {
  code: 'option-text-mismatch',
  severity: 'warning',
  description: "A banner's exit phrase is not an utterance of any intent, so it starts no journey.",
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const index = indexOf(project);
    for (const exit of exitPhrasesOf(file)) {
      if (index.utterancesMatching(exit.phrase, phraseMatch).length) continue;
      const what = exit.kind === 'option' ? `banner option text \`${exit.phrase}\`` : `the phrase the banner asks to type, \`${exit.phrase}\`,`;
      const near = index.nearestUtterance(exit.phrase);
      const message = near
        ? `${what} is not an utterance of any intent; did you mean \`${near.entry.utterance.value}\` (intent \`${near.entry.intentName}\`, ${relativePath(project.root, near.entry.file.path)})?`
        : `${what} is not an utterance of any intent: typing or clicking it will not start a journey`;
      report({
        offset: exit.offset,
        length: exit.length,
        message,
        data: {
          phrase: exit.phrase,
          kind: exit.kind,
          ...(near ? { suggestion: near.entry.utterance.value, intent: near.entry.intentName } : {}),
        },
      });
    }
  },
};
