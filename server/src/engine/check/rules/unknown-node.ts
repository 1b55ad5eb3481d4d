// unknown-node: `start` or a `next` names a node id the journey does not have.
import type { NamedValue } from '../../model/botFile';
import { readJourney } from '../../model/journey';
import { nodesById } from '../../model/journeyGraph';
import { didYouMeanFix } from '../fixes';
import { unknownNameMessages, unknownNameProblem } from '../../phrases/suggestions';
import { defineFileRule } from '../rule';

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
    const check = (reference: NamedValue) => {
      if (!reference.value || ids.has(reference.value)) return;
      report({ offset: reference.node.offset, length: reference.node.length, ...unknownNameProblem(reference.value, ids.keys()) });
    };
    if (journey.start) check(journey.start);
    for (const node of journey.nodes) for (const reference of node.next) check(reference);
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});
