// live-low-confidence: a Studio intent test report shows a banner's exit phrase reaching the
// right intent, but with a confidence below `minConfidence` (or failed by the platform for it).
import { liveResultsOf } from '../../studio/liveResults';
import { exitPlace, liveSpots } from '../liveReport';
import { defineProjectRule } from '../rule';

export const liveLowConfidence = defineProjectRule({
  code: 'live-low-confidence',
  severity: 'warning',
  scope: 'project',
  description: "A Studio intent test report shows a banner's exit phrase matched with low confidence.",
  explanation:
    'The exit phrase reached the exit intent, but barely: the platform counts a low confidence as a failed match, and a little more training of another intent can tip it over. Then Exit stops working without any file changing. Set the threshold with `minConfidence` in handoff-kit.json or `handoffKit.minConfidence` (percent, default 70).',
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
      for (const spot of liveSpots(file, result, result.exits, exitPlace)) {
        if (spot.place === undefined) {
          report({ ...spot, messageId: 'atRow', data: { phrase: result.row.utterance, confidence, min: minConfidence } });
        } else {
          const { phrase } = result.exits[spot.place].exit;
          report({
            ...spot,
            messageId: 'atBanner',
            data: { phrase, confidence, min: minConfidence, report: result.reportName, row: result.row.row },
          });
        }
      }
    }
  },
});
