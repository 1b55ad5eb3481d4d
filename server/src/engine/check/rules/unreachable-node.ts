// unreachable-node: no path from `start` reaches the node, so it never runs.
import { readJourney } from '../../model/journey';
import { nodesById, reachableNodeIds } from '../../model/journeyGraph';
import { defineFileRule } from '../rule';

export const unreachableNode = defineFileRule({
  code: 'unreachable-node',
  severity: 'warning',
  scope: 'file',
  description: 'No path from `start` reaches the node.',
  explanation:
    'A node nothing leads to never runs: when it is the step that closes the banner or the ticket, the journey looks complete in the file but is not in Studio.',
  kinds: ['journey'],
  fixable: false,
  messages: {
    unreachable: ({ node }: { node: string }) => `node \`${node}\` is unreachable: no path from \`start\` leads to it`,
  },
  check(file, report) {
    const journey = readJourney(file);
    // With a start that names nothing, unknown-node says what is wrong; every node would be unreachable.
    if (!journey.start) return;
    const byId = nodesById(journey);
    if (!byId.has(journey.start.value)) return;
    const reached = reachableNodeIds(journey, byId);
    for (const node of journey.nodes) {
      if (!node.id || reached.has(node.id.value)) continue;
      report({
        offset: node.id.node.offset,
        length: node.id.node.length,
        messageId: 'unreachable',
        data: { node: node.id.value },
        unnecessary: true,
      });
    }
  },
});
