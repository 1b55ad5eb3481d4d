// The journey graph beside the editor: one webview panel, for one bot project at a time, redrawn
// when a file of that project changes. The graph comes from the language server (through
// `fetch`), the HTML from render.ts; this file keeps them in step with the editor and reveals
// what is clicked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GraphView, GraphWalk, JourneyGraph } from '../../../server/src/engine';
import { renderJourneyGraphHtml, type FromWebview, type ToWebview } from './render';
import { newNonce } from '../webview/markup';

/** What the panel asks the server for: the project of `uri`, a view, a journey, collapsed journeys, a walk. */
export interface GraphTarget {
  /** A file or folder of the project, as a URI; the workspace's first project when undefined. */
  readonly uri?: string;
  readonly view: GraphView;
  readonly journey?: string;
  readonly collapsed: readonly string[];
  /** Cluster ids opened by the reader, drawn open even in a graph too large to draw whole. */
  readonly expanded?: readonly string[];
  readonly walk?: GraphWalk;
}

/** Asks the language server for the graph; undefined when there is no bot project there. */
export type FetchJourneyGraph = (target: GraphTarget) => Promise<JourneyGraph | undefined>;

export const GRAPH_VIEW_TYPE = 'handoffKit.journeyGraph';
/** Long enough to let a burst of keystrokes make one request. */
const REFRESH_DELAY_MS = 300;

export class JourneyGraphPanel implements vscode.Disposable {
  private static current: JourneyGraphPanel | undefined;

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by each request; an answer to any but the newest is dropped. */
  private latest = 0;
  private shown: JourneyGraph | undefined;
  private ready = false;
  private disposed = false;

  /** Opens the graph beside the editor (or reveals it) on `target`. */
  static show(context: vscode.ExtensionContext, fetch: FetchJourneyGraph, target: GraphTarget): JourneyGraphPanel {
    let current = JourneyGraphPanel.current;
    if (current && !current.disposed) {
      current.fetch = fetch;
      current.target = target;
      current.panel.reveal(current.panel.viewColumn, true);
    } else {
      current = new JourneyGraphPanel(fetch, target);
      JourneyGraphPanel.current = current;
      context.subscriptions.push(current);
    }
    current.refreshNow();
    return current;
  }

  /** The panel open now, if any (for tests and the commands). */
  static get open(): JourneyGraphPanel | undefined {
    return JourneyGraphPanel.current?.disposed ? undefined : JourneyGraphPanel.current;
  }

  /** The graph drawn last. */
  get graph(): JourneyGraph | undefined {
    return this.shown;
  }

  private constructor(
    private fetch: FetchJourneyGraph,
    private target: GraphTarget,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      GRAPH_VIEW_TYPE,
      'Journey Graph',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      // The script draws the graph; it loads nothing, from disk or the network.
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    this.panel.webview.html = renderJourneyGraphHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      title: 'Journey graph',
    });
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      // Visible again: the webview was rebuilt and asks with `ready`.
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) this.ready = false;
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.concerns(e.document.uri)) this.schedule();
      }),
      vscode.workspace.onDidCreateFiles((e) => this.scheduleIf(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => this.scheduleIf(e.files)),
      vscode.workspace.onDidRenameFiles((e) => this.scheduleIf(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.concerns(d.uri)) this.schedule();
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    if (JourneyGraphPanel.current === this) JourneyGraphPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  /** Whether a change to `uri` may change the graph: a file inside the project shown. */
  private concerns(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    const root = this.shown?.root;
    return !root || uri.fsPath === root || uri.fsPath.startsWith(root + path.sep);
  }

  private scheduleIf(uris: readonly vscode.Uri[]): void {
    if (uris.some((uri) => this.concerns(uri))) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshNow(), REFRESH_DELAY_MS);
  }

  private refreshNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.refresh().catch(() => {
      // The server is restarting or the request was cancelled: keep the graph shown until the next edit.
    });
  }

  private async refresh(): Promise<void> {
    const request = ++this.latest;
    const graph = await this.fetch(this.target);
    if (request !== this.latest || this.disposed) return;
    this.shown = graph;
    const name = graph?.journey ?? (graph ? path.basename(graph.root) : undefined);
    this.panel.title = `Journey Graph${name ? `: ${name}` : ''}`;
    this.post();
  }

  private post(): void {
    if (!this.ready) return;
    const message: ToWebview = this.shown
      ? { type: 'graph', graph: this.shown }
      : { type: 'graph', graph: emptyGraph(this.target.view), message: 'No bot project here.' };
    void this.panel.webview.postMessage(message);
  }

  private receive(message: FromWebview): void {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'reveal':
        void this.reveal(message.file, message.offset, message.length);
        return;
      case 'view':
        if (message.view !== 'handoff' && message.view !== 'project') return;
        this.target = { ...this.target, view: message.view, collapsed: [], expanded: [] };
        this.refreshNow();
        return;
      case 'toggle': {
        if (typeof message.cluster !== 'string') return;
        // A box (asked for, or closed for the graph's size) opens; an open journey closes.
        const cluster = message.cluster;
        const isBox = this.shown?.collapsed.includes(cluster) ?? this.target.collapsed.includes(cluster);
        const without = (list: readonly string[] | undefined) => (list ?? []).filter((c) => c !== cluster);
        this.target = isBox
          ? { ...this.target, collapsed: without(this.target.collapsed), expanded: [...without(this.target.expanded), cluster] }
          : { ...this.target, collapsed: [...without(this.target.collapsed), cluster], expanded: without(this.target.expanded) };
        this.refreshNow();
        return;
      }
    }
  }

  /** Opens the file with the place selected, in the editor column beside the panel. */
  private async reveal(file: unknown, offset: unknown, length: unknown): Promise<void> {
    if (typeof file !== 'string' || typeof offset !== 'number' || typeof length !== 'number') return;
    // Only a file of the project drawn: the webview is not trusted to name any other.
    if (!this.shown || !(file === this.shown.root || file.startsWith(this.shown.root + path.sep))) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const start = document.positionAt(offset);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, {
      viewColumn: column,
      selection: new vscode.Range(start, document.positionAt(offset + length)),
      preserveFocus: false,
    });
  }
}

function emptyGraph(view: GraphView): JourneyGraph {
  return {
    view,
    root: '',
    clusters: [],
    nodes: [],
    edges: [],
    width: 0,
    height: 0,
    journeys: [],
    collapsed: [],
    notes: ['No bot project (a folder with a bot.json) here.'],
    otherFindings: [],
  };
}
