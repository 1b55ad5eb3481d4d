// The journey graph's webview: one HTML document with its style and script inline (each allowed
// by a fresh nonce, nothing else), which draws the laid-out graph the language server computed as
// SVG in the theme's colours, and redraws it when the extension posts a new one (an edit). Zoom,
// pan, fit and keyboard access are the script's; a click on a node or an edge asks the extension
// to reveal its place. Pure (no vscode), so it runs and is tested under plain Node. Its escaping
// and content security policy are every webview's (webview/markup.ts).
import { contentSecurityPolicy, escapeHtml } from '../webview/markup';

export interface GraphRenderOptions {
  /** The webview's `cspSource`. */
  readonly cspSource: string;
  /** A fresh random value for each document (base64): allows the inline style sheet and script. */
  readonly nonce: string;
  /** Shown as the document's title. */
  readonly title?: string;
}

/**
 * The messages between the webview and the extension. To the webview: `graph` (draw this graph,
 * keeping zoom and pan when the view is the same). From it: `ready` (send the graph), `reveal`
 * (open a place), `view` (switch view), `toggle` (collapse or expand a journey in the project view).
 */
export type ToWebview = { readonly type: 'graph'; readonly graph: unknown; readonly message?: string };
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly file: string; readonly offset: number; readonly length: number }
  | { readonly type: 'view'; readonly view: 'handoff' | 'project' }
  | { readonly type: 'toggle'; readonly cluster: string };

/** A complete HTML document for the webview, with a strict content security policy. */
export function renderJourneyGraphHtml(options: GraphRenderOptions): string {
  const title = options.title ?? 'Journey graph';
  const nonce = escapeHtml(options.nonce);
  const csp = contentSecurityPolicy({ cspSource: options.cspSource, nonce: options.nonce, scripts: true });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Journey graph">
  <div class="views" role="group" aria-label="View">
    <button type="button" data-view="handoff" aria-pressed="true" title="From the journey that raises the ticket, through the banner and its options, to the exit journey">Handoff path</button>
    <button type="button" data-view="project" aria-pressed="false" title="Every journey of the project; click a journey's title to collapse it">Whole project</button>
  </div>
  <button type="button" data-action="fit" title="Fit the graph in the panel (0)">Fit</button>
  <button type="button" data-action="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button type="button" data-action="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <span class="summary" role="status" aria-live="polite"></span>
</div>
<div class="notes" role="note"></div>
<svg class="graph" tabindex="0" role="group" aria-roledescription="graph" aria-label="${escapeHtml(title)}. Tab moves between nodes, Enter reveals one in its file; + and - zoom, 0 fits, arrow keys pan." xmlns="http://www.w3.org/2000/svg">
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker>
    <marker id="arrow-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead broken" d="M 0 0 L 10 5 L 0 10 z"/></marker>
    <marker id="arrow-walked" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead walked" d="M 0 0 L 10 5 L 0 10 z"/></marker>
  </defs>
  <g class="viewport"></g>
</svg>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body {
  display: flex; flex-direction: column;
  background: var(--vscode-editor-background, #1e1e1e);
  color: var(--vscode-editor-foreground, #ccc);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
  font-size: var(--vscode-font-size, 13px);
}
.toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); flex-wrap: wrap; }
.toolbar button {
  font: inherit; padding: 2px 10px; border-radius: 2px; cursor: pointer;
  color: var(--vscode-button-secondaryForeground, #fff); background: var(--vscode-button-secondaryBackground, #3a3d41);
  border: 1px solid var(--vscode-button-border, transparent);
}
.toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, #45494e); }
.toolbar button[aria-pressed="true"] { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0e639c); }
.toolbar button:focus-visible, .graph:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: -1px; }
.views { display: flex; gap: 2px; }
.summary { color: var(--vscode-descriptionForeground, #999); margin-left: 6px; }
.notes:empty { display: none; }
.notes { padding: 4px 8px; color: var(--vscode-editorWarning-foreground, #cca700); }
.graph { flex: 1; width: 100%; min-height: 0; cursor: grab; user-select: none; }
.graph.panning { cursor: grabbing; }
.cluster rect { fill: var(--vscode-editorWidget-background, #252526); stroke: var(--vscode-editorWidget-border, #454545); }
.cluster.function rect { stroke-dasharray: 2 3; }
.cluster.error rect { stroke: var(--vscode-errorForeground, #f48771); }
.cluster-title { fill: var(--vscode-descriptionForeground, #999); font-size: 12px; font-weight: 600; }
.cluster-title.toggle { cursor: pointer; }
.cluster-title.toggle:focus { outline: none; text-decoration: underline; }
.node { cursor: pointer; }
.node rect { fill: var(--vscode-editor-background, #1e1e1e); stroke: var(--vscode-editor-foreground, #ccc); stroke-width: 1; rx: 4; }
.node.banner rect { fill: var(--vscode-editorWidget-background, #252526); stroke: var(--vscode-button-background, #0e639c); stroke-width: 1.5; }
.node.option rect { rx: 13; stroke: var(--vscode-button-background, #0e639c); }
.node.intent rect, .node.event rect { rx: 20; fill: var(--vscode-badge-background, #4d4d4d); stroke: var(--vscode-badge-background, #4d4d4d); }
.node.intent text, .node.event text { fill: var(--vscode-badge-foreground, #fff); }
.node.journey rect { stroke-width: 2; }
.node.missing rect, .node.broken rect { stroke: var(--vscode-errorForeground, #f48771); stroke-dasharray: 5 3; fill: transparent; }
.node.warning rect { stroke: var(--vscode-editorWarning-foreground, #cca700); stroke-width: 2; }
.node.error rect { stroke: var(--vscode-errorForeground, #f48771); stroke-width: 2; }
.node.info rect { stroke: var(--vscode-editorInfo-foreground, #3794ff); }
.node.walked rect { stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 3; }
.node:focus { outline: none; }
.node:focus rect, .node:hover rect { stroke: var(--vscode-focusBorder, #007fd4); stroke-width: 2.5; }
.node.selected rect { stroke: var(--vscode-focusBorder, #007fd4); stroke-width: 3; }
.label { fill: var(--vscode-editor-foreground, #ccc); font-size: 12px; }
.detail { fill: var(--vscode-descriptionForeground, #999); font-size: 11px; }
.mark { font-size: 12px; font-weight: 700; }
.mark.error { fill: var(--vscode-errorForeground, #f48771); }
.mark.warning { fill: var(--vscode-editorWarning-foreground, #cca700); }
.mark.info, .mark.hint { fill: var(--vscode-editorInfo-foreground, #3794ff); }
.order { fill: var(--vscode-charts-blue, #3794ff); font-size: 11px; font-weight: 700; }
.edge .line { fill: none; stroke: var(--vscode-descriptionForeground, #999); stroke-width: 1.2; }
.edge.cross .line { stroke: var(--vscode-textLink-foreground, #3794ff); }
.edge.broken .line { stroke: var(--vscode-errorForeground, #f48771); stroke-dasharray: 5 3; stroke-width: 1.5; }
.edge.error .line { stroke: var(--vscode-errorForeground, #f48771); stroke-width: 1.8; }
.edge.walked .line { stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 3; }
.edge:hover .line { stroke-width: 2.5; }
.edge { cursor: pointer; }
.edge .hit { stroke: transparent; stroke-width: 10; fill: none; }
.edge-label rect { fill: var(--vscode-editor-background, #1e1e1e); opacity: .9; }
.edge-label text { fill: var(--vscode-descriptionForeground, #999); font-size: 11px; }
.edge.broken .edge-label text, .edge.error .edge-label text { fill: var(--vscode-errorForeground, #f48771); }
.arrowhead { fill: var(--vscode-descriptionForeground, #999); }
.arrowhead.broken { fill: var(--vscode-errorForeground, #f48771); }
.arrowhead.walked { fill: var(--vscode-charts-blue, #3794ff); }
.empty { fill: var(--vscode-descriptionForeground, #999); font-size: 13px; }
`;

/**
 * The webview's script, as text (not a function's source: the bundler may rename or wrap what is
 * in a function). It keeps no state in the page but the graph shown and the view's transform.
 */
const SCRIPT = `
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const svg = document.querySelector('svg.graph');
  const viewport = svg.querySelector('.viewport');
  const summary = document.querySelector('.summary');
  const notes = document.querySelector('.notes');
  let graph = null;
  let shownView = null;
  let transform = { x: 0, y: 0, k: 1 };
  /** Whether the view is as fit() left it (no zoom or pan since). */
  let fitted = false;

  function el(name, attributes, parent) {
    const e = document.createElementNS(SVG, name);
    for (const key of Object.keys(attributes || {})) e.setAttribute(key, String(attributes[key]));
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, content, cls) {
    const t = el('text', { x: x, y: y, class: cls, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, parent);
    t.textContent = content;
    return t;
  }
  function tooltip(parent, lines) {
    if (!lines.length) return;
    el('title', {}, parent).textContent = lines.join('\\n');
  }
  function problems(e) {
    const lines = [];
    if (e.broken) lines.push('Broken: ' + e.broken);
    for (const f of e.findings) lines.push(f.severity + ' ' + f.code + ': ' + f.message);
    return lines;
  }
  function classes(e, base) {
    const list = [base];
    if (e.broken) list.push('broken');
    if (e.severity) list.push(e.severity);
    if (e.walk && e.walk.length) list.push('walked');
    return list.join(' ');
  }
  /** A smooth path through the points: straight ends, each inner point a quadratic bend. */
  function curve(points) {
    let d = 'M' + points[0].x + ' ' + points[0].y;
    for (let i = 1; i < points.length - 1; i++) {
      const p = points[i], q = points[i + 1];
      const end = i === points.length - 2 ? q : { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
      d += ' Q' + p.x + ' ' + p.y + ' ' + end.x + ' ' + end.y;
    }
    if (points.length === 2) d += ' L' + points[1].x + ' ' + points[1].y;
    return d;
  }
  function apply() {
    viewport.setAttribute('transform', 'translate(' + transform.x + ' ' + transform.y + ') scale(' + transform.k + ')');
  }
  function fit() {
    if (!graph) return;
    const box = svg.getBoundingClientRect();
    const w = Math.max(graph.width, 1);
    const h = Math.max(graph.height, 1);
    const k = Math.max(0.05, Math.min(2, Math.min(box.width / w, box.height / h) * 0.95));
    transform = { k: k, x: (box.width - w * k) / 2, y: Math.max(0, (box.height - h * k) / 2) };
    fitted = true;
    apply();
  }
  function zoom(factor, cx, cy) {
    const box = svg.getBoundingClientRect();
    const x = cx === undefined ? box.width / 2 : cx;
    const y = cy === undefined ? box.height / 2 : cy;
    const k = Math.max(0.05, Math.min(4, transform.k * factor));
    transform = { k: k, x: x - ((x - transform.x) * k) / transform.k, y: y - ((y - transform.y) * k) / transform.k };
    fitted = false;
    apply();
  }
  function pan(dx, dy) {
    transform = { k: transform.k, x: transform.x + dx, y: transform.y + dy };
    fitted = false;
    apply();
  }
  /** Pans so that a box (graph units) is in sight. */
  function show(b) {
    const box = svg.getBoundingClientRect();
    const left = b.x - b.width / 2, right = b.x + b.width / 2, top = b.y - b.height / 2, bottom = b.y + b.height / 2;
    let dx = 0, dy = 0;
    if (left * transform.k + transform.x < 0) dx = -(left * transform.k + transform.x) + 20;
    else if (right * transform.k + transform.x > box.width) dx = box.width - (right * transform.k + transform.x) - 20;
    if (top * transform.k + transform.y < 0) dy = -(top * transform.k + transform.y) + 20;
    else if (bottom * transform.k + transform.y > box.height) dy = box.height - (bottom * transform.k + transform.y) - 20;
    if (dx || dy) pan(dx, dy);
  }
  function reveal(place) {
    if (place) vscode.postMessage({ type: 'reveal', file: place.file, offset: place.offset, length: place.length });
  }
  function select(g) {
    for (const s of viewport.querySelectorAll('.selected')) s.classList.remove('selected');
    g.classList.add('selected');
  }
  function activate(g, node, event) {
    select(g);
    if (node.kind === 'journey' && (graph.collapsed || []).indexOf(node.id) >= 0 && !(event && event.shiftKey)) {
      vscode.postMessage({ type: 'toggle', cluster: node.id });
      return;
    }
    reveal(node.place);
  }

  function draw() {
    while (viewport.firstChild) viewport.removeChild(viewport.firstChild);
    for (const b of document.querySelectorAll('[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === graph.view));
    notes.textContent = (graph.notes || []).join(' ');
    const broken = graph.nodes.filter(function (n) { return n.broken; }).length + graph.edges.filter(function (e) { return e.broken; }).length;
    // A finding on several elements at once (an option and its link) is counted once.
    const distinct = new Set();
    for (const e of [].concat(graph.nodes, graph.edges, graph.clusters)) {
      for (const f of e.findings) distinct.add(f.code + ' ' + f.place.file + ' ' + f.place.offset);
    }
    const found = distinct.size;
    summary.textContent = graph.nodes.length + ' nodes · ' + graph.edges.length + ' links' +
      (broken ? ' · ' + broken + ' broken' : '') + (found ? ' · ' + found + ' finding' + (found === 1 ? '' : 's') : '');
    if (!graph.nodes.length) {
      text(viewport, 200, 40, graph.view === 'handoff' ? 'Nothing on the handoff path: try the whole project.' : 'No journey to draw.', 'empty');
    }
    // Cluster titles on top of everything: an edge that crosses a title must not take its click.
    const layers = {
      clusters: el('g', { class: 'clusters' }, viewport),
      edges: el('g', { class: 'edges' }, viewport),
      nodes: el('g', { class: 'nodes' }, viewport),
      titles: el('g', { class: 'cluster-titles' }, viewport),
    };
    for (const c of graph.clusters) {
      const g = el('g', { class: classes(c, 'cluster ' + c.kind), 'data-id': c.id }, layers.clusters);
      el('rect', { x: c.x - c.width / 2, y: c.y - c.height / 2, width: c.width, height: c.height, rx: 6 }, g);
      const title = text(layers.titles, c.x, c.y - c.height / 2 + 14, (c.kind === 'function' ? 'function ' : 'journey ') + c.label, 'cluster-title');
      tooltip(g, problems(c));
      if (c.kind === 'journey') {
        title.classList.add('toggle');
        title.setAttribute('tabindex', '0');
        title.setAttribute('role', 'button');
        title.setAttribute('aria-label', 'Collapse journey ' + c.label);
        const toggle = function () { vscode.postMessage({ type: 'toggle', cluster: c.id }); };
        title.addEventListener('click', toggle);
        title.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
      }
    }
    const clustered = {};
    for (const n of graph.nodes) clustered[n.id] = n.cluster;
    for (const e of graph.edges) {
      const g = el('g', { class: classes(e, 'edge ' + e.kind + (clustered[e.from] && clustered[e.from] === clustered[e.to] ? '' : ' cross')), 'data-id': e.id }, layers.edges);
      const d = curve(e.points);
      el('path', { class: 'hit', d: d }, g);
      el('path', { class: 'line', d: d, 'marker-end': 'url(#' + (e.broken ? 'arrow-broken' : e.walk.length ? 'arrow-walked' : 'arrow') + ')' }, g);
      const label = [e.label, e.walk.length ? '#' + e.walk.join(',') : ''].filter(Boolean).join(' ');
      if (label && e.labelAt) {
        const lg = el('g', { class: 'edge-label' }, g);
        const width = label.length * 6.2 + 8;
        el('rect', { x: e.labelAt.x - width / 2, y: e.labelAt.y - 8, width: width, height: 16, rx: 3 }, lg);
        text(lg, e.labelAt.x, e.labelAt.y, label, '');
      }
      tooltip(g, [e.kind + (e.label ? ' ' + e.label : '')].concat(problems(e)));
      g.addEventListener('click', function () { reveal(e.place); });
    }
    for (const n of graph.nodes) {
      const g = el('g', { class: classes(n, 'node ' + n.kind), 'data-id': n.id, tabindex: 0, role: 'button' }, layers.nodes);
      const spoken = [n.kind === 'step' ? (n.nodeType || 'node') : n.kind, n.label, n.detail || ''];
      if (n.broken) spoken.push('broken: ' + n.broken);
      for (const f of n.findings) spoken.push(f.severity + ': ' + f.message);
      if (n.walk.length) spoken.push('walked at step ' + n.walk.join(', '));
      g.setAttribute('aria-label', spoken.filter(Boolean).join('. '));
      el('rect', { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height }, g);
      if (n.detail) {
        text(g, n.x, n.y - 8, n.label, 'label');
        text(g, n.x, n.y + 9, n.detail, 'detail');
      } else text(g, n.x, n.y, n.label, 'label');
      if (n.severity || n.broken) text(g, n.x + n.width / 2 - 8, n.y - n.height / 2 + 8, '!', 'mark ' + (n.severity || 'error'));
      if (n.walk.length) text(g, n.x - n.width / 2 - 2, n.y - n.height / 2 - 7, n.walk.join(','), 'order');
      tooltip(g, problems(n));
      g.addEventListener('click', function (event) { activate(g, n, event); });
      g.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activate(g, n, event); }
      });
      g.addEventListener('focus', function () { show(n); });
    }
  }

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'graph' || !message.graph) return;
    const viewChanged = !graph || message.graph.view !== shownView || message.graph.journey !== graph.journey;
    graph = message.graph;
    shownView = graph.view;
    draw();
    // A new view is fitted; an edit keeps the zoom and pan the reader chose (and refits an untouched view).
    if (viewChanged || fitted) fit();
    document.body.dataset.state = 'drawn';
  });

  // Zoom with the wheel around the pointer; pan by dragging the background.
  svg.addEventListener('wheel', function (event) {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', function (event) {
    if (event.button !== 0 || event.target.closest('.node, .edge, .toggle')) return;
    drag = { x: event.clientX, y: event.clientY };
    svg.setPointerCapture(event.pointerId);
    svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', function (event) {
    if (!drag) return;
    pan(event.clientX - drag.x, event.clientY - drag.y);
    drag = { x: event.clientX, y: event.clientY };
  });
  function endDrag() { drag = null; svg.classList.remove('panning'); }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  document.addEventListener('keydown', function (event) {
    if (event.target && event.target.closest && event.target.closest('.toolbar')) return;
    const step = 60;
    switch (event.key) {
      case '+': case '=': zoom(1.25); break;
      case '-': case '_': zoom(0.8); break;
      case '0': fit(); break;
      case 'ArrowLeft': pan(step, 0); break;
      case 'ArrowRight': pan(-step, 0); break;
      case 'ArrowUp': pan(0, step); break;
      case 'ArrowDown': pan(0, -step); break;
      default: return;
    }
    event.preventDefault();
  });
  for (const b of document.querySelectorAll('[data-action]')) {
    b.addEventListener('click', function () {
      if (b.dataset.action === 'fit') fit();
      else zoom(b.dataset.action === 'zoom-in' ? 1.25 : 0.8);
    });
  }
  for (const b of document.querySelectorAll('[data-view]')) {
    b.addEventListener('click', function () { vscode.postMessage({ type: 'view', view: b.dataset.view }); });
  }
  window.addEventListener('resize', function () { if (fitted && graph) fit(); });
  vscode.postMessage({ type: 'ready' });
})();
`;
