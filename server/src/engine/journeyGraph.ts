// Paths through a journey: which nodes `start` reaches, following `next` and every outcome.
import type { Journey, JourneyNode } from './journey';

const cache = new WeakMap<Journey, ReadonlySet<string>>();

/** The ids of the nodes some path from `start` reaches (start included, when it exists). */
export function reachableNodeIds(journey: Journey): ReadonlySet<string> {
  let reached = cache.get(journey);
  if (!reached) {
    const byId = nodesById(journey);
    const seen = new Set<string>();
    const stack = journey.start ? [journey.start.value] : [];
    while (stack.length) {
      const id = stack.pop()!;
      const node = byId.get(id);
      if (!node || seen.has(id)) continue;
      seen.add(id);
      for (const next of node.next) stack.push(next.value);
    }
    reached = seen;
    cache.set(journey, reached);
  }
  return reached;
}

/** The reachable nodes themselves. */
export function reachableNodes(journey: Journey): JourneyNode[] {
  const reached = reachableNodeIds(journey);
  return journey.nodes.filter((n) => n.id && reached.has(n.id.value));
}

/** The first node with each id. */
export function nodesById(journey: Journey): Map<string, JourneyNode> {
  const byId = new Map<string, JourneyNode>();
  for (const node of journey.nodes) if (node.id && !byId.has(node.id.value)) byId.set(node.id.value, node);
  return byId;
}
