// live-exit-misrouted: a Studio test report shows the live bot sending a banner's exit phrase to
// another journey or intent (or failing it). Reported twice, where each reader looks: at the
// exit phrase in the journey file (with the report row as related information) and on the row.
import { relativePath } from '../botFile';
import { liveResultsOf, routedTo, type LiveResult } from '../liveResults';
import { defineProjectRule } from './rule';

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
      if (file.kind === 'report') {
        if (result.report !== file) continue;
        const exit = result.exits[0];
        report({
          offset: result.row.range.offset,
          length: result.row.range.length,
          messageId: 'atRow',
          data: { phrase: result.row.utterance, routed: routedTo(result), expected: result.row.expected, file: relativePath(project.root, exit.file.path) },
          related: result.exits.map((e) => ({ file: e.file.path, offset: e.exit.offset, length: e.exit.length, message: `the banner exit phrase \`${e.exit.phrase}\`` })),
        });
        continue;
      }
      for (const entry of result.exits) {
        if (entry.file !== file) continue;
        report({
          offset: entry.exit.offset,
          length: entry.exit.length,
          messageId: 'atBanner',
          data: { phrase: entry.exit.phrase, routed: routedTo(result), expected: result.row.expected, report: result.reportName, row: result.row.row },
          related: [rowLocation(result)],
        });
      }
    }
  },
});

/** The report row of a live result, as related information. */
export function rowLocation(result: LiveResult): { file: string; offset: number; length: number; message: string } {
  const status = result.row.status ? `, status \`${result.row.status}\`` : '';
  return {
    file: result.report.path,
    offset: result.row.range.offset,
    length: result.row.range.length,
    message: `${result.reportName}, row ${result.row.row}: routed to ${routedTo(result)}${status}`,
  };
}
