// What "Add User-Initiated Disconnection" needs to ask sensible questions: the phrase the
// project's banners already offer, the intent and journeys the scaffold would complete, the
// journeys that could raise the ticket, and free names for what it may create.
import { relativePath, type BotFile } from '../../model/botFile';
import type { PhraseMatch } from '../../phrases/phraseMatch';
import type { BotProject } from '../../project/project';
import { exitIntentOf } from '../../analysis/exitJourneys';
import { indexOf } from '../../analysis/projectIndex';
import { DEFAULT_EXIT_INTENT, DEFAULT_EXIT_JOURNEY, DEFAULT_TICKET_JOURNEY, defaultDisconnectionOptions } from '../../guide/options';
import { freeName } from '../../guide/pieces';
import { raisesTicket, showsBanner } from '../../model/journey';
import { planDisconnection } from './planner';

export interface JourneySummary {
  readonly name: string;
  /** Relative to the project, with forward slashes. */
  readonly file: string;
  /** The intent that starts it. */
  readonly intent?: string;
  readonly raisesTicket: boolean;
  readonly showsBanner: boolean;
}

export interface IntentSummary {
  readonly name: string;
  readonly file: string;
  /** The journeys it starts. */
  readonly journeys: readonly string[];
}

/**
 * What "Add User-Initiated Disconnection" shows before it asks: the exit phrase, intent and
 * journeys the project already has, its journeys and intents (paths relative to the project,
 * `/`-separated), and free names for what it may create. Plain JSON, sent over LSP as it is.
 */
export interface DisconnectionContext {
  /** The phrase the project's banners already offer (the first, by file), to propose as the phrase. */
  readonly exitPhrase?: string;
  /** The intent trained with that phrase (or the default one), which the scaffold will use. */
  readonly exitIntent?: string;
  /** The journeys that intent starts, which the scaffold completes rather than creating one. */
  readonly exitJourneys: readonly string[];
  /** Every journey by name but the exit journeys, to ask which raises the ticket. */
  readonly journeys: readonly JourneySummary[];
  readonly intents: readonly IntentSummary[];
  /**
   * True when the project already has the whole disconnection: planned with its own exit phrase
   * and a journey of its that raises the ticket and shows the banner, the scaffold changes nothing.
   * The command says so before it asks anything.
   */
  readonly alreadySetUp: boolean;
  /** Free names for what the scaffold may create. */
  readonly freeTicketJourney: string;
  readonly freeExitJourney: string;
  readonly freeExitIntent: string;
}

/**
 * What the command asks about `project`: its exit phrase, exit intent and journeys, every journey
 * and intent with relative paths, and free names for what the scaffold may create. `phraseMatch`
 * says how the banner's phrase finds the intent trained with it (default: as the project says).
 * Plain JSON, so that it crosses the language server protocol as it is. Reads the model only.
 */
export function disconnectionContext(project: BotProject, phraseMatch: PhraseMatch = project.phraseMatch): DisconnectionContext {
  const index = indexOf(project);
  const relative = (file: BotFile) => relativePath(project.root, file.path);
  const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
  const exitPhrase = [...index.bannerPhrases].sort((a, b) => relative(a.file).localeCompare(relative(b.file)) || a.exit.offset - b.exit.offset)[0]
    ?.exit.phrase;
  const exitIntent = index.utterancesMatching(exitPhrase ?? defaultDisconnectionOptions.phrase, phraseMatch)[0]?.intentName;
  const exitJourneys = (exitIntent ? (index.journeysByIntent.get(exitIntent) ?? []) : []).flatMap((e) =>
    e.journey.name ? [e.journey.name.value] : [],
  );
  const journeys = [...index.journeysByName]
    // The ticket-journey question never offers an exit journey (one the exit intent, or any intent
    // trained with a banner's phrase, starts): raising the ticket there would call an agent again.
    .filter(([name, [entry]]) => !exitJourneys.includes(name) && !exitIntentOf(project, entry, phraseMatch))
    .map(([name, [{ file, journey }]]) => ({
      name,
      file: relative(file),
      ...(journey.triggerIntent ? { intent: journey.triggerIntent.value } : {}),
      raisesTicket: raisesTicket(journey),
      showsBanner: journey.nodes.some(showsBanner),
    }))
    .sort(byFile);
  const handoff = journeys.find((j) => j.raisesTicket && j.showsBanner);
  const plan =
    exitPhrase !== undefined && handoff
      ? planDisconnection(project, { phrase: exitPhrase, ticketJourney: { existing: handoff.name }, phraseMatch })
      : undefined;
  return {
    ...(exitPhrase !== undefined ? { exitPhrase } : {}),
    ...(exitIntent !== undefined ? { exitIntent } : {}),
    exitJourneys,
    journeys,
    intents: [...index.intentsByName]
      .map(([name, [{ file }]]) => ({
        name,
        file: relative(file),
        journeys: (index.journeysByIntent.get(name) ?? []).flatMap((e) => (e.journey.name ? [e.journey.name.value] : [])),
      }))
      .sort(byFile),
    alreadySetUp: plan !== undefined && plan.steps.length === 0 && plan.conflicts.length === 0,
    freeTicketJourney: freeName(project, 'journey', DEFAULT_TICKET_JOURNEY),
    freeExitJourney: freeName(project, 'journey', DEFAULT_EXIT_JOURNEY),
    freeExitIntent: freeName(project, 'intent', DEFAULT_EXIT_INTENT),
  };
}
