// live-utterance-misrouted: a Studio test report shows the live bot routing a trained utterance
// (not a banner's exit phrase) to another journey or intent. Reported at the utterance in the
// intent file and on the report row.
import { relativePath } from '../../model/botFile';
import { liveResultsOf, routedTo } from '../../studio/liveResults';
import type { RelatedLocation } from '../../findings';
import type { UtteranceEntry } from '../../analysis/projectIndex';
import { liveSpots } from '../liveReport';
import { defineProjectRule } from '../rule';

export const liveUtteranceMisrouted = defineProjectRule({
  code: 'live-utterance-misrouted',
  severity: 'warning',
  scope: 'project',
  description: 'A Studio test report shows the live bot routing a trained utterance elsewhere.',
  explanation:
    'An utterance the files train an intent with reached another journey or intent in the live bot: two intents overlap, or Studio holds other training than the files. Customers who say it land in the wrong journey.',
  kinds: ['intent', 'report'],
  fixable: false,
  messages: {
    atUtterance: ({
      utterance,
      routed,
      expected,
      report,
      row,
    }: {
      utterance: string;
      routed: string;
      expected: string;
      report: string;
      row: number;
    }) => `Studio routed \`${utterance}\` to ${routed} (report ${report}, row ${row}); it must reach \`${expected}\``,
    atRow: ({ utterance, routed, expected, file }: { utterance: string; routed: string; expected: string; file: string }) =>
      `the live bot routed the utterance \`${utterance}\` (${file}) to ${routed}, not \`${expected}\``,
  },
  check(file, project, report, { phraseMatch, minConfidence }) {
    const misrouted = liveResultsOf(project, phraseMatch, minConfidence).filter((r) => r.verdict === 'utterance-misrouted');
    for (const result of misrouted) {
      for (const spot of liveSpots(file, result, result.utterances, utterancePlace)) {
        const routed = routedTo(result);
        const expected = result.row.expected;
        if (spot.place === undefined) {
          report({
            ...spot,
            messageId: 'atRow',
            data: { utterance: result.row.utterance, routed, expected, file: relativePath(project.root, result.utterances[0].file.path) },
          });
        } else {
          const utterance = result.utterances[spot.place].utterance.value;
          report({ ...spot, messageId: 'atUtterance', data: { utterance, routed, expected, report: result.reportName, row: result.row.row } });
        }
      }
    }
  },
});

/** A trained utterance a live result is about, as related information. */
function utterancePlace(u: UtteranceEntry): RelatedLocation {
  return {
    file: u.file.path,
    offset: u.utterance.node.offset,
    length: u.utterance.node.length,
    message: `an utterance of intent \`${u.intentName}\``,
  };
}
