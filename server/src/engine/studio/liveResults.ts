// What the test reports of a project say about the live bot, row by row: which rows show an exit
// phrase or another utterance routed elsewhere, an exit phrase reached with too little
// confidence, or a row that tests what the files no longer describe. The four live checks read
// this one classification, so a row is never both stale and misrouted. Built once per project
// generation and settings.
import { readFacts, recordingFacts, type FactKey } from '../project/dependencies';
import { relativePath, type BotFile } from '../model/botFile';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { indexOf, type BannerPhraseEntry, type UtteranceEntry } from '../analysis/projectIndex';
import { testReportOf, type TestReportRow, type TestReportShape } from './testReports';

/** The confidence (percent) below which an exit phrase's intent match is too weak, by default. */
export const DEFAULT_MIN_CONFIDENCE = 70;

export type LiveVerdict = 'exit-misrouted' | 'utterance-misrouted' | 'low-confidence' | 'stale' | 'ok';

/** Why a row is stale. */
export type StaleReason = 'utterance' | 'target' | 'pairing';

export interface LiveResult {
  /** The report file the row is in. */
  readonly report: BotFile;
  /** The report's path relative to the project, for messages. */
  readonly reportName: string;
  readonly shape: TestReportShape;
  readonly row: TestReportRow;
  readonly verdict: LiveVerdict;
  /** The banner exit phrases of the project the row's utterance is (empty for other utterances). */
  readonly exits: readonly BannerPhraseEntry[];
  /** The trained utterances the row's utterance is. */
  readonly utterances: readonly UtteranceEntry[];
  /** Set when `verdict` is `stale`. */
  readonly staleReason?: StaleReason;
}

/** Per project, the results of its latest generation and the facts they were worked out from. */
const cache = new WeakMap<BotProject, { generation: number; key: string; results: LiveResult[]; facts: ReadonlySet<FactKey> }>();

/**
 * Every row of every readable test report of the project, classified. `mode` compares the report's
 * utterances with the project's phrases; `minConfidence` is in percent.
 */
export function liveResultsOf(project: BotProject, mode: PhraseMatch, minConfidence: number): readonly LiveResult[] {
  const key = `${mode}:${minConfidence}`;
  const cached = cache.get(project);
  if (cached && cached.generation === project.generation && cached.key === key) {
    // Every caller depends on what the classification read, not only the first.
    readFacts(cached.facts);
    return cached.results;
  }
  const { result: results, facts } = recordingFacts(() => classify(project, mode, minConfidence));
  cache.set(project, { generation: project.generation, key, results, facts });
  return results;
}

function classify(project: BotProject, mode: PhraseMatch, minConfidence: number): LiveResult[] {
  const index = indexOf(project);
  const results: LiveResult[] = [];
  for (const report of project.filesOfKind('report')) {
    if (!report.readable) continue;
    const parsed = testReportOf(report);
    if (!parsed.ok) continue;
    // A report given from outside the project (`--test-report`) is named by its full path.
    const relative = relativePath(project.root, report.path);
    const reportName = relative.startsWith('..') ? report.path : relative;
    for (const row of parsed.rows) {
      const exits = index.bannersMatching(row.utterance, mode);
      const utterances = index.utterancesMatching(row.utterance, mode);
      const base = { report, reportName, shape: parsed.shape, row, exits, utterances };
      const staleReason = staleness(project, parsed.shape, row, utterances);
      if (staleReason) {
        results.push({ ...base, verdict: 'stale', staleReason });
        continue;
      }
      const routedRight = sameName(row.predicted, row.expected);
      let verdict: LiveVerdict = 'ok';
      if (!routedRight || (parsed.shape === 'journey' && !row.passed)) {
        verdict = exits.length ? 'exit-misrouted' : 'utterance-misrouted';
      } else if (parsed.shape === 'intent' && exits.length && (!row.passed || (row.confidence !== undefined && row.confidence < minConfidence))) {
        // The platform fails a right intent reached with too low a confidence.
        verdict = 'low-confidence';
      }
      results.push({ ...base, verdict });
    }
  }
  return results;
}

/**
 * Whether the project still says the row's utterance must reach the row's journey or intent:
 * an utterance of that intent (intent report), or of an intent that starts that journey.
 */
function staleness(project: BotProject, shape: TestReportShape, row: TestReportRow, utterances: readonly UtteranceEntry[]): StaleReason | undefined {
  const index = indexOf(project);
  if (!utterances.length) return 'utterance';
  if (shape === 'intent') {
    if (!index.intentsByName.has(row.expected)) return 'target';
    return utterances.some((u) => u.intentName === row.expected) ? undefined : 'pairing';
  }
  if (!index.journeysByName.has(row.expected)) return 'target';
  const starts = utterances.some((u) => (index.journeysByIntent.get(u.intentName) ?? []).some((j) => j.journey.name?.value === row.expected));
  return starts ? undefined : 'pairing';
}

/** Names Studio shows and names in the files compared without case or surrounding spaces. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Where Studio sent the row's utterance, for messages: `` `name` ``, or `no journey`/`no intent`. */
export function routedTo(result: LiveResult): string {
  return result.row.predicted ? `\`${result.row.predicted}\`` : `no ${result.shape}`;
}
