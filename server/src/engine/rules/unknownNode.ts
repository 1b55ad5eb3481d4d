// unknown-node: `start` or a `next` names a node id the journey does not have.
import type { NamedValue } from '../botFile';
import { readJourney } from '../journey';
import { nodesById } from '../journeyGraph';
import { unknownName } from '../suggestions';
import type { Rule } from './rule';

export const unknownNode: Rule = {
  code: 'unknown-node',
  severity: 'error',
  description: '`start` or a `next` names a node that is not in the journey.',
  kinds: ['journey'],
  scope: 'file',
  check(file, _project, report) {
    const journey = readJourney(file);
    const ids = nodesById(journey);
    const references: NamedValue[] = [...(journey.start ? [journey.start] : []), ...journey.nodes.flatMap((n) => n.next)];
    for (const reference of references) {
      if (!reference.value || ids.has(reference.value)) continue;
      const unknown = unknownName('node', reference.value, ids.keys(), 'no node of this journey has that id');
      report({ offset: reference.node.offset, length: reference.node.length, ...unknown });
    }
  },
};
