// banner-outlives-ticket: the banner that offers to leave the agent is shown once a ticket is
// raised, but when the ticket is closed another way (the agent closes it: the Raise Ticket node's
// `ticketClosed` outcome, or a journey triggered by the inbox event `ticket-closed`) nothing closes
// the banner, so the customer is left with a banner that hands them to nobody.
import type { BotFile } from '../../model/botFile';
import { readJourney, type JourneyNode } from '../../model/journey';
import { nodesById, reachableNodes } from '../../model/journeyGraph';
import { BANNER_CLOSE_EVENT } from '../../model/platformEvents';
import { walkFrom, type Reach } from '../../analysis/exitPaths';
import { indexOf, type JourneyEntry, type ProjectIndex } from '../../analysis/projectIndex';
import type { BotProject } from '../../project/project';
import { modifyJson, type ProjectEdit } from '../../edits/edits';
import { freshIds } from '../../guide/pieces';
import { fileEdit } from '../fixes';
import { defineProjectRule } from '../rule';

/** The inbox event the platform sends when a live-agent ticket is closed. */
export const TICKET_CLOSED_EVENT = 'ticket-closed';

export const bannerOutlivesTicket = defineProjectRule({
  code: 'banner-outlives-ticket',
  severity: 'warning',
  scope: 'project',
  description: 'When the agent closes the ticket, nothing closes the banner that offers to leave the agent.',
  explanation: `The banner asks "Do you want to exit?" while an agent holds the chat. When the agent closes the ticket (the Raise Ticket node's \`ticketClosed\` outcome, or the inbox event \`${TICKET_CLOSED_EVENT}\`), that path must send \`${BANNER_CLOSE_EVENT}\` without data too; otherwise the banner stays on screen, offering to leave an agent who is gone.`,
  kinds: ['journey'],
  fixable: true,
  messages: {
    outcome: ({ node }: { node: string }) =>
      `when the agent closes the ticket of node \`${node}\`, the \`ticketClosed\` path never sends \`${BANNER_CLOSE_EVENT}\` without data: the banner stays, offering to leave an agent who is gone`,
    noPath: ({ node }: { node: string }) =>
      `the banner shown after node \`${node}\` raises the ticket stays when the agent closes it: no \`ticketClosed\` outcome and no journey triggered by \`${TICKET_CLOSED_EVENT}\` sends \`${BANNER_CLOSE_EVENT}\` without data`,
    eventJourney: () =>
      `this journey runs when a ticket is closed but never sends \`${BANNER_CLOSE_EVENT}\` without data: the banner offering to leave the agent stays`,
  },
  check(file, project, report) {
    const index = indexOf(project);
    const entry = index.journeyOf(file);
    if (!entry) return;
    const closing = ticketClosedJourneys(project, index);
    // A journey triggered by the inbox event, in a project whose banners offer to leave the agent.
    const trigger = entry.journey.triggerEvent;
    if (trigger?.value === TICKET_CLOSED_EVENT && index.bannerPhrases.length > 0) {
      if (walkFrom(project, index, [entry], { until: 'closeBanner' }).closesBanner === 'no') {
        report({ offset: trigger.node.offset, length: trigger.node.length, messageId: 'eventJourney', data: {} });
      }
    }
    if (closing.closesBanner !== 'no') return;
    for (const raise of reachableNodes(entry.journey)) {
      if (raise.type !== 'raiseTicket' || !showsBannerAfter(project, index, entry, raise)) continue;
      const name = raise.id?.value ?? '';
      const closed = raise.next.find((n) => n.outcome === 'ticketClosed');
      if (closed) {
        // An outcome that names no node is unknown-node's to report.
        if (nodesById(entry.journey).has(closed.value) && reachFrom(project, index, entry, closed.value) === 'no')
          report({ offset: closed.node.offset, length: closed.node.length, messageId: 'outcome', data: { node: name } });
      } else if (!closing.journeys.length && raise.id) {
        // A journey triggered by ticket-closed that does not close the banner is reported there.
        report({ offset: raise.id.node.offset, length: raise.id.node.length, messageId: 'noPath', data: { node: name } });
      }
    }
  },
  fixes({ project, file, finding }) {
    if (finding.messageId === 'eventJourney') return closeAtStartFix(project, file);
    const journey = readJourney(file);
    const raise = journey.nodes.find((n) => n.type === 'raiseTicket' && n.id?.value === finding.data.node);
    return raise ? closeOnTicketClosedFix(project, file, raise) : [];
  },
});

/** The journeys triggered by `ticket-closed`, and whether one of them closes the banner. */
function ticketClosedJourneys(project: BotProject, index: ProjectIndex): { journeys: readonly JourneyEntry[]; closesBanner: Reach } {
  const journeys = index.journeysByEvent.get(TICKET_CLOSED_EVENT) ?? [];
  return { journeys, closesBanner: journeys.length ? walkFrom(project, index, journeys, { until: 'closeBanner' }).closesBanner : 'no' };
}

/** Whether some path from the outcomes of `raise` shows a banner that offers an exit phrase, across jumps. */
function showsBannerAfter(project: BotProject, index: ProjectIndex, entry: JourneyEntry, raise: JourneyNode): boolean {
  return raise.next.some((next) => walkFrom(project, index, [startingAt(entry, next.value)], { pastRaise: false, until: 'show' }).shows.length > 0);
}

/** Whether some path from the node `id` of the journey closes the banner, across jumps. */
function reachFrom(project: BotProject, index: ProjectIndex, entry: JourneyEntry, id: string): Reach {
  return walkFrom(project, index, [startingAt(entry, id)], { until: 'closeBanner' }).closesBanner;
}

/** The journey as if it started at node `id` (which need not exist: then no path goes anywhere). */
function startingAt(entry: JourneyEntry, id: string): JourneyEntry {
  const start = nodesById(entry.journey).get(id)?.id;
  return { file: entry.file, journey: { ...entry.journey, start } };
}

/**
 * Sends the close event on the `ticketClosed` path of `raise`: a new Send Event node after it,
 * which goes on where `ticketClosed` went (the journey ends there when it had no such outcome).
 * None when that path raises a ticket: a closing step never goes before a Raise Ticket node.
 */
function closeOnTicketClosedFix(project: BotProject, file: BotFile, raise: JourneyNode): ProjectEdit[] {
  const journey = readJourney(file);
  const at = journey.nodes.indexOf(raise);
  const closed = raise.next.find((n) => n.outcome === 'ticketClosed');
  if (at < 0 || !raise.id) return [];
  if (
    closed &&
    walkFrom(project, indexOf(project), [startingAt({ file, journey }, closed.value)], { pastRaise: false, until: 'raise' }).raises.length
  )
    return [];
  // `next` must be an object of outcomes to add one to.
  if (raise.next.length && !raise.next.some((n) => n.outcome)) return [];
  const id = freshIds(journey)('close-banner');
  const node = { id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, ...(closed ? { next: closed.value } : {}) };
  return [
    fileEdit(
      file,
      `Close the banner when the agent closes the ticket (\`ticketClosed\` of node \`${raise.id.value}\`)`,
      [
        modifyJson(file.text, [
          { path: ['nodes', at, 'next', 'ticketClosed'], value: id },
          { path: ['nodes', at + 1], value: node, insert: true },
        ]),
      ],
      true,
    ),
  ];
}

/** Sends the close event first in a journey triggered by `ticket-closed` (none when it raises a ticket). */
function closeAtStartFix(project: BotProject, file: BotFile): ProjectEdit[] {
  const journey = readJourney(file);
  if (!journey.start) return [];
  if (
    journey.nodes.some((n) => n.type === 'raiseTicket') ||
    walkFrom(project, indexOf(project), [{ file, journey }], { pastRaise: false, until: 'raise' }).raises.length
  )
    return [];
  const id = freshIds(journey)('close-banner');
  return [
    fileEdit(
      file,
      `Close the banner first in journey \`${journey.name?.value ?? ''}\``,
      [
        modifyJson(file.text, [
          { path: ['nodes', 0], value: { id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, next: journey.start.value }, insert: true },
          { path: ['start'], value: id },
        ]),
      ],
      true,
    ),
  ];
}
