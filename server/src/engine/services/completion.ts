// Completion of the names a bot file refers to: events, intents, journeys, node ids, and the
// utterances a banner option's text may use.
import * as jsonc from 'jsonc-parser';
import type { BotFile } from '../botFile';
import { readJourney } from '../journey';
import { platformEvents } from '../platformEvents';
import type { BotProject } from '../project';
import { indexOf } from '../projectIndex';

export type CompletionKind = 'event' | 'intent' | 'journey' | 'node' | 'utterance';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label. */
  readonly detail: string;
  /** Markdown shown for the selected item. */
  readonly documentation?: string;
  /** The JSON text to insert (a quoted string), replacing `replace`. */
  readonly insertText: string;
  readonly replace: { readonly offset: number; readonly length: number };
  /** Sort key: the most likely first. */
  readonly sortText: string;
}

export function completionsAt(project: BotProject, file: BotFile, offset: number): Completion[] {
  if (file.kind !== 'journey' || !file.root) return [];
  const location = jsonc.getLocation(file.text, offset);
  if (location.isAtPropertyKey) return [];
  const at = location.path;
  const last = at[at.length - 1];
  const node = jsonc.findNodeAtOffset(file.root, offset);
  // Inside a string: replace it whole; elsewhere (after a colon): insert at the cursor.
  const replace = node?.type === 'string' ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  const index = indexOf(project);
  const item = (label: string, kind: CompletionKind, detail: string, documentation?: string, rank = 1): Completion => ({
    label,
    kind,
    detail,
    documentation,
    insertText: JSON.stringify(label),
    replace,
    sortText: `${rank}-${label}`,
  });

  if (last === 'event' && (at[0] === 'trigger' || at[0] === 'nodes')) {
    const declared = project.config.events;
    const items = [...declared.values()].map((e) =>
      item(e.name.value, 'event', e.enabled === false ? 'custom event (disabled in bot.json)' : 'custom event, declared in bot.json', platformEvents.find((p) => p.name === e.name.value)?.description, e.enabled === false ? 3 : 0),
    );
    for (const event of platformEvents) {
      if (!declared.has(event.name)) items.push(item(event.name, 'event', `${event.kind} event`, event.description, event.kind === 'banner' ? 1 : 2));
    }
    return items;
  }
  if (at[0] === 'trigger' && last === 'intent') {
    return [...index.intentsByName].map(([name, [entry]]) =>
      item(name, 'intent', `intent, ${entry.intent.utterances.length} utterance(s)`, entry.intent.utterances.map((u) => `- ${u.value}`).join('\n')),
    );
  }
  if (at[0] === 'nodes' && last === 'journey') {
    return [...index.journeysByName.keys()].map((name) => item(name, 'journey', 'journey'));
  }
  const journey = readJourney(file);
  if (at.length === 1 && last === 'start' || (at[0] === 'nodes' && (last === 'next' || at[at.length - 2] === 'next'))) {
    return journey.nodes.filter((n) => n.id).map((n) => item(n.id!.value, 'node', `${n.type ?? 'node'} node`));
  }
  if (last === 'text' && at.includes('options') && at.includes('data')) {
    return index.utterances.map((u) =>
      item(u.utterance.value, 'utterance', `utterance of intent ${u.intentName}`, `Starts the journeys of intent \`${u.intentName}\`.`, index.journeysByIntent.has(u.intentName) ? 0 : 1),
    );
  }
  return [];
}
