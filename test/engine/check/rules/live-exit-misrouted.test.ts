import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';
import { BANNER, filesWith, fixture, misrouted, REPORT, routedAsTheFilesSay } from './liveFixtures';

const ROW = 'talk to bot,live-agent,exit-chat,failure';
const intentReport = 'utterance, intent ,PredictedIntent,predicted_confidence,RESULT\ntalk to bot,talk_to_bot,,0,fail\n';

new RuleTester().run('live-exit-misrouted', {
  valid: [
    routedAsTheFilesSay,
    {
      name: 'the intent report matched the exit phrase to its intent',
      files: filesWith('Utterance,Intent,predictedIntent,predictedConfidence,Result\ntalk to bot,talk_to_bot,talk_to_bot,95%,success\n'),
    },
    {
      name: 'a misrouted utterance that no banner offers is live-utterance-misrouted, not this',
      files: filesWith('Utterance,Predicted Journey,Journey,Status\ntalk to an agent,exit-chat,live-agent,failure\n'),
    },
    {
      name: 'rows testing a journey the project no longer has, or one the phrase no longer starts, are test-report-stale, not this',
      files: filesWith('Utterance,Predicted Journey,Journey,Status\ntalk to bot,a,old-exit,failure\ntalk to bot,a,live-agent,failure\n'),
    },
    {
      name: 'a row whose exit phrase is no longer trained is test-report-stale, not this',
      files: filesWith(misrouted, { 'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to bot'] } }),
    },
  ],
  invalid: [
    {
      name: 'the journey report sends the exit phrase elsewhere: at the banner, with the row as related information, and on the row',
      files: filesWith(misrouted),
      file: BANNER,
      errors: [
        {
          messageId: 'atBanner',
          message: 'Studio routed `talk to bot` to `live-agent` (report test-reports/run-11-30.csv, row 4); it must start `exit-chat`',
          data: { phrase: 'talk to bot', routed: '`live-agent`', expected: 'exit-chat', report: REPORT, row: 4 },
          at: '"talk to bot"',
          related: [[REPORT, 'test-reports/run-11-30.csv, row 4: routed to `live-agent`, status `failure`']],
        },
        {
          messageId: 'atRow',
          file: REPORT,
          message: 'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to `live-agent`, not `exit-chat`',
          data: { phrase: 'talk to bot', routed: '`live-agent`', expected: 'exit-chat', file: BANNER },
          at: ROW,
          related: [[BANNER, 'the banner exit phrase `talk to bot`']],
        },
      ],
    },
    {
      name: 'the intent report, any case and spacing of its headers, matched the exit phrase to no intent',
      files: filesWith(intentReport),
      file: BANNER,
      errors: [
        {
          messageId: 'atBanner',
          message: 'Studio routed `talk to bot` to no intent (report test-reports/run-11-30.csv, row 2); it must start `talk_to_bot`',
          data: { phrase: 'talk to bot', routed: 'no intent', expected: 'talk_to_bot', report: REPORT, row: 2 },
          at: '"talk to bot"',
        },
        {
          messageId: 'atRow',
          file: REPORT,
          message: 'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to no intent, not `talk_to_bot`',
          data: { phrase: 'talk to bot', routed: 'no intent', expected: 'talk_to_bot', file: BANNER },
          at: 'talk to bot,talk_to_bot,,0,fail',
        },
      ],
    },
  ],
});

describe('live-exit-misrouted', () => {
  it('points from the banner to the row, and from the row to the banner', () => {
    const f = fixture(misrouted);
    const [atBanner] = f.findings(BANNER, 'live-exit-misrouted');
    const [atRow] = f.findings(REPORT, 'live-exit-misrouted');
    assert.deepEqual(
      atBanner.related?.map((r) => [r.file, r.offset]),
      [[path.join(ROOT, REPORT), misrouted.indexOf(ROW)]],
    );
    assert.deepEqual(
      atRow.related?.map((r) => [r.file, r.offset]),
      [[path.join(ROOT, BANNER), f.offsetOf(BANNER, '"talk to bot"')]],
    );
  });
});
