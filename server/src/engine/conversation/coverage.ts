// Which parts of the handoff path the tests walk: each way out a banner offers (an option that
// sends a text, a phrase its title asks to type), the exit intents those phrases train and the
// journeys they start, and every outcome of every Raise Ticket node. A part no test walks is a
// part of the handoff a change can break unnoticed.
import { exitPhrasesOf, handoffPath, indexOf, phraseKey, reachableNodes, type BotFile, type BotProject, type SimulationStep } from './engineParts';
import type { TestRange, TestRun } from './runTests';

/** What a part of the handoff path is. */
export type CoverageKind = 'bannerOption' | 'typedPhrase' | 'exitIntent' | 'exitJourney' | 'ticketOutcome';

/** A part of the handoff path, and whether a test walks it. */
export interface CoverageItem extends TestRange {
  readonly kind: CoverageKind;
  /** In words: `option "Exit" of the banner of node show-exit-banner (journey live-agent)`. */
  readonly label: string;
  /** The file it is in (absolute path); the range is in its text. */
  readonly file: string;
  /** The names of the tests that walk it, in the order run. */
  readonly walkedBy: readonly string[];
}

/** The parts of the handoff path of a project, in the order listed above, each with the tests that walk it. */
export interface HandoffCoverage {
  readonly items: readonly CoverageItem[];
}

/**
 * The handoff path of `project` (docs/simulator.md: every banner sent after an agent connects)
 * and which of its parts `runs` walk: a banner option clicked or a typed phrase typed while that
 * banner was on screen, an exit intent a customer's message matched, an exit journey that ran, a
 * ticket outcome taken while that Raise Ticket node waited. Every Raise Ticket node a journey
 * reaches counts, with each outcome its `next` names.
 */
export function handoffCoverage(project: BotProject, runs: readonly TestRun[]): HandoffCoverage {
  const index = indexOf(project);
  const mode = project.phraseMatch;
  const items: CoverageItem[] = [];
  const seen = new Set<string>();
  const add = (key: string, item: Omit<CoverageItem, 'walkedBy'>, walks: (step: WalkedStep) => boolean) => {
    if (seen.has(key)) return;
    seen.add(key);
    const walkedBy = runs.filter((run) => walked(run).some(walks)).map((run) => run.name);
    items.push({ ...item, walkedBy: [...new Set(walkedBy)] });
  };
  const exitIntents: string[] = [];

  for (const handoff of handoffPath(project, { keep: 'verdict' }).runs) {
    const { journey, node } = handoff.banner;
    const file = handoff.banner.place.path;
    const exit = exitPhraseOf(project.file(file), node, handoff.exit.phrase, handoff.exit.kind);
    const where = `the banner of node ${node} (journey ${journey})`;
    const range = exit ? { offset: exit.offset, length: exit.length } : { offset: handoff.banner.place.offset, length: handoff.banner.place.length };
    const onBanner = (s: WalkedStep) => s.banner?.journey === journey && s.banner.node === node;
    if (handoff.exit.kind === 'option') {
      add(
        `option\n${file}\n${node}\n${handoff.exit.phrase}`,
        { kind: 'bannerOption', label: `option ${JSON.stringify(handoff.exit.option)} of ${where}`, file, ...range },
        (s) => s.input === 'click' && onBanner(s) && s.sent === handoff.exit.phrase,
      );
    } else {
      const key = phraseKey(handoff.exit.phrase, mode);
      add(
        `typed\n${file}\n${node}\n${key}`,
        { kind: 'typedPhrase', label: `typed phrase ${JSON.stringify(handoff.exit.phrase)} of ${where}`, file, ...range },
        (s) => s.input === 'say' && onBanner(s) && s.sent !== undefined && phraseKey(s.sent, mode) === key,
      );
    }
    const intent = index.utterancesMatching(handoff.exit.phrase, mode)[0]?.intentName;
    if (intent !== undefined && !exitIntents.includes(intent)) exitIntents.push(intent);
  }

  const intentOf = (text: string) => index.utterancesMatching(text, mode)[0]?.intentName;
  for (const intent of exitIntents) {
    const entry = index.intentsByName.get(intent)?.[0];
    if (!entry) continue;
    const name = entry.intent.name!;
    add(
      `intent\n${intent}`,
      { kind: 'exitIntent', label: `exit intent ${JSON.stringify(intent)}`, file: entry.file.path, ...rangeOf(name.node) },
      (s) => s.sent !== undefined && intentOf(s.sent) === intent,
    );
  }
  for (const intent of exitIntents) {
    const journey = index.journeysByIntent.get(intent)?.[0];
    const name = journey?.journey.name;
    if (!journey || !name) continue;
    add(
      `journey\n${name.value}`,
      { kind: 'exitJourney', label: `exit journey ${JSON.stringify(name.value)}`, file: journey.file.path, ...rangeOf(name.node) },
      (s) => s.journeys.includes(name.value),
    );
  }

  for (const file of project.filesOfKind('journey')) {
    const entry = index.journeyOf(file);
    const journey = entry?.journey.name?.value;
    if (!entry || journey === undefined) continue;
    for (const raise of reachableNodes(entry.journey)) {
      if (raise.type !== 'raiseTicket' || !raise.id) continue;
      const id = raise.id.value;
      for (const next of raise.next) {
        if (next.outcome === undefined) continue;
        add(
          `ticket\n${file.path}\n${id}\n${next.outcome}`,
          {
            kind: 'ticketOutcome',
            label: `outcome ${next.outcome} of Raise Ticket node ${id} (journey ${journey})`,
            file: file.path,
            ...rangeOf(next.node),
          },
          (s) => s.outcome === next.outcome && s.waiting?.journey === journey && s.waiting.node === id,
        );
      }
    }
  }
  return { items };
}

/** What one input of a test's run did, as coverage reads it. */
interface WalkedStep {
  readonly input: 'say' | 'click' | 'ticket' | 'event' | 'startJourney';
  /** The banner on screen before the input. */
  readonly banner?: { readonly journey?: string; readonly node?: string };
  /** The message the customer sent with it (typed, or a click's text). */
  readonly sent?: string;
  /** `ticket`: the outcome, and the Raise Ticket node that waited for it. */
  readonly outcome?: string;
  readonly waiting?: { readonly journey?: string; readonly node?: string };
  /** The journeys that ran for it. */
  readonly journeys: readonly string[];
}

const walkedSteps = new WeakMap<TestRun, WalkedStep[]>();

/** What each input of a test's run did, up to where the test stopped (worked out once per run). */
function walked(run: TestRun): WalkedStep[] {
  let steps = walkedSteps.get(run);
  if (steps) return steps;
  steps = [];
  const last = run.transcript.length ? run.transcript[run.transcript.length - 1].input : undefined;
  let before: SimulationStep | undefined;
  let held: { journey?: string; node?: string } | undefined;
  for (let i = 0; last !== undefined && i <= last; i++) {
    const input = run.run.inputs[i];
    const produced = run.transcript.filter((s) => s.input === i);
    const shown = before?.state.banner;
    const waitingNow = before?.state.waitingFor === 'ticket' ? { journey: before.state.journey, node: before.state.node } : undefined;
    // The agent closing the ticket takes the `ticketClosed` outcome of the node that connected it (as the simulator does).
    const waiting =
      waitingNow ?? (input.kind === 'ticket' && input.outcome === 'ticketClosed' && before?.state.ticket === 'agentConnected' ? held : undefined);
    if (input.kind === 'ticket') held = waitingNow && input.outcome === 'agentConnected' ? waitingNow : undefined;
    const customer = produced.find((s) => s.kind === 'customer');
    steps.push({
      input: input.kind,
      ...(shown?.status === 'shown' ? { banner: { journey: shown.journey, node: shown.node } } : {}),
      ...(customer ? { sent: customer.text } : {}),
      ...(input.kind === 'ticket' ? { outcome: input.outcome } : {}),
      ...(waiting ? { waiting } : {}),
      journeys: [...new Set(produced.flatMap((s) => (s.state.journey !== undefined ? [s.state.journey] : [])))],
    });
    if (produced.length) before = produced[produced.length - 1];
  }
  walkedSteps.set(run, steps);
  return steps;
}

/** The exit phrase of the banner sent by node `node` of a journey file, by phrase and kind. */
function exitPhraseOf(file: BotFile | undefined, node: string, phrase: string, kind: 'option' | 'typed') {
  return file ? exitPhrasesOf(file).find((e) => e.sendEvent.id?.value === node && e.phrase === phrase && e.kind === kind) : undefined;
}

function rangeOf(node: { readonly offset: number; readonly length: number }): TestRange {
  return { offset: node.offset, length: node.length };
}
