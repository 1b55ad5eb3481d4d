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

/**
 * The range to rename at a 0-based UTF-16 `offset`, or undefined when nothing renamable stands
 * there. With `project`, a node id of a test file whose journey is not known (the test names none,
 * and not one journey has the node) is not renamable either.
 */
export function prepareRename(file: BotFile, offset: number, project?: BotProject): SymbolOccurrence | undefined {
  const symbol = symbolAt(file, offset, project);
  if (!symbol || !isRenamable(symbol)) return undefined;
  return project && unscopedNode(file, symbol) ? undefined : symbol.occurrence;
}

/** Whether the symbol is a node id of a test file whose journey is not known. */
function unscopedNode(file: BotFile, symbol: { kind: string; scope?: BotFile }): boolean {
  return file.kind === 'test' && symbol.kind === 'node' && !symbol.scope;
}

/**
 * The edits that rename the intent, journey or node id at a 0-based UTF-16 `offset` of `file`
 * everywhere the project names it: one `edit` FileChange per file, each string literal replaced
 * whole, the conversation tests (tests/*.json) that name it included. `newName` is used as given.
 * Throws RenameError when nothing renamable stands at `offset`, when it is a node id of a test
 * whose journey is not known, or when `newName` is not what the schemas accept. A name already taken is not refused
 * (`duplicate-name` then reports it). Function files are not searched.
 */
export function renameEdits(project: BotProject, file: BotFile, offset: number, newName: string): FileChange[] {
  const symbol = symbolAt(file, offset, project);
  if (!symbol || !isRenamable(symbol)) throw new RenameError('only intents, journeys and node ids can be renamed');
  if (unscopedNode(file, symbol))
    throw new RenameError(
      `the journey of node \`${symbol.name}\` is not known: name it beside the node (\`journey\` in the same \`expect\`) to rename the node`,
    );
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
