// The language features as VS Code serves them: the `vscode.execute…Provider` commands (what the editor itself
// asks for a light bulb, a suggest list, a hover, F12, F2 or the outline), and what they answer, made readable.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './conditions';
import { defaultTimeoutMs } from './diagnostics';

/** The offset of the one occurrence of `snippet` in the document (fails when it is missing or not unique). */
export function offsetOf(document: vscode.TextDocument, snippet: string): number {
  const text = document.getText();
  const offset = text.indexOf(snippet);
  const where = vscode.workspace.asRelativePath(document.uri);
  assert.notEqual(offset, -1, `${JSON.stringify(snippet)} not found in ${where}`);
  assert.equal(text.indexOf(snippet, offset + 1), -1, `${JSON.stringify(snippet)} occurs more than once in ${where}`);
  return offset;
}

/** The range of the one occurrence of `snippet`. */
export function rangeOf(document: vscode.TextDocument, snippet: string): vscode.Range {
  const offset = offsetOf(document, snippet);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + snippet.length));
}

/** A position `into` characters inside the one occurrence of `snippet` (the cursor a click there would leave). */
export function positionIn(document: vscode.TextDocument, snippet: string, into = 1): vscode.Position {
  return document.positionAt(offsetOf(document, snippet) + into);
}

/** `line:column` of a position, 1-based as the status bar shows it. */
export function describePosition(position: vscode.Position): string {
  return `${position.line + 1}:${position.character + 1}`;
}

export function describeRange(document: vscode.TextDocument, range: vscode.Range): string {
  return `${describePosition(range.start)}-${describePosition(range.end)} ${JSON.stringify(document.getText(range))}`;
}

/** The code actions (light bulb) for a range, as the editor asks for them. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

export function describeActions(actions: readonly vscode.CodeAction[]): string {
  if (actions.length === 0) return '(none)';
  return actions.map((a) => `${JSON.stringify(a.title)}${a.isPreferred ? ' (preferred)' : ''}`).join('; ');
}

/** The files a workspace edit changes, relative to the workspace, with how many text edits each. */
export function describeEdit(edit: vscode.WorkspaceEdit): string {
  const entries = edit.entries();
  if (entries.length === 0) return '(no changes)';
  return entries.map(([uri, edits]) => `${vscode.workspace.asRelativePath(uri)}: ${edits.length} edit(s)`).join('; ');
}

/** The completion items (the suggest list, unfiltered) at a position. */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Every hover at a position (the built-in JSON support may add its own), each as plain markdown text. */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range?: vscode.Range }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).map((hover) => ({
    text: hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
    range: hover.range,
  }));
}

/** Where F12 goes: each definition as a location, whichever of the two shapes the provider answered in. */
export async function definitionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Location[]> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
  return (found ?? []).map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l));
}

export async function referencesAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Location[]> {
  return (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position)) ?? [];
}

export function describeLocations(locations: readonly vscode.Location[]): string {
  if (locations.length === 0) return '(none)';
  return locations.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${describePosition(l.range.start)}`).join('; ');
}

/** The outline of a document: every provider's top-level symbols (the built-in JSON outline among them). */
export async function documentSymbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

/**
 * Waits until the language server outlines the document with a top-level symbol named `name` of `kind` (and, if
 * given, satisfying `condition`), and returns it. The outline is the sign that the server answers for the file: the
 * extension registers its providers once the server has started, the server loads the projects after that and
 * answers nothing for a file of a project it has not loaded; after an edit, an outline showing the edit is the sign
 * that the server has the edited text. Nothing announces either, so it asks again until the outline comes (only
 * where no diagnostic can show it).
 */
export async function waitForOutline(
  uri: vscode.Uri,
  name: string,
  kind: vscode.SymbolKind,
  condition: (symbol: vscode.DocumentSymbol) => boolean = () => true,
  timeoutMs = defaultTimeoutMs,
): Promise<vscode.DocumentSymbol> {
  let symbols: vscode.DocumentSymbol[] = [];
  let found: vscode.DocumentSymbol | undefined;
  const what = `the outline of ${vscode.workspace.asRelativePath(uri)} has ${name} (${vscode.SymbolKind[kind]})`;
  await waitUntil(
    what,
    async () => {
      symbols = await documentSymbolsOf(uri);
      found = symbols.find((s) => s.name === name && s.kind === kind);
      return !!found && condition(found);
    },
    timeoutMs,
  ).catch((error: Error) => {
    const seen = symbols.map((s) => `${s.name} (${vscode.SymbolKind[s.kind]}: ${s.children.map((c) => c.name).join(', ')})`).join('; ') || '(none)';
    throw new Error(`${error.message}${found ? ' as expected' : ''}; it has ${seen}`);
  });
  return found!;
}

/** Resolves once the document's text satisfies `condition` (checked now and on every change of it). */
export function waitForText(
  document: vscode.TextDocument,
  what: string,
  condition: (text: string) => boolean,
  timeoutMs = defaultTimeoutMs,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition(document.getText())) return resolve();
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || !condition(document.getText())) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting until ${what} in ${vscode.workspace.asRelativePath(document.uri)}; its text:\n${document.getText()}`,
        ),
      );
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      subscription.dispose();
    }
  });
}

/** Waits for the extension under test to be active, so that its language features are registered. */
export async function waitForExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension('handoff-kit.handoff-kit');
  assert.ok(extension, 'handoff-kit.handoff-kit is not installed');
  await waitUntil('handoff-kit.handoff-kit is active', () => extension.isActive);
}
