// The journey graph as text for other tools: Mermaid (rendered by GitHub and GitLab in pull
// requests and Markdown docs) and DOT (Graphviz). Both carry the clusters, the nodes with their
// two lines, the edges with their labels, broken links dashed and red, and the findings' codes.
// Layout is left to the renderer; ids are the graph's own, so the text is as stable as the graph.
import { relativePath } from '../model/botFile';
import type { GraphEdge, GraphNode, JourneyGraph } from './graph';

/** The text formats of the graph, besides JSON. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
/** `mermaid` (for pull requests and docs), `dot` (Graphviz) or `json`. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * The graph as a Mermaid flowchart (top to bottom). Mermaid ids are `n1`, `n2`, … in the graph's
 * node order (its own ids hold characters Mermaid does not take) and `c1`, … for clusters; a
 * `%%` comment before each names the graph id it stands for.
 */
export function graphToMermaid(graph: JourneyGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = ['flowchart TB'];
  const inCluster = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const key = node.cluster ?? '';
    const list = inCluster.get(key);
    if (list) list.push(node);
    else inCluster.set(key, [node]);
  }
  const nodeLine = (node: GraphNode, indent: string) => {
    lines.push(`${indent}%% ${mermaidComment(node.id)}`);
    const [open, close] = SHAPES[node.kind];
    lines.push(`${indent}${ids.get(node.id)}${open}"${mermaidText(nodeLines(node).join('\n'))}"${close}`);
  };
  graph.clusters.forEach((cluster, i) => {
    lines.push(`  %% ${mermaidComment(cluster.id)}`);
    lines.push(`  subgraph c${i + 1}["${mermaidText(`${cluster.kind === 'function' ? 'function' : 'journey'} ${cluster.label}`)}"]`);
    for (const node of inCluster.get(cluster.id) ?? []) nodeLine(node, '    ');
    lines.push('  end');
  });
  const clustered = new Set(graph.clusters.map((c) => c.id));
  for (const node of graph.nodes) if (!node.cluster || !clustered.has(node.cluster)) nodeLine(node, '  ');
  const brokenLinks: number[] = [];
  const walkedLinks: number[] = [];
  graph.edges.forEach((edge, i) => {
    const arrow = edge.broken ? '-.->' : edge.kind === 'next' || edge.kind === 'outcome' ? '-->' : '==>';
    const label = edgeLabel(edge);
    lines.push(`  ${ids.get(edge.from)} ${arrow}${label ? `|"${mermaidText(label)}"|` : ''} ${ids.get(edge.to)}`);
    if (edge.broken) brokenLinks.push(i);
    else if (edge.walk.length) walkedLinks.push(i);
  });
  lines.push('  classDef broken stroke:#d1242f,stroke-width:2px,stroke-dasharray:5 3');
  lines.push('  classDef error stroke:#d1242f,stroke-width:2px');
  lines.push('  classDef warning stroke:#bf8700,stroke-width:2px');
  lines.push('  classDef walked stroke:#0969da,stroke-width:3px');
  for (const [cls, test] of [
    ['broken', (n: GraphNode) => n.broken !== undefined],
    ['error', (n: GraphNode) => n.broken === undefined && n.severity === 'error'],
    ['warning', (n: GraphNode) => n.broken === undefined && n.severity === 'warning'],
    ['walked', (n: GraphNode) => n.broken === undefined && n.severity === undefined && n.walk.length > 0],
  ] as const) {
    const members = graph.nodes.filter(test).map((n) => ids.get(n.id));
    if (members.length) lines.push(`  class ${members.join(',')} ${cls}`);
  }
  if (brokenLinks.length) lines.push(`  linkStyle ${brokenLinks.join(',')} stroke:#d1242f,stroke-width:2px`);
  if (walkedLinks.length) lines.push(`  linkStyle ${walkedLinks.join(',')} stroke:#0969da,stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

/** Mermaid node shapes by kind: `[…]` boxes, `([…])` stadiums for intents and events, `{{…}}` for missing nodes. */
const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  step: ['[', ']'],
  banner: ['[/', '/]'],
  option: ['(', ')'],
  intent: ['([', '])'],
  event: ['([', '])'],
  journey: ['[[', ']]'],
  missing: ['{{', '}}'],
};

/** Text inside Mermaid quotes: its entity codes for the characters that end or break a label. */
function mermaidText(text: string): string {
  return text
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\r\n?|\n/g, '<br/>');
}

/**
 * A graph id in a `%%` comment line. The ids hold the project's names (`missing:journey:<name>`),
 * and a line break in a name would end the comment and make the rest of it Mermaid statements
 * (a `click` with a link of the repository's choosing): line breaks are written as `\n`.
 */
function mermaidComment(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/**
 * The graph in Graphviz's DOT language: one `subgraph cluster_N` per cluster, nodes named by
 * their graph ids (quoted), `tooltip`s with the findings' messages, broken links dashed and red.
 */
export function graphToDot(graph: JourneyGraph): string {
  const lines = [`digraph ${dotString(`handoff-${graph.view}`)} {`];
  lines.push('  graph [rankdir=TB, fontname="Helvetica", fontsize=11, newrank=true];');
  lines.push('  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];');
  lines.push('  edge [fontname="Helvetica", fontsize=10];');
  const nodeLine = (node: GraphNode, indent: string) => {
    const attributes: [string, string][] = [
      ['label', nodeLines(node).join('\n')],
      ['shape', DOT_SHAPES[node.kind]],
    ];
    const style = ['rounded'];
    if (node.broken !== undefined) {
      style.push('dashed');
      attributes.push(['color', '#d1242f']);
    } else if (node.severity === 'error') attributes.push(['color', '#d1242f']);
    else if (node.severity === 'warning') attributes.push(['color', '#bf8700']);
    if (node.walk.length) {
      style.push('bold');
      attributes.push(['penwidth', '2']);
    }
    attributes.push(['style', style.join(',')]);
    const tooltip = tooltipOf(node);
    if (tooltip) attributes.push(['tooltip', tooltip]);
    lines.push(`${indent}${dotString(node.id)} [${attributes.map(([k, v]) => `${k}=${k === 'penwidth' ? v : dotString(v)}`).join(', ')}];`);
  };
  const clustered = new Set(graph.clusters.map((c) => c.id));
  graph.clusters.forEach((cluster, i) => {
    lines.push(`  subgraph ${dotString(`cluster_${i + 1}`)} {`);
    lines.push(`    label=${dotString(`${cluster.kind === 'function' ? 'function' : 'journey'} ${cluster.label}`)};`);
    lines.push(`    id=${dotString(cluster.id)};`);
    if (cluster.severity === 'error') lines.push('    color="#d1242f";');
    for (const node of graph.nodes) if (node.cluster === cluster.id) nodeLine(node, '    ');
    lines.push('  }');
  });
  for (const node of graph.nodes) if (!node.cluster || !clustered.has(node.cluster)) nodeLine(node, '  ');
  for (const edge of graph.edges) {
    const attributes: string[] = [];
    const label = edgeLabel(edge);
    if (label) attributes.push(`label=${dotString(label)}`);
    if (edge.broken !== undefined) attributes.push('style=dashed', 'color="#d1242f"', 'fontcolor="#d1242f"');
    else if (edge.severity === 'error') attributes.push('color="#d1242f"');
    if (edge.walk.length) attributes.push('penwidth=2.5');
    const tooltip = tooltipOf(edge);
    if (tooltip) attributes.push(`tooltip=${dotString(tooltip)}`);
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const DOT_SHAPES: Record<GraphNode['kind'], string> = {
  step: 'box',
  banner: 'parallelogram',
  option: 'box',
  intent: 'ellipse',
  event: 'ellipse',
  journey: 'box3d',
  missing: 'hexagon',
};

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** What a node says: its label, its detail, then why it is broken or the codes of its findings. */
function nodeLines(node: GraphNode): string[] {
  const lines = [node.label];
  if (node.detail) lines.push(node.detail);
  if (node.broken !== undefined) lines.push('⚠ broken link');
  else if (node.findings.length) lines.push(`⚠ ${[...new Set(node.findings.map((f) => f.code))].join(', ')}`);
  return lines;
}

/** An edge's label, with the codes of its findings. */
function edgeLabel(edge: GraphEdge): string | undefined {
  const codes = [...new Set(edge.findings.map((f) => f.code))];
  const parts = [edge.label, edge.broken !== undefined ? 'broken' : undefined, codes.length ? `⚠ ${codes.join(', ')}` : undefined].filter(
    (p): p is string => !!p,
  );
  return parts.length ? parts.join(' · ') : undefined;
}

function tooltipOf(element: GraphNode | GraphEdge): string | undefined {
  const lines = [...(element.broken !== undefined ? [element.broken] : []), ...element.findings.map((f) => `${f.severity} ${f.code}: ${f.message}`)];
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * The graph as JSON text (two-space indent), with every place's `file` relative to the project
 * folder (forward slashes) and no `root`: the same project gives the same text on any machine.
 */
export function graphToJson(graph: JourneyGraph): string {
  const { root, ...rest } = graph;
  return `${JSON.stringify(rest, (key, value: unknown) => (key === 'file' && typeof value === 'string' ? relativePath(root, value) : value), 2)}\n`;
}
