import { RuleTester } from '../ruleTester';
import { filesWith, REPORT, routedAsTheFilesSay } from './liveFixtures';

const INTENT = 'intents/talk_to_agent.json';
const ROW = 'talk to an agent,exit-chat,live-agent,failure';

new RuleTester().run('live-utterance-misrouted', {
  valid: [
    routedAsTheFilesSay,
    {
      name: "a banner's exit phrase routed elsewhere is live-exit-misrouted, not this",
      files: filesWith('Utterance,Predicted Journey,Journey,Status\ntalk to bot,live-agent,exit-chat,failure\n'),
    },
  ],
  invalid: [
    {
      name: 'a trained utterance routed elsewhere, at the utterance (the row as related information) and on the row',
      files: filesWith(`Utterance,Predicted Journey,Journey,Status\n${ROW}\n`),
      file: INTENT,
      errors: [
        {
          messageId: 'atUtterance',
          message: 'Studio routed `talk to an agent` to `exit-chat` (report test-reports/run-11-30.csv, row 2); it must reach `live-agent`',
          data: { utterance: 'talk to an agent', routed: '`exit-chat`', expected: 'live-agent', report: REPORT, row: 2 },
          at: '"talk to an agent"',
          related: [[REPORT, 'test-reports/run-11-30.csv, row 2: routed to `exit-chat`, status `failure`']],
        },
        {
          messageId: 'atRow',
          file: REPORT,
          message: 'the live bot routed the utterance `talk to an agent` (intents/talk_to_agent.json) to `exit-chat`, not `live-agent`',
          data: { utterance: 'talk to an agent', routed: '`exit-chat`', expected: 'live-agent', file: INTENT },
          at: ROW,
          related: [[INTENT, 'an utterance of intent `talk_to_agent`']],
        },
      ],
    },
  ],
});
