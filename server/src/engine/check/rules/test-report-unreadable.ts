// test-report-unreadable: a CSV in test-reports/ that is not a Studio test report (another CSV,
// a header renamed, a quote never closed). One finding says why, instead of silence or a crash.
import { testReportOf } from '../../studio/testReports';
import { defineFileRule } from '../rule';

export const testReportUnreadable = defineFileRule({
  code: 'test-report-unreadable',
  severity: 'warning',
  scope: 'file',
  description: 'A CSV in test-reports/ is not a Studio test report, so none of its rows are checked.',
  explanation:
    "Handoff Kit reads the journey and intent reports Studio's bulk utterance test downloads. A file of another shape (or one whose header was edited) would silently say nothing about the live bot; this finding says why it was not read.",
  kinds: ['report'],
  fixable: false,
  messages: {
    unreadable: ({ reason }: { reason: string }) => `not read as a Studio test report: ${reason}`,
  },
  check(file, report) {
    const parsed = testReportOf(file);
    if (parsed.ok) return;
    report({ offset: parsed.range.offset, length: parsed.range.length, messageId: 'unreadable', data: { reason: parsed.problem } });
  },
});
