// The banner preview beside a journey: one webview per journey document, redrawn as the journey
// is edited or the cursor moves to another banner. The view model comes from the language server
// (through `fetch`), the HTML from render.ts; this file only keeps them in step with the editor.
import * as vscode from 'vscode';
import type { BannerPreview } from '../../../server/src/engine';
import { renderBannerPreviewHtml } from './render';
import { newNonce } from '../webview/markup';

/** Asks the language server for the preview of the payload around `offset` (else the first). */
export type FetchBannerPreview = (uri: string, offset?: number) => Promise<BannerPreview | undefined>;

const VIEW_TYPE = 'handoffKit.bannerPreview';
/** Long enough to let a burst of keystrokes make one request. */
const REFRESH_DELAY_MS = 150;

export class BannerPreviewPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, BannerPreviewPanel>();

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Where in the document the shown payload is; undefined: the document's first payload. */
  private offset: number | undefined;
  /** Where the cursor went, outside the shown payload, since the last request. */
  private cursor: number | undefined;
  /** The document changed since the last request for `offset`. */
  private edited = false;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by each request; an answer to any but the newest is dropped. */
  private latest = 0;
  private shown: BannerPreview | undefined;
  private shownKey: string | undefined;
  private disposed = false;

  /** Opens the preview of `document` beside the editor, or reveals it, on the payload at `offset`. */
  static show(context: vscode.ExtensionContext, fetch: FetchBannerPreview, document: vscode.TextDocument, offset?: number): BannerPreviewPanel {
    const key = document.uri.toString();
    let preview = BannerPreviewPanel.panels.get(key);
    if (preview) {
      preview.fetch = fetch;
      preview.panel.reveal(preview.panel.viewColumn, true);
    } else {
      preview = new BannerPreviewPanel(fetch, document);
      BannerPreviewPanel.panels.set(key, preview);
      context.subscriptions.push(preview);
    }
    preview.offset = offset;
    preview.cursor = undefined;
    preview.refreshNow();
    return preview;
  }

  private constructor(
    private fetch: FetchBannerPreview,
    private readonly document: vscode.TextDocument,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      `Banner: ${fileName(document)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Static HTML: no script, and nothing to load from disk.
      { enableScripts: false, localResourceRoots: [] },
    );
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.isMine(e.document) || !e.contentChanges.length) return;
        this.offset = shifted(this.offset, e.contentChanges);
        this.edited = true;
        this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.isMine(e.textEditor.document)) return;
        const at = this.document.offsetAt(e.selections[0].active);
        if (this.shown && contains(this.shown, at)) return;
        this.cursor = at;
        this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((closed) => {
        if (this.isMine(closed)) this.dispose();
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    BannerPreviewPanel.panels.delete(this.document.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private isMine(document: vscode.TextDocument): boolean {
    return document.uri.toString() === this.document.uri.toString();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshNow(), REFRESH_DELAY_MS);
  }

  private refreshNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.refresh().catch(() => {
      // The server is restarting or the request was cancelled: keep the banner shown until the
      // next edit asks again.
    });
  }

  private async refresh(): Promise<void> {
    const request = ++this.latest;
    const uri = this.document.uri.toString();
    const cursor = this.cursor;
    this.cursor = undefined;
    if (cursor !== undefined) {
      const atCursor = await this.fetch(uri, cursor);
      if (request !== this.latest || this.disposed) return;
      if (atCursor && contains(atCursor, cursor)) {
        this.offset = cursor;
        this.edited = false;
        this.render(atCursor);
        return;
      }
      // The cursor is in no banner: keep the one shown, unless it changed meanwhile.
      if (this.shown && !this.edited) return;
    }
    this.edited = false;
    const preview = await this.fetch(uri, this.offset);
    if (request !== this.latest || this.disposed) return;
    this.render(preview);
  }

  private render(preview: BannerPreview | undefined): void {
    this.shown = preview;
    // Setting the HTML reloads the webview and loses its scroll position: only when the banner
    // changed, not when an edit elsewhere moved it in the file.
    const loadRemoteImages = vscode.workspace.getConfiguration('handoffKit').get<boolean>('preview.loadRemoteImages', false);
    const key = JSON.stringify(preview ? { ...preview, offset: 0, length: 0, loadRemoteImages } : null);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const name = preview?.journey ?? fileName(this.document);
    this.panel.title = `Banner: ${name}`;
    this.panel.webview.html = renderBannerPreviewHtml(preview, {
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      loadRemoteImages,
      title: `Banner preview: ${name}${preview?.nodeId ? ` › ${preview.nodeId}` : ''}`,
    });
  }
}

function contains(preview: BannerPreview, offset: number): boolean {
  return preview.offset <= offset && offset <= preview.offset + preview.length;
}

/** `offset` moved along with the text edited before it (or to where an edit around it began). */
function shifted(offset: number | undefined, changes: readonly vscode.TextDocumentContentChangeEvent[]): number | undefined {
  if (offset === undefined) return undefined;
  // The changes of one event do not overlap and each is placed in the text before the event.
  let delta = 0;
  for (const change of changes) {
    if (change.rangeOffset + change.rangeLength <= offset) delta += change.text.length - change.rangeLength;
    else if (change.rangeOffset < offset) delta += change.rangeOffset - offset;
  }
  return offset + delta;
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
}
