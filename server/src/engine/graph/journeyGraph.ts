// The journey graph on request (never on keystrokes): the project's graph (build.ts), the view's
// part of it (view.ts), the findings of the checks on the elements that hold them, a walk laid
// over it, and the layout (layout.ts). The one entry point of the graph for every front end.
import { checkProject } from '../check/check';
import { severityRank, type Finding } from '../findings';
import type { BotProject } from '../project/project';
import { buildProjectGraph, type DraftEdge, type DraftGraph, type DraftNode } from './build';
import {
  MAX_OPEN_NODES,
  type GraphBox,
  type GraphCluster,
  type GraphEdge,
  type GraphFinding,
  type GraphNode,
  type GraphOptions,
  type GraphPlace,
  type GraphPoint,
  type GraphWalk,
  type GraphWalkResult,
  type JourneyGraph,
} from './graph';
import { borderPoint, middle, placeItems, straight, type LayoutItem, type LayoutLink } from './layout';
import { collapsedFor, materialize, selectView, type ViewGraph } from './view';

/** Space inside a box around its nodes, and the height of its title (graph units). */
const BOX_PADDING = 12;
const BOX_TITLE = 22;
/** Space around the whole drawing. */
const MARGIN = 16;
/** Approximate widths of one character of a label (12 px) and of a detail or edge label (11 px), in graph units. */
const LABEL_CHAR = 7;
const DETAIL_CHAR = 6.2;

/**
 * The laid-out graph of `project` (see JourneyGraph): the handoff view unless `options.view` says
 * `project`. Computed whole on each call, from the project as it is; never throws on a project's
 * content (a journey that names nothing draws a broken link, a graph too deep for dagre is laid
 * out in bands).
 */
export function journeyGraph(project: BotProject, options: GraphOptions = {}): JourneyGraph {
  const mode = options.phraseMatch ?? options.checkOptions?.phraseMatch ?? project.phraseMatch;
  const draft = buildProjectGraph(project, mode);
  const view = options.view ?? 'handoff';
  const selection = selectView(draft, view, options.journey);
  const { collapsed, note } = collapsedFor(draft, selection, {
    collapsed: new Set(options.collapsed ?? []),
    expanded: new Set(options.expanded ?? []),
    maxNodes: options.maxNodes ?? MAX_OPEN_NODES,
    ...(options.journey !== undefined ? { focus: options.journey } : {}),
  });
  const drawn = materialize(draft, selection, collapsed);
  const drawnIds = new Set(drawn.nodes.map((n) => n.id));
  const findings = checkProject(project, { ...options.checkOptions, phraseMatch: mode });
  const attached = attachFindings(draft, drawn, findings);
  const walk = options.walk ? layWalk(draft, drawn, options.walk) : undefined;
  const laid = layOut(drawn, draft);
  const element = <T extends { id: string; place?: GraphPlace; broken?: string }>(e: T) => {
    const own = sortFindings(attached.byElement.get(e.id) ?? []);
    return {
      findings: own,
      ...(own.length ? { severity: own[0].severity } : {}),
      walk: walk?.positions.get(e.id) ?? [],
    };
  };
  const nodes: GraphNode[] = drawn.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    label: n.label,
    ...(n.detail !== undefined ? { detail: n.detail } : {}),
    ...(n.cluster !== undefined && laid.clusters.has(n.cluster) ? { cluster: n.cluster } : {}),
    ...(n.nodeType !== undefined ? { nodeType: n.nodeType } : {}),
    ...(n.place ? { place: n.place } : {}),
    ...(n.broken !== undefined ? { broken: n.broken } : {}),
    ...element(n),
    ...laid.boxes.get(n.id)!,
  }));
  const edges: GraphEdge[] = drawn.edges.map((e) => {
    const route = laid.routes.get(e.id)!;
    return {
      id: e.id,
      kind: e.kind,
      from: e.from,
      to: e.to,
      ...(e.label !== undefined ? { label: e.label } : {}),
      ...(e.place ? { place: e.place } : {}),
      ...(e.broken !== undefined ? { broken: e.broken } : {}),
      ...element(e),
      points: route.points,
      ...(route.labelAt ? { labelAt: route.labelAt } : {}),
    };
  });
  const clusters: GraphCluster[] = drawn.open.map((id) => {
    const c = draft.clusters.get(id)!;
    const own = sortFindings(attached.byElement.get(id) ?? []);
    return {
      id,
      kind: c.kind,
      label: c.label,
      ...(c.journey !== undefined ? { journey: c.journey } : {}),
      place: c.place,
      nodeCount: c.nodes.length,
      findings: own,
      ...(own.length ? { severity: own[0].severity } : {}),
      ...laid.clusters.get(id)!,
    };
  });
  return {
    view,
    ...(options.journey !== undefined ? { journey: options.journey } : {}),
    root: project.root,
    clusters,
    nodes,
    edges,
    width: laid.width,
    height: laid.height,
    journeys: draft.journeys,
    collapsed: [...draft.clusters.keys()].filter((id) => selection.open.has(id) && drawnIds.has(id)),
    notes: note ? [...selection.notes, note] : selection.notes,
    otherFindings: sortFindings(attached.other),
    ...(walk ? { walk: walk.result } : {}),
  };
}

// --- findings ---

/**
 * Each finding of a file drawn goes to the element (node or edge) whose place in the same file
 * holds the finding's range and is the smallest such (all of them when several are as small);
 * else to the box of its file (open, or collapsed to a node); else to `other`.
 */
function attachFindings(
  draft: DraftGraph,
  drawn: ViewGraph,
  findings: readonly Finding[],
): { byElement: Map<string, GraphFinding[]>; other: GraphFinding[] } {
  const byFile = new Map<string, { id: string; place: GraphPlace }[]>();
  for (const e of [...drawn.nodes, ...drawn.edges]) {
    if (!e.place || e.place.length === 0) continue;
    const list = byFile.get(e.place.file);
    if (list) list.push({ id: e.id, place: e.place });
    else byFile.set(e.place.file, [{ id: e.id, place: e.place }]);
  }
  const boxOfFile = new Map<string, string>();
  const drawnIds = new Set(drawn.nodes.map((n) => n.id));
  for (const c of draft.clusters.values()) if (drawn.open.includes(c.id) || drawnIds.has(c.id)) boxOfFile.set(c.file, c.id);
  const files = new Set([...byFile.keys(), ...boxOfFile.keys()]);
  const byElement = new Map<string, GraphFinding[]>();
  const other: GraphFinding[] = [];
  const give = (id: string, f: GraphFinding) => {
    const list = byElement.get(id);
    if (list) list.push(f);
    else byElement.set(id, [f]);
  };
  for (const finding of findings) {
    if (!files.has(finding.file)) continue;
    const f: GraphFinding = {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      place: { file: finding.file, offset: finding.offset, length: finding.length },
    };
    let best: { id: string; place: GraphPlace }[] = [];
    for (const candidate of byFile.get(finding.file) ?? []) {
      const p = candidate.place;
      if (p.offset > finding.offset || p.offset + p.length < finding.offset + finding.length) continue;
      if (!best.length || p.length < best[0].place.length) best = [candidate];
      else if (p.length === best[0].place.length) best.push(candidate);
    }
    if (best.length) for (const b of best) give(b.id, f);
    else if (boxOfFile.has(finding.file)) give(boxOfFile.get(finding.file)!, f);
    else other.push(f);
  }
  return { byElement, other };
}

function sortFindings(findings: readonly GraphFinding[]): GraphFinding[] {
  return [...findings].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.place.offset - b.place.offset || a.code.localeCompare(b.code),
  );
}

// --- the walk ---

/** How many nodes the search for the way from one walked node to the next looks at, at most. */
const MAX_WALK_SEARCH = 10_000;

/**
 * Lays a walk over the drawn graph: each step lands on a node (its journey's collapsed box when
 * the journey is collapsed); the way from one landed node to the next (the shortest, following
 * the edges) is walked at the later step's position, nodes and edges alike.
 */
function layWalk(draft: DraftGraph, drawn: ViewGraph, walk: GraphWalk): { positions: Map<string, number[]>; result: GraphWalkResult } {
  const drawnIds = new Set(drawn.nodes.map((n) => n.id));
  const out = new Map<string, DraftEdge[]>();
  for (const edge of drawn.edges) {
    const list = out.get(edge.from);
    if (list) list.push(edge);
    else out.set(edge.from, [edge]);
  }
  const positions = new Map<string, number[]>();
  const mark = (id: string, position: number) => {
    const list = positions.get(id);
    if (!list) positions.set(id, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  const steps: { step: GraphWalk[number]; node?: string }[] = [];
  let previous: string | undefined;
  walk.forEach((step, i) => {
    const node = resolveStep(draft, drawnIds, step);
    steps.push({ step, ...(node ? { node } : {}) });
    if (!node) return;
    const position = i + 1;
    if (previous && previous !== node) {
      for (const id of wayBetween(out, previous, node)) mark(id, position);
    }
    mark(node, position);
    previous = node;
  });
  return { positions, result: { steps, unresolved: steps.filter((s) => !s.node).length } };
}

function resolveStep(draft: DraftGraph, drawnIds: ReadonlySet<string>, step: GraphWalk[number]): string | undefined {
  let id: string | undefined;
  // The walk may come from JSON (a request, a file): anything that is not a step lands nowhere.
  if (typeof step !== 'object' || step === null) return undefined;
  if ('id' in step) id = typeof step.id === 'string' ? step.id : undefined;
  else if (typeof step.journey === 'string' && typeof step.node === 'string') {
    const cluster = [...draft.clusters.values()].find((c) => c.journey === step.journey) ?? draft.clusters.get(`journey:${step.journey}`);
    if (cluster) id = `${cluster.id.replace(/^journey:/, 'step:')}/${step.node}`;
  }
  if (!id) return undefined;
  if (drawnIds.has(id)) return id;
  const cluster = draft.nodes.get(id)?.cluster;
  return cluster && drawnIds.has(cluster) ? cluster : undefined;
}

/** The edge and node ids on the shortest way from `from` to `to` (`to` included, `from` not), in order; none when there is no way. */
function wayBetween(out: ReadonlyMap<string, readonly DraftEdge[]>, from: string, to: string): string[] {
  const cameBy = new Map<string, DraftEdge>();
  const queue = [from];
  const seen = new Set([from]);
  for (let head = 0; head < queue.length && head < MAX_WALK_SEARCH; head++) {
    for (const edge of out.get(queue[head]) ?? []) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      cameBy.set(edge.to, edge);
      if (edge.to === to) {
        const way: string[] = [];
        for (let at = to; at !== from;) {
          const by = cameBy.get(at)!;
          way.push(by.id, at);
          at = by.from;
        }
        return way.reverse();
      }
      queue.push(edge.to);
    }
  }
  return [];
}

// --- the layout ---

interface Laid {
  readonly boxes: Map<string, GraphBox>;
  readonly routes: Map<string, { points: GraphPoint[]; labelAt?: GraphPoint }>;
  readonly clusters: Map<string, GraphBox>;
  readonly width: number;
  readonly height: number;
}

/** Each open box laid out on its own, then the boxes and the other nodes together (see layout.ts). */
function layOut(drawn: ViewGraph, draft: DraftGraph): Laid {
  const open = new Set(drawn.open);
  const unitOf = (id: string) => {
    const cluster = draft.nodes.get(id)?.cluster;
    return cluster && open.has(cluster) ? cluster : id;
  };
  const sizes = new Map(drawn.nodes.map((n) => [n.id, nodeSize(n)]));
  const inner = new Map<string, ReturnType<typeof placeItems>>();
  for (const cluster of drawn.open) {
    const members = drawn.nodes.filter((n) => unitOf(n.id) === cluster);
    const ids = new Set(members.map((n) => n.id));
    const links = drawn.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map(layoutLink);
    inner.set(
      cluster,
      placeItems(
        members.map((n) => ({ id: n.id, ...sizes.get(n.id)! })),
        links,
      ),
    );
  }
  const units: LayoutItem[] = [];
  for (const n of drawn.nodes) {
    const unit = unitOf(n.id);
    if (unit !== n.id) continue;
    units.push({ id: n.id, ...sizes.get(n.id)! });
  }
  for (const cluster of drawn.open) {
    const placed = inner.get(cluster)!;
    const title = draft.clusters.get(cluster)!.label;
    units.push({
      id: cluster,
      width: Math.max(placed.width, title.length * LABEL_CHAR + 8) + 2 * BOX_PADDING,
      height: placed.height + 2 * BOX_PADDING + BOX_TITLE,
    });
  }
  const crossing = drawn.edges.filter((e) => unitOf(e.from) !== unitOf(e.to));
  const outer = placeItems(
    units,
    crossing.map((e) => ({ ...layoutLink(e), from: unitOf(e.from), to: unitOf(e.to) })),
  );
  const shift = (p: GraphPoint, dx: number, dy: number) => ({ x: round(p.x + dx), y: round(p.y + dy) });
  const boxes = new Map<string, GraphBox>();
  const clusters = new Map<string, GraphBox>();
  const routes = new Map<string, { points: GraphPoint[]; labelAt?: GraphPoint }>();
  for (const unit of units) {
    const box = outer.items.get(unit.id)!;
    const at = shift(box, MARGIN, MARGIN);
    if (!open.has(unit.id)) {
      boxes.set(unit.id, { ...at, width: unit.width, height: unit.height });
      continue;
    }
    clusters.set(unit.id, { ...at, width: unit.width, height: unit.height });
    const left = at.x - unit.width / 2 + BOX_PADDING;
    const top = at.y - unit.height / 2 + BOX_PADDING + BOX_TITLE;
    const placed = inner.get(unit.id)!;
    const dx = left + (unit.width - 2 * BOX_PADDING - placed.width) / 2;
    for (const [id, b] of placed.items) boxes.set(id, { ...shift(b, dx, top), width: b.width, height: b.height });
    for (const [id, r] of placed.links)
      routes.set(id, { points: r.points.map((p) => shift(p, dx, top)), ...(r.labelAt ? { labelAt: shift(r.labelAt, dx, top) } : {}) });
  }
  for (const edge of crossing) {
    const source = boxes.get(edge.from)!;
    const target = boxes.get(edge.to)!;
    const route = outer.links.get(edge.id);
    // The outer route runs between the boxes' centres: its first and last bends (beside the boxes)
    // would pull the link towards the middle of a box; a link between neighbouring layers is straight.
    const outerBends = (route?.points ?? []).slice(1, -1);
    const via = (outerBends.length > 2 ? outerBends.slice(1, -1) : []).map((p) => shift(p, MARGIN, MARGIN));
    const points = via.length ? [borderPoint(source, via[0]), ...via, borderPoint(target, via[via.length - 1])] : straight(source, target);
    const rounded = points.map((p) => shift(p, 0, 0));
    routes.set(edge.id, {
      points: rounded,
      ...(edge.label !== undefined ? { labelAt: route?.labelAt ? shift(route.labelAt, MARGIN, MARGIN) : shift(middle(rounded), 0, 0) } : {}),
    });
  }
  for (const edge of drawn.edges) {
    if (routes.has(edge.id)) continue;
    // A link dagre did not route (a node to itself in a band): a short hook beside the node.
    const box = boxes.get(edge.from)!;
    const right = box.x + box.width / 2;
    routes.set(edge.id, {
      points: [
        { x: round(right), y: round(box.y - 6) },
        { x: round(right + 16), y: round(box.y) },
        { x: round(right), y: round(box.y + 6) },
      ],
    });
  }
  return { boxes, routes, clusters, width: round(outer.width + 2 * MARGIN), height: round(outer.height + 2 * MARGIN) };
}

function layoutLink(edge: DraftEdge): LayoutLink {
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    ...(edge.label !== undefined ? { label: { width: edge.label.length * DETAIL_CHAR + 8, height: 16 } } : {}),
  };
}

/** A node's box: wide enough for its label and detail, two lines high when it has a detail. */
function nodeSize(node: DraftNode): { width: number; height: number } {
  const text = Math.max(node.label.length * LABEL_CHAR, (node.detail?.length ?? 0) * DETAIL_CHAR);
  return { width: Math.round(Math.min(300, Math.max(72, text + 24))), height: node.detail ? 40 : 26 };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
