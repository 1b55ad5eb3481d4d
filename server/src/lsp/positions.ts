// Where the engine's offsets become LSP positions and back: the one place lines and characters are
// counted. Engine offsets and lengths are UTF-16 code units into a BotFile's text; LSP positions are
// 0-based lines and 0-based characters in UTF-16 code units, so no unit conversion happens here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver/node';
import type { BotFile } from '../engine';

/** Turns offsets into positions and back, over one version of one file's text. */
export interface LineIndex {
  /** The 0-based line and character of a UTF-16 offset (clamped to the text). */
  positionAt(offset: number): Position;
  /** The UTF-16 offset of a 0-based line and character (clamped to the text and the line). */
  offsetAt(position: Position): number;
}

const lineIndexes = new WeakMap<BotFile, LineIndex>();

/**
 * A line index over the exact text the findings, fixes and answers were computed on: one per
 * parsed version of a file (a BotFile is immutable), made when first asked for and kept with it.
 */
export function lineIndexOf(file: BotFile): LineIndex {
  let lines = lineIndexes.get(file);
  if (!lines) {
    lines = TextDocument.create(file.path, 'json', file.version, file.text);
    lineIndexes.set(file, lines);
  }
  return lines;
}

/** The range of `length` UTF-16 code units from `offset` in `file`'s text. */
export function rangeOf(file: BotFile, offset: number, length: number): Range {
  const lines = lineIndexOf(file);
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + length) };
}

/** The UTF-16 offset in `file`'s text of an LSP position. */
export function offsetAt(file: BotFile, position: Position): number {
  return lineIndexOf(file).offsetAt(position);
}
