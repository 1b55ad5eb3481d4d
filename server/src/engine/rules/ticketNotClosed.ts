// ticket-not-closed: the journey the exit intent starts never reaches a closeTicket node, so the
// ticket stays open in the agent's inbox after the customer has left.
import { exitJourneyLacking } from '../exitJourneys';
import type { Rule } from './rule';

export const ticketNotClosed: Rule = {
  code: 'ticket-not-closed',
  severity: 'warning',
  description: 'The journey the exit intent starts never reaches a `closeTicket` node.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const lacking = exitJourneyLacking(project, file, phraseMatch, (n) => n.type === 'closeTicket');
    if (!lacking) return;
    report({
      ...lacking.trigger,
      message: `this journey starts from the exit intent \`${lacking.intent}\` but never reaches a \`closeTicket\` node: the ticket stays open`,
      data: { intent: lacking.intent },
    });
  },
};
