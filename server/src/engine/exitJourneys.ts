// The journeys that run when the customer leaves the agent: those an exit intent starts, and
// what they reach, following jumps to other journeys.
import type { BotFile } from './botFile';
import type { JourneyNode } from './journey';
import { reachableNodes } from './journeyGraph';
import type { PhraseMatch } from './phraseMatch';
import type { BotProject } from './project';
import { BANNER_CLOSE_EVENT } from './platformEvents';
import { indexOf, type BannerPhraseEntry, type JourneyEntry } from './projectIndex';

/** Step 5 of the guide: a Send Event node that closes the banner (the close event without data). */
export function closesBanner(node: JourneyNode): boolean {
  return node.type === 'sendEvent' && node.event?.value === BANNER_CLOSE_EVENT && !node.data;
}

/** Step 6 of the guide: a node that closes the live-agent ticket. */
export function closesTicket(node: JourneyNode): boolean {
  return node.type === 'closeTicket';
}

/**
 * Where an exit journey lacks a step: its trigger, when `file` is a journey an exit intent starts
 * and no path from its start reaches a node that satisfies `has`. Both closing rules ask this.
 */
export function exitJourneyLacking(
  project: BotProject,
  file: BotFile,
  mode: PhraseMatch,
  has: (node: JourneyNode) => boolean,
): { intent: string; trigger: { offset: number; length: number }; banners: readonly BannerPhraseEntry[] } | undefined {
  const index = indexOf(project);
  const entry = index.journeyOf(file);
  const trigger = entry?.journey.triggerIntent;
  const intent = entry && exitIntentOf(project, entry, mode);
  if (!trigger || !intent || reaches(project, file, has)) return undefined;
  // A journey it jumps to may not have been read: then whether the step is there is unknown.
  if (project.unreadFiles('journey').length) return undefined;
  return { intent, trigger: { offset: trigger.node.offset, length: trigger.node.length }, banners: index.exitIntents(mode).get(intent) ?? [] };
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
