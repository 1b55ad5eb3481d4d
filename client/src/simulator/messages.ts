// The messages between the simulator panel (panel.ts, in the extension host) and the script of its
// webview (client/webview/simulator.ts, in the webview): the panel sends HTML, the script sends
// back what the user did. Types only, so that both sides compile it.

/** From the panel: the page's new content (render.ts), and whether to scroll the transcript to its end. */
export interface RenderMessage {
  readonly type: 'render';
  readonly html: string;
  readonly scroll: boolean;
}

/** From the webview: its script has loaded (again, after the webview was hidden) and waits for content. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** From the webview: an element with `data-action` was clicked (or pressed), with its other `data-` attributes. */
export interface ActionMessage {
  readonly type: 'action';
  readonly action: string;
  readonly data: Readonly<Record<string, string | undefined>>;
}

/** From the webview: a form with `data-form` was sent (Enter, or its button), with the value of its field `value`. */
export interface FormMessage {
  readonly type: 'form';
  readonly form: string;
  readonly value: string;
}

export type ToWebview = RenderMessage;
export type FromWebview = ReadyMessage | ActionMessage | FormMessage;
