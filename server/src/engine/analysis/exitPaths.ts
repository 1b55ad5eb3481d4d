// The way back from the agent, as the files describe it: what a banner's exit phrase starts (the
// intents trained with it, the journeys they start) and what those journeys reach, across jumps.
// The exit-path checks (exit-raises-ticket, exit-shows-banner), the closing checks, the verdicts
// of the banner preview and the judgement of quick fixes all read the path from here, so that
// they cannot disagree about where a customer who clicks Exit ends up.
import { relativePath, type BotFile } from '../model/botFile';
import { closesBanner as closesBannerNode, type JourneyNode } from '../model/journey';
import { nodesById } from '../model/journeyGraph';
import { isBannerEvent } from '../model/platformEvents';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { readFacts, recordingFacts, type FactKey } from '../project/dependencies';
import { exitPhrasesOf } from './exitPhrases';
import { indexOf, type JourneyEntry, type ProjectIndex, type UtteranceEntry } from './projectIndex';

/** A node some path of an exit path reaches, and how: from which started journey, through which jumps. */
export interface PathStep {
  /** The journey the exit phrase starts (through an intent trained with it). */
  readonly start: JourneyEntry;
  /** The journeys jumped to on the way from `start`, in order (their names); empty when the node is in `start`. */
  readonly jumps: readonly string[];
  /** The journey that holds the node: `start`, or the last of `jumps`. */
  readonly journey: JourneyEntry;
  readonly node: JourneyNode;
}

/** Whether some path reaches a step: `unknown` when none does but a jump leads to a journey no file read defines. */
export type Reach = 'yes' | 'no' | 'unknown';

export interface ExitPath {
  readonly phrase: string;
  /** The utterances the phrase matches as the bot's matcher compares, in project order (an intent's first only). */
  readonly utterances: readonly UtteranceEntry[];
  /** The names of the intents trained with the phrase, in project order, each once. */
  readonly intents: readonly string[];
  /** The journeys those intents start, in project order. */
  readonly starts: readonly JourneyEntry[];
  /**
   * The Raise Ticket nodes some path reaches (first found on the shortest path from each started
   * journey, one per node): each hands the customer who leaves to an agent again.
   */
  readonly raises: readonly PathStep[];
  /**
   * The Send Event nodes that show a banner offering an exit phrase again, reached by some path
   * that raises no ticket before them (after a Raise Ticket, showing the banner is that ticket's
   * business, reported through `raises`).
   */
  readonly shows: readonly PathStep[];
  /** Whether some path closes the banner (the close event without data). */
  readonly closesBanner: Reach;
  /** Whether some path reaches a Close Ticket node. */
  readonly closesTicket: Reach;
  /** The journeys the walk entered (the starts and those jumped to), in the order entered, each once. */
  readonly journeys: readonly JourneyEntry[];
}

/** How far a walk goes: what a caller needs decides which journeys it reads (and so which facts it records). */
export interface WalkOptions {
  /**
   * Follow paths past a Raise Ticket node (default true). Needed only to say whether something
   * closes the banner or the ticket after a ticket is raised again; without it a walk that meets a
   * Raise Ticket node records it and goes no further that way.
   */
  readonly pastRaise?: boolean;
  /** Stop at the first step of this kind: the caller needs no more than whether one is reached. */
  readonly until?: 'raise' | 'show' | 'closeBanner';
  /**
   * The starts are one question, whether any of them reaches what is asked: a state walked from
   * one start is not walked again from the next (linear in the nodes, not in starts × nodes); the
   * steps found name the first start that reached them.
   */
  readonly anyStart?: boolean;
}

/**
 * The exit path of `phrase`: the intents trained with it (compared as `mode` says), the journeys
 * they start, and what paths from those journeys' starts reach, following `next`, every outcome
 * and jumps to other journeys (see `walkFrom` for `options`). Reads the project through its index,
 * so a check that asks records the facts it read. Never throws; a journey without `start`, or a
 * loop, simply ends its paths.
 */
export function exitPathOf(project: BotProject, phrase: string, mode: PhraseMatch, options: WalkOptions = {}): ExitPath {
  // Most banners of a project offer the same phrase: its path is walked once per generation, and
  // each asker records the facts the walk read (as if it had walked).
  let cache = pathCache.get(project);
  if (!cache || cache.generation !== project.generation) pathCache.set(project, (cache = { generation: project.generation, paths: new Map() }));
  const key = `${mode}\u0000${options.pastRaise ?? true}\u0000${options.until ?? ''}\u0000${phrase}`;
  const cached = cache.paths.get(key);
  if (cached) {
    readFacts(cached.facts);
    return cached.path;
  }
  const { result, facts } = recordingFacts(() => walkPhrase(project, phrase, mode, options));
  cache.paths.set(key, { path: result, facts });
  return result;
}

/** The exit paths worked out in a project's generation, with the facts each read. */
const pathCache = new WeakMap<BotProject, { generation: number; paths: Map<string, { path: ExitPath; facts: ReadonlySet<FactKey> }> }>();

function walkPhrase(project: BotProject, phrase: string, mode: PhraseMatch, options: WalkOptions): ExitPath {
  const index = indexOf(project);
  const utterances: UtteranceEntry[] = [];
  const intents: string[] = [];
  for (const u of index.utterancesMatching(phrase, mode)) {
    if (intents.includes(u.intentName)) continue;
    intents.push(u.intentName);
    utterances.push(u);
  }
  const starts = intents.flatMap((intent) => index.journeysByIntent.get(intent) ?? []);
  const walk = walkFrom(project, index, starts, options);
  return { phrase, utterances, intents, starts, ...walk };
}

/**
 * What paths from the starts of `starts` reach (see ExitPath), breadth first so that each step is
 * found on a shortest path. With `options.pastRaise` false the walk stops at Raise Ticket nodes;
 * with `options.until` it stops at the first step of that kind (then the others are incomplete).
 */
export function walkFrom(
  project: BotProject,
  index: ProjectIndex,
  starts: readonly JourneyEntry[],
  options: WalkOptions = {},
): Pick<ExitPath, 'raises' | 'shows' | 'closesBanner' | 'closesTicket' | 'journeys'> {
  const pastRaise = options.pastRaise ?? true;
  const raises: PathStep[] = [];
  const shows: PathStep[] = [];
  let closesBanner = false;
  let closesTicket = false;
  let unresolved = false;
  let done = false;
  const journeys: JourneyEntry[] = [];
  let shared: { seen: Set<JourneyNode>; seenAfterRaise: Set<JourneyNode> } | undefined;
  for (const start of starts) {
    if (done) break;
    // A state is a node of a journey file, and whether a Raise Ticket node came before it on the
    // way: the node itself in one of two sets (a file's nodes are the same objects in every entry of it).
    const { seen, seenAfterRaise } = options.anyStart
      ? (shared ??= { seen: new Set<JourneyNode>(), seenAfterRaise: new Set<JourneyNode>() })
      : { seen: new Set<JourneyNode>(), seenAfterRaise: new Set<JourneyNode>() };
    const queue: { entry: JourneyEntry; id: string; jumps: readonly string[]; afterRaise: boolean }[] = [];
    const enter = (entry: JourneyEntry, jumps: readonly string[], afterRaise: boolean) => {
      // Reading the journey records its `graph` fact: what this walk reads of it. (The entry may
      // be a journey as if it started elsewhere: its own `start` is the one walked from.)
      index.journeyOf(entry.file);
      if (!journeys.some((j) => j.file === entry.file)) journeys.push(entry);
      if (entry.journey.start) queue.push({ entry, id: entry.journey.start.value, jumps, afterRaise });
    };
    enter(start, [], false);
    const tables = new Map<BotFile, ReadonlyMap<string, JourneyNode>>();
    for (let i = 0; i < queue.length && !done; i++) {
      const { entry, id, jumps, afterRaise } = queue[i];
      let table = tables.get(entry.file);
      if (!table) tables.set(entry.file, (table = nodesById(entry.journey)));
      const node = table.get(id);
      if (!node) continue;
      const states = afterRaise ? seenAfterRaise : seen;
      if (states.has(node)) continue;
      states.add(node);
      const step = { start, jumps, journey: entry, node };
      if (node.type === 'closeTicket') closesTicket = true;
      else if (closesBannerNode(node)) {
        closesBanner = true;
        done = options.until === 'closeBanner';
      } else if (node.type === 'raiseTicket' && !afterRaise && !raises.some((r) => r.node === node)) {
        raises.push(step);
        done = options.until === 'raise';
      } else if (!afterRaise && offersExit(entry.file, node) && !shows.some((s) => s.node === node)) {
        shows.push(step);
        done = options.until === 'show';
      }
      if (node.type === 'jumpToJourney' && node.journey) {
        const targets = index.journeysByName.get(node.journey.value);
        if (!targets) unresolved = true;
        for (const target of targets ?? []) enter(target, [...jumps, node.journey.value], afterRaise);
        continue;
      }
      if (node.type === 'raiseTicket' && !pastRaise) continue;
      const next = afterRaise || node.type === 'raiseTicket';
      for (const target of node.next) queue.push({ entry, id: target.value, jumps, afterRaise: next });
    }
  }
  const unknown = unresolved && project.unreadFiles('journey').length > 0;
  const reach = (found: boolean): Reach => (found ? 'yes' : unknown ? 'unknown' : 'no');
  return { raises, shows, closesBanner: reach(closesBanner), closesTicket: reach(closesTicket), journeys };
}

/** Whether `node` of `file` shows a banner that offers an exit phrase (a button's text or a phrase to type). */
export function offersExit(file: BotFile, node: JourneyNode): boolean {
  if (node.type !== 'sendEvent' || !node.data || !isBannerEvent(node.event?.value)) return false;
  return exitPhrasesOf(file).some((exit) => exit.sendEvent === node);
}

/** A journey's name for messages: its `name`, else its file. */
export function journeyName(project: BotProject, entry: JourneyEntry): string {
  return entry.journey.name?.value ?? relativePath(project.root, entry.file.path);
}

/**
 * What the journeys an intent starts do, for whoever would train it with an exit phrase:
 * `handoff` when some path raises a ticket or shows a banner that offers an exit phrase (an exit
 * phrase trained there hands the customer to an agent again, or shows the banner again), `exit`
 * when otherwise some path closes the banner or the ticket (a journey back to the bot), `other`
 * for the rest (and an intent that starts no journey).
 */
export function intentRole(project: BotProject, intent: string): 'handoff' | 'exit' | 'other' {
  const index = indexOf(project);
  const starts = index.journeysByIntent.get(intent) ?? [];
  if (!starts.length) return 'other';
  // Past a Raise Ticket node nothing matters: the intent hands the customer to an agent.
  const walk = walkFrom(project, index, starts, { pastRaise: false });
  if (walk.raises.length || walk.shows.length) return 'handoff';
  return walk.closesBanner === 'yes' || walk.closesTicket === 'yes' ? 'exit' : 'other';
}
