// What the project-scope checks of other files read from one file, as a string: when an edit
// leaves it the same, the findings of every other file stay the same, and only the edited file
// needs checking again (see IncrementalCheck). Deliberately generous: anything another file's
// check reads, in its message or its related locations, is part of it (offsets included).
import type { BotFile, NamedValue } from './botFile';
import { exitPhrasesOf } from './exitPhrases';
import { readIntent } from './intent';
import { readJourney } from './journey';
import { reachableNodes } from './journeyGraph';

const SIGNATURE = Symbol('cross-file signature');

/**
 * The cross-file signature of `file`, or undefined when any change of the file may change what
 * other files' checks find (bot.json, handoff-kit.json, a test report, any kind not listed here).
 * For an intent: its name and utterances (texts, offsets and lengths). For a journey: its name
 * and trigger intent, its banners' exit phrases, and each node reachable from its start as the
 * jump-following checks see it (type, event name, whether it has data, the journey it jumps to).
 * Both: whether the file was read and parses (`unreadFiles`). Computed once per file version.
 */
export function crossFileSignature(file: BotFile): string | undefined {
  if (file.kind !== 'intent' && file.kind !== 'journey') return undefined;
  return file.derived(SIGNATURE, () => {
    const status = [file.readable, file.syntaxProblems.length > 0];
    if (file.kind === 'intent') {
      const intent = readIntent(file);
      return JSON.stringify([status, named(intent.name), intent.utterances.map(named)]);
    }
    const journey = readJourney(file);
    const exits = exitPhrasesOf(file).map((exit) => [
      // Every plain field of the exit phrase (phrase, kind, offset, length…), and where its node is.
      Object.entries(exit).filter(([, value]) => value === null || typeof value !== 'object'),
      exit.sendEvent.node.offset,
    ]);
    const nodes = reachableNodes(journey).map((node) => [node.type, node.event?.value, !!node.data, node.journey?.value]);
    return JSON.stringify([status, named(journey.name), named(journey.triggerIntent), exits, nodes]);
  });
}

function named(value: NamedValue | undefined): [string, number, number] | undefined {
  return value && [value.value, value.node.offset, value.node.length];
}
