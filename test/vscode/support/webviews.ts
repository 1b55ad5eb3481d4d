// The webview tabs of the window (the banner preview, the journey graph, the simulator), for the
// suites that wait for a panel to open and count them.
import * as vscode from 'vscode';
import { waitUntil } from './conditions';

/** The webview tabs of every group; with `viewType`, only that extension view's (VS Code prefixes the type it is given). */
export function webviewTabs(viewType?: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && (viewType === undefined || tab.input.viewType.endsWith(viewType)));
}

/** Every tab by its label, webviews with their view type: for failure messages. */
export function describeTabs(): string {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return (
    tabs.map((t) => `${JSON.stringify(t.label)}${t.input instanceof vscode.TabInputWebview ? ` (webview ${t.input.viewType})` : ''}`).join(', ') ||
    '(none)'
  );
}

/** Waits for a webview tab titled `label` (of `viewType` when given); the failure lists the tabs there are. */
export async function waitForWebviewTab(label: string, viewType?: string): Promise<vscode.Tab> {
  const find = () => webviewTabs(viewType).find((tab) => tab.label === label);
  await waitUntil(`a webview tab titled "${label}" is open`, () => find() !== undefined).catch((error: Error) => {
    throw new Error(`${error.message}; the tabs: ${describeTabs()}`);
  });
  return find()!;
}
