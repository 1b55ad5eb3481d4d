// test-report-stale: a report row tests an utterance or a journey/intent the project no longer
// has (or no longer pairs): the report is of a bot the files no longer describe.
import { liveResultsOf } from '../../studio/liveResults';
import { defineProjectRule } from '../rule';

export const testReportStale = defineProjectRule({
  code: 'test-report-stale',
  severity: 'info',
  scope: 'project',
  description: 'A test report row tests an utterance or journey the project no longer has.',
  explanation:
    'A report says how the live bot routed the utterances it was given then. When the files have changed since (an utterance removed, a journey renamed, an intent retrained), the row says nothing about the bot the files describe: export the utterance tests again and run them in Studio.',
  kinds: ['report'],
  fixable: false,
  messages: {
    utterance: ({ utterance }: { utterance: string }) =>
      `\`${utterance}\` is no longer an utterance of any intent of the project: this row tests an older bot`,
    target: ({ target, kind }: { target: string; kind: string }) => `${kind} \`${target}\` is no longer in the project: this row tests an older bot`,
    pairing: ({ utterance, target, kind }: { utterance: string; target: string; kind: string }) =>
      `\`${utterance}\` no longer ${kind === 'intent' ? 'trains intent' : 'starts journey'} \`${target}\` in the project: this row tests an older bot`,
  },
  check(file, project, report, { phraseMatch, minConfidence }) {
    for (const result of liveResultsOf(project, phraseMatch, minConfidence)) {
      if (result.verdict !== 'stale' || result.report !== file || !result.staleReason) continue;
      const { row } = result;
      const at = { offset: row.range.offset, length: row.range.length };
      if (result.staleReason === 'utterance') report({ ...at, messageId: 'utterance', data: { utterance: row.utterance } });
      else if (result.staleReason === 'target') report({ ...at, messageId: 'target', data: { target: row.expected, kind: result.shape } });
      else report({ ...at, messageId: 'pairing', data: { utterance: row.utterance, target: row.expected, kind: result.shape } });
    }
  },
});
