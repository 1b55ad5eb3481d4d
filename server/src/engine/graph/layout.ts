// Lays the graph out with dagre (@dagrejs/dagre: layered drawing of directed graphs, small, no
// dependency beyond its graphlib, runs offline). In two levels, which keeps each dagre run small:
// each journey's box is laid out on its own, then the boxes and the nodes outside boxes are laid
// out as one graph, and the links between boxes follow that outer layout.
//
// dagre's ordering pass costs about the number of nodes times the number of layers, and its
// depth-first passes recurse once per layer: a journey of 3,000 nodes in a row overflows the
// stack. So a graph of more than BAND_SIZE nodes is cut into bands (by distance from its first
// nodes), each band laid out by dagre and the bands stacked; links between bands are straight.
// A dagre run that fails all the same (a cycle of thousands of nodes) falls back to bands too,
// and bands of one row when even that fails: the graph is always drawn.
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { GraphBox, GraphPoint } from './graph';

/** A box to lay out: its id and size (graph units). */
export interface LayoutItem {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** A link to lay out between two items; `label` makes room for a label of that size. */
export interface LayoutLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly label?: { readonly width: number; readonly height: number };
}

/** Where dagre put the items (centres) and the links (polylines, label centres); the whole size. */
export interface Placement {
  readonly items: Map<string, GraphBox>;
  readonly links: Map<string, { points: GraphPoint[]; labelAt?: GraphPoint }>;
  readonly width: number;
  readonly height: number;
}

/** Graphs with more nodes than this are laid out in bands of at most this many (see above). */
export const BAND_SIZE = 150;
/** A band spans at most this many layers: a long conversation becomes columns of this height. */
const BAND_DEPTH = 40;
/** Space between nodes of a layer, between layers, and between bands (graph units). */
const NODE_GAP = 24;
const LAYER_GAP = 36;
const BAND_GAP = 48;

let loaded: typeof Dagre | undefined;

/**
 * dagre, loaded on first use: only the graph needs it, and every other start of the command line
 * and the server would pay for loading it. Its package is an ES module whose `require` entry is
 * CommonJS; the type comes from the ES module's declarations.
 */
function dagre(): typeof Dagre {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import` would load it at start
  return (loaded ??= require('@dagrejs/dagre') as typeof Dagre);
}

/** Lays `items` out top to bottom, following `links` (links to unknown items are ignored). */
export function placeItems(items: readonly LayoutItem[], links: readonly LayoutLink[]): Placement {
  if (!items.length) return { items: new Map(), links: new Map(), width: 0, height: 0 };
  const known = new Set(items.map((i) => i.id));
  const usable = links.filter((l) => known.has(l.from) && known.has(l.to));
  if (items.length <= BAND_SIZE) {
    const placed = tryDagre(items, usable);
    if (placed) return placed;
  }
  return placeInBands(items, usable);
}

/** One dagre run; undefined when dagre throws (its recursion on a very deep graph). */
function tryDagre(items: readonly LayoutItem[], links: readonly LayoutLink[], quick = false): Placement | undefined {
  try {
    return runDagre(items, links, quick);
  } catch {
    return undefined;
  }
}

/**
 * The order of the nodes in each layer, for the bands of a large graph: depth first from the
 * first layer (iterative), each node after the one it came from. dagre's own ordering builds a
 * graph per layer and sweeps them until crossings stop falling, which costs half a band's time
 * and no longer pays in a graph too large to read whole; on a tree this order has no crossings.
 */
type LayeredGraph = Dagre.graphlib.Graph<Dagre.GraphLabel, Dagre.NodeLabel, Dagre.EdgeLabel>;

function depthFirstOrder(g: LayeredGraph): void {
  const nodes = g.nodes().sort((a: string, b: string) => (g.node(a).rank ?? 0) - (g.node(b).rank ?? 0));
  const next = new Map<number, number>();
  const seen = new Set<string>();
  for (const start of nodes) {
    const stack = [start];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      const label = g.node(v);
      const rank = label.rank ?? 0;
      label.order = next.get(rank) ?? 0;
      next.set(rank, label.order + 1);
      const successors = (g.successors(v) ?? []) as string[];
      for (let i = successors.length - 1; i >= 0; i--) if (!seen.has(successors[i])) stack.push(successors[i]);
    }
  }
}

function runDagre(items: readonly LayoutItem[], links: readonly LayoutLink[], quick = false): Placement {
  const { graphlib, layout } = dagre();
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: LAYER_GAP, edgesep: 12, marginx: 0, marginy: 0 });
  for (const item of items) g.setNode(item.id, { width: item.width, height: item.height });
  for (const link of links) {
    g.setEdge(link.from, link.to, link.label ? { width: link.label.width, height: link.label.height, labelpos: 'c' } : {}, link.id);
  }
  layout(g, quick ? { customOrder: (graph: LayeredGraph) => depthFirstOrder(graph) } : {});
  const placed: Placement = { items: new Map(), links: new Map(), width: g.graph().width ?? 0, height: g.graph().height ?? 0 };
  for (const item of items) {
    const n = g.node(item.id);
    placed.items.set(item.id, { x: n.x ?? 0, y: n.y ?? 0, width: item.width, height: item.height });
  }
  for (const link of links) {
    const e = g.edge({ v: link.from, w: link.to, name: link.id });
    const points = (e?.points ?? []).map((p: GraphPoint) => ({ x: p.x, y: p.y }));
    placed.links.set(link.id, {
      points: points.length >= 2 ? points : straight(placed.items.get(link.from)!, placed.items.get(link.to)!),
      ...(link.label && typeof e?.x === 'number' && typeof e.y === 'number' ? { labelAt: { x: e.x, y: e.y } } : {}),
    });
  }
  return placed;
}

/**
 * Cuts the items into bands of at most BAND_SIZE items and BAND_DEPTH layers by their distance
 * from the items nothing links to (in the order given), lays each band out with dagre, and puts the bands in rows.
 */
function placeInBands(items: readonly LayoutItem[], links: readonly LayoutLink[]): Placement {
  const depth = depths(items, links);
  const order = new Map(items.map((item, i) => [item.id, i]));
  const sorted = [...items].sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || order.get(a.id)! - order.get(b.id)!);
  const bands: LayoutItem[][] = [];
  let band: LayoutItem[] = [];
  let bandTop = 0;
  for (const item of sorted) {
    const d = depth.get(item.id)!;
    if (band.length && (band.length >= BAND_SIZE || d - bandTop >= BAND_DEPTH)) {
      bands.push(band);
      band = [];
    }
    if (!band.length) bandTop = d;
    band.push(item);
  }
  if (band.length) bands.push(band);
  const bandOf = new Map<string, number>();
  bands.forEach((band, b) => band.forEach((item) => bandOf.set(item.id, b)));
  const placements = bands.map((band, b) => {
    const inside = links.filter((l) => bandOf.get(l.from) === b && bandOf.get(l.to) === b);
    return tryDagre(band, inside, true) ?? row(band);
  });
  // Bands side by side, in rows, so that the whole is about as wide as a screen is (16:10):
  // the bands of a long conversation become columns, those of a wide menu stay stacked.
  const meanWidth = placements.reduce((sum, p) => sum + p.width, 0) / placements.length || 1;
  const meanHeight = placements.reduce((sum, p) => sum + p.height, 0) / placements.length || 1;
  const perRow = Math.max(1, Math.min(placements.length, Math.round(Math.sqrt((1.6 * placements.length * meanHeight) / meanWidth))));
  const result: Placement = { items: new Map(), links: new Map(), width: 0, height: 0 };
  let top = 0;
  let width = 0;
  for (let first = 0; first < placements.length; first += perRow) {
    const rowOfBands = placements.slice(first, first + perRow);
    let left = 0;
    for (const placed of rowOfBands) {
      const dx = left;
      const dy = top;
      const move = (p: GraphPoint) => ({ x: p.x + dx, y: p.y + dy });
      for (const [id, box] of placed.items) result.items.set(id, { ...box, ...move(box) });
      for (const [id, link] of placed.links)
        result.links.set(id, { points: link.points.map(move), ...(link.labelAt ? { labelAt: move(link.labelAt) } : {}) });
      left += placed.width + BAND_GAP;
    }
    width = Math.max(width, left - BAND_GAP);
    top += rowOfBands.reduce((tallest, p) => Math.max(tallest, p.height), -Infinity) + BAND_GAP;
  }
  for (const link of links) {
    if (result.links.has(link.id)) continue;
    const points = straight(result.items.get(link.from)!, result.items.get(link.to)!);
    result.links.set(link.id, { points, ...(link.label ? { labelAt: middle(points) } : {}) });
  }
  return { ...result, width, height: Math.max(0, top - BAND_GAP) };
}

/** Each item's distance (in links) from the items nothing links to, breadth first, iterative; items on cycles only come after. */
function depths(items: readonly LayoutItem[], links: readonly LayoutLink[]): Map<string, number> {
  const out = new Map<string, string[]>();
  const incoming = new Set<string>();
  for (const link of links) {
    if (link.from === link.to) continue;
    const list = out.get(link.from);
    if (list) list.push(link.to);
    else out.set(link.from, [link.to]);
    incoming.add(link.to);
  }
  const depth = new Map<string, number>();
  const queue: string[] = [];
  let deepest = -1;
  const visit = (id: string, d: number) => {
    if (depth.has(id)) return;
    depth.set(id, d);
    deepest = Math.max(deepest, d);
    queue.push(id);
  };
  for (const item of items) if (!incoming.has(item.id)) visit(item.id, 0);
  let head = 0;
  let next = 0;
  for (;;) {
    for (; head < queue.length; head++) for (const to of out.get(queue[head]) ?? []) visit(to, depth.get(queue[head])! + 1);
    // What is left is reached only from cycles: go on from the first of it, below the rest.
    while (next < items.length && depth.has(items[next].id)) next++;
    if (next === items.length) break;
    visit(items[next].id, deepest + 1);
  }
  return depth;
}

/** Items side by side in one row: the last resort. */
function row(items: readonly LayoutItem[]): Placement {
  const placed: Placement = {
    items: new Map(),
    links: new Map(),
    width: 0,
    height: items.reduce((tallest, i) => Math.max(tallest, i.height), -Infinity),
  };
  let x = 0;
  for (const item of items) {
    placed.items.set(item.id, { x: x + item.width / 2, y: placed.height / 2, width: item.width, height: item.height });
    x += item.width + NODE_GAP;
  }
  return { ...placed, width: Math.max(0, x - NODE_GAP) };
}

/** From the border of `a` to the border of `b`, along the line between their centres. */
export function straight(a: GraphBox, b: GraphBox): GraphPoint[] {
  return [borderPoint(a, b), borderPoint(b, a)];
}

/** Where the line from the centre of `box` towards `toward` leaves the box (its centre when they coincide). */
export function borderPoint(box: GraphBox, toward: GraphPoint): GraphPoint {
  const dx = toward.x - box.x;
  const dy = toward.y - box.y;
  if (!dx && !dy) return { x: box.x, y: box.y };
  const w = box.width / 2;
  const h = box.height / 2;
  const scale = Math.abs(dy) * w > Math.abs(dx) * h ? h / Math.abs(dy) : w / Math.abs(dx);
  return { x: box.x + dx * scale, y: box.y + dy * scale };
}

/** The point halfway along a polyline. */
export function middle(points: readonly GraphPoint[]): GraphPoint {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (half <= lengths[i] && lengths[i] > 0) {
      const t = half / lengths[i];
      return { x: points[i].x + (points[i + 1].x - points[i].x) * t, y: points[i].y + (points[i + 1].y - points[i].y) * t };
    }
    half -= lengths[i];
  }
  return points[0] ?? { x: 0, y: 0 };
}
