// The journeys that run when the customer leaves the agent: those an exit intent starts, and
// what they reach, following jumps to other journeys.
import type { BotFile } from './botFile';
import type { JourneyNode } from './journey';
import { reachableNodes } from './journeyGraph';
import type { PhraseMatch } from './phraseMatch';
import type { BotProject } from './project';
import { indexOf, type JourneyEntry } from './projectIndex';

/**
 * Where an exit journey lacks a step: its trigger, when `file` is a journey an exit intent starts
 * and no path from its start reaches a node that satisfies `has`. Both closing rules ask this.
 */
export function exitJourneyLacking(
  project: BotProject,
  file: BotFile,
  mode: PhraseMatch,
  has: (node: JourneyNode) => boolean,
): { intent: string; trigger: { offset: number; length: number } } | undefined {
  const entry = indexOf(project).journeyOf(file);
  const trigger = entry?.journey.triggerIntent;
  const intent = entry && exitIntentOf(project, entry, mode);
  if (!trigger || !intent || reaches(project, file, has)) return undefined;
  return { intent, trigger: { offset: trigger.node.offset, length: trigger.node.length } };
}

/** Whether `file` is a journey started by an intent trained with some banner's exit phrase. */
export function exitIntentOf(project: BotProject, entry: JourneyEntry, mode: PhraseMatch): string | undefined {
  const intent = entry.journey.triggerIntent?.value;
  return intent && indexOf(project).exitIntents(mode).has(intent) ? intent : undefined;
}

/** Whether some path from the journey's start, across jumps, reaches a node that satisfies `test`. */
export function reaches(project: BotProject, file: BotFile, test: (node: JourneyNode) => boolean): boolean {
  const index = indexOf(project);
  const seen = new Set<BotFile>();
  const stack = [file];
  while (stack.length) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const entry = index.journeyOf(current);
    if (!entry) continue;
    for (const node of reachableNodes(entry.journey)) {
      if (test(node)) return true;
      if (node.type === 'jumpToJourney' && node.journey) {
        for (const target of index.journeysByName.get(node.journey.value) ?? []) stack.push(target.file);
      }
    }
  }
  return false;
}
