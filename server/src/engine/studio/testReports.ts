// The reader of the test reports Studio's bulk utterance test gives back (Automation > Test), in
// the two shapes the platform documents (shared/reference/platform-facts.md, "What a Yellow.ai
// team really has as files"): the journey report (`Utterance`, `Predicted Journey`, `Journey`,
// `Status`) and the intent report (`Utterance`, `Intent`, `predictedIntent`,
// `predictedConfidence`, `Result`). No sample file is public, so headers are matched tolerantly
// (case, spaces, `_`/`-`, a byte order mark) and columns may come in any order. Parsing is
// csv-parse's (RFC 4180 quoting, CRLF, embedded newlines); this module adds the offsets.
import { parse } from 'csv-parse/sync';
import type { BotFile } from '../model/botFile';
import { headerKey, type TextRange } from '../model/csvTable';

/** The two documented report shapes. */
export type TestReportShape = 'journey' | 'intent';

/** One row of a report, routing one utterance. */
export interface TestReportRow {
  /**
   * The row's 1-based number as a spreadsheet shows it when the file has no blank lines: the
   * header is row 1, the first result row 2 (blank lines are skipped, not counted).
   */
  readonly row: number;
  /** The whole row in the report's text (without its line break). */
  readonly range: TextRange;
  /** The utterance Studio was given, as written (trimmed). */
  readonly utterance: string;
  /** The utterance's cell. */
  readonly utteranceRange: TextRange;
  /** The journey or intent the utterance must reach (`Journey` / `Intent`). */
  readonly expected: string;
  /** Where Studio routed it (`Predicted Journey` / `predictedIntent`); empty when nowhere. */
  readonly predicted: string;
  /** `Status` / `Result` as written, such as `success` or `fail`. */
  readonly status: string;
  /** Whether the status says the mapping succeeded (`success`, `pass`, `passed`, `true`, `ok`). */
  readonly passed: boolean;
  /** Intent reports: `predictedConfidence` in percent (0–100), when it is a number. */
  readonly confidence?: number;
}

/**
 * A report of Studio's bulk utterance test, read (Automation > Test; docs.yellow.ai
 * cookbooks/studio/regressiontest): its shape and rows, or `ok: false` with `problem`, one
 * sentence saying why it is not such a report, and the UTF-16 `range` of the text concerned.
 */
export type TestReport =
  | { readonly ok: true; readonly shape: TestReportShape; readonly rows: readonly TestReportRow[] }
  | { readonly ok: false; readonly problem: string; readonly range: TextRange };

/** The columns of each shape, by their normalized header (see `headerKey` in model/csvTable.ts: "Predicted Journey" is `predictedjourney`). */
const COLUMNS: Record<TestReportShape, Record<'utterance' | 'expected' | 'predicted' | 'status', string> & { confidence?: string }> = {
  journey: { utterance: 'utterance', predicted: 'predictedjourney', expected: 'journey', status: 'status' },
  intent: { utterance: 'utterance', expected: 'intent', predicted: 'predictedintent', status: 'result', confidence: 'predictedconfidence' },
};

const DISPLAY: Record<TestReportShape, string> = {
  journey: '`Utterance`, `Predicted Journey`, `Journey`, `Status`',
  intent: '`Utterance`, `Intent`, `predictedIntent`, `predictedConfidence`, `Result`',
};

const PASSED = new Set(['success', 'successful', 'pass', 'passed', 'true', 'ok', 'yes']);

const REPORTS = Symbol('test report');

/** The report a `report` file holds (computed once per file version). */
export function testReportOf(file: BotFile): TestReport {
  return file.derived(REPORTS, () => readTestReport(file.text));
}

/**
 * Reads a test report from its text. Never throws: a text that is not such a report (no header,
 * columns missing, a quote never closed) gives `ok: false` with one sentence saying why and the
 * range it concerns. Offsets are into `text` as given (a leading BOM counts as one code unit).
 */
export function readTestReport(text: string): TestReport {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { ok: false, problem: `it is not valid CSV: ${e.message ?? String(error)}`, range: { offset: 0, length: firstLineLength(text) } };
  }
  if (!records.length) return { ok: false, problem: 'it is empty: a test report starts with a header row', range: { offset: 0, length: 0 } };

  // csv-parse gives each record's raw text but not its offset; raw texts follow one another in
  // the file, separated only by line breaks and skipped blank lines, so a forward search finds each.
  let cursor = 0;
  const located = records.map(({ record, raw }) => {
    const body = withoutBlankLines(raw);
    const found = text.indexOf(body, cursor);
    const offset = found >= 0 ? found : cursor;
    cursor = offset + body.length;
    return { record, offset, raw: body };
  });

  const header = located[0];
  const keys = header.record.map(headerKey);
  const shape: TestReportShape | undefined = (['intent', 'journey'] as const).find((s) =>
    Object.values(COLUMNS[s]).every((column) => keys.includes(column)),
  );
  if (!shape) {
    const near = (['journey', 'intent'] as const).find((s) => keys.includes(COLUMNS[s].predicted) || keys.includes(COLUMNS[s].expected));
    const missing = near ? Object.values(COLUMNS[near]).filter((c) => !keys.includes(c)) : [];
    const problem = near
      ? `it looks like a ${near} test report but has no column ${missing.map((m) => `\`${m}\``).join(', ')} (header names compared without case or spaces); expected ${DISPLAY[near]}`
      : `its header is not that of a Studio test report: expected ${DISPLAY.journey} (journey report) or ${DISPLAY.intent} (intent report)`;
    return { ok: false, problem, range: { offset: header.offset, length: header.raw.length } };
  }

  const columns = COLUMNS[shape];
  const index = (column: string | undefined) => (column === undefined ? -1 : keys.indexOf(column));
  const at = {
    utterance: index(columns.utterance),
    expected: index(columns.expected),
    predicted: index(columns.predicted),
    status: index(columns.status),
    confidence: index(columns.confidence),
  };
  const rows: TestReportRow[] = [];
  for (let i = 1; i < located.length; i++) {
    const { record, offset, raw } = located[i];
    const cell = (n: number) => (n >= 0 ? (record[n] ?? '').trim() : '');
    const utterance = cell(at.utterance);
    if (!utterance) continue;
    const status = cell(at.status);
    const confidence = shape === 'intent' ? parsePercent(cell(at.confidence)) : undefined;
    rows.push({
      row: i + 1,
      range: { offset, length: raw.length },
      utterance,
      utteranceRange: cellRange(raw, offset, record[at.utterance] ?? ''),
      expected: cell(at.expected),
      predicted: cell(at.predicted),
      status,
      passed: PASSED.has(status.toLowerCase()),
      ...(confidence !== undefined ? { confidence } : {}),
    });
  }
  return { ok: true, shape, rows };
}

/**
 * A record's raw text without the blank lines csv-parse skipped before it and the line break after
 * it: a record starts with a cell, never a line break (a cell that does is quoted). A loop: the
 * regular expression `/[\r\n]+$/` it replaces tried every position of a run of blank lines, each
 * to the run's end (quadratic: 100,000 blank lines took a minute).
 */
function withoutBlankLines(raw: string): string {
  const isBreak = (c: number) => c === 0x0a || c === 0x0d;
  let start = 0;
  let end = raw.length;
  while (end > start && isBreak(raw.charCodeAt(end - 1))) end--;
  while (start < end && isBreak(raw.charCodeAt(start))) start++;
  return raw.slice(start, end);
}

/** The range of a cell's value inside its row: found in the raw text, else the whole row. */
function cellRange(raw: string, offset: number, value: string): TextRange {
  const trimmed = value.trim();
  const at = trimmed ? raw.indexOf(trimmed) : -1;
  return at >= 0 ? { offset: offset + at, length: trimmed.length } : { offset, length: raw.length };
}

/** `85`, `85%`, `85.5 %` → percent; a fraction `0.85` (no `%`) is read as 85. */
function parsePercent(cell: string): number | undefined {
  const match = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(cell);
  if (!match) return undefined;
  const n = Number(match[1]);
  return !match[2] && n > 0 && n <= 1 && match[1].includes('.') ? n * 100 : n;
}

function firstLineLength(text: string): number {
  const end = text.search(/\r|\n/);
  return end < 0 ? text.length : end;
}
