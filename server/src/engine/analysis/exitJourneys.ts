// The journeys that run when the customer leaves the agent: those an exit intent starts, and
// what they reach, following jumps to other journeys.
import type { BotFile } from '../model/botFile';
import type { JourneyNode } from '../model/journey';
import { reachableNodes } from '../model/journeyGraph';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { indexOf, type BannerPhraseEntry, type JourneyEntry } from './projectIndex';
import { walkFrom } from './exitPaths';

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
  // A jump to a journey no file that was read defines may lead to the step: then it is unknown.
  if (!trigger || !intent || reachesStep(project, file, has) !== 'no') return undefined;
  // One cause, one finding: an exit journey that raises a ticket or shows the banner again is the
  // wrong journey (exit-raises-ticket, exit-shows-banner say so at the phrase); closing steps
  // added to it would close the ticket before raising a new one.
  const walk = walkFrom(project, index, [entry], { pastRaise: false });
  if (walk.raises.length || walk.shows.length) return undefined;
  return { intent, trigger: { offset: trigger.node.offset, length: trigger.node.length }, banners: index.exitIntentBanners(mode, intent) };
}

/** Whether `file` is a journey started by an intent trained with some banner's exit phrase. */
export function exitIntentOf(project: BotProject, entry: JourneyEntry, mode: PhraseMatch): string | undefined {
  const intent = entry.journey.triggerIntent?.value;
  return intent && indexOf(project).isExitIntent(mode, intent) ? intent : undefined;
}

/** Whether some path from the journey's start, across jumps, reaches a node that satisfies `test`. */
export function reaches(project: BotProject, file: BotFile, test: (node: JourneyNode) => boolean): boolean {
  return reachesStep(project, file, test) === 'yes';
}

/**
 * As `reaches`, and `unknown` when no path reaches such a node but one jumps to a journey that no
 * file read defines while some journey file was not read (or does not parse): it may be that one.
 */
export function reachesStep(project: BotProject, file: BotFile, test: (node: JourneyNode) => boolean): 'yes' | 'no' | 'unknown' {
  const index = indexOf(project);
  let unresolvedJump = false;
  const seen = new Set<BotFile>();
  const stack = [file];
  while (stack.length) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const entry = index.journeyOf(current);
    if (!entry) continue;
    for (const node of reachableNodes(entry.journey)) {
      if (test(node)) return 'yes';
      if (node.type === 'jumpToJourney' && node.journey) {
        const targets = index.journeysByName.get(node.journey.value);
        if (!targets) unresolvedJump = true;
        for (const target of targets ?? []) stack.push(target.file);
      }
    }
  }
  return unresolvedJump && project.unreadFiles('journey').length ? 'unknown' : 'no';
}
