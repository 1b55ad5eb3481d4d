// The reader of Studio's FAQs export (FAQs > Bulk manage): one question a row, with the columns
// `category`, `question`, `variations` and `answer_<iso code>` per language (`answer_en`,
// `answer_hi`; shared/reference/platform-facts.md, "Languages", from the page studio/train/add-faqs).
// The page does not say how several variations share a cell; a row holds one variation (rows may
// repeat a question), and a cell with line breaks is read as one variation a line, since a phrase
// a customer types has no line break.
import type { BotFile } from './botFile';
import { CellOffsets, headerKey, readCsvTable, type CsvCell, type TextRange } from './csvTable';
import { languageNamed, type PlatformLanguage } from './languages';

/** A phrase of an FAQ (its question or a variation) with its range in the file. */
export interface FaqPhrase extends TextRange {
  /** The phrase, trimmed. */
  readonly value: string;
  readonly kind: 'question' | 'variation';
}

/** One row of the export. */
export interface FaqRow extends TextRange {
  /** The row a spreadsheet shows it on (the header is row 1). */
  readonly row: number;
  readonly category: string;
  /** The question and the variations of the row that are not empty, in order. */
  readonly phrases: readonly FaqPhrase[];
}

/** An `answer_<code>` column. */
export interface FaqAnswerColumn {
  readonly header: CsvCell;
  readonly language: PlatformLanguage;
}

/** An FAQs export read: its rows and answer columns, or why it could not be read. */
export type Faqs =
  | {
      readonly ok: true;
      readonly rows: readonly FaqRow[];
      readonly answerColumns: readonly FaqAnswerColumn[];
      /** `answer_…` columns whose code the platform does not list. */
      readonly unknownColumns: readonly CsvCell[];
    }
  | { readonly ok: false; readonly problem: string; readonly range: TextRange };

const REQUIRED = ['category', 'question'] as const;
const ANSWER_PREFIX = 'answer';
const EXPECTED = '"category", "question", "variations" and one "answer_<language code>" column per language (such as "answer_en")';

const FAQS = Symbol('faqs');

/** The FAQs a `faq` file holds (worked out once per file version). */
export function faqsOf(file: BotFile): Faqs {
  return file.derived(FAQS, () => readFaqs(file.text));
}

/**
 * Reads the FAQs export from its text. Headers are matched without case, spaces, `_`, `-` or a
 * byte order mark; `variations` and the answers may be missing (the checks read the questions).
 * Never throws: a text that is not such an export gives `ok: false` with one sentence and its range.
 */
export function readFaqs(text: string): Faqs {
  const table = readCsvTable(text, (keys) => REQUIRED.every((column) => keys.includes(column)));
  if (!table.ok) return table;
  const keys = table.header.cells.map((cell) => headerKey(cell.value));
  const missing = REQUIRED.filter((column) => !keys.includes(column));
  if (missing.length) {
    const problem =
      missing.length === REQUIRED.length
        ? `its header is not that of Studio's FAQs export: expected ${EXPECTED}`
        : `it has no column ${missing.map((m) => `"${m}"`).join(' or ')} (header names are compared without case or spaces); Studio's FAQs export has ${EXPECTED}`;
    return { ok: false, problem, range: { offset: table.header.offset, length: table.header.length } };
  }
  const answerColumns: FaqAnswerColumn[] = [];
  const unknownColumns: CsvCell[] = [];
  keys.forEach((key, index) => {
    if (!key.startsWith(ANSWER_PREFIX) || key === ANSWER_PREFIX) return;
    const header = table.header.cells[index];
    const language = languageNamed(key.slice(ANSWER_PREFIX.length));
    if (language) answerColumns.push({ header, language });
    else unknownColumns.push(header);
  });
  const [categoryAt, questionAt, variationsAt] = ['category', 'question', 'variations'].map((column) => keys.indexOf(column));
  const rows: FaqRow[] = [];
  for (const record of table.records) {
    const phrases: FaqPhrase[] = [];
    const question = record.cells[questionAt];
    // Loops, not push(...): a pasted cell can hold more lines than a call takes arguments (~125,000).
    if (question) for (const phrase of linesOf(text, question, 'question')) phrases.push(phrase);
    const variations = variationsAt >= 0 ? record.cells[variationsAt] : undefined;
    if (variations) for (const phrase of linesOf(text, variations, 'variation')) phrases.push(phrase);
    if (!phrases.length) continue;
    rows.push({ row: record.row, offset: record.offset, length: record.length, category: record.cells[categoryAt]?.value.trim() ?? '', phrases });
  }
  return { ok: true, rows, answerColumns, unknownColumns };
}

/** The lines of a cell that are not blank, trimmed, each with its range in the file. */
function linesOf(text: string, cell: CsvCell, kind: FaqPhrase['kind']): FaqPhrase[] {
  const phrases: FaqPhrase[] = [];
  const offsets = new CellOffsets(text, cell);
  for (const match of cell.value.matchAll(/[^\r\n]+/g)) {
    const value = match[0].trim();
    if (!value) continue;
    const index = match.index! + match[0].indexOf(value);
    phrases.push({ value, kind, ...offsets.rangeOf(index, value.length) });
  }
  return phrases;
}
