// The runs that matter for the disconnection guide, derived from the project alone: for every
// banner a Send Event node sends on a path after a Raise Ticket node's `agentConnected` outcome,
// the customer clicks each of its options that sends a text, or types the phrase a banner without
// buttons asks for. Each run ends with its verdict (outcome.ts).
import {
  bannerPayloadsOf,
  indexOf,
  isBannerEvent,
  reachableNodes,
  readBannerPayload,
  relativePath,
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
  /** The banner: the journey and Send Event node that send it, where that node is, and the Raise Ticket node it follows. */
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
  const index = indexOf(project);
  const runs: HandoffRun[] = [];
  const notes = [matchingNote(phraseMatch)];
  const seen = new Set<string>();
  for (const file of project.filesOfKind('journey')) {
    const entry = index.journeyOf(file);
    const name = entry?.journey.name?.value;
    if (!entry || name === undefined) continue;
    for (const raise of reachableNodes(entry.journey)) {
      if (raise.type !== 'raiseTicket' || !raise.id) continue;
      const connected = raise.next.find((n) => n.outcome === 'agentConnected');
      if (!connected) continue;
      for (const sent of bannersAfter(project, entry, connected.value)) {
        const nodeId = sent.node.id?.value ?? '';
        if (options.only && (options.only.file !== sent.entry.file.path || (options.only.node !== undefined && options.only.node !== nodeId)))
          continue;
        const key = `${file.path}\n${raise.id.value}\n${sent.entry.file.path}\n${nodeId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const payload = readBannerPayload(sent.node.data!, sent.entry.file.text);
        const bannerName = sent.entry.journey.name?.value ?? relativePath(project.root, sent.entry.file.path);
        const banner = {
          journey: bannerName,
          node: nodeId,
          place: placeOf(project, sent.entry.file, sent.node.node),
          raisedBy: { journey: name, node: raise.id.value },
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
          const title = option?.title ? sent.entry.file.valueAt(option.title) : undefined;
          const label = typeof title === 'string' ? title : exit.phrase;
          const exitInput: SimulationInput =
            exit.kind === 'option'
              ? { kind: 'click', title: label, banner: exit.banner.position, option: optionIndex }
              : { kind: 'say', text: exit.phrase };
          const run = runTo(project, name, raise.id.value, exitInput, banner, shared);
          runs.push({
            ...run,
            title: exit.kind === 'option' ? `${where}: click ${JSON.stringify(label)}` : `${where}: type ${JSON.stringify(exit.phrase)}`,
            banner,
            exit: exit.kind === 'option' ? { kind: 'option', phrase: exit.phrase, option: label } : { kind: 'typed', phrase: exit.phrase },
          });
        }
      }
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
