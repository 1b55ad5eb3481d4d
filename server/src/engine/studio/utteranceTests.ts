// The utterance tests Studio's bulk test takes (Automation > Test > Upload utterances; columns
// `Utterance`, `Journey`, `Tag`, shared/reference/platform-facts.md): one row per exit phrase of
// every banner, and optionally one per utterance of every intent that starts a journey. Written
// with csv-stringify, so commas, quotes and line breaks in utterances are quoted as CSV requires.
import { stringify } from 'csv-stringify/sync';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { indexOf, type BannerPhraseEntry } from '../analysis/projectIndex';

/** The header Studio's upload template has. */
export const UTTERANCE_TEST_HEADER = ['Utterance', 'Journey', 'Tag'] as const;

/** The tag of the rows that test a banner's exit phrase. */
export const EXIT_PHRASE_TAG = 'exit-phrase';

export interface UtteranceTestRow {
  readonly utterance: string;
  /** The journey the utterance must start (its name in the files, which must be Studio's). */
  readonly journey: string;
  /** `exit-phrase`, or the intent's name for the rows `all` adds. */
  readonly tag: string;
}

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
  readonly leaveOut?: (banner: BannerPhraseEntry) => string | undefined;
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
 * The rows to test, in file order, each utterance–journey pair once. An exit phrase no intent is
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
  for (const banner of sorted(index.bannerPhrases)) {
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
    for (const intent of intents) for (const journey of journeysOf(intent)) add({ utterance: exit.phrase, journey, tag: EXIT_PHRASE_TAG });
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
 * at least one (a header alone when there are no rows).
 */
export function utteranceTestCsv(rows: readonly UtteranceTestRow[], maxRows?: number): string[] {
  const size = maxRows && maxRows > 0 ? maxRows : Math.max(rows.length, 1);
  const chunks: UtteranceTestRow[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  if (!chunks.length) chunks.push([]);
  return chunks.map((chunk) =>
    stringify([[...UTTERANCE_TEST_HEADER], ...chunk.map((r) => [r.utterance, r.journey, r.tag])], { record_delimiter: 'windows' }),
  );
}
