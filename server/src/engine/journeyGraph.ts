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

const byIdCache = new WeakMap<Journey, ReadonlyMap<string, JourneyNode>>();

/** The first node with each id (made once per parsed journey: unknown-node, unreachable-node and the graph all ask). */
export function nodesById(journey: Journey): ReadonlyMap<string, JourneyNode> {
  let byId = byIdCache.get(journey);
  if (!byId) {
    const map = new Map<string, JourneyNode>();
    for (const node of journey.nodes) if (node.id && !map.has(node.id.value)) map.set(node.id.value, node);
    byIdCache.set(journey, (byId = map));
  }
  return byId;
}
