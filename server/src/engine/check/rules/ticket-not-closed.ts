// ticket-not-closed: the journey the exit intent starts never reaches a closeTicket node, so the
// ticket stays open in the agent's inbox after the customer has left.
import { exitJourneyLacking } from '../../analysis/exitJourneys';
import { closesTicket } from '../../model/journey';
import { closingStepsFixes } from '../fixes';
import { defineProjectRule } from '../rule';

export const ticketNotClosed = defineProjectRule({
  code: 'ticket-not-closed',
  severity: 'error',
  scope: 'project',
  description: 'The journey the exit intent starts never reaches a `closeTicket` node.',
  explanation:
    "Step 6 of the guide closes the live-agent ticket when the customer leaves. Without it the ticket stays open in the agent's inbox: the agent keeps the chat, and the customer's next message may go to them instead of the bot.",
  kinds: ['journey'],
  fixable: true,
  messages: {
    notClosed: ({ intent }: { intent: string }) =>
      `this journey starts from the exit intent \`${intent}\` but never reaches a \`closeTicket\` node: the ticket stays open`,
  },
  check(file, project, report, { phraseMatch }) {
    const lacking = exitJourneyLacking(project, file, phraseMatch, closesTicket);
    if (!lacking) return;
    report({ ...lacking.trigger, messageId: 'notClosed', data: { intent: lacking.intent } });
  },
  fixes({ project, file }) {
    return closingStepsFixes(project, file);
  },
});
