// Which part of the project's graph is drawn: the handoff path (from each banner through its
// options to the exit journey and on), or every journey; narrowed to one journey on request; with
// journeys collapsed to one box. What an element drawn links to outside the view is drawn too, one
// link away: a journey as a collapsed box, an intent or an event as itself, so no edge is cut.
import type { DraftEdge, DraftGraph, DraftNode } from './build';
import type { GraphView } from './graph';

/** The part of the graph to draw: journey boxes drawn open, and the nodes outside boxes. */
export interface ViewSelection {
  /** Clusters drawn with their nodes. */
  readonly open: ReadonlySet<string>;
  /** Nodes outside clusters (intents, events, missing nodes) drawn. */
  readonly free: ReadonlySet<string>;
  /** Sentences on what was left out. */
  readonly notes: readonly string[];
}

/** The nodes and edges drawn, after collapsing; clusters drawn open. */
export interface ViewGraph {
  readonly nodes: DraftNode[];
  readonly edges: DraftEdge[];
  readonly open: string[];
}

/** The kinds of edge the handoff path follows from a banner's options onwards. */
const FORWARD = new Set<DraftEdge['kind']>(['option', 'matches', 'starts', 'next', 'outcome', 'jump', 'shows', 'sends', 'triggers', 'lacks']);

/** Chooses what `view` draws, narrowed to the clusters of the journey named `journey` when given. */
export function selectView(graph: DraftGraph, view: GraphView, journey: string | undefined): ViewSelection {
  const focus = journey === undefined ? undefined : new Set([...graph.clusters.values()].filter((c) => c.journey === journey).map((c) => c.id));
  return view === 'project' ? selectProject(graph, focus) : selectHandoff(graph, focus, journey);
}

function selectProject(graph: DraftGraph, focus: ReadonlySet<string> | undefined): ViewSelection {
  if (focus) return { open: focus, free: new Set(), notes: [] };
  const free = new Set([...graph.nodes.values()].filter((n) => !n.cluster).map((n) => n.id));
  return { open: new Set(graph.clusters.keys()), free, notes: [] };
}

/**
 * The handoff path of each banner: the box that shows it, and what its options lead to, followed
 * link by link (intent, exit journey, its jumps and events). With a focus, only the paths that
 * pass through one of its clusters.
 */
function selectHandoff(graph: DraftGraph, focus: ReadonlySet<string> | undefined, journey: string | undefined): ViewSelection {
  const out = new Map<string, DraftEdge[]>();
  for (const edge of graph.edges) {
    if (!FORWARD.has(edge.kind)) continue;
    const list = out.get(edge.from);
    if (list) list.push(edge);
    else out.set(edge.from, [edge]);
  }
  const open = new Set<string>();
  const free = new Set<string>();
  let banners = 0;
  for (const banner of graph.nodes.values()) {
    if (banner.kind !== 'banner' || !banner.cluster) continue;
    banners++;
    const path = { open: new Set([banner.cluster]), free: new Set<string>() };
    const seen = new Set<string>([banner.id]);
    const stack = [banner.id];
    while (stack.length) {
      const id = stack.pop()!;
      for (const edge of out.get(id) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        const node = graph.nodes.get(edge.to);
        if (!node) continue;
        if (node.cluster) path.open.add(node.cluster);
        else path.free.add(node.id);
        stack.push(node.id);
      }
    }
    if (focus && ![...path.open].some((c) => focus.has(c))) continue;
    for (const c of path.open) open.add(c);
    for (const n of path.free) free.add(n);
  }
  const notes: string[] = [];
  if (!banners)
    notes.push('No Send Event node of this project shows a banner, so there is no handoff path to draw: the project view shows every journey.');
  else if (focus && !focus.size) notes.push(`No journey is named \`${journey}\`.`);
  else if (focus && !open.size) notes.push(`Journey \`${journey}\` is on no handoff path: it shows no banner, and no banner's option leads to it.`);
  return { open, free, notes };
}

/**
 * The nodes and edges to draw: those of open clusters and free nodes; what they link to outside
 * the selection, one link away (a cluster as its collapsed box); clusters in `collapsed` as one
 * box. Edges that end up joining the same two boxes the same way are drawn once.
 */
export function materialize(graph: DraftGraph, selection: ViewSelection, collapsed: ReadonlySet<string>): ViewGraph {
  const open = [...graph.clusters.keys()].filter((c) => selection.open.has(c) && !collapsed.has(c));
  const openSet = new Set(open);
  /** What a node is drawn as: itself, its cluster's box, or nothing. */
  const drawnAs = (node: DraftNode | undefined, boundary: boolean): string | undefined => {
    if (!node) return undefined;
    if (node.cluster) {
      if (openSet.has(node.cluster)) return node.id;
      return selection.open.has(node.cluster) || boundary ? node.cluster : undefined;
    }
    return selection.free.has(node.id) || boundary ? node.id : undefined;
  };
  const nodes = new Map<string, DraftNode>();
  const edges: DraftEdge[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (nodes.has(id)) return;
    const node = graph.nodes.get(id);
    if (node) nodes.set(id, node);
    else {
      const cluster = graph.clusters.get(id)!;
      nodes.set(id, {
        id,
        kind: 'journey',
        label: cluster.label,
        detail: `${cluster.kind === 'function' ? 'function' : 'journey'} · ${cluster.nodes.length} node${cluster.nodes.length === 1 ? '' : 's'}`,
        place: cluster.place,
      });
    }
  };
  // Nodes in file order of their clusters, then the rest in the order made: a stable order.
  for (const c of open) for (const id of graph.clusters.get(c)!.nodes) add(id);
  for (const c of graph.clusters.keys()) if (selection.open.has(c) && collapsed.has(c)) add(c);
  for (const node of graph.nodes.values()) if (!node.cluster && selection.free.has(node.id)) add(node.id);
  for (const edge of graph.edges) {
    const fromNode = graph.nodes.get(edge.from);
    const toNode = graph.nodes.get(edge.to);
    const from = drawnAs(fromNode, false);
    const to = drawnAs(toNode, false);
    // One end in the view: the other is drawn too, as its box or itself.
    const ends = from && to ? [from, to] : from ? [from, drawnAs(toNode, true)] : to ? [drawnAs(fromNode, true), to] : undefined;
    if (!ends || !ends[0] || !ends[1]) continue;
    const [f, t] = ends as [string, string];
    if (f === t && (f !== edge.from || t !== edge.to)) continue; // inside one collapsed box
    const substituted = f !== edge.from || t !== edge.to;
    const key = substituted ? `${edge.kind}:${f}->${t}${edge.label !== undefined ? `#${edge.label}` : ''}` : edge.id;
    if (seen.has(key)) continue;
    seen.add(key);
    add(f);
    add(t);
    edges.push(substituted ? { ...edge, id: key, from: f, to: t } : edge);
  }
  return { nodes: [...nodes.values()], edges, open };
}

/**
 * The clusters to draw as boxes: those asked for, and, when the open ones hold more than
 * `maxNodes` nodes, the others past that many nodes in draft order (file path), save the focus
 * and the `expanded` ones; at least one cluster stays open. Returns them with a note when some
 * were closed for the size.
 */
export function collapsedFor(
  graph: DraftGraph,
  selection: ViewSelection,
  options: { collapsed: ReadonlySet<string>; expanded: ReadonlySet<string>; maxNodes: number; focus?: string },
): { collapsed: Set<string>; note?: string } {
  const collapsed = new Set([...options.collapsed].filter((c) => !options.expanded.has(c)));
  const open = [...graph.clusters.values()].filter((c) => selection.open.has(c.id) && !collapsed.has(c.id));
  const limit = options.maxNodes > 0 ? options.maxNodes : Infinity;
  if (open.reduce((sum, c) => sum + c.nodes.length, 0) <= limit) return { collapsed };
  const kept = (c: (typeof open)[number]) => options.expanded.has(c.id) || (options.focus !== undefined && c.journey === options.focus);
  let budget = open.filter(kept).reduce((sum, c) => sum + c.nodes.length, 0);
  let openCount = open.filter(kept).length;
  let closed = 0;
  for (const c of open) {
    if (kept(c)) continue;
    if (openCount === 0 || budget + c.nodes.length <= limit) {
      budget += c.nodes.length;
      openCount++;
      continue;
    }
    collapsed.add(c.id);
    closed++;
  }
  return {
    collapsed,
    note: `${closed} of ${open.length} journeys are drawn as boxes to keep the graph under ${limit.toLocaleString('en-US')} nodes: open one with a click.`,
  };
}
