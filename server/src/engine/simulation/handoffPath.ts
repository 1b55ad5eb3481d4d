// The runs that matter for the disconnection guide, derived from the project alone: for every
// banner a Send Event node sends on a path after a Raise Ticket node's `agentConnected` outcome,
// the customer clicks each of its options that sends a text, or types the phrase a banner without
// buttons asks for. Each run ends with its verdict (outcome.ts).
import {
  bannerPayloadsOf,
  indexOf,
  type BotFile,
  type JourneyBannerPayload,
  isBannerEvent,
  reachableNodes,
  readBannerPayload,
  relativePath,
  shownTextOf,
  type BotProject,
  type JourneyEntry,
  type JourneyNode,
} from './engineParts';
import type { SimulationInput } from './inputs';
import { FUNCTIONS_NOTE, journeyNodes, matchingNote, simulate, type SimulateOptions, type SimulationRun } from './simulate';
import { CheckedFindings, placeOf, type SimulationPlace } from './why';

/** One run of the handoff path: a banner, and one way out it offers. */
export interface HandoffRun extends SimulationRun {
  /** One line naming the journey and the exit: `live-agent: click "Exit"`. */
  readonly title: string;
  /**
   * The banner: the journey and Send Event node that send it, where that node is, and the Raise
   * Ticket node it follows. For a banner a function sends (handoffOfBanner), `journey` is the
   * function file's path relative to the project and `node` is empty.
   */
  readonly banner: {
    readonly journey: string;
    readonly node: string;
    readonly place: SimulationPlace;
    readonly raisedBy: { readonly journey: string; readonly node: string };
  };
  /** The exit tried: a button's text (`option`, with the button's title) or the phrase the banner asks to type (`typed`). */
  readonly exit: { readonly kind: 'option' | 'typed'; readonly phrase: string; readonly option?: string };
}

/** The handoff path of a project. */
export interface HandoffPath {
  readonly runs: readonly HandoffRun[];
  /**
   * What the path does not cover, said once: how phrases are matched, function code never run,
   * banners whose exits are known only on the platform.
   */
  readonly notes: readonly string[];
}

/** How the handoff path is made: as a run (see SimulateOptions), and optionally for one banner. */
export interface HandoffOptions extends SimulateOptions {
  /** Only the banners sent by this file (absolute path), and of it only by the node with this id when given. */
  readonly only?: { readonly file: string; readonly node?: string };
}

/**
 * The handoff path of `project`: one run per exit of every banner sent after an agent connects,
 * in project order (journey files, then their nodes). Each run starts the journey of the Raise
 * Ticket node, connects the agent, and clicks or types the exit; when that path does not show the
 * banner (another Raise Ticket node comes first), the run starts at the Raise Ticket node instead.
 */
export function handoffPath(project: BotProject, options: HandoffOptions = {}): HandoffPath {
  const phraseMatch = options.phraseMatch ?? project.phraseMatch;
  const shared: SimulateOptions = { ...options, phraseMatch, findings: options.findings ?? new CheckedFindings(project, phraseMatch) };
  const runs: HandoffRun[] = [];
  const notes = [matchingNote(phraseMatch)];
  for (const { raisedBy, raise, sent } of bannersSentAfterAgent(project)) {
    const nodeId = sent.node.id?.value ?? '';
    if (options.only && (options.only.file !== sent.entry.file.path || (options.only.node !== undefined && options.only.node !== nodeId))) continue;
    const name = raisedBy.journey.name!.value;
    const payload = readBannerPayload(sent.node.data!, sent.entry.file.text);
    const bannerName = sent.entry.journey.name?.value ?? relativePath(project.root, sent.entry.file.path);
    const banner = {
      journey: bannerName,
      node: nodeId,
      place: placeOf(project, sent.entry.file, sent.node.node),
      raisedBy: { journey: name, node: raise },
    };
    if (!payload.exitPhrases.length) {
      notes.push(
        `The banner of node \`${nodeId}\` of journey \`${bannerName}\` (${relativePath(project.root, sent.entry.file.path)}) offers no exit phrase to try (${payload.template !== undefined ? `it is the template ${payload.template}` : 'no option with a text, and no phrase to type in its title'}).`,
      );
      continue;
    }
    const where = bannerName === name ? name : `${name} (banner in ${bannerName})`;
    for (const exit of payload.exitPhrases) {
      const optionIndex = exit.kind === 'option' ? exit.banner.options.findIndex((o) => o.text === exit.node) : -1;
      const option = optionIndex >= 0 ? exit.banner.options[optionIndex] : undefined;
      const label = (option?.title && shownTextOf(project, sent.entry.file, option.title)) || exit.phrase;
      const exitInput: SimulationInput =
        exit.kind === 'option'
          ? { kind: 'click', title: label, banner: exit.banner.position, option: optionIndex }
          : { kind: 'say', text: exit.phrase };
      const run = runTo(project, name, raise, exitInput, banner, shared);
      runs.push({
        ...run,
        title: exit.kind === 'option' ? `${where}: click ${JSON.stringify(label)}` : `${where}: type ${JSON.stringify(exit.phrase)}`,
        banner,
        exit: exit.kind === 'option' ? { kind: 'option', phrase: exit.phrase, option: label } : { kind: 'typed', phrase: exit.phrase },
      });
    }
  }
  const functionBanners = project.filesOfKind('function').filter((f) => bannerPayloadsOf(f).length > 0);
  if (functionBanners.length) {
    notes.push(
      `${FUNCTIONS_NOTE} The banners sent by ${functionBanners.map((f) => relativePath(project.root, f.path)).join(', ')} are not in the handoff path.`,
    );
  } else if (project.filesOfKind('function').length) {
    notes.push(FUNCTIONS_NOTE);
  }
  return { runs, notes };
}

/**
 * The run to one exit: from the journey's start, and when that does not show the banner before
 * the exit, from the Raise Ticket node itself (kept only when that one does).
 */
function runTo(
  project: BotProject,
  journey: string,
  raise: string,
  exit: SimulationInput,
  banner: { readonly journey: string; readonly node: string },
  options: SimulateOptions,
): SimulationRun {
  const connect: SimulationInput = { kind: 'ticket', outcome: 'agentConnected' };
  // The exit is input 2: the banner must be on screen before it, or the run is stuck (outcome.ts).
  const expecting: SimulateOptions = { ...options, expectBanner: { beforeInput: 2, journey: banner.journey, node: banner.node } };
  const fromStart = simulate(project, [{ kind: 'startJourney', journey }, connect, exit], expecting);
  if (fromStart.outcome.expectedBannerShown) return fromStart;
  const fromRaise = simulate(project, [{ kind: 'startJourney', journey, node: raise }, connect, exit], expecting);
  return fromRaise.outcome.expectedBannerShown ? fromRaise : fromStart;
}

/** A banner sent after an agent connects: the Send Event node, and the Raise Ticket node whose `agentConnected` path reaches it. */
interface SentAfterAgent {
  /** The journey of the Raise Ticket node (it has a name). */
  readonly raisedBy: JourneyEntry;
  /** The Raise Ticket node's id. */
  readonly raise: string;
  readonly sent: { readonly entry: JourneyEntry; readonly node: JourneyNode };
}

/**
 * Every banner a Send Event node sends on a path after a Raise Ticket node's `agentConnected`
 * outcome (following jumps), in project order (journey files, then their nodes), once per Raise
 * Ticket node and banner.
 */
function* bannersSentAfterAgent(project: BotProject): Generator<SentAfterAgent> {
  const index = indexOf(project);
  const seen = new Set<string>();
  for (const file of project.filesOfKind('journey')) {
    const entry = index.journeyOf(file);
    if (!entry || entry.journey.name === undefined) continue;
    for (const raise of reachableNodes(entry.journey)) {
      if (raise.type !== 'raiseTicket' || !raise.id) continue;
      const connected = raise.next.find((n) => n.outcome === 'agentConnected');
      if (!connected) continue;
      for (const sent of bannersAfter(project, entry, connected.value)) {
        const key = `${file.path}\n${raise.id.value}\n${sent.entry.file.path}\n${sent.node.id?.value ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { raisedBy: entry, raise: raise.id.value, sent };
      }
    }
  }
}

/** The first Raise Ticket node (in project order) with an `agentConnected` outcome: where a run can connect an agent. */
function firstAgentConnection(project: BotProject): { readonly journey: string; readonly node: string } | undefined {
  const index = indexOf(project);
  for (const file of project.filesOfKind('journey')) {
    const journey = index.journeyOf(file)?.journey;
    const name = journey?.name?.value;
    if (!journey || name === undefined) continue;
    for (const raise of reachableNodes(journey)) {
      if (raise.type === 'raiseTicket' && raise.id && raise.next.some((n) => n.outcome === 'agentConnected'))
        return { journey: name, node: raise.id.value };
    }
  }
  return undefined;
}

/** A banner a "Simulate exit" code lens runs: the Send Event node of a journey, or the `app.sendEvent` call of a function, that sends it. */
export interface HandoffBanner {
  /** Where the node (or the call) is: 0-based UTF-16 offset and length in the file's text. */
  readonly offset: number;
  readonly length: number;
  /** The Send Event node's id; undefined for a function's call. */
  readonly node?: string;
}

/**
 * The banners of `file` whose handoff a run can try (what the "Simulate exit" code lenses stand
 * above), in file order: every Send Event node of a journey that sends a banner payload; and in
 * a function file, every `app.sendEvent` call with a banner payload, when some journey of the
 * project has a Raise Ticket node with an `agentConnected` outcome for the run to start from.
 */
export function handoffBannersIn(project: BotProject, file: BotFile): HandoffBanner[] {
  if (file.kind !== 'journey' && (file.kind !== 'function' || !firstAgentConnection(project))) return [];
  return bannerPayloadsOf(file)
    .map(({ sendEvent }) => ({
      offset: sendEvent.node.offset,
      length: sendEvent.node.length,
      ...(sendEvent.id ? { node: sendEvent.id.value } : {}),
    }))
    .sort((a, b) => a.offset - b.offset);
}

/**
 * The handoff path of the one banner sent by the node (or `app.sendEvent` call) of `file` around
 * `offset` (see handoffBannersIn), for the "Simulate exit" code lens. A journey's banner gets the
 * runs handoffPath gives it. A function's banner is never on screen in a run (function code is
 * never run): each run starts the journey of the first Raise Ticket node with an `agentConnected`
 * outcome at that node, connects the agent, and types each exit phrase of the banner, as a click
 * on its option would send it. No banner there: no runs, and a note that says so.
 */
export function handoffOfBanner(project: BotProject, file: BotFile, offset: number, options: SimulateOptions = {}): HandoffPath {
  const phraseMatch = options.phraseMatch ?? project.phraseMatch;
  const rel = relativePath(project.root, file.path);
  const sent = bannerPayloadsOf(file).find(
    ({ sendEvent }) => sendEvent.node.offset <= offset && offset <= sendEvent.node.offset + sendEvent.node.length,
  );
  if (!sent) return { runs: [], notes: [matchingNote(phraseMatch), `No Send Event node of ${rel} sends a banner at that place.`] };
  if (file.kind === 'function') return functionBannerPath(project, file, sent, { ...options, phraseMatch });
  const node = sent.sendEvent.id?.value;
  const path = handoffPath(project, { ...options, only: { file: file.path, node } });
  if (path.runs.length || !sent.payload.exitPhrases.length) return path;
  return {
    runs: [],
    notes: [
      ...path.notes,
      `The banner of node \`${node ?? ''}\` (${rel}) is not sent after an agent connects: no path from the \`agentConnected\` outcome of a Raise Ticket node reaches it, so the handoff path has no run for it.`,
    ],
  };
}

/** The runs of a banner a function sends: from the first agent connection, its exit phrases typed (see handoffOfBanner). */
function functionBannerPath(project: BotProject, file: BotFile, sent: JourneyBannerPayload, options: SimulateOptions): HandoffPath {
  const phraseMatch = options.phraseMatch!;
  const rel = relativePath(project.root, file.path);
  const start = firstAgentConnection(project);
  const notes = [matchingNote(phraseMatch)];
  if (!start) {
    notes.push(`No journey raises a ticket with an \`agentConnected\` outcome, so no run can connect an agent to try the banner of ${rel}.`);
    return { runs: [], notes };
  }
  notes.push(
    `${rel} is never run, so its banner is not on screen in these runs: each starts journey \`${start.journey}\` at its Raise Ticket node \`${start.node}\`, connects an agent, and sends what the banner asks for (an option's text, as a click would send it).`,
  );
  const shared: SimulateOptions = { ...options, findings: options.findings ?? new CheckedFindings(project, phraseMatch) };
  const runs = sent.payload.exitPhrases.map((exit): HandoffRun => {
    const inputs: SimulationInput[] = [
      { kind: 'startJourney', journey: start.journey, node: start.node },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'say', text: exit.phrase },
    ];
    const run = simulate(project, inputs, shared);
    const optionTitle = exit.kind === 'option' ? exit.banner.options.find((o) => o.text === exit.node)?.title : undefined;
    const label = (optionTitle && shownTextOf(project, file, optionTitle)) || exit.phrase;
    return {
      ...run,
      title: `${start.journey} (banner of ${rel}): ${exit.kind === 'option' ? `${JSON.stringify(label)} sends` : 'type'} ${JSON.stringify(exit.phrase)}`,
      banner: { journey: rel, node: '', place: placeOf(project, file, sent.sendEvent.node), raisedBy: start },
      exit: exit.kind === 'option' ? { kind: 'option', phrase: exit.phrase, option: label } : { kind: 'typed', phrase: exit.phrase },
    };
  });
  return { runs, notes };
}

/** The Send Event nodes with a banner payload that some path from node `id` reaches, following jumps. */
function bannersAfter(project: BotProject, entry: JourneyEntry, id: string): { entry: JourneyEntry; node: JourneyNode }[] {
  const index = indexOf(project);
  const found: { entry: JourneyEntry; node: JourneyNode }[] = [];
  const seen = new Set<JourneyNode>();
  const stack: [JourneyEntry, string][] = [[entry, id]];
  while (stack.length) {
    const [current, nodeId] = stack.pop()!;
    const node = journeyNodes(current).get(nodeId);
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (node.type === 'sendEvent' && isBannerEvent(node.event?.value) && node.data) found.push({ entry: current, node });
    if (node.type === 'jumpToJourney' && node.journey) {
      const target = index.journeysByName.get(node.journey.value)?.[0];
      if (target?.journey.start) stack.push([target, target.journey.start.value]);
    }
    // Reversed, so that the first `next` is walked first and banners come in path order.
    for (const next of [...node.next].reverse()) stack.push([current, next.value]);
  }
  return found;
}
