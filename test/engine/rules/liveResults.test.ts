import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ProjectFixture, ROOT } from '../projectFixture';

const banner = {
  name: 'live-agent',
  trigger: { intent: 'talk_to_agent' },
  start: 'show',
  nodes: [{ id: 'show', type: 'sendEvent', event: 'ui-event-update-promotion', data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] } }],
};
const exitJourney = { name: 'exit-chat', trigger: { intent: 'talk_to_bot' }, start: 'a', nodes: [{ id: 'a', type: 'closeTicket' }] };

function fixture(report: string, files: Record<string, object | string> = {}) {
  return new ProjectFixture({
    'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
    'journeys/live-agent.json': banner,
    'journeys/exit-chat.json': exitJourney,
    'test-reports/run-11-30.csv': report,
    ...files,
  });
}

const misrouted = 'Utterance,Predicted Journey,Journey,Status\r\ntalk to an agent,live-agent,live-agent,success\r\nhi,x,y,success\r\ntalk to bot,live-agent,exit-chat,failure\r\n';
const REPORT = 'test-reports/run-11-30.csv';

describe('live-exit-misrouted', () => {
  it('reports the exit phrase in the journey, with the report row as related information', () => {
    const f = fixture(misrouted);
    const [finding, ...rest] = f.findings('journeys/live-agent.json', 'live-exit-misrouted');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'Studio routed `talk to bot` to `live-agent` (report test-reports/run-11-30.csv, row 4); it must start `exit-chat`');
    assert.equal(finding.offset, f.offsetOf('journeys/live-agent.json', '"talk to bot"'));
    assert.equal(finding.length, '"talk to bot"'.length);
    assert.equal(finding.related?.[0].file, path.join(ROOT, REPORT));
    assert.equal(finding.related?.[0].offset, misrouted.indexOf('talk to bot,'));
  });

  it('reports the report row itself', () => {
    const f = fixture(misrouted);
    const findings = f.findings(REPORT, 'live-exit-misrouted');
    assert.deepEqual(findings.map((x) => [x.offset, x.length, x.message]), [
      [misrouted.indexOf('talk to bot,'), 'talk to bot,live-agent,exit-chat,failure'.length, 'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to `live-agent`, not `exit-chat`'],
    ]);
  });

  it('is silent when the live bot routed the exit phrase right', () => {
    const f = fixture('Utterance,Predicted Journey,Journey,Status\ntalk to bot,exit-chat,exit-chat,success\n');
    assert.deepEqual(f.findings('journeys/live-agent.json', 'live-exit-misrouted'), []);
    assert.deepEqual(f.findings(REPORT), []);
  });

  it('reads the intent report: a wrong predicted intent, or none', () => {
    const f = fixture('utterance, intent ,PredictedIntent,predicted_confidence,RESULT\ntalk to bot,talk_to_bot,,0,fail\n');
    assert.deepEqual(f.findings(REPORT).map((x) => [x.code, x.message]), [
      ['live-exit-misrouted', 'the live bot routed the banner exit phrase `talk to bot` (journeys/live-agent.json) to no intent, not `talk_to_bot`'],
    ]);
  });
});

describe('live-utterance-misrouted', () => {
  it('reports a trained utterance routed elsewhere, at the utterance and on the row', () => {
    const report = 'Utterance,Predicted Journey,Journey,Status\ntalk to an agent,exit-chat,live-agent,failure\n';
    const f = fixture(report);
    const [atIntent] = f.findings('intents/talk_to_agent.json', 'live-utterance-misrouted');
    assert.equal(atIntent.severity, 'warning');
    assert.equal(atIntent.message, 'Studio routed `talk to an agent` to `exit-chat` (report test-reports/run-11-30.csv, row 2); it must reach `live-agent`');
    assert.equal(atIntent.offset, f.offsetOf('intents/talk_to_agent.json', '"talk to an agent"'));
    assert.deepEqual(f.findings(REPORT).map((x) => x.code), ['live-utterance-misrouted']);
  });
});

describe('live-low-confidence', () => {
  const report = 'Utterance,Intent,predictedIntent,predictedConfidence,Result\ntalk to bot,talk_to_bot,talk_to_bot,52%,success\n';

  it('reports an exit phrase matched below 70% by default', () => {
    const f = fixture(report);
    const [finding] = f.findings('journeys/live-agent.json', 'live-low-confidence');
    assert.equal(finding.message, 'Studio matched `talk to bot` to its intent with 52% confidence, below 70% (report test-reports/run-11-30.csv, row 2)');
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

describe('test-report-stale', () => {
  it('reports a row whose utterance is no longer trained, instead of a misrouting', () => {
    const f = fixture(misrouted, { 'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to bot'] } });
    assert.deepEqual(f.findings('journeys/live-agent.json', 'live-exit-misrouted'), []);
    const stale = f.findings(REPORT, 'test-report-stale');
    assert.deepEqual(stale.map((x) => [x.severity, x.offset, x.message]), [
      ['info', misrouted.indexOf('hi,'), '`hi` is no longer an utterance of any intent of the project: this row tests an older bot'],
      ['info', misrouted.indexOf('talk to bot,'), '`talk to bot` is no longer an utterance of any intent of the project: this row tests an older bot'],
    ]);
  });

  it('reports a journey the project no longer has, and an utterance that no longer starts it', () => {
    const report = 'Utterance,Predicted Journey,Journey,Status\ntalk to bot,a,old-exit,failure\ntalk to bot,a,live-agent,failure\n';
    const messages = fixture(report).findings(REPORT).map((x) => `${x.code}: ${x.message}`);
    assert.deepEqual(messages, [
      'test-report-stale: journey `old-exit` is no longer in the project: this row tests an older bot',
      'test-report-stale: `talk to bot` no longer starts journey `live-agent` in the project: this row tests an older bot',
    ]);
  });
});

describe('test-report-unreadable', () => {
  it('gives a CSV that is not a report one finding on its header', () => {
    const f = fixture('category,question,variations,answer_en\nx,y,z,w\n');
    const findings = f.findings(REPORT);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'test-report-unreadable');
    assert.equal(findings[0].offset, 0);
    assert.equal(findings[0].length, 'category,question,variations,answer_en'.length);
    assert.match(findings[0].message, /^not read as a Studio test report: its header is not that of a Studio test report/);
  });

  it('names the missing column of a near report, and an empty file', () => {
    assert.match(fixture('Utterance,Predicted Journey,Journey\n').findings(REPORT)[0].message, /looks like a journey test report but has no column `status`/);
    assert.equal(fixture('').findings(REPORT)[0].message, 'not read as a Studio test report: it is empty: a test report starts with a header row');
  });

  it('runs no JSON check on a report', () => {
    const f = fixture('{ not json');
    assert.deepEqual(f.findings(REPORT).map((x) => x.code), ['test-report-unreadable']);
    assert.equal(f.file(REPORT).root, undefined);
    assert.deepEqual(f.file(REPORT).syntaxProblems, []);
  });
});
