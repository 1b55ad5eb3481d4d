// Paths through a journey: which nodes `start` reaches, following `next` and every outcome.
// Nothing here is cached: a journey's table of ids costs some 3 KB kept (a project keeps every
// journey), and making it again is cheaper than keeping it (see docs/performance.md, "Round 4: what a check keeps").
import type { Journey, JourneyNode } from './journey';

/**
 * The ids of the nodes some path from `start` reaches (start included, when it exists). `byId`:
 * `nodesById(journey)`, when the caller has it already.
 */
export function reachableNodeIds(journey: Journey, byId: ReadonlyMap<string, JourneyNode> = nodesById(journey)): ReadonlySet<string> {
  const seen = new Set<string>();
  const stack = journey.start ? [journey.start.value] : [];
  while (stack.length) {
    const id = stack.pop()!;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    for (const next of node.next) stack.push(next.value);
  }
  return seen;
}

/** The reachable nodes themselves. */
export function reachableNodes(journey: Journey): JourneyNode[] {
  const reached = reachableNodeIds(journey);
  return journey.nodes.filter((n) => n.id && reached.has(n.id.value));
}

/** The first node with each id (unknown-node, unreachable-node and the graph all ask). */
export function nodesById(journey: Journey): ReadonlyMap<string, JourneyNode> {
  const byId = new Map<string, JourneyNode>();
  for (const node of journey.nodes) if (node.id && !byId.has(node.id.value)) byId.set(node.id.value, node);
  return byId;
}
