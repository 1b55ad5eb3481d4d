// unreachable-node: no path from `start` reaches the node, so it never runs.
import { readJourney } from '../journey';
import { nodesById, reachableNodeIds } from '../journeyGraph';
import type { Rule } from './rule';

export const unreachableNode: Rule = {
  code: 'unreachable-node',
  severity: 'warning',
  description: 'No path from `start` reaches the node.',
  kinds: ['journey'],
  scope: 'file',
  check(file, _project, report) {
    const journey = readJourney(file);
    // With a start that names nothing, unknown-node says what is wrong; every node would be unreachable.
    if (!journey.start || !nodesById(journey).has(journey.start.value)) return;
    const reached = reachableNodeIds(journey);
    for (const node of journey.nodes) {
      if (!node.id || reached.has(node.id.value)) continue;
      report({
        offset: node.id.node.offset,
        length: node.id.node.length,
        message: `node \`${node.id.value}\` is unreachable: no path from \`start\` leads to it`,
        data: { node: node.id.value },
      });
    }
  },
};
