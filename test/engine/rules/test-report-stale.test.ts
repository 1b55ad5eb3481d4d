import assert from 'node:assert/strict';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, misrouted, REPORT, routedAsTheFilesSay } from './liveFixtures';

new RuleTester().run('test-report-stale', {
  valid: [routedAsTheFilesSay],
  invalid: [],
});

describe('test-report-stale', () => {
  it('reports a row whose utterance is no longer trained, instead of a misrouting', () => {
    const f = fixture(misrouted, { 'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to bot'] } });
    assert.deepEqual(f.findings('journeys/live-agent.json', 'live-exit-misrouted'), []);
    const stale = f.findings(REPORT, 'test-report-stale');
    assert.deepEqual(
      stale.map((x) => [x.severity, x.offset, x.message]),
      [
        ['info', misrouted.indexOf('hi,'), '`hi` is no longer an utterance of any intent of the project: this row tests an older bot'],
        [
          'info',
          misrouted.indexOf('talk to bot,'),
          '`talk to bot` is no longer an utterance of any intent of the project: this row tests an older bot',
        ],
      ],
    );
  });

  it('reports a journey the project no longer has, and an utterance that no longer starts it', () => {
    const report = 'Utterance,Predicted Journey,Journey,Status\ntalk to bot,a,old-exit,failure\ntalk to bot,a,live-agent,failure\n';
    const messages = fixture(report)
      .findings(REPORT)
      .map((x) => `${x.code}: ${x.message}`);
    assert.deepEqual(messages, [
      'test-report-stale: journey `old-exit` is no longer in the project: this row tests an older bot',
      'test-report-stale: `talk to bot` no longer starts journey `live-agent` in the project: this row tests an older bot',
    ]);
  });
});
