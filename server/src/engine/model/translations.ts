// The reader of Studio's Translations export (Translations > Bulk manage > Export / Import): one
// translation key a row, in the column `name`, with its text per language in `english_text` and
// one `<language>_text` column per other language, named by the language's lowercase English name
// (`hindi_text`, `tamil_text`, `kannada_text`; shared/reference/platform-facts.md, "Languages").
// The page names no multi-word language's column, so `french_canada_text`, `french canada_text`
// and the code (`fr-CA_text`, `hi_text`) are all read as the language they name (languages.ts).
import type { BotFile } from './botFile';
import { headerKey, readCsvTable, type CsvCell, type CsvRecord, type TextRange } from './csvTable';
import { languageNamed, type PlatformLanguage } from './languages';

/** A language column of the export: its header cell and the language it holds the texts of. */
export interface TranslationColumn {
  readonly header: CsvCell;
  readonly language: PlatformLanguage;
  /** The column's 0-based index in each record. */
  readonly index: number;
}

/** One key of the export and its texts. */
export interface TranslationRow extends TextRange {
  /** The row a spreadsheet shows it on (the header is row 1). */
  readonly row: number;
  /** The key (`name`), trimmed, as `app.renderMessage('<key>', …)` names it. */
  readonly key: string;
  readonly keyCell: CsvCell;
  /**
   * The cell of a language's text: undefined when the export has no column for the language, a
   * cell (whose value may be empty) when it has one.
   */
  text(language: PlatformLanguage): CsvCell | undefined;
}

/** A Translations export read: its language columns, its rows by key, or why it could not be read. */
export type Translations =
  | {
      readonly ok: true;
      readonly columns: readonly TranslationColumn[];
      /** `…_text` columns that name no language the platform lists (their texts are not read). */
      readonly unknownColumns: readonly CsvCell[];
      /** The rows with a key, in file order. */
      readonly rows: readonly TranslationRow[];
      /** The first row of each key. */
      readonly byKey: ReadonlyMap<string, TranslationRow>;
    }
  | { readonly ok: false; readonly problem: string; readonly range: TextRange };

const KEY_COLUMN = 'name';
const ENGLISH_COLUMN = 'englishtext';
const TEXT_SUFFIX = 'text';
const EXPECTED = '`name`, `english_text` and one `<language>_text` column per other language (such as `hindi_text`)';

const TRANSLATIONS = Symbol('translations');

/** The translations a `translation` file holds (worked out once per file version). */
export function translationsOf(file: BotFile): Translations {
  return file.derived(TRANSLATIONS, () => readTranslations(file.text));
}

/**
 * Reads the Translations export from its text. Headers are matched without case, spaces, `_`, `-`
 * or a byte order mark, and columns may come in any order; rows without a key are skipped. Never
 * throws: a text that is not such an export (no `name` or `english_text` column, a quote never
 * closed, nothing at all) gives `ok: false` with one sentence saying why and the range it concerns.
 */
export function readTranslations(text: string): Translations {
  const table = readCsvTable(text, (keys) => keys.includes(KEY_COLUMN) && keys.includes(ENGLISH_COLUMN));
  if (!table.ok) return table;
  const keys = table.header.cells.map((cell) => headerKey(cell.value));
  const missing = [KEY_COLUMN, ENGLISH_COLUMN].filter((column) => !keys.includes(column));
  if (missing.length) {
    const problem =
      missing.length === 2 && !keys.some((key) => key.endsWith(TEXT_SUFFIX))
        ? `its header is not that of Studio's Translations export: expected ${EXPECTED}`
        : `it has no column ${missing.map((m) => (m === KEY_COLUMN ? '`name`' : '`english_text`')).join(' or ')} (header names are compared without case, spaces or \`_\`); Studio's Translations export has ${EXPECTED}`;
    return { ok: false, problem, range: { offset: table.header.offset, length: table.header.length } };
  }
  const columns: TranslationColumn[] = [];
  const unknownColumns: CsvCell[] = [];
  keys.forEach((key, index) => {
    if (!key.endsWith(TEXT_SUFFIX) || key === TEXT_SUFFIX) return;
    const language = languageNamed(key.slice(0, -TEXT_SUFFIX.length));
    const header = table.header.cells[index];
    if (!language) unknownColumns.push(header);
    else if (!columns.some((c) => c.language === language)) columns.push({ header, language, index });
  });
  const keyIndex = keys.indexOf(KEY_COLUMN);
  const indexOf = new Map(columns.map((c) => [c.language, c.index]));
  const rows: TranslationRow[] = [];
  const byKey = new Map<string, TranslationRow>();
  for (const record of table.records) {
    const keyCell = record.cells[keyIndex];
    const key = keyCell?.value.trim();
    if (!keyCell || !key) continue;
    const row = new Row(record, key, keyCell, indexOf);
    rows.push(row);
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return { ok: true, columns, unknownColumns, rows, byKey };
}

/** A row read from its record; a language's cell is looked up by its column when asked for. */
class Row implements TranslationRow {
  readonly row: number;
  readonly offset: number;
  readonly length: number;

  constructor(
    private readonly record: CsvRecord,
    readonly key: string,
    readonly keyCell: CsvCell,
    private readonly columns: ReadonlyMap<PlatformLanguage, number>,
  ) {
    this.row = record.row;
    this.offset = record.offset;
    this.length = record.length;
  }

  text(language: PlatformLanguage): CsvCell | undefined {
    const index = this.columns.get(language);
    if (index === undefined) return undefined;
    // A short record (a spreadsheet drops trailing empty cells): an empty text where the line ends.
    return this.record.cells[index] ?? { value: '', offset: this.record.offset + this.record.length, length: 0, quoted: false };
  }
}

/** The header a Translations column of `language` has, as this reader writes it in messages: `hindi_text`. */
export function translationColumnName(language: PlatformLanguage): string {
  return `${language.name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '')}_text`;
}
