// exit-intent-unlinked: the intent trained with a banner's exit phrase starts no journey, so the
// customer who types or clicks it stays with the agent.
import { relativePath } from '../botFile';
import { readIntent } from '../intent';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const exitIntentUnlinked: Rule = {
  code: 'exit-intent-unlinked',
  severity: 'warning',
  description: 'The intent trained with a banner\'s exit phrase starts no journey.',
  kinds: ['intent'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const name = readIntent(file).name;
    if (!name) return;
    const index = indexOf(project);
    const banners = index.exitIntents(phraseMatch).get(name.value);
    if (!banners || index.journeysByIntent.has(name.value)) return;
    const first = banners[0];
    report({
      offset: name.node.offset,
      length: name.node.length,
      message: `intent \`${name.value}\` is trained with the exit phrase \`${first.exit.phrase}\` of the banner in ${relativePath(project.root, first.file.path)}, but no journey starts from it: the customer stays with the agent`,
      data: { intent: name.value, phrase: first.exit.phrase },
    });
  },
};
