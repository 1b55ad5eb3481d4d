// banner-outlives-ticket: the banner that offers to leave the agent is shown once a ticket is
// raised, but when the ticket is closed another way (the agent closes it: the Raise Ticket node's
// `ticketClosed` outcome, or a journey triggered by the inbox event `ticket-closed`) nothing closes
// the banner, so the customer is left with a banner that hands them to nobody.
import type { BotFile } from '../../model/botFile';
import { readJourney, type JourneyNode } from '../../model/journey';
import { BANNER_CLOSE_EVENT } from '../../model/platformEvents';
import { walkFrom } from '../../analysis/exitPaths';
import { indexOf } from '../../analysis/projectIndex';
import { bannersOutlivingTicket, startingAt, TICKET_CLOSED_EVENT } from '../../analysis/ticketClosing';
import type { BotProject } from '../../project/project';
import { modifyJson, type ProjectEdit } from '../../edits/edits';
import { freshIds } from '../../guide/pieces';
import { fileEdit } from '../fixes';
import { defineProjectRule } from '../rule';

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
    // A journey triggered by the inbox event, in a project whose banners offer to leave the agent.
    const trigger = entry.journey.triggerEvent;
    if (trigger?.value === TICKET_CLOSED_EVENT && index.bannerPhrases.length > 0) {
      if (walkFrom(project, index, [entry], { until: 'closeBanner' }).closesBanner === 'no') {
        report({ offset: trigger.node.offset, length: trigger.node.length, messageId: 'eventJourney', data: {} });
      }
    }
    for (const { raise, kind, closed } of bannersOutlivingTicket(project, entry)) {
      const node = raise.id?.value ?? '';
      if (kind === 'outcome' && closed) report({ offset: closed.node.offset, length: closed.node.length, messageId: 'outcome', data: { node } });
      else if (kind === 'noPath' && raise.id)
        report({ offset: raise.id.node.offset, length: raise.id.node.length, messageId: 'noPath', data: { node } });
    }
  },
  fixes({ project, file, finding }) {
    if (finding.messageId === 'eventJourney') return closeAtStartFix(project, file);
    const journey = readJourney(file);
    const raise = journey.nodes.find((n) => n.type === 'raiseTicket' && n.id?.value === finding.data.node);
    return raise ? closeOnTicketClosedFix(project, file, raise) : [];
  },
});

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
