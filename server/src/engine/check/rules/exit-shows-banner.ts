// exit-shows-banner: a banner's exit phrase starts a journey that shows a banner offering to exit
// again (the banner's own journey, or one it jumps to), without raising a ticket first: the
// customer who leaves is asked to leave again, in a loop.
import { exitPhrasesOf } from '../../analysis/exitPhrases';
import { exitPathOf } from '../../analysis/exitPaths';
import { exitPathFixes, stepData, stepRelated, whereOnPath, type StepData } from '../exitPathFindings';
import { defineProjectRule } from '../rule';

export const exitShowsBanner = defineProjectRule({
  code: 'exit-shows-banner',
  severity: 'error',
  scope: 'project',
  description: "A banner's exit phrase starts a journey that shows a banner offering to exit again.",
  explanation:
    'The journey an exit phrase starts takes the customer back to the bot and closes the banner. One that shows a banner offering an exit phrase again (because the phrase trains the intent of the journey that shows the banner, or the exit journey jumps back into it) leaves the customer in a loop: each click on Exit brings the banner back, and the ticket it belongs to is never closed.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    shows: (data: StepData) =>
      `the exit phrase \`${data.phrase}\` starts journey \`${data.journey}\` (intent \`${data.intent}\`), ${whereOnPath(data)} shows a banner offering to exit again: the customer who leaves is asked to leave again`,
    own: (data: StepData) =>
      `the exit phrase \`${data.phrase}\` starts \`${data.journey}\` (intent \`${data.intent}\`), the very journey that shows this banner: leaving shows the banner again instead of going back to the bot`,
  },
  check(file, project, report, { phraseMatch }) {
    for (const exit of exitPhrasesOf(file)) {
      const path = exitPathOf(project, exit.phrase, phraseMatch, { pastRaise: false });
      // One cause, one finding: a path that raises a ticket first is exit-raises-ticket's.
      const step = path.shows[0];
      if (!step || path.raises.length) continue;
      const data = stepData(project, file, exit, path, step);
      report({
        offset: exit.offset,
        length: exit.length,
        messageId: data.own ? 'own' : 'shows',
        data,
        related: stepRelated(project, path, data, step, 'the Send Event node that shows the banner again'),
      });
    }
  },
  fixes({ project, file, finding }) {
    return exitPathFixes(project, file, finding, finding.data.phrase, finding.data.kind, project.phraseMatch);
  },
});
