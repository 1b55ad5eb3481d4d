// Paths through a journey: which nodes `start` reaches, following `next` and every outcome.
// No journey keeps its table of ids: it costs some 3 KB kept (a project keeps every journey), and
// making it again is cheaper than keeping it (see docs/performance.md, "Round 4: what a check
// keeps"). Only the last few tables made are kept, for the checks that ask in a row.
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

/**
 * The tables nodesById made last, by the journey's list of nodes (a list no one changes: it is
 * read-only, and a file's new version has a list of its own). The checks of one journey ask for its
 * table a dozen times in a row (unknown-node, unreachable-node, the closing and exit-path walks,
 * each from several nodes), and the walks for the journeys they jump to.
 */
const recentTables: { nodes: readonly JourneyNode[]; byId: ReadonlyMap<string, JourneyNode> }[] = [];
const RECENT_TABLES = 4;

/** The first node with each id (unknown-node, unreachable-node and the graph all ask). */
export function nodesById(journey: Journey): ReadonlyMap<string, JourneyNode> {
  const nodes = journey.nodes;
  for (const recent of recentTables) if (recent.nodes === nodes) return recent.byId;
  const byId = new Map<string, JourneyNode>();
  for (const node of nodes) {
    const id = node.id;
    if (id && !byId.has(id.value)) byId.set(id.value, node);
  }
  recentTables.unshift({ nodes, byId });
  if (recentTables.length > RECENT_TABLES) recentTables.pop();
  return byId;
}
