import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../projectFixture';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, misrouted, REPORT, routedAsTheFilesSay } from './liveFixtures';

new RuleTester().run('live-exit-misrouted', {
  valid: [routedAsTheFilesSay],
  invalid: [],
});

describe('live-exit-misrouted', () => {
  it('reports the exit phrase in the journey, with the report row as related information', () => {
    const f = fixture(misrouted);
    const [finding, ...rest] = f.findings('journeys/live-agent.json', 'live-exit-misrouted');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      'Studio routed `talk to bot` to `live-agent` (report test-reports/run-11-30.csv, row 4); it must start `exit-chat`',
    );
    assert.equal(finding.offset, f.offsetOf('journeys/live-agent.json', '"talk to bot"'));
    assert.equal(finding.length, '"talk to bot"'.length);
    assert.equal(finding.related?.[0].file, path.join(ROOT, REPORT));
    assert.equal(finding.related?.[0].offset, misrouted.indexOf('talk to bot,'));
  });

  it('reports the report row itself', () => {
    const f = fixture(misrouted);
    const findings = f.findings(REPORT, 'live-exit-misrouted');
    assert.deepEqual(
      findings.map((x) => [x.offset, x.length, x.message]),
      [
        [
          misrouted.indexOf('talk to bot,'),
          'talk to bot,live-agent,exit-chat,failure'.length,
          'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to `live-agent`, not `exit-chat`',
        ],
      ],
    );
  });

  it('is silent when the live bot routed the exit phrase right', () => {
    const f = fixture('Utterance,Predicted Journey,Journey,Status\ntalk to bot,exit-chat,exit-chat,success\n');
    assert.deepEqual(f.findings('journeys/live-agent.json', 'live-exit-misrouted'), []);
    assert.deepEqual(f.findings(REPORT), []);
  });

  it('reads the intent report: a wrong predicted intent, or none', () => {
    const f = fixture('utterance, intent ,PredictedIntent,predicted_confidence,RESULT\ntalk to bot,talk_to_bot,,0,fail\n');
    assert.deepEqual(
      f.findings(REPORT).map((x) => [x.code, x.message]),
      [
        [
          'live-exit-misrouted',
          'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to no intent, not `talk_to_bot`',
        ],
      ],
    );
  });
});
