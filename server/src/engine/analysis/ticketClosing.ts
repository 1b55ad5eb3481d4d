// When the agent closes the ticket: the Raise Ticket node's `ticketClosed` outcome and the journeys
// the inbox event `ticket-closed` starts. Whether a banner offering to leave the agent outlives the
// ticket is read here, for banner-outlives-ticket and for the judgement of fixes alike.
import type { NamedValue } from '../model/botFile';
import type { JourneyNode } from '../model/journey';
import { nodesById, reachableNodes } from '../model/journeyGraph';
import type { BotProject } from '../project/project';
import { walkFrom, type Reach } from './exitPaths';
import { indexOf, type JourneyEntry, type ProjectIndex } from './projectIndex';

/** The inbox event the platform sends when a live-agent ticket is closed. */
export const TICKET_CLOSED_EVENT = 'ticket-closed';

/** A Raise Ticket node whose banner stays when the agent closes the ticket, and why. */
export interface OutlivingBanner {
  readonly raise: JourneyNode;
  /** `outcome`: its `ticketClosed` path never closes the banner; `noPath`: nothing runs when the ticket closes. */
  readonly kind: 'outcome' | 'noPath';
  /** The `ticketClosed` outcome's value, for `outcome`. */
  readonly closed?: NamedValue;
}

/** The journeys `ticket-closed` starts, and whether one of them closes the banner. */
export function ticketClosedJourneys(
  project: BotProject,
  index: ProjectIndex = indexOf(project),
): { journeys: readonly JourneyEntry[]; closesBanner: Reach } {
  const journeys = index.journeysByEvent.get(TICKET_CLOSED_EVENT) ?? [];
  return { journeys, closesBanner: journeys.length ? walkFrom(project, index, journeys, { until: 'closeBanner' }).closesBanner : 'no' };
}

/**
 * The Raise Ticket nodes of `entry` (reachable from its start) after which some path shows a
 * banner offering an exit phrase, and whose banner nothing closes when the agent closes the
 * ticket: neither a journey `ticket-closed` starts, nor the node's `ticketClosed` path. A node
 * without that outcome is listed only when no journey is triggered by `ticket-closed` (one that
 * does not close the banner is the one to fix). Unknown reaches (a jump to a journey no file read
 * defines) are left out; so is an outcome that names no node (unknown-node reports it).
 */
export function bannersOutlivingTicket(project: BotProject, entry: JourneyEntry): OutlivingBanner[] {
  const index = indexOf(project);
  const closing = ticketClosedJourneys(project, index);
  if (closing.closesBanner !== 'no') return [];
  const found: OutlivingBanner[] = [];
  const byId = nodesById(entry.journey);
  for (const raise of reachableNodes(entry.journey)) {
    if (raise.type !== 'raiseTicket' || !showsBannerAfter(project, index, entry, raise)) continue;
    const closed = raise.next.find((n) => n.outcome === 'ticketClosed');
    if (closed) {
      if (byId.has(closed.value) && walkFrom(project, index, [startingAt(entry, closed.value)], { until: 'closeBanner' }).closesBanner === 'no')
        found.push({ raise, kind: 'outcome', closed });
    } else if (!closing.journeys.length) {
      found.push({ raise, kind: 'noPath' });
    }
  }
  return found;
}

/** Whether some path from the outcomes of `raise` shows a banner that offers an exit phrase, across jumps. */
function showsBannerAfter(project: BotProject, index: ProjectIndex, entry: JourneyEntry, raise: JourneyNode): boolean {
  return raise.next.some((next) => walkFrom(project, index, [startingAt(entry, next.value)], { pastRaise: false, until: 'show' }).shows.length > 0);
}

/** The journey as if it started at node `id` (which need not exist: then no path goes anywhere). */
export function startingAt(entry: JourneyEntry, id: string): JourneyEntry {
  const start = nodesById(entry.journey).get(id)?.id;
  return { file: entry.file, journey: { ...entry.journey, start } };
}
