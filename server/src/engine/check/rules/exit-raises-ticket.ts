// exit-raises-ticket: a banner's exit phrase starts a journey that raises a live-agent ticket, in
// itself or in a journey it jumps to, so the customer who clicks Exit is handed to an agent again.
import { exitPhrasesOf } from '../../analysis/exitPhrases';
import { exitPathOf } from '../../analysis/exitPaths';
import { exitPathFixes, stepData, stepRelated, whereOnPath, type StepData } from '../exitPathFindings';
import { defineProjectRule } from '../rule';

export const exitRaisesTicket = defineProjectRule({
  code: 'exit-raises-ticket',
  severity: 'error',
  scope: 'project',
  description: "A banner's exit phrase starts a journey that raises a live-agent ticket, so leaving the agent hands the customer to one again.",
  explanation:
    'The exit phrase must start the journey back to the bot. When it trains the intent of a journey that raises a ticket (the agent journey itself, or one that jumps to it), the customer who clicks Exit gets a new ticket and a new agent instead of the bot, and the banner offering to leave comes back with it.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    raises: (data: StepData) =>
      `the exit phrase \`${data.phrase}\` starts journey \`${data.journey}\` (intent \`${data.intent}\`), ${whereOnPath(data)} raises a new live-agent ticket: the customer who leaves is handed to an agent again`,
    own: (data: StepData) =>
      `the exit phrase \`${data.phrase}\` starts \`${data.journey}\` (intent \`${data.intent}\`), the very journey that shows this banner: leaving raises a new ticket (${whereOnPath(data).replace(/^where /, '')}) and hands the customer to an agent again`,
  },
  check(file, project, report, { phraseMatch }) {
    for (const exit of exitPhrasesOf(file)) {
      const path = exitPathOf(project, exit.phrase, phraseMatch, { pastRaise: false, until: 'raise' });
      const step = path.raises[0];
      if (!step) continue;
      const data = stepData(project, file, exit, path, step);
      report({
        offset: exit.offset,
        length: exit.length,
        messageId: data.own ? 'own' : 'raises',
        data,
        related: stepRelated(project, path, data, step, 'the Raise Ticket node'),
      });
    }
  },
  fixes({ project, file, finding }) {
    return exitPathFixes(project, file, finding, finding.data.phrase, finding.data.kind, project.phraseMatch);
  },
});
