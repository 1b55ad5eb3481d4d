// The journey graph's vocabulary: what `journeyGraph` (journeyGraph.ts) returns and takes. Plain
// data (JSON as it is), so the language server sends it to the webview and the command line
// prints it unchanged. Positions are SVG user units (CSS pixels at zoom 1), origin top left.
import type { CheckOptions } from '../check/check';
import type { Severity } from '../findings';
import type { PhraseMatch } from '../phrases/phraseMatch';

/** How many nodes of journeys the graph draws open by default (see GraphOptions.maxNodes). */
export const MAX_OPEN_NODES = 2000;

/** The two views: the handoff path (default), or every journey of the project. */
export const GRAPH_VIEWS = ['handoff', 'project'] as const;
/** `handoff`: from the journeys that raise a ticket through the banner to the exit journeys; `project`: every journey. */
export type GraphView = (typeof GRAPH_VIEWS)[number];

/** A range of a bot file: where a click on a node or an edge goes. */
export interface GraphPlace {
  /** Absolute path of the file (the engine's paths; the command line prints them relative). */
  readonly file: string;
  /** 0-based UTF-16 offset of the range's start in the file's text. */
  readonly offset: number;
  /** Length of the range in UTF-16 code units. */
  readonly length: number;
}

/** A finding of the checks, as the graph carries it on the node or edge whose place holds it. */
export interface GraphFinding {
  /** The rule's code, such as `option-text-mismatch`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where the finding is (not always the element's own place: it lies inside it). */
  readonly place: GraphPlace;
}

/**
 * What a node stands for:
 * - `step`: a node of a journey (its `type` in `nodeType`), or a function file's `app.sendEvent` call;
 * - `banner`: one banner of a Send Event node's payload;
 * - `option`: a button of a banner, or the phrase a banner without buttons asks to type;
 * - `intent`, `event`: what starts journeys;
 * - `journey`: a journey drawn as one box (collapsed, or out of the view but linked from it);
 * - `missing`: where a link leads nowhere (always `broken`).
 */
export type GraphNodeKind = 'step' | 'banner' | 'option' | 'intent' | 'event' | 'journey' | 'missing';

/**
 * What an edge stands for: `next` and `outcome` (a `raiseTicket` outcome, labelled) inside a
 * journey; `jump` (jumpToJourney); `shows` (a Send Event node to the banner it shows); `option`
 * (a banner to its options); `matches` (an option's text to the intent trained with it); `starts`
 * (an intent to the journey it triggers); `sends` (a Send Event node to an event that triggers
 * journeys); `triggers` (an event to a journey); `lacks` (an exit journey to the close step it never reaches).
 */
export type GraphEdgeKind = 'next' | 'outcome' | 'jump' | 'shows' | 'option' | 'matches' | 'starts' | 'sends' | 'triggers' | 'lacks';

/** A point in graph units. */
export interface GraphPoint {
  readonly x: number;
  readonly y: number;
}

/** A box: its centre and size, in graph units. */
export interface GraphBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What every node and edge carries besides its kind. */
interface GraphElement {
  /**
   * Stable id: made of names and project-relative paths only, so the same project gives the same
   * ids on every run and machine (`step:live-agent/raise-ticket`, `intent:talk_to_bot`).
   */
  readonly id: string;
  /** Where a click goes; undefined for what has no place in a file (a platform event). */
  readonly place?: GraphPlace;
  /** Why the link leads nowhere: set on `missing` nodes, unreachable steps, and edges that cannot work. */
  readonly broken?: string;
  /** The findings whose place lies in this element's place (the smallest such element), most severe first. */
  readonly findings: readonly GraphFinding[];
  /** The most severe of `findings`. */
  readonly severity?: Severity;
  /** The 1-based positions in the overlaid walk at which this element is walked (see GraphWalk); empty when not walked. */
  readonly walk: readonly number[];
}

/**
 * One box of the graph: a journey node (`step`), a banner, an option, an intent, an event, or a
 * missing target drawn broken; with its place in its file, its findings and its laid-out box.
 */
export interface GraphNode extends GraphElement, GraphBox {
  readonly kind: GraphNodeKind;
  /** The first line drawn: a node id, a banner's title, an option's label, a name. */
  readonly label: string;
  /** The second line drawn: what the node does (`raiseTicket`, `sends “talk to bot”`). */
  readonly detail?: string;
  /** The id of the cluster the node is drawn in; undefined for intents, events and most missing nodes. */
  readonly cluster?: string;
  /** `step` nodes: the journey node's `type` (`message`, `sendEvent`, …) as written. */
  readonly nodeType?: string;
}

/** One link of the graph, from `from` to `to` (node ids): a `next`, a ticket outcome, a jump, or a cross-file link. */
export interface GraphEdge extends GraphElement {
  readonly kind: GraphEdgeKind;
  readonly from: string;
  readonly to: string;
  /** The outcome of a `raiseTicket`, or what a cross-file link is (`starts`, “talk to bot”). */
  readonly label?: string;
  /** The polyline from `from` to `to`, in graph units; at least two points. */
  readonly points: readonly GraphPoint[];
  /** Where the label is drawn (its centre), when the edge has one. */
  readonly labelAt?: GraphPoint;
}

/** A journey (or a function file) drawn as a box around its nodes. */
export interface GraphCluster extends GraphBox {
  /** `journey:<name>` (the file's project-relative path when the name is missing or taken), or `function:<path>`. */
  readonly id: string;
  readonly kind: 'journey' | 'function';
  readonly label: string;
  /** The journey's name as written, when it has one. */
  readonly journey?: string;
  /** Where its name is (or the file's start). */
  readonly place: GraphPlace;
  /** How many nodes of the file the cluster holds. */
  readonly nodeCount: number;
  /** Findings in the file that lie in none of its nodes or edges (the journey's name, its trigger). */
  readonly findings: readonly GraphFinding[];
  readonly severity?: Severity;
}

/**
 * One step of a walk to lay over the graph: a node of a journey, by the journey's name (or its
 * file's project-relative path) and the node's `id`, or any graph element by its id (a banner's
 * option, an intent). A simulator run or a failed conversation test becomes a list of these.
 */
export type WalkStep = { readonly journey: string; readonly node: string } | { readonly id: string };

/** An ordered walk: step 1 first. */
export type GraphWalk = readonly WalkStep[];

/** How the walk was laid over the graph. */
export interface GraphWalkResult {
  /** Per step (in order): the node id it landed on, or undefined when the graph has no such node. */
  readonly steps: readonly { readonly step: WalkStep; readonly node?: string }[];
  /** How many steps landed on no node of the graph (not in the view, or unknown). */
  readonly unresolved: number;
}

/** What `journeyGraph` draws: the view, one journey, collapsed or opened clusters, a walk, and the check options its findings take. */
export interface GraphOptions {
  /** `handoff` (default) or `project`. */
  readonly view?: GraphView;
  /**
   * Only what concerns this journey (by name): in the handoff view, the handoff paths that pass
   * through it; in the project view, the journey with what links to it and from it.
   */
  readonly journey?: string;
  /** Cluster ids drawn as one box each (the project view's collapsed journeys). */
  readonly collapsed?: readonly string[];
  /** Cluster ids drawn open even when the graph is over `maxNodes` (journeys the reader opened). */
  readonly expanded?: readonly string[];
  /**
   * At most this many nodes of journeys are drawn open (default MAX_OPEN_NODES, 2,000): past it,
   * journeys are drawn as boxes, the first ones by file path (and the focus and `expanded` ones)
   * staying open, always at least one. `Infinity` or 0 for no limit.
   */
  readonly maxNodes?: number;
  /** A walk to highlight, in order (see WalkStep). */
  readonly walk?: GraphWalk;
  /** How exit phrases are compared with utterances; as the project says when undefined. */
  readonly phraseMatch?: PhraseMatch;
  /** The options the findings are computed with (the editor's rule settings). */
  readonly checkOptions?: CheckOptions;
}

/** The laid-out graph of a bot project. */
export interface JourneyGraph {
  readonly view: GraphView;
  /** The journey the graph is about, when one was asked for. */
  readonly journey?: string;
  /** The project folder (absolute path). */
  readonly root: string;
  readonly clusters: readonly GraphCluster[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The size of the drawing, in graph units (the boxes above lie within it). */
  readonly width: number;
  readonly height: number;
  /** Every journey name of the project, sorted: for a picker, and to check `journey`. */
  readonly journeys: readonly string[];
  /** Every cluster drawn as one box (asked for, or over `maxNodes`), in the view; what a click on such a box opens. */
  readonly collapsed: readonly string[];
  /** Sentences about what the graph leaves out or could not do, such as "journey x is on no handoff path". */
  readonly notes: readonly string[];
  /** Findings of the files drawn that lie in no element (bot.json's, say). */
  readonly otherFindings: readonly GraphFinding[];
  /** Set when a walk was given. */
  readonly walk?: GraphWalkResult;
}
