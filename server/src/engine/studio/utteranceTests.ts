// The utterance tests Studio's bulk test takes (Automation > Test > Upload utterances; columns
// `Utterance`, `Journey`, `Tag`, shared/reference/platform-facts.md): one row per exit phrase of
// every banner, one per exit phrase of a localized banner in each of the bot's languages (the bulk
// test has no language column: the Tag says the language), and optionally one per utterance of
// every intent that starts a journey. Written with csv-stringify, so commas, quotes and line
// breaks in utterances are quoted as CSV requires (a line break of any kind keeps its field
// quoted, so a phrase stays one cell), and every cell that a spreadsheet would read as a formula
// is neutralized as OWASP's CSV-injection guidance says (see `neutralizeCell`).
import { stringify } from 'csv-stringify/sync';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { exitPhrasesOf } from '../analysis/exitPhrases';
import { indexOf } from '../analysis/projectIndex';
import { localizedExitPhrases, projectLocalizedUses } from '../analysis/translations';

/** The header Studio's upload template has. */
export const UTTERANCE_TEST_HEADER = ['Utterance', 'Journey', 'Tag'] as const;

/** The tag of the rows that test a banner's exit phrase. */
export const EXIT_PHRASE_TAG = 'exit-phrase';

/** The tag of the rows that test a localized banner's exit phrase in a language: `exit-phrase:hi`. */
export function exitPhraseTag(languageCode: string): string {
  return `${EXIT_PHRASE_TAG}:${languageCode}`;
}

/**
 * One row of the CSV Studio's bulk utterance test takes (Automation > Test, docs.yellow.ai
 * cookbooks/studio/regressiontest; columns `Utterance`, `Journey`, `Tag`): a phrase to type and
 * the journey it must start.
 */
export interface UtteranceTestRow {
  readonly utterance: string;
  /** The journey the utterance must start (its name in the files, which must be Studio's). */
  readonly journey: string;
  /** `exit-phrase`, `exit-phrase:<language code>` for a localized banner's phrase, or the intent's name for the rows `all` adds. */
  readonly tag: string;
}

/** Which rows utteranceTestRows gives: the banners' exit phrases, and with `all` every utterance of an intent that starts a journey. */
export interface UtteranceTestOptions {
  /** Also one row per utterance of every intent that starts a journey. */
  readonly all?: boolean;
  /** How exit phrases are compared with utterances; the project's setting by default. */
  readonly phraseMatch?: PhraseMatch;
}

/**
 * The rows to test, in file order, each utterance–journey pair once. An exit phrase no intent is
 * trained with, or whose intent starts no journey, has no journey to test and is left out
 * (`option-text-mismatch` and `exit-intent-unlinked` report those).
 */
export function utteranceTestRows(project: BotProject, options: UtteranceTestOptions = {}): UtteranceTestRow[] {
  const index = indexOf(project);
  const mode = options.phraseMatch ?? project.phraseMatch;
  const rows: UtteranceTestRow[] = [];
  const seen = new Set<string>();
  const add = (row: UtteranceTestRow) => {
    const key = `${row.utterance}\u0000${row.journey}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(row);
  };
  const journeysOf = (intent: string) => (index.journeysByIntent.get(intent) ?? []).flatMap((j) => (j.journey.name ? [j.journey.name.value] : []));
  const sorted = <T extends { file: { path: string } }>(list: readonly T[]) => [...list].sort((a, b) => a.file.path.localeCompare(b.file.path));
  const addExit = (phrase: string, tag: string) => {
    const intents = new Set(index.utterancesMatching(phrase, mode).map((u) => u.intentName));
    for (const intent of intents) for (const journey of journeysOf(intent)) add({ utterance: phrase, journey, tag });
  };
  // The banners of journeys (the index's) and of function files' literal `app.sendEvent` calls.
  const banners = [...index.bannerPhrases, ...project.filesOfKind('function').flatMap((file) => exitPhrasesOf(file).map((exit) => ({ exit, file })))];
  for (const { exit } of sorted(banners)) addExit(exit.phrase, EXIT_PHRASE_TAG);
  const uses = projectLocalizedUses(project).sort((a, b) => a.file.path.localeCompare(b.file.path));
  for (const use of uses) for (const exit of localizedExitPhrases(project, use)) addExit(exit.phrase, exitPhraseTag(exit.language.code));
  if (options.all) {
    for (const entry of sorted(index.utterances)) {
      for (const journey of journeysOf(entry.intentName)) add({ utterance: entry.utterance.value, journey, tag: entry.intentName });
    }
  }
  return rows;
}

/**
 * The CSV text of `rows` (header included), UTF-8 without a BOM, CRLF line breaks as spreadsheets
 * write them. With `maxRows` (rows per file, header not counted), several texts, in order; always
 * at least one (a header alone when there are no rows). Every cell is `neutralizeCell`ed, and a
 * cell holding a line break (CR, LF or both) or neutralized is quoted.
 */
export function utteranceTestCsv(rows: readonly UtteranceTestRow[], maxRows?: number): string[] {
  const size = maxRows && maxRows > 0 ? maxRows : Math.max(rows.length, 1);
  const chunks: UtteranceTestRow[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  if (!chunks.length) chunks.push([]);
  return chunks.map((chunk) =>
    stringify([[...UTTERANCE_TEST_HEADER], ...chunk.map((r) => [r.utterance, r.journey, r.tag].map(neutralizeCell))], {
      record_delimiter: 'windows',
      // csv-stringify quotes a field holding the record delimiter (CRLF), not one holding a lone LF or CR.
      quoted_match: /[\r\n]|^'/,
    }),
  );
}

/** The characters that make a spreadsheet read a cell as a formula when they start it (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as it is safe to open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a `'` before it, as OWASP's CSV-injection guidance says, so that Excel,
 * LibreOffice and Google Sheets show it as text instead of running it as a formula. The cell is
 * then quoted by `utteranceTestCsv`. Other cells are returned as they are.
 */
function neutralizeCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Whether a file's text (its start is enough) is an utterance-tests CSV, as `utteranceTestCsv`
 * writes it: it starts with the header line. The command line replaces or removes such a file on
 * a later run, and leaves any other alone.
 */
export function isUtteranceTestCsv(text: string): boolean {
  return text.replace(/^\uFEFF/, '').startsWith(`${UTTERANCE_TEST_HEADER.join(',')}\r\n`);
}
