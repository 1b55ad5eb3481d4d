// live-exit-misrouted: a Studio test report shows the live bot sending a banner's exit phrase to
// another journey or intent (or failing it). Reported twice, where each reader looks: at the
// exit phrase in the journey file (with the report row as related information) and on the row.
import { relativePath } from '../../model/botFile';
import { liveResultsOf, routedTo } from '../../studio/liveResults';
import { exitPlace, liveSpots } from '../liveReport';
import { defineProjectRule } from '../rule';

export const liveExitMisrouted = defineProjectRule({
  code: 'live-exit-misrouted',
  severity: 'error',
  scope: 'project',
  description: "A Studio test report shows the live bot routing a banner's exit phrase elsewhere.",
  explanation:
    'The files may be consistent while the bot running in Studio is not: another intent trained with a similar phrase, a journey renamed in Studio, or a model not retrained. Then the customer clicks Exit and the live bot starts the wrong journey (or none), so the customer stays with the live agent.',
  kinds: ['journey', 'report'],
  fixable: false,
  messages: {
    atBanner: ({ phrase, routed, expected, report, row }: { phrase: string; routed: string; expected: string; report: string; row: number }) =>
      `Studio routed \`${phrase}\` to ${routed} (report ${report}, row ${row}); it must start \`${expected}\``,
    atRow: ({ phrase, routed, expected, file }: { phrase: string; routed: string; expected: string; file: string }) =>
      `the live bot routed the banner exit phrase \`${phrase}\` (${file}) to ${routed}, not \`${expected}\``,
  },
  check(file, project, report, { phraseMatch, minConfidence }) {
    const misrouted = liveResultsOf(project, phraseMatch, minConfidence).filter((r) => r.verdict === 'exit-misrouted');
    for (const result of misrouted) {
      for (const spot of liveSpots(file, result, result.exits, exitPlace)) {
        const routed = routedTo(result);
        const expected = result.row.expected;
        if (spot.place === undefined) {
          report({
            ...spot,
            messageId: 'atRow',
            data: { phrase: result.row.utterance, routed, expected, file: relativePath(project.root, result.exits[0].file.path) },
          });
        } else {
          const { phrase } = result.exits[spot.place].exit;
          report({ ...spot, messageId: 'atBanner', data: { phrase, routed, expected, report: result.reportName, row: result.row.row } });
        }
      }
    }
  },
});
