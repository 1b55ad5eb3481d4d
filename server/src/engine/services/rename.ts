// Rename of intents, journeys and node ids across the files that name them.
import type { BotFile } from '../model/botFile';
import type { BotProject } from '../project/project';
import { replaceString, type FileChange, type TextChange } from '../edits/edits';
import { isValidName } from '../guide/options';
import { isRenamable, occurrencesOf, symbolAt, type SymbolOccurrence } from './navigation';

/**
 * Why a rename was refused, as a sentence for the user: nothing renamable at the offset, or a new
 * name the schemas would refuse. The language server answers it as an `InvalidParams` error.
 */
export class RenameError extends Error {}

/** The range to rename at `offset`, or undefined when nothing renamable stands there. */
export function prepareRename(file: BotFile, offset: number): SymbolOccurrence | undefined {
  const symbol = symbolAt(file, offset);
  return symbol && isRenamable(symbol) ? symbol.occurrence : undefined;
}

/**
 * The edits that rename the intent, journey or node id at a 0-based UTF-16 `offset` of `file`
 * everywhere the project names it: one `edit` FileChange per file, each string literal replaced
 * whole. `newName` is used as given. Throws RenameError when nothing renamable stands at `offset`,
 * or when `newName` is not what the schemas accept. A name already taken is not refused
 * (`duplicate-name` then reports it). Function files are not searched.
 */
export function renameEdits(project: BotProject, file: BotFile, offset: number, newName: string): FileChange[] {
  const symbol = symbolAt(file, offset);
  if (!symbol || !isRenamable(symbol)) throw new RenameError('only intents, journeys and node ids can be renamed');
  if (!isValidName(symbol.kind, newName)) {
    throw new RenameError(
      `\`${newName}\` is not a valid ${symbol.kind === 'node' ? 'node id' : `${symbol.kind} name`}: use letters, digits, \`_\`, \`-\` or \`.\`, with no spaces`,
    );
  }
  const byFile = new Map<string, TextChange[]>();
  for (const occurrence of occurrencesOf(project, symbol)) {
    const changes = byFile.get(occurrence.file.path) ?? [];
    changes.push(replaceString(occurrence.node, newName, occurrence.file.text));
    byFile.set(occurrence.file.path, changes);
  }
  return [...byFile].map(([path, changes]) => ({ kind: 'edit', file: path, changes }));
}
