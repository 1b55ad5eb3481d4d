// Editor features over LSP: quick fixes, completion, hover, navigation, rename and the outline.
// Each handler finds the file in the model, asks an engine service in offsets, and converts.
import {
  CodeActionKind,
  CompletionItemKind,
  ErrorCodes,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Location,
  type Range,
  type TextDocumentEdit,
  type CreateFile,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { BotFile, BotProject } from '../engine';
import {
  completionsAt,
  hoverAt,
  occurrencesOf,
  outlineOf,
  prepareRename,
  quickFixes,
  renameEdits,
  RenameError,
  symbolAt,
  type CompletionKind,
  type FileChange,
  type OutlineItem,
  type ProjectEdit,
} from '../engine/services';
import { lineIndexOf, SOURCE } from './diagnostics';

export interface FeatureContext {
  /** The model's file and project for a document URI, when it is a bot file. */
  fileOf(uri: string): { project: BotProject; file: BotFile } | undefined;
  /** The URI the client knows a file by. */
  uriOf(file: string): string;
  /** The version of an open document, for edits that must apply to what the editor shows. */
  versionOf(uri: string): number | null;
}

export function registerFeatures(connection: Connection, context: FeatureContext): void {
  const rangeOf = (file: BotFile, offset: number, length: number): Range => {
    const lines = lineIndexOf(file);
    return { start: lines.positionAt(offset), end: lines.positionAt(offset + length) };
  };

  const toWorkspaceEdit = (project: BotProject, changes: readonly FileChange[]): WorkspaceEdit => {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const change of changes) {
      const uri = context.uriOf(change.file);
      if (change.kind === 'create') {
        documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
        documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }] });
        continue;
      }
      const file = project.file(change.file);
      if (!file) continue;
      documentChanges.push({
        textDocument: { uri, version: context.versionOf(uri) },
        edits: change.changes.map((c) => ({ range: rangeOf(file, c.offset, c.length), newText: c.newText })),
      });
    }
    return { documentChanges };
  };

  connection.onCodeAction((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return [];
    const { project, file } = found;
    const lines = lineIndexOf(file);
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
      const offset = lines.offsetAt(diagnostic.range.start);
      const length = lines.offsetAt(diagnostic.range.end) - offset;
      const data = (diagnostic.data ?? {}) as Record<string, unknown>;
      for (const fix of quickFixes(project, file, { code: diagnostic.code, offset, length, data })) {
        actions.push(toCodeAction(project, fix, [diagnostic]));
      }
    }
    return actions;
  });

  const toCodeAction = (project: BotProject, fix: ProjectEdit, diagnostics: CodeAction['diagnostics']): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.preferred,
    edit: toWorkspaceEdit(project, fix.changes),
  });

  connection.onCompletion((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return [];
    const offset = lineIndexOf(found.file).offsetAt(params.position);
    return completionsAt(found.project, found.file, offset).map(
      (c): CompletionItem => ({
        label: c.label,
        kind: completionKinds[c.kind],
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
        sortText: c.sortText,
        filterText: c.snippet ? c.label : c.insertText,
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(found.file, c.replace.offset, c.replace.length), newText: c.insertText },
      }),
    );
  });

  connection.onHover((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return null;
    const hover = hoverAt(found.project, found.file, lineIndexOf(found.file).offsetAt(params.position));
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(found.file, hover.offset, hover.length) } : null;
  });

  const locations = (uri: string, position: { line: number; character: number }, which: 'definitions' | 'all', includeDeclaration = true): Location[] => {
    const found = context.fileOf(uri);
    if (!found) return [];
    const symbol = symbolAt(found.file, lineIndexOf(found.file).offsetAt(position));
    if (!symbol) return [];
    return occurrencesOf(found.project, symbol)
      .filter((o) => (which === 'definitions' ? o.isDefinition : includeDeclaration || !o.isDefinition))
      .map((o) => ({ uri: context.uriOf(o.file.path), range: rangeOf(o.file, o.offset, o.length) }));
  };

  connection.onDefinition((params) => locations(params.textDocument.uri, params.position, 'definitions'));
  connection.onReferences((params) => locations(params.textDocument.uri, params.position, 'all', params.context.includeDeclaration));

  connection.onPrepareRename((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return null;
    const occurrence = prepareRename(found.file, lineIndexOf(found.file).offsetAt(params.position));
    if (!occurrence) return null;
    // The name without its quotes.
    return { range: rangeOf(found.file, occurrence.offset + 1, occurrence.length - 2), placeholder: String(occurrence.node.value) };
  });

  connection.onRenameRequest((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return null;
    try {
      const changes = renameEdits(found.project, found.file, lineIndexOf(found.file).offsetAt(params.position), params.newName);
      return toWorkspaceEdit(found.project, changes);
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
  });

  connection.onDocumentSymbol((params) => {
    const found = context.fileOf(params.textDocument.uri);
    if (!found) return [];
    const convert = (item: OutlineItem): DocumentSymbol => ({
      name: item.name,
      detail: item.detail,
      kind: symbolKinds[item.kind],
      range: rangeOf(found.file, item.offset, item.length),
      selectionRange: rangeOf(found.file, item.selection.offset, item.selection.length),
      children: item.children.map(convert),
    });
    return outlineOf(found.file).map(convert);
  });
}

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  event: CompletionItemKind.Event,
  intent: CompletionItemKind.Class,
  journey: CompletionItemKind.Module,
  node: CompletionItemKind.Reference,
  utterance: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
};

const symbolKinds: Record<OutlineItem['kind'], SymbolKind> = {
  journey: SymbolKind.Namespace,
  node: SymbolKind.Function,
  intent: SymbolKind.Class,
  utterance: SymbolKind.String,
  bot: SymbolKind.Module,
  event: SymbolKind.Event,
};

export const featureCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  completionProvider: { triggerCharacters: ['"'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
};
