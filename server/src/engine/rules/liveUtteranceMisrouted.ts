// live-utterance-misrouted: a Studio test report shows the live bot routing a trained utterance
// (not a banner's exit phrase) to another journey or intent. Reported at the utterance in the
// intent file and on the report row.
import { relativePath } from '../botFile';
import { liveResultsOf, routedTo } from '../liveResults';
import { rowLocation } from './liveExitMisrouted';
import { defineProjectRule } from './rule';

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
    atUtterance: ({ utterance, routed, expected, report, row }: { utterance: string; routed: string; expected: string; report: string; row: number }) =>
      `Studio routed \`${utterance}\` to ${routed} (report ${report}, row ${row}); it must reach \`${expected}\``,
    atRow: ({ utterance, routed, expected, file }: { utterance: string; routed: string; expected: string; file: string }) =>
      `the live bot routed the utterance \`${utterance}\` (${file}) to ${routed}, not \`${expected}\``,
  },
  check(file, project, report, { phraseMatch, minConfidence }) {
    const misrouted = liveResultsOf(project, phraseMatch, minConfidence).filter((r) => r.verdict === 'utterance-misrouted');
    for (const result of misrouted) {
      if (file.kind === 'report') {
        if (result.report !== file) continue;
        report({
          offset: result.row.range.offset,
          length: result.row.range.length,
          messageId: 'atRow',
          data: { utterance: result.row.utterance, routed: routedTo(result), expected: result.row.expected, file: relativePath(project.root, result.utterances[0].file.path) },
          related: result.utterances.map((u) => ({ file: u.file.path, offset: u.utterance.node.offset, length: u.utterance.node.length, message: `an utterance of intent \`${u.intentName}\`` })),
        });
        continue;
      }
      for (const entry of result.utterances) {
        if (entry.file !== file) continue;
        report({
          offset: entry.utterance.node.offset,
          length: entry.utterance.node.length,
          messageId: 'atUtterance',
          data: { utterance: entry.utterance.value, routed: routedTo(result), expected: result.row.expected, report: result.reportName, row: result.row.row },
          related: [rowLocation(result)],
        });
      }
    }
  },
});
