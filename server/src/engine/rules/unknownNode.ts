// unknown-node: `start` or a `next` names a node id the journey does not have.
import type { NamedValue } from '../botFile';
import { readJourney } from '../journey';
import { nodesById } from '../journeyGraph';
import { didYouMeanFix } from '../services/fixes';
import { unknownNameMessages, unknownNameProblem } from '../suggestions';
import { defineFileRule } from './rule';

export const unknownNode = defineFileRule({
  code: 'unknown-node',
  severity: 'error',
  scope: 'file',
  description: '`start` or a `next` names a node that is not in the journey.',
  explanation:
    'A journey stops where a `next` names no node: the nodes after it (closing the banner, closing the ticket, the welcome back) never run.',
  kinds: ['journey'],
  fixable: true,
  messages: unknownNameMessages('node', 'no node of this journey has that id'),
  check(file, report) {
    const journey = readJourney(file);
    const ids = nodesById(journey);
    const references: NamedValue[] = [...(journey.start ? [journey.start] : []), ...journey.nodes.flatMap((n) => n.next)];
    for (const reference of references) {
      if (!reference.value || ids.has(reference.value)) continue;
      report({ offset: reference.node.offset, length: reference.node.length, ...unknownNameProblem(reference.value, ids.keys()) });
    }
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});
