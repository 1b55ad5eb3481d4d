// Document symbols: a journey's nodes, an intent's utterances, bot.json's events, for the outline.
import type { BotFile } from '../model/botFile';
import { readBotConfig } from '../model/botConfig';
import { readIntent } from '../model/intent';
import { readJourney } from '../model/journey';

/**
 * An item of a file's outline: its `name`, a one-line `detail`, its `kind`, the UTF-16 range of the
 * whole item, the range to select (its name), and the items inside it (one level: nodes,
 * utterances or events).
 */
export interface OutlineItem {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'journey' | 'node' | 'intent' | 'utterance' | 'bot' | 'event';
  /** The whole item, and the part to select. */
  readonly offset: number;
  readonly length: number;
  readonly selection: { readonly offset: number; readonly length: number };
  readonly children: readonly OutlineItem[];
}

/**
 * The outline of a journey (its nodes), an intent (its utterances) or bot.json (its events): one
 * top-level item for the file, in file order. Empty for other kinds and for a file with no JSON value.
 */
export function outlineOf(file: BotFile): OutlineItem[] {
  const root = file.root;
  if (!root) return [];
  const whole = { offset: root.offset, length: root.length };
  if (file.kind === 'journey') {
    const journey = readJourney(file);
    const children = journey.nodes
      .filter((n) => n.id)
      .map((n) => ({
        name: n.id!.value,
        detail: n.type === 'sendEvent' ? `sendEvent ${n.event?.value ?? ''}`.trim() : (n.type ?? ''),
        kind: 'node' as const,
        offset: n.node.offset,
        length: n.node.length,
        selection: { offset: n.id!.node.offset, length: n.id!.node.length },
        children: [],
      }));
    const name = journey.name;
    return [
      {
        name: name?.value ?? 'journey',
        detail: 'journey',
        kind: 'journey',
        ...whole,
        selection: name ? { offset: name.node.offset, length: name.node.length } : whole,
        children,
      },
    ];
  }
  if (file.kind === 'intent') {
    const intent = readIntent(file);
    const children = intent.utterances.map((u) => ({
      name: u.value,
      detail: 'utterance',
      kind: 'utterance' as const,
      offset: u.node.offset,
      length: u.node.length,
      selection: { offset: u.node.offset, length: u.node.length },
      children: [],
    }));
    const name = intent.name;
    return [
      {
        name: name?.value ?? 'intent',
        detail: 'intent',
        kind: 'intent',
        ...whole,
        selection: name ? { offset: name.node.offset, length: name.node.length } : whole,
        children,
      },
    ];
  }
  if (file.kind === 'bot') {
    const config = readBotConfig(file);
    const children = [...config.events.values()].map((e) => ({
      name: e.name.value,
      detail: e.enabled === false ? 'event (disabled)' : 'event',
      kind: 'event' as const,
      offset: e.name.node.parent?.parent?.offset ?? e.name.node.offset,
      length: e.name.node.parent?.parent?.length ?? e.name.node.length,
      selection: { offset: e.name.node.offset, length: e.name.node.length },
      children: [],
    }));
    const name = config.name;
    return [
      {
        name: name?.value ?? 'bot',
        detail: 'bot',
        kind: 'bot',
        ...whole,
        selection: name ? { offset: name.node.offset, length: name.node.length } : whole,
        children,
      },
    ];
  }
  return [];
}
