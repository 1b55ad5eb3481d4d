import assert from 'node:assert/strict';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, REPORT, routedAsTheFilesSay } from './liveFixtures';

new RuleTester().run('live-utterance-misrouted', {
  valid: [routedAsTheFilesSay],
  invalid: [],
});

describe('live-utterance-misrouted', () => {
  it('reports a trained utterance routed elsewhere, at the utterance and on the row', () => {
    const report = 'Utterance,Predicted Journey,Journey,Status\ntalk to an agent,exit-chat,live-agent,failure\n';
    const f = fixture(report);
    const [atIntent] = f.findings('intents/talk_to_agent.json', 'live-utterance-misrouted');
    assert.equal(atIntent.severity, 'warning');
    assert.equal(
      atIntent.message,
      'Studio routed `talk to an agent` to `exit-chat` (report test-reports/run-11-30.csv, row 2); it must reach `live-agent`',
    );
    assert.equal(atIntent.offset, f.offsetOf('intents/talk_to_agent.json', '"talk to an agent"'));
    assert.deepEqual(
      f.findings(REPORT).map((x) => x.code),
      ['live-utterance-misrouted'],
    );
  });
});
