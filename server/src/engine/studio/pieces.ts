// The "Copy for Studio" code lenses: what each Studio field takes, read from a bot file.
import * as jsonc from 'jsonc-parser';
import type { BotFile } from '../model/botFile';
import { isPartialData, sendEventNodesOf } from '../model/functionCode';
import { readIntent } from '../model/intent';
import { studioData, studioUtterances } from './sheet';

/** One lens: where it stands (UTF-16 offset of the line it goes above), its title, and what it copies. */
export interface StudioPiece {
  readonly offset: number;
  readonly title: string;
  /** The text put on the clipboard. */
  readonly text: string;
  /** What was copied, for the message shown after copying. */
  readonly what: string;
}

/**
 * For each Send Event node (of a journey, or a function's literal `app.sendEvent`): its data as
 * Studio's data field takes it (JSON.stringify(value, null, 2)), and its event name; for an intent,
 * its utterances one a line, as the training box takes them. None for a file that does not parse.
 */
export function studioPieces(file: BotFile): StudioPiece[] {
  if (!file.readable || file.syntaxProblems.length) return [];
  if (file.kind === 'intent') {
    const list = jsonc.findNodeAtLocation(file.root!, ['utterances']);
    const intent = readIntent(file);
    if (!list?.parent || !intent.utterances.length) return [];
    const name = intent.name?.value ?? 'the intent';
    return [
      {
        offset: list.parent.offset,
        title: 'Copy for Studio: utterances',
        text: studioUtterances(intent.utterances.map((u) => u.value)),
        what: `the ${intent.utterances.length} utterance(s) of intent \`${name}\``,
      },
    ];
  }
  if (file.kind !== 'journey' && file.kind !== 'function') return [];
  const pieces: StudioPiece[] = [];
  for (const node of sendEventNodesOf(file)) {
    const event = node.event?.value;
    // Data with parts that are code (`app.renderMessage(…)`) is not a value to paste: no copy.
    const data =
      node.data && !isPartialData(node.data)
        ? studioData(file.kind === 'function' ? jsonc.getNodeValue(node.data) : file.valueAt(node.data))
        : undefined;
    if (data !== undefined) {
      pieces.push({
        offset: node.node.offset,
        title: `Copy for Studio: data${event ? ` of ${event}` : ''}`,
        text: data,
        what: `the data of the Send Event node${event ? ` for \`${event}\` (event type Custom)` : ''}`,
      });
    }
    if (event) pieces.push({ offset: node.node.offset, title: `Copy event name`, text: event, what: `the event name \`${event}\`` });
  }
  return pieces;
}
