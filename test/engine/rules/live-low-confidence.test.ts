import assert from 'node:assert/strict';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, REPORT, routedAsTheFilesSay } from './liveFixtures';

new RuleTester().run('live-low-confidence', {
  valid: [routedAsTheFilesSay],
  invalid: [],
});

describe('live-low-confidence', () => {
  const report = 'Utterance,Intent,predictedIntent,predictedConfidence,Result\ntalk to bot,talk_to_bot,talk_to_bot,52%,success\n';

  it('reports an exit phrase matched below 70% by default', () => {
    const f = fixture(report);
    const [finding] = f.findings('journeys/live-agent.json', 'live-low-confidence');
    assert.equal(
      finding.message,
      'Studio matched `talk to bot` to its intent with 52% confidence, below 70% (report test-reports/run-11-30.csv, row 2)',
    );
    assert.equal(f.findings(REPORT, 'live-low-confidence').length, 1);
  });

  it('follows minConfidence from handoff-kit.json, and the option over it', () => {
    const f = fixture(report, { 'handoff-kit.json': { minConfidence: 50 } });
    assert.deepEqual(f.findings('journeys/live-agent.json', 'live-low-confidence'), []);
    assert.equal(f.findings('journeys/live-agent.json', 'live-low-confidence', { minConfidence: 60 }).length, 1);
  });

  it('is silent at or above the threshold', () => {
    const f = fixture(report.replace('52%', '70'));
    assert.deepEqual(f.findings('journeys/live-agent.json'), []);
  });
});
