// duplicate-name: two intents, two journeys, or two nodes of one journey share a name or id, so
// references to it are ambiguous.
import { relativePath, type NamedValue } from '../botFile';
import { readIntent } from '../intent';
import { readJourney } from '../journey';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const duplicateName: Rule = {
  code: 'duplicate-name',
  severity: 'error',
  description: 'Two intents or two journeys share a name, or two nodes of a journey share an id.',
  kinds: ['intent', 'journey'],
  scope: 'project',
  check(file, project, report) {
    const index = indexOf(project);
    const kind = file.kind === 'intent' ? 'intent' : 'journey';
    const name: NamedValue | undefined = file.kind === 'intent' ? readIntent(file).name : readJourney(file).name;
    if (name) {
      const namesakes = (file.kind === 'intent' ? index.intentsByName : index.journeysByName).get(name.value) ?? [];
      const other = namesakes.find((entry) => entry.file !== file);
      if (other) {
        report({
          offset: name.node.offset,
          length: name.node.length,
          message: `another ${kind} is named \`${name.value}\` (${relativePath(project.root, other.file.path)})`,
        });
      }
    }
    if (file.kind !== 'journey') return;
    const seen = new Set<string>();
    for (const node of readJourney(file).nodes) {
      if (!node.id) continue;
      if (seen.has(node.id.value)) {
        report({
          offset: node.id.node.offset,
          length: node.id.node.length,
          message: `another node of this journey has the id \`${node.id.value}\``,
        });
      }
      seen.add(node.id.value);
    }
  },
};
