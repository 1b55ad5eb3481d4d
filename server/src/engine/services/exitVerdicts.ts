// The verdict on a banner's exit phrase, for the banner preview and the hover: what the checks
// find on the way the phrase goes. A phrase gets a green check only when no error or warning lies
// on its path (issue 25): the banner's Send Event node (its event disabled, undeclared or
// misspelt), the phrase itself (no intent trained with it, a test report showing the live bot
// misrouting it, Exit raising a ticket or showing the banner again), the intents it trains, and
// the journeys it starts and jumps to (the banner or the ticket left open, a close event disabled).
import { relativePath, type BotFile } from '../model/botFile';
import type { JourneyNode } from '../model/journey';
import type { Finding, Severity } from '../findings';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { exitPathOf } from '../analysis/exitPaths';
import type { ExitToTest } from '../studio/utteranceTests';
import { checkFile, type CheckOptions } from '../check/check';

/** A finding on the path of an exit phrase, as the preview and the hover show it. */
export interface PathFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file it is in, relative to the project (forward slashes). */
  readonly file: string;
}

/** The findings of a file, as the front end shows them (its check options applied). */
export type FindingsOf = (file: BotFile) => readonly Finding[];

/**
 * The codes whose findings in the journeys and intents on an exit path concern the path: an event
 * that will not fire, a jump or node that leads nowhere, a step the exit journey lacks, an exit
 * path that goes the wrong way, a file whose content is unknown.
 */
const PATH_CODES: ReadonlySet<string> = new Set([
  'json-syntax',
  'file-unread',
  'file-too-large',
  'check-failed',
  'unknown-event',
  'event-not-declared',
  'event-disabled',
  'unknown-node',
  'unknown-journey',
  'exit-intent-unlinked',
  'banner-not-closed',
  'ticket-not-closed',
  'exit-raises-ticket',
  'exit-shows-banner',
]);

/**
 * The checks' findings that lie on the way of the exit phrase at `phrase` (a range of `file`)
 * of the banner `sendEvent` sends, errors first, each once: in `file`, those at the phrase and
 * those at the Send Event node's event name; in the intents trained with the phrase and the
 * journeys it starts or jumps to, those of the codes that concern the path (see `PATH_CODES`; a
 * duplicate utterance only at the phrase's own utterance). `findingsOf` gives a file's findings;
 * by default the file is checked with `options`.
 */
export function exitPathFindings(
  project: BotProject,
  file: BotFile,
  sendEvent: JourneyNode,
  phrase: { readonly phrase: string; readonly offset: number; readonly length: number },
  mode: PhraseMatch,
  findingsOf: FindingsOf = findingsWith(project, { phraseMatch: mode }),
): PathFinding[] {
  const found: Finding[] = [];
  const overlaps = (f: Finding, range: { offset: number; length: number }) =>
    f.offset < range.offset + Math.max(range.length, 1) && range.offset < f.offset + Math.max(f.length, 1);
  for (const f of findingsOf(file)) {
    if (overlaps(f, phrase) || (sendEvent.event && overlaps(f, sendEvent.event.node))) found.push(f);
  }
  const path = exitPathOf(project, phrase.phrase, mode);
  for (const utterance of path.utterances) {
    for (const f of findingsOf(utterance.file)) {
      if (f.code === 'duplicate-utterance' ? overlaps(f, utterance.utterance.node) : PATH_CODES.has(f.code)) found.push(f);
    }
  }
  for (const journey of path.journeys) {
    if (journey.file === file) continue;
    for (const f of findingsOf(journey.file)) if (PATH_CODES.has(f.code)) found.push(f);
  }
  const seen = new Set<Finding>();
  return found
    .filter((f) => (f.severity === 'error' || f.severity === 'warning') && !seen.has(f) && seen.add(f))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((f) => ({ code: f.code, severity: f.severity, message: f.message, file: relativePath(project.root, f.file) }));
}

/** `checkFile` with `options`, once per file for the life of the function returned. */
export function findingsWith(project: BotProject, options: CheckOptions): FindingsOf {
  const cache = new Map<BotFile, readonly Finding[]>();
  return (file) => {
    let findings = cache.get(file);
    if (!findings) cache.set(file, (findings = checkFile(project, file, options)));
    return findings;
  };
}

/**
 * For exports that test exit phrases (utterance tests): why the phrase of `banner` must not be
 * exported as it is, the errors on its path (`code: message`, joined), or undefined when it has
 * none. Files are checked with `options`, once each.
 */
export function exitPathErrors(project: BotProject, options: CheckOptions = {}): (banner: ExitToTest) => string | undefined {
  const mode = options.phraseMatch ?? project.phraseMatch;
  const findingsOf = findingsWith(project, { ...options, phraseMatch: mode });
  return ({ file, exit }) => {
    const errors = exitPathFindings(project, file, exit.sendEvent, exit, mode, findingsOf).filter((f) => f.severity === 'error');
    return errors.length ? errors.map((f) => `${f.code}: ${f.message}`).join('; ') : undefined;
  };
}
