// The parts of a journey file the checks need, read from its value once per parsed version (see
// JsonPlace in botFile.ts: the nodes find their offsets in the tree only when asked for).
import type * as jsonc from 'jsonc-parser';
import { named, type BotFile, type JsonPlace, type NamedValue } from './botFile';

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

export interface Journey {
  readonly name?: NamedValue;
  readonly triggerIntent?: NamedValue;
  readonly triggerEvent?: NamedValue;
  readonly start?: NamedValue;
  readonly nodes: readonly JourneyNode[];
}

const JOURNEY = Symbol('journey');

export function readJourney(file: BotFile): Journey {
  return file.derived(JOURNEY, () => parseJourney(file.place));
}

function parseJourney(root: JsonPlace | undefined): Journey {
  const trigger = root?.child('trigger');
  const nodes = root?.child('nodes')?.items().map(parseNode) ?? [];
  return {
    name: root?.named('name'),
    triggerIntent: trigger?.named('intent'),
    triggerEvent: trigger?.named('event'),
    start: root?.named('start'),
    nodes,
  };
}

function parseNode(place: JsonPlace): JourneyNode {
  // Read with `named` and `string`, which make no place for a value that is not there or not a
  // string: a journey of 20 nodes would otherwise make some 150 short-lived places.
  const next: (NamedValue & { outcome?: string })[] = [];
  const nextName = place.named('next');
  if (nextName) {
    next.push(nextName);
  } else {
    const nextPlace = place.child('next');
    if (nextPlace?.type === 'object') {
      for (const [outcome, value] of nextPlace.entries()) {
        const target = named(value.node);
        if (target) next.push({ value: target.value, node: target.node, outcome });
      }
    }
  }
  return {
    node: place.node,
    id: place.named('id'),
    type: place.string('type'),
    event: place.named('event'),
    data: place.child('data')?.node,
    next,
    journey: place.named('journey'),
  };
}
