// Editor features over LSP: quick fixes, completion, hover, navigation, rename and the outline.
// Each handler finds the file in the model, asks an engine service in offsets, and converts; a
// request the client cancels meanwhile is answered RequestCancelled (cancellation.ts).
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
} from 'vscode-languageserver/node';
import {
  type BotFile,
  type BotProject,
  type CheckOptions,
  chooseSafeFixes,
  completionsAt,
  FixPlan,
  hoverAt,
  occurrencesOf,
  outlineOf,
  prepareRename,
  quickFixes,
  renameEdits,
  RenameError,
  readJourney,
  studioPieces,
  symbolAt,
  type CompletionKind,
  bannerPayloadsIn,
  handoffBannersIn,
  type FileChange,
  type FixCommand,
  type OutlineItem,
  type ProjectEdit,
} from '../engine';
import { cancellable } from './cancellation';
import { SOURCE, type DiagnosticData } from './diagnostics';
import { lineIndexOf, offsetAt, rangeOf } from './positions';
import { COMMANDS } from '../../../contract/commands';

/** The extension's command for each action a fix asks the editor to complete. */
const FIX_COMMANDS: Record<FixCommand['action'], string> = { chooseIntent: COMMANDS.addUtteranceToIntent };
import { workspaceEditOf, type EditContext } from './workspaceEdit';

export interface FeatureContext extends EditContext {
  /**
   * The model's file and project for a document URI, when it is a bot file, once every change
   * the server has been told of is in the model: answers never use text the editor has left.
   */
  fileOf(uri: string): Promise<{ project: BotProject; file: BotFile } | undefined>;
  /** The options the project's diagnostics are computed with, so "fix all" fixes what is shown. */
  checkOptionsFor(project: BotProject): Promise<CheckOptions>;
  /**
   * Whether an edit may be offered: every file it writes is inside the workspace folders (links
   * followed), and a file it edits that is not open still holds, on disk, the text the edit was
   * computed on (such an edit carries no document version the editor could check).
   */
  mayApply(project: BotProject, changes: readonly FileChange[]): Promise<boolean>;
}

export function registerFeatures(connection: Connection, context: FeatureContext): void {
  const toWorkspaceEdit = (project: BotProject, changes: readonly FileChange[]) => workspaceEditOf(project, changes, context);

  connection.onCodeAction((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return [];
      const { project, file } = found;
      const only = params.context.only;
      if (only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`))) {
        // Asked for "fix all" (editor.codeActionsOnSave, Source Action…): one action with the safe
        // fixes, as `handoff-kit check --fix` applies them, limited to this document so that saving
        // one file never edits or creates another.
        const plan = new FixPlan();
        chooseSafeFixes(project, file, plan, await context.checkOptionsFor(project), (change) => change.kind === 'edit' && change.file === file.path);
        const changes = plan.changesOf(file.path);
        if (!changes.length) return [];
        return [
          {
            title: 'Fix all safe Handoff Kit problems',
            kind: FIX_ALL_KIND,
            edit: toWorkspaceEdit(project, [{ kind: 'edit', file: file.path, changes }]),
          },
        ];
      }
      if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
      const lines = lineIndexOf(file);
      const actions: CodeAction[] = [];
      // Fixes are judged on the paths as the diagnostics compared exit phrases.
      const phraseMatch = (await context.checkOptionsFor(project)).phraseMatch;
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
        const offset = lines.offsetAt(diagnostic.range.start);
        const length = lines.offsetAt(diagnostic.range.end) - offset;
        const carried = (diagnostic.data ?? {}) as Partial<DiagnosticData>;
        // Each diagnostic's fixes, and each fix, in isolation: one that cannot be computed or
        // converted never takes the others with it.
        let fixes: ProjectEdit[] = [];
        try {
          fixes = quickFixes(
            project,
            file,
            { code: diagnostic.code, offset, length, messageId: carried.messageId, data: carried.data },
            { phraseMatch },
          );
        } catch {
          continue;
        }
        for (const fix of fixes) {
          try {
            if (!fix.command && !(await context.mayApply(project, fix.changes))) continue;
            actions.push(toCodeAction(project, fix, [diagnostic]));
          } catch {
            // left out, as a fix that cannot be computed
          }
        }
      }
      return actions;
    }),
  );

  const toCodeAction = (project: BotProject, fix: ProjectEdit, diagnostics: CodeAction['diagnostics']): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.preferred,
    ...(fix.command
      ? {
          command: {
            title: fix.title,
            command: FIX_COMMANDS[fix.command.action],
            arguments: fix.command.arguments.map((a, i) => (i === 0 && typeof a === 'string' ? context.uriOf(a) : a)),
          },
        }
      : { edit: toWorkspaceEdit(project, fix.changes) }),
  });

  connection.onCompletion((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return [];
      const offset = offsetAt(found.file, params.position);
      return completionsAt(found.project, found.file, offset).map((c): CompletionItem => ({
        label: c.label,
        kind: completionKinds[c.kind],
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
        sortText: c.sortText,
        filterText: c.snippet ? c.label : c.insertText,
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(found.file, c.replace.offset, c.replace.length), newText: c.insertText },
      }));
    }),
  );

  connection.onHover((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return null;
      const options = await context.checkOptionsFor(found.project);
      const hover = hoverAt(found.project, found.file, offsetAt(found.file, params.position), options);
      return hover
        ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: rangeOf(found.file, hover.offset, hover.length) }
        : null;
    }),
  );

  const locations = async (
    uri: string,
    position: { line: number; character: number },
    which: 'definitions' | 'all',
    includeDeclaration = true,
  ): Promise<Location[]> => {
    const found = await context.fileOf(uri);
    if (!found) return [];
    const symbol = symbolAt(found.file, offsetAt(found.file, position), found.project);
    if (!symbol) return [];
    return occurrencesOf(found.project, symbol)
      .filter((o) => (which === 'definitions' ? o.isDefinition : includeDeclaration || !o.isDefinition))
      .map((o) => ({ uri: context.uriOf(o.file.path), range: rangeOf(o.file, o.offset, o.length) }));
  };

  connection.onDefinition((params, token) => cancellable(token, () => locations(params.textDocument.uri, params.position, 'definitions')));
  connection.onReferences((params, token) =>
    cancellable(token, () => locations(params.textDocument.uri, params.position, 'all', params.context.includeDeclaration)),
  );

  connection.onPrepareRename((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return null;
      const occurrence = prepareRename(found.file, offsetAt(found.file, params.position), found.project);
      if (!occurrence) return null;
      // The name without its quotes.
      return { range: rangeOf(found.file, occurrence.offset + 1, occurrence.length - 2), placeholder: String(occurrence.node.value) };
    }),
  );

  connection.onRenameRequest((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return null;
      try {
        const changes = renameEdits(found.project, found.file, offsetAt(found.file, params.position), params.newName);
        if (!(await context.mayApply(found.project, changes))) {
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            'The rename would write a file outside the workspace folders, or one changed on disk since it was read; try again.',
          );
        }
        return toWorkspaceEdit(found.project, changes);
      } catch (error) {
        if (error instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
        throw error;
      }
    }),
  );

  // A lens above each banner payload opens the preview on it; "Simulate exit" above each Send
  // Event node (or app.sendEvent call) of a banner runs its handoff path in the simulator panel;
  // "Copy for Studio" lenses above each Send Event node and an intent's utterances copy what
  // Studio's fields take; one on a journey's name opens the journey graph on that journey.
  connection.onCodeLens((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
      if (!found) return [];
      const uri = params.textDocument.uri;
      const copies = studioPieces(found.file).map((piece) => ({
        range: rangeOf(found.file, piece.offset, 0),
        command: { title: piece.title, command: COMMANDS.copyForStudio, arguments: [piece.text, piece.what] },
      }));
      const simulations = handoffBannersIn(found.project, found.file).map((banner) => ({
        range: rangeOf(found.file, banner.offset, 0),
        command: { title: 'Simulate exit', command: COMMANDS.simulateHandoff, arguments: [uri, banner.offset] },
      }));
      if (found.file.kind !== 'journey') return [...simulations, ...copies];
      const name = readJourney(found.file).name;
      return [
        ...(name
          ? [
              {
                range: rangeOf(found.file, name.node.offset, 0),
                command: { title: 'Show journey graph', command: COMMANDS.showJourneyGraph, arguments: [params.textDocument.uri, name.value] },
              },
            ]
          : []),
        ...bannerPayloadsIn(found.file).map((payload) => ({
          range: rangeOf(found.file, payload.offset, 0),
          command: { title: 'Preview banner', command: COMMANDS.previewBanner, arguments: [uri, payload.offset] },
        })),
        ...simulations,
        ...copies,
      ];
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    cancellable(token, async () => {
      const found = await context.fileOf(params.textDocument.uri);
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
    }),
  );
}

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  event: CompletionItemKind.Event,
  intent: CompletionItemKind.Class,
  journey: CompletionItemKind.Module,
  node: CompletionItemKind.Reference,
  utterance: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
  translationKey: CompletionItemKind.Constant,
  option: CompletionItemKind.Constant,
  value: CompletionItemKind.EnumMember,
};

const symbolKinds: Record<OutlineItem['kind'], SymbolKind> = {
  journey: SymbolKind.Namespace,
  node: SymbolKind.Function,
  intent: SymbolKind.Class,
  utterance: SymbolKind.String,
  bot: SymbolKind.Module,
  event: SymbolKind.Event,
};

/** The code action kind of "fix all": `source.fixAll` narrowed to this extension, as ESLint does. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.handoffKit`;

export const featureCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  // `'` and a backquote open the strings of function code (an event's name, a translation key).
  completionProvider: { triggerCharacters: ['"', "'", '`'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
};
