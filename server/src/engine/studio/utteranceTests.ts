// The utterance tests Studio's bulk test takes (Automation > Test > Upload utterances; columns
// `Utterance`, `Journey`, `Tag`, shared/reference/platform-facts.md): one row per exit phrase of
// every banner, one per exit phrase of a localized banner in each of the bot's languages (the bulk
// test has no language column: the Tag says the language), one per `say` of a conversation test
// whose next `expect` names a journey or an intent, and optionally one per utterance of every
// intent that starts a journey. Written with csv-stringify, so commas, quotes and line breaks in
// utterances are quoted as CSV requires (a line break of any kind keeps its field quoted, so a
// phrase stays one cell), and every cell that a spreadsheet would read as a formula is
// neutralized as OWASP's CSV-injection guidance says (see `neutralizeCell`).
import { stringify } from 'csv-stringify/sync';
import { expectAfter, readConversationTests } from '../model/conversationTest';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { exitPhrasesOf } from '../analysis/exitPhrases';
import { indexOf, type BannerPhraseEntry } from '../analysis/projectIndex';
import type { BotFile } from '../model/botFile';
import { sendEventNodesOf } from '../model/functionCode';
import type { JourneyNode } from '../model/journey';
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
  /**
   * `exit-phrase`, `exit-phrase:<language code>` for a localized banner's phrase, the conversation
   * test's name for a test's `say`, or the intent's name for the rows `all` adds.
   */
  readonly tag: string;
}

/** Which rows utteranceTestRows gives: the banners' exit phrases, and with `all` every utterance of an intent that starts a journey. */
export interface UtteranceTestOptions {
  /** Also one row per utterance of every intent that starts a journey. */
  readonly all?: boolean;
  /** How exit phrases are compared with utterances; the project's setting by default. */
  readonly phraseMatch?: PhraseMatch;
  /**
   * Why a banner's exit phrase must not be tested as it is, or undefined when it may: the front
   * ends say what the checks find on its path (a test that the phrase starts `live-agent` would
   * only confirm that Exit hands the customer to an agent).
   */
  readonly leaveOut?: (banner: ExitToTest) => string | undefined;
}

/**
 * An exit phrase an export would test: the file that shows its banner, the phrase with its range
 * there (UTF-16 offsets; for a localized banner, the translation key's range in the function
 * file), and the Send Event node (or `app.sendEvent` call) that sends the banner.
 */
export interface ExitToTest {
  readonly file: BotFile;
  readonly exit: { readonly phrase: string; readonly offset: number; readonly length: number; readonly sendEvent: JourneyNode };
}

/** A banner exit phrase the tests leave out, and why. */
export interface LeftOutBanner {
  /** The absolute path of the file that shows the banner. */
  readonly file: string;
  readonly phrase: string;
  /** Where the phrase is in the file (0-based UTF-16 offset). */
  readonly offset: number;
  readonly reason: string;
}

/**
 * The rows to test, in file order, each utterance–journey pair once: the banners' exit phrases,
 * then each `say` of a conversation test (tests/*.json) whose next `expect` (before another input)
 * names a journey, or an intent (then the first journey it starts), tagged with the test's name,
 * so that one file states the expectation offline and on the live bot. An exit phrase no intent is
 * trained with, or whose intent starts no journey, has no journey to test and is left out
 * (`option-text-mismatch` and `exit-intent-unlinked` report those); so is one `leaveOut` refuses.
 */
export function utteranceTestRows(project: BotProject, options: UtteranceTestOptions = {}): UtteranceTestRow[] {
  return utteranceTestPlan(project, options).rows;
}

/** The rows (as `utteranceTestRows`) and the banner exit phrases left out, with why, in file order. */
export function utteranceTestPlan(project: BotProject, options: UtteranceTestOptions = {}): { rows: UtteranceTestRow[]; leftOut: LeftOutBanner[] } {
  const index = indexOf(project);
  const mode = options.phraseMatch ?? project.phraseMatch;
  const rows: UtteranceTestRow[] = [];
  const leftOut: LeftOutBanner[] = [];
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
  const banners: BannerPhraseEntry[] = [
    ...index.bannerPhrases,
    ...project.filesOfKind('function').flatMap((file) => exitPhrasesOf(file).map((exit) => ({ exit, file }))),
  ];
  for (const banner of sorted(banners)) {
    const { exit } = banner;
    const intents = [...new Set(index.utterancesMatching(exit.phrase, mode).map((u) => u.intentName))];
    const journeys = intents.flatMap(journeysOf);
    const reason = !intents.length
      ? 'no intent is trained with it'
      : !journeys.length
        ? `${intents.length === 1 ? 'its intent' : 'its intents'} ${intents.map((i) => `\`${i}\``).join(', ')} start no journey`
        : options.leaveOut?.(banner);
    if (reason !== undefined) {
      leftOut.push({ file: banner.file.path, phrase: exit.phrase, offset: exit.offset, reason });
      continue;
    }
    addExit(exit.phrase, EXIT_PHRASE_TAG);
  }
  const uses = projectLocalizedUses(project).sort((a, b) => a.file.path.localeCompare(b.file.path));
  for (const use of uses) {
    // The call that sends the banner the key is rendered in: its exit path is judged as a literal banner's.
    const at = use.call.call.offset;
    const sendEvent = sendEventNodesOf(use.file).find((n) => n.node.offset <= at && at < n.node.offset + n.node.length);
    for (const localized of localizedExitPhrases(project, use)) {
      const exit = { phrase: localized.phrase, offset: use.call.key.offset, length: use.call.key.length };
      const intents = [...new Set(index.utterancesMatching(exit.phrase, mode).map((u) => u.intentName))];
      // A phrase no intent is trained with is translated-exit-phrase-mismatch's; it has no row to leave out.
      const reason = intents.length && sendEvent ? options.leaveOut?.({ file: use.file, exit: { ...exit, sendEvent } }) : undefined;
      if (reason !== undefined) {
        leftOut.push({ file: use.file.path, phrase: exit.phrase, offset: exit.offset, reason });
        continue;
      }
      addExit(exit.phrase, exitPhraseTag(localized.language.code));
    }
  }
  for (const file of [...project.filesOfKind('test')].sort((a, b) => a.path.localeCompare(b.path))) {
    for (const test of readConversationTests(file)) {
      const tag = test.name?.value;
      if (!tag) continue;
      for (const step of test.steps) {
        if (step.kind !== 'input' || step.input !== 'say' || !step.value) continue;
        const facts = expectAfter(test, step.index)?.facts ?? [];
        const journey = facts.find((f) => f.fact === 'journey')?.value;
        const intent = facts.find((f) => f.fact === 'intent')?.value;
        const target = typeof journey === 'string' ? journey : typeof intent === 'string' ? journeysOf(intent)[0] : undefined;
        if (target !== undefined) add({ utterance: step.value.value, journey: target, tag });
      }
    }
  }
  if (options.all) {
    for (const entry of sorted(index.utterances)) {
      for (const journey of journeysOf(entry.intentName)) add({ utterance: entry.utterance.value, journey, tag: entry.intentName });
    }
  }
  return { rows, leftOut };
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
