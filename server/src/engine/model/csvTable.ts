// The CSV reader of Studio's bulk exports (translations, FAQs): records and cells with their
// offsets in the file's text, so that a finding lands on the cell it is about. No sample file of
// these exports is public (shared/reference/platform-facts.md, "Languages"), and they are edited in
// spreadsheets, so the reader is tolerant: RFC 4180 quoting (`""` inside quotes, delimiters and
// line breaks in quoted fields), any mix of CRLF, LF and CR, a byte order mark, blank lines, a
// stray quote inside an unquoted field, and the `;` or tab a spreadsheet may write instead of `,`
// (chosen only when it makes the header the one expected). It never throws: what it cannot read
// (a quote never closed, an empty file, UTF-16 read as UTF-8) is one problem with its range.
//
// Our own scanner rather than csv-parse (which reads test reports): csv-parse gives no offsets of
// cells, and the raw text it gives of a record is not where the record is when line breaks mix.

/** A range of a file's text: 0-based UTF-16 offset and length. */
export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** One cell of a record. */
export interface CsvCell extends TextRange {
  /**
   * The cell's value: a quoted cell without its quotes and with `""` read as `"`; not trimmed.
   * `offset` and `length` are those of the value as written (inside the quotes, `""` counted twice).
   */
  readonly value: string;
  /** Whether the cell is written in quotes. */
  readonly quoted: boolean;
}

/** One record (a spreadsheet row) of the file. */
export interface CsvRecord extends TextRange {
  /**
   * The 1-based row a spreadsheet shows it on: the header is row 1. Blank lines are skipped and
   * not counted, and a cell with line breaks keeps its record on one row.
   */
  readonly row: number;
  readonly cells: readonly CsvCell[];
}

/** The field delimiters a spreadsheet writes: comma, semicolon (locales with a decimal comma), tab ("Unicode text"). */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
/** One of `CSV_DELIMITERS`. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * A CSV file read: its delimiter, its header (the first record) and the records after it, or why
 * it could not be read (one sentence, and the range of the text it concerns).
 */
export type CsvTable =
  | { readonly ok: true; readonly delimiter: CsvDelimiter; readonly header: CsvRecord; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly problem: string; readonly range: TextRange };

/**
 * A header as compared: without a byte order mark, case, spaces, `_` or `-` (`English Text`,
 * `english_text` and `ENGLISH-TEXT` are `englishtext`).
 */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * Reads `text` as CSV. `accepts` says whether a header (its cells' `headerKey`s) is the one
 * expected: the first delimiter of `CSV_DELIMITERS` that makes it so is used, else the comma.
 * Offsets are into `text` as given (a leading byte order mark counts as one code unit). Never throws.
 */
export function readCsvTable(text: string, accepts: (keys: readonly string[]) => boolean = () => true): CsvTable {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      ok: false,
      problem: 'it holds NUL characters, as UTF-16 text read as UTF-8 does: save it as UTF-8 (or UTF-16 with a byte order mark)',
      range: { offset: 0, length: lineLength(text, 0) },
    };
  }
  let delimiter: CsvDelimiter = ',';
  for (const candidate of CSV_DELIMITERS) {
    const first = new Scanner(text, start, candidate).next();
    if (first && 'cells' in first && accepts(first.cells.map((c) => headerKey(c.value)))) {
      delimiter = candidate;
      break;
    }
  }
  const scanner = new Scanner(text, start, delimiter);
  const records: CsvRecord[] = [];
  for (let read = scanner.next(); read; read = scanner.next()) {
    if ('problem' in read) return { ok: false, problem: read.problem, range: read.range };
    if (read.cells.length === 1 && read.length === 0) continue; // a blank line
    records.push({ ...read, row: records.length + 1 });
  }
  if (!records.length) return { ok: false, problem: 'it is empty: the export starts with a header row', range: { offset: 0, length: 0 } };
  const [header, ...rest] = records;
  return { ok: true, delimiter, header, records: rest };
}

/**
 * The offset in the file of the character at `index` of a cell's value: inside a quoted cell a
 * `""` is one character of the value and two of the text. `index` may be the value's length (the
 * offset just after the value).
 */
export function offsetInCell(text: string, cell: CsvCell, index: number): number {
  if (!cell.quoted) return cell.offset + index;
  let at = cell.offset;
  for (let i = 0; i < index && at < cell.offset + cell.length; i++) at += text.charCodeAt(at) === QUOTE && text.charCodeAt(at + 1) === QUOTE ? 2 : 1;
  return at;
}

/**
 * `offsetInCell` for many indices of one cell, asked mostly in increasing order (the lines of a
 * cell): each offset goes on from the last, so all of a cell's cost O(its length) together,
 * where `offsetInCell` for each costs O(index) (quadratic over a pasted cell of 200,000 lines).
 */
export class CellOffsets {
  private index = 0;
  private at: number;

  constructor(
    private readonly text: string,
    private readonly cell: CsvCell,
  ) {
    this.at = cell.offset;
  }

  /** The offset in the file of the character at `index` of the value (see `offsetInCell`). */
  offsetOf(index: number): number {
    const { text, cell } = this;
    if (!cell.quoted) return cell.offset + index;
    if (index < this.index) {
      this.index = 0;
      this.at = cell.offset;
    }
    const end = cell.offset + cell.length;
    for (; this.index < index && this.at < end; this.index++)
      this.at += text.charCodeAt(this.at) === QUOTE && text.charCodeAt(this.at + 1) === QUOTE ? 2 : 1;
    return this.at;
  }

  /** The range in the file of `length` characters of the value from `index`. */
  rangeOf(index: number, length: number): TextRange {
    const offset = this.offsetOf(index);
    return { offset, length: this.offsetOf(index + length) - offset };
  }
}

/** The range in the file of `length` characters of a cell's value from `index` (see `offsetInCell`). */
export function rangeInCell(text: string, cell: CsvCell, index: number, length: number): TextRange {
  const offset = offsetInCell(text, cell, index);
  return { offset, length: offsetInCell(text, cell, index + length) - offset };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

type Scanned = (TextRange & { readonly cells: CsvCell[] }) | { readonly problem: string; readonly range: TextRange };

/** Reads records one at a time from `start`, a state machine over the text's UTF-16 code units. */
class Scanner {
  private at: number;
  private readonly delimiter: number;
  private lineNumber = 1;

  constructor(
    private readonly text: string,
    start: number,
    delimiter: CsvDelimiter,
  ) {
    this.at = start;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The next record (without its line break), a problem, or undefined at the end of the text. */
  next(): Scanned | undefined {
    const { text, delimiter } = this;
    if (this.at >= text.length) return undefined;
    const recordStart = this.at;
    const cells: CsvCell[] = [];
    for (;;) {
      const cellStart = this.at;
      let cell: CsvCell;
      if (text.charCodeAt(cellStart) === QUOTE) {
        // Quoted: up to the quote not doubled; what follows it up to the delimiter is kept as written.
        let at = cellStart + 1;
        let value = '';
        let from = at;
        for (;;) {
          const close = text.indexOf('"', at);
          if (close < 0) {
            const line = this.lineNumber + countLineBreaks(text, recordStart, cellStart);
            return {
              problem: `a quote opened on line ${line} is never closed, so the rest of the file is one cell`,
              range: { offset: cellStart, length: lineLength(text, cellStart) },
            };
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            at = from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          cell = { value, offset: cellStart + 1, length: close - cellStart - 1, quoted: true };
          at = close + 1;
          break;
        }
        // Tolerated: characters between the closing quote and the delimiter (`"a"b`).
        let end = at;
        while (end < text.length && !this.endsCell(text.charCodeAt(end))) end++;
        if (end > at) cell = { ...cell, value: cell.value + text.slice(at, end) };
        this.at = end;
      } else {
        let end = cellStart;
        while (end < text.length && !this.endsCell(text.charCodeAt(end))) end++;
        cell = { value: text.slice(cellStart, end), offset: cellStart, length: end - cellStart, quoted: false };
        this.at = end;
      }
      cells.push(cell);
      const c = text.charCodeAt(this.at);
      if (c === delimiter) {
        this.at++;
        continue;
      }
      const recordEnd = this.at;
      this.lineNumber += 1 + countLineBreaks(text, recordStart, recordEnd);
      if (c === CR) this.at += text.charCodeAt(this.at + 1) === LF ? 2 : 1;
      else if (c === LF) this.at++;
      return { offset: recordStart, length: recordEnd - recordStart, cells };
    }
  }

  private endsCell(c: number): boolean {
    return c === this.delimiter || c === CR || c === LF;
  }
}

/** The line breaks (CRLF, LF or CR) in `text` from `from` to `to`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** The length of the line that starts at `offset` (up to its line break). */
function lineLength(text: string, offset: number): number {
  const end = text.slice(offset).search(/\r|\n/);
  return end < 0 ? text.length - offset : end;
}
