// ticket-not-closed: the journey the exit intent starts never reaches a closeTicket node, so the
// ticket stays open in the agent's inbox after the customer has left.
import { exitIntentOf, reaches } from '../exitJourneys';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const ticketNotClosed: Rule = {
  code: 'ticket-not-closed',
  severity: 'warning',
  description: 'The journey the exit intent starts never reaches a `closeTicket` node.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const entry = indexOf(project).journeyOf(file);
    const intent = entry && exitIntentOf(project, entry, phraseMatch);
    if (!entry || !intent || !entry.journey.triggerIntent) return;
    if (reaches(project, file, (n) => n.type === 'closeTicket')) return;
    const trigger = entry.journey.triggerIntent.node;
    report({
      offset: trigger.offset,
      length: trigger.length,
      message: `this journey starts from the exit intent \`${intent}\` but never reaches a \`closeTicket\` node: the ticket stays open`,
      data: { intent },
    });
  },
};
