// exit-intent-unlinked: the intent trained with a banner's exit phrase starts no journey, so the
// customer who types or clicks it stays with the agent.
import { relativePath } from '../../model/botFile';
import { readIntent } from '../../model/intent';
import { indexOf } from '../../analysis/projectIndex';
import { createExitJourneyFix } from '../fixes';
import { defineProjectRule } from '../rule';

export const exitIntentUnlinked = defineProjectRule({
  code: 'exit-intent-unlinked',
  severity: 'error',
  scope: 'project',
  description: "The intent trained with a banner's exit phrase starts no journey.",
  explanation:
    'The exit phrase reaches the right intent, but no journey starts from it: nothing closes the banner or the ticket, and the customer stays with the live agent.',
  kinds: ['intent'],
  fixable: true,
  messages: {
    unlinked: ({ intent, phrase, file }: { intent: string; phrase: string; file: string }) =>
      `intent \`${intent}\` is trained with the exit phrase \`${phrase}\` of the banner in ${file}, but no journey starts from it: the customer stays with the agent`,
  },
  check(file, project, report, { phraseMatch }) {
    const name = readIntent(file).name;
    if (!name) return;
    const index = indexOf(project);
    if (!index.isExitIntent(phraseMatch, name.value) || index.journeysByIntent.has(name.value)) return;
    // A journey file that was not read may be the one it starts.
    if (project.unreadFiles('journey').length) return;
    const first = index.exitIntentBanners(phraseMatch, name.value)[0];
    report({
      offset: name.node.offset,
      length: name.node.length,
      messageId: 'unlinked',
      data: { intent: name.value, phrase: first.exit.phrase, file: relativePath(project.root, first.file.path) },
      related: [
        { file: first.file.path, offset: first.exit.offset, length: first.exit.length, message: `the banner's exit phrase \`${first.exit.phrase}\`` },
      ],
    });
  },
  fixes({ project, finding }) {
    return [createExitJourneyFix(project, finding.data.intent)];
  },
});
