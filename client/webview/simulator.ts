// The script of the simulator panel's webview: it draws nothing itself. Clicks on elements with a
// `data-action` and forms with a `data-form` go to the panel (client/src/simulator/panel.ts) as
// messages; the HTML the panel sends back (client/src/simulator/render.ts) replaces the page's
// content, keeping open the whys that were open and the focus where it was.
import type { FromWebview, ToWebview } from '../src/simulator/messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target || (target instanceof HTMLButtonElement && target.disabled)) return;
  event.preventDefault();
  const { action, ...data } = target.dataset;
  if (action) vscode.postMessage({ type: 'action', action, data });
});

document.addEventListener('submit', (event) => {
  const form = (event.target as Element | null)?.closest<HTMLFormElement>('form[data-form]');
  if (!form) return;
  event.preventDefault();
  const field = form.elements.namedItem('value');
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || !field.value.trim()) return;
  vscode.postMessage({ type: 'form', form: form.dataset.form ?? '', value: field.value });
  if (field instanceof HTMLInputElement) field.value = '';
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type !== 'render') return;
  const open = new Set([...app.querySelectorAll<HTMLDetailsElement>('details[data-key]')].filter((d) => d.open).map((d) => d.dataset.key));
  const focused = document.activeElement instanceof HTMLElement && app.contains(document.activeElement) ? document.activeElement.id : '';
  const typed = app.querySelector<HTMLInputElement>('#say')?.value ?? '';
  app.innerHTML = message.html;
  app.removeAttribute('aria-busy');
  for (const details of app.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    if (open.has(details.dataset.key)) details.open = true;
  }
  const say = app.querySelector<HTMLInputElement>('#say');
  if (say && typed) say.value = typed;
  // The element that had the focus, or the chat input when it is gone (a clicked option goes with its banner).
  if (focused) (document.getElementById(focused) ?? say)?.focus();
  if (message.scroll) {
    const transcript = app.querySelector<HTMLElement>('#transcript');
    if (transcript) transcript.scrollTop = transcript.scrollHeight;
  }
});

vscode.postMessage({ type: 'ready' });
