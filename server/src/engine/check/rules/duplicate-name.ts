// duplicate-name: two intents, two journeys, or two nodes of one journey share a name or id, so
// references to it are ambiguous.
import { relativePath, type NamedValue } from '../../model/botFile';
import { readIntent } from '../../model/intent';
import { readJourney } from '../../model/journey';
import { indexOf } from '../../analysis/projectIndex';
import { defineProjectRule } from '../rule';

export const duplicateName = defineProjectRule({
  code: 'duplicate-name',
  severity: 'error',
  scope: 'project',
  description: 'Two intents or two journeys share a name, or two nodes of a journey share an id.',
  explanation:
    'A name is how a trigger finds its intent, a jump its journey and a `next` its node: with two of a name, which one runs is up to the platform, and the exit may start the wrong journey.',
  kinds: ['intent', 'journey'],
  fixable: false,
  messages: {
    name: ({ kind, name, other }: { kind: string; name: string; other: string }) => `another ${kind} is named \`${name}\` (${other})`,
    nodeId: ({ id }: { id: string }) => `another node of this journey has the id \`${id}\``,
  },
  check(file, project, report) {
    const index = indexOf(project);
    const kind = file.kind === 'intent' ? 'intent' : 'journey';
    const name: NamedValue | undefined = file.kind === 'intent' ? readIntent(file).name : readJourney(file).name;
    if (name) {
      const namesakes = (file.kind === 'intent' ? index.intentsByName : index.journeysByName).get(name.value) ?? [];
      const other = namesakes.find((entry) => entry.file !== file);
      if (other) {
        const otherName = file.kind === 'intent' ? readIntent(other.file).name : readJourney(other.file).name;
        report({
          offset: name.node.offset,
          length: name.node.length,
          messageId: 'name',
          data: { kind, name: name.value, other: relativePath(project.root, other.file.path) },
          ...(otherName
            ? {
                related: [
                  {
                    file: other.file.path,
                    offset: otherName.node.offset,
                    length: otherName.node.length,
                    message: `the other ${kind} named \`${name.value}\``,
                  },
                ],
              }
            : {}),
        });
      }
    }
    if (file.kind !== 'journey') return;
    const seen = new Set<string>();
    for (const node of readJourney(file).nodes) {
      if (!node.id) continue;
      if (seen.has(node.id.value)) {
        report({ offset: node.id.node.offset, length: node.id.node.length, messageId: 'nodeId', data: { id: node.id.value } });
      }
      seen.add(node.id.value);
    }
  },
});
