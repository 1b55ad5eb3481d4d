import { RuleTester } from '../ruleTester';
import { BANNER, filesWith, REPORT, routedAsTheFilesSay } from './liveFixtures';

const report = (confidence: string) =>
  `Utterance,Intent,predictedIntent,predictedConfidence,Result\ntalk to bot,talk_to_bot,talk_to_bot,${confidence},success\n`;
const ROW = 'talk to bot,talk_to_bot,talk_to_bot,52%,success';
const atBanner = (min: number) => ({
  messageId: 'atBanner',
  message: `Studio matched \`talk to bot\` to its intent with 52% confidence, below ${min}% (report test-reports/run-11-30.csv, row 2)`,
  data: { phrase: 'talk to bot', confidence: '52%', min, report: REPORT, row: 2 },
  at: '"talk to bot"',
});
const atRow = (min: number) => ({
  messageId: 'atRow',
  file: REPORT,
  message: `the live bot matched the banner exit phrase \`talk to bot\` with 52% confidence, below ${min}%`,
  data: { phrase: 'talk to bot', confidence: '52%', min },
  at: ROW,
});

new RuleTester().run('live-low-confidence', {
  valid: [
    routedAsTheFilesSay,
    { name: 'at the threshold, 70% by default', files: filesWith(report('70')) },
    { name: 'above minConfidence of handoff-kit.json', files: filesWith(report('52%'), { 'handoff-kit.json': { minConfidence: 50 } }) },
  ],
  invalid: [
    {
      name: 'an exit phrase matched below 70%, at the banner (the row as related information) and on the row',
      files: filesWith(report('52%')),
      file: BANNER,
      errors: [
        { ...atBanner(70), related: [[REPORT, 'test-reports/run-11-30.csv, row 2: routed to `talk_to_bot`, status `success`']] },
        { ...atRow(70), related: [[BANNER, 'the banner exit phrase `talk to bot`']] },
      ],
    },
    {
      name: 'the minConfidence option wins over handoff-kit.json',
      files: filesWith(report('52%'), { 'handoff-kit.json': { minConfidence: 50 } }),
      file: BANNER,
      options: { minConfidence: 60 },
      errors: [atBanner(60), atRow(60)],
    },
  ],
});
