// The parts of a journey file the checks need, read from its value (see
// JsonPlace in botFile.ts: the nodes find their offsets in the tree only when asked for).
import type * as jsonc from 'jsonc-parser';
import { named, type BotFile, type JsonPlace, type NamedValue } from './botFile';
import { BANNER_CLOSE_EVENT, isBannerEvent } from './platformEvents';

/**
 * One item of a journey file's `nodes`, whose fields are read from the file each time they are
 * asked for. `node` is its JSON value (0-based UTF-16 offsets); string fields come with their
 * nodes. `type` is as written: the schema allows message, sendEvent (Studio's Send Event node:
 * event name and data), raiseTicket, closeTicket and jumpToJourney. A missing or mistyped
 * field is undefined (`next`: empty).
 */
export interface JourneyNode {
  readonly node: jsonc.Node;
  readonly id?: NamedValue;
  readonly type?: string;
  /** sendEvent: the event's name. */
  readonly event?: NamedValue;
  /** sendEvent: the payload node, when present. */
  readonly data?: jsonc.Node;
  /** The ids this node continues to: `next`, or each outcome of a raiseTicket. */
  readonly next: readonly (NamedValue & { outcome?: string })[];
  /** jumpToJourney: the journey it continues in. */
  readonly journey?: NamedValue;
}

/**
 * A journey file as the checks read it: its `name`, what starts it (`trigger.intent` or
 * `trigger.event`), the id of its `start` node and its nodes in file order. The format is the
 * project's own (docs/bot-project-format.md): the platform exports no journey file.
 */
export interface Journey {
  readonly name?: NamedValue;
  readonly triggerIntent?: NamedValue;
  readonly triggerEvent?: NamedValue;
  readonly start?: NamedValue;
  readonly nodes: readonly JourneyNode[];
}

const JOURNEY = Symbol('journey');

/**
 * The journey `file` holds, read once per file version (BotFile.derived). Does not throw on bad
 * content: a file that is no journey object gives undefined fields and no nodes.
 */
export function readJourney(file: BotFile): Journey {
  return file.derived(JOURNEY, () => parseJourney(file.place));
}

function parseJourney(root: JsonPlace | undefined): Journey {
  const trigger = root?.child('trigger');
  const nodes =
    root
      ?.child('nodes')
      ?.items()
      .map((place): JourneyNode => new PlaceJourneyNode(place)) ?? [];
  return {
    name: root?.named('name'),
    triggerIntent: trigger?.named('intent'),
    triggerEvent: trigger?.named('event'),
    start: root?.named('start'),
    nodes,
  };
}

/** The `next` of a node that continues nowhere: one shared empty list. */
const NO_NEXT: readonly (NamedValue & { outcome?: string })[] = [];

/**
 * A journey node read from its place each time a field is asked for: a project keeps every
 * journey's nodes (100,000 in a large one), and one small object per node costs less kept than
 * its fields would; reading a field again makes a small object that dies young. The node itself
 * is the same object for as long as the file version is kept.
 */
class PlaceJourneyNode implements JourneyNode {
  constructor(private readonly place: JsonPlace) {}

  get node(): jsonc.Node {
    return this.place.node;
  }

  get id(): NamedValue | undefined {
    return this.place.named('id');
  }

  get type(): string | undefined {
    return this.place.string('type');
  }

  get event(): NamedValue | undefined {
    return this.place.named('event');
  }

  get data(): jsonc.Node | undefined {
    return this.place.child('data')?.node;
  }

  get next(): readonly (NamedValue & { outcome?: string })[] {
    const nextName = this.place.named('next');
    if (nextName) return [nextName];
    const nextPlace = this.place.child('next');
    if (nextPlace?.type !== 'object') return NO_NEXT;
    const next: (NamedValue & { outcome?: string })[] = [];
    for (const [outcome, value] of nextPlace.entries()) {
      const target = named(value.node);
      if (target) next.push({ value: target.value, node: target.node, outcome });
    }
    return next;
  }

  get journey(): NamedValue | undefined {
    return this.place.named('journey');
  }
}

// What a node or journey does in the guide's handoff: the one definition the checks, the fixes,
// the scaffold and the simulator ask.

/** Whether the node shows a banner: a banner event sent with data (steps 2 and 3 of the guide). */
export function showsBanner(node: Pick<JourneyNode, 'type' | 'event' | 'data'>): boolean {
  return node.type === 'sendEvent' && isBannerEvent(node.event?.value) && node.data !== undefined;
}

/**
 * Whether the node closes the banner (step 5): `ui-event-close-promotion` sent without data. With
 * data the guide uses the same event to show the banner, so only a send without data closes it.
 */
export function closesBanner(node: Pick<JourneyNode, 'type' | 'event' | 'data'>): boolean {
  return node.type === 'sendEvent' && node.event?.value === BANNER_CLOSE_EVENT && !node.data;
}

/** Whether the node closes the live-agent ticket (step 6): a Close Ticket node. */
export function closesTicket(node: Pick<JourneyNode, 'type'>): boolean {
  return node.type === 'closeTicket';
}

/** Whether the journey raises a live-agent ticket anywhere (reachable or not). */
export function raisesTicket(journey: Journey): boolean {
  return journey.nodes.some((n) => n.type === 'raiseTicket');
}
