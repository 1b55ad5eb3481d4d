// The parts of a journey file the checks need, read from its tree once per parsed version.
import type * as jsonc from 'jsonc-parser';
import { named, stringValue, valueOf, type BotFile, type NamedValue } from './botFile';

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
  return file.derived(JOURNEY, () => parseJourney(file.root));
}

function parseJourney(root: jsonc.Node | undefined): Journey {
  const trigger = valueOf(root, 'trigger');
  const nodesNode = valueOf(root, 'nodes');
  const nodes = nodesNode?.type === 'array' ? (nodesNode.children ?? []).map(parseNode) : [];
  return {
    name: named(valueOf(root, 'name')),
    triggerIntent: named(valueOf(trigger, 'intent')),
    triggerEvent: named(valueOf(trigger, 'event')),
    start: named(valueOf(root, 'start')),
    nodes,
  };
}

function parseNode(node: jsonc.Node): JourneyNode {
  const nextNode = valueOf(node, 'next');
  const next: (NamedValue & { outcome?: string })[] = [];
  if (nextNode?.type === 'string') {
    next.push({ value: nextNode.value as string, node: nextNode });
  } else if (nextNode?.type === 'object') {
    for (const property of nextNode.children ?? []) {
      const target = named(property.children?.[1]);
      if (target) next.push({ ...target, outcome: property.children?.[0]?.value as string });
    }
  }
  return {
    node,
    id: named(valueOf(node, 'id')),
    type: stringValue(valueOf(node, 'type')),
    event: named(valueOf(node, 'event')),
    data: valueOf(node, 'data'),
    next,
    journey: named(valueOf(node, 'journey')),
  };
}
