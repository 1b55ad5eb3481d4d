// Where the live-result checks (live-exit-misrouted, live-utterance-misrouted,
// live-low-confidence) report a row of a Studio test report: twice, where each reader looks. On
// the row in the report, with the project's places it is about as related information, and at
// each of those places (an exit phrase, an utterance), with the row as related information.
import type { BotFile } from '../model/botFile';
import type { RelatedLocation } from '../findings';
import { routedTo, type LiveResult } from '../studio/liveResults';
import type { BannerPhraseEntry } from '../analysis/projectIndex';

/** A range of the checked file to report a live result at. */
export interface LiveSpot {
  /** 0-based UTF-16 offset and length in the checked file. */
  readonly offset: number;
  readonly length: number;
  readonly related: readonly RelatedLocation[];
  /** Which of the places the spot is (its index), or undefined for the report row. */
  readonly place?: number;
}

/**
 * The spots of `file` at which to report `result`: its row when `file` is the result's report
 * (the places as related information), else each of `places` that lies in `file` (the row as
 * related information). `places` are what the row is about (exit phrases, utterances), each in
 * its `file`; `locate` gives a place's range, and is called only for a place reported or related,
 * so that no other file's offset tree is built. Empty when the result is not about `file`.
 */
export function liveSpots<P extends { readonly file: BotFile }>(
  file: BotFile,
  result: LiveResult,
  places: readonly P[],
  locate: (place: P) => RelatedLocation,
): LiveSpot[] {
  if (file.kind === 'report') {
    return result.report === file ? [{ offset: result.row.range.offset, length: result.row.range.length, related: places.map(locate) }] : [];
  }
  const spots: LiveSpot[] = [];
  places.forEach((place, index) => {
    if (place.file !== file) return;
    const { offset, length } = locate(place);
    spots.push({ offset, length, related: [rowLocation(result)], place: index });
  });
  return spots;
}

/** A banner exit phrase a live result is about, as related information. */
export function exitPlace(e: BannerPhraseEntry): RelatedLocation {
  return { file: e.file.path, offset: e.exit.offset, length: e.exit.length, message: `the banner exit phrase \`${e.exit.phrase}\`` };
}

/** The report row of a live result, as related information. */
export function rowLocation(result: LiveResult): RelatedLocation {
  const status = result.row.status ? `, status \`${result.row.status}\`` : '';
  return {
    file: result.report.path,
    offset: result.row.range.offset,
    length: result.row.range.length,
    message: `${result.reportName}, row ${result.row.row}: routed to ${routedTo(result)}${status}`,
  };
}
