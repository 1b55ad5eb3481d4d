// live-low-confidence: a Studio intent test report shows a banner's exit phrase reaching the
// right intent, but with a confidence below `minConfidence` (or failed by the platform for it).
import { liveResultsOf } from '../liveResults';
import { rowLocation } from './liveExitMisrouted';
import { defineProjectRule } from './rule';

export const liveLowConfidence = defineProjectRule({
  code: 'live-low-confidence',
  severity: 'warning',
  scope: 'project',
  description: "A Studio intent test report shows a banner's exit phrase matched with low confidence.",
  explanation:
    "The exit phrase reached the exit intent, but barely: the platform counts a low confidence as a failed match, and a little more training of another intent can tip it over. Then Exit stops working without any file changing. Set the threshold with `minConfidence` in handoff-kit.json or `handoffKit.minConfidence` (percent, default 70).",
  kinds: ['journey', 'report'],
  fixable: false,
  messages: {
    atBanner: ({ phrase, confidence, min, report, row }: { phrase: string; confidence: string; min: number; report: string; row: number }) =>
      `Studio matched \`${phrase}\` to its intent with ${confidence} confidence, below ${min}% (report ${report}, row ${row})`,
    atRow: ({ phrase, confidence, min }: { phrase: string; confidence: string; min: number }) =>
      `the live bot matched the banner exit phrase \`${phrase}\` with ${confidence} confidence, below ${min}%`,
  },
  check(file, project, report, { phraseMatch, minConfidence }) {
    for (const result of liveResultsOf(project, phraseMatch, minConfidence)) {
      if (result.verdict !== 'low-confidence') continue;
      const confidence = result.row.confidence !== undefined ? `${result.row.confidence}%` : `an unknown (result \`${result.row.status}\`)`;
      if (file.kind === 'report') {
        if (result.report !== file) continue;
        report({
          offset: result.row.range.offset,
          length: result.row.range.length,
          messageId: 'atRow',
          data: { phrase: result.row.utterance, confidence, min: minConfidence },
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
          data: { phrase: entry.exit.phrase, confidence, min: minConfidence, report: result.reportName, row: result.row.row },
          related: [rowLocation(result)],
        });
      }
    }
  },
});
