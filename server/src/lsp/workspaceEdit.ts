// Engine edits (offsets, files to create) as one LSP workspace edit.
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { type BotProject, type FileChange } from '../engine';
import { rangeOf } from './positions';

export interface EditContext {
  /** The URI the client knows a file by. */
  uriOf(file: string): string;
}

export function workspaceEditOf(project: BotProject, changes: readonly FileChange[], context: EditContext): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const change of changes) {
    const uri = context.uriOf(change.file);
    if (change.kind === 'create') {
      // Never over an existing file: should one have appeared on disk since, the editor refuses
      // the whole edit rather than write into it.
      documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
      documentChanges.push({
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }],
      });
      continue;
    }
    const file = project.file(change.file);
    if (!file) continue;
    documentChanges.push({
      // The version the edit was computed on, so that the editor refuses it if the text has
      // moved on since; files read from disk (version -1) have none.
      textDocument: { uri, version: file.version >= 0 ? file.version : null },
      edits: change.changes.map((c) => ({ range: rangeOf(file, c.offset, c.length), newText: c.newText })),
    });
  }
  return { documentChanges };
}
