import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTestReport, utteranceTestCsv, utteranceTestPlan, utteranceTestRows } from '../../../server/src/engine';
import { ProjectFixture } from '../support/projectFixture';

function rows(text: string) {
  const report = readTestReport(text);
  assert.ok(report.ok, report.ok ? '' : report.problem);
  return report;
}

describe('readTestReport', () => {
  it('reads the journey report with a BOM, CRLF, spaced and cased headers', () => {
    const text = '\uFEFF UTTERANCE ,predicted journey,JOURNEY, status \r\nhi,welcome,welcome,Success\r\n';
    const report = rows(text);
    assert.equal(report.shape, 'journey');
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.utterance, r.predicted, r.expected, r.status, r.passed]),
      [[2, 'hi', 'welcome', 'welcome', 'Success', true]],
    );
    assert.equal(report.rows[0].range.offset, text.indexOf('hi,'));
    assert.equal(report.rows[0].range.length, 'hi,welcome,welcome,Success'.length);
  });

  it('reads quoted commas, quotes and embedded newlines, keeping offsets', () => {
    const text =
      'Utterance,Journey,Predicted Journey,Status\n"yes, talk to ""the"" bot",a,b,fail\n"line one\r\nline two",a,a,success\nnext,a,a,success\n';
    const report = rows(text);
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.utterance, r.predicted, r.passed]),
      [
        [2, 'yes, talk to "the" bot', 'b', false],
        [3, 'line one\r\nline two', 'a', true],
        [4, 'next', 'a', true],
      ],
    );
    assert.equal(report.rows[1].range.offset, text.indexOf('"line one'));
    assert.equal(report.rows[2].range.offset, text.indexOf('next'));
  });

  it('reads the intent report with its confidence in percent', () => {
    const report = rows('Utterance,Intent,predictedIntent,predictedConfidence,Result\na,x,x,85%,success\nb,x,y,0.4,fail\nc,x,x,n/a,fail\n');
    assert.equal(report.shape, 'intent');
    assert.deepEqual(
      report.rows.map((r) => r.confidence),
      [85, 40, undefined],
    );
  });

  it('skips blank lines and rows with no utterance; tolerates short rows', () => {
    const report = rows('Utterance,Predicted Journey,Journey,Status\n\n,a,a,success\nhi\n');
    assert.deepEqual(
      report.rows.map((r) => [r.row, r.utterance, r.expected, r.status]),
      [[3, 'hi', '', '']],
    );
  });

  it('turns what is not a report into one problem, never an exception', () => {
    for (const [text, expected] of [
      ['', /empty/],
      ['a,b\n1,2\n', /header is not that of a Studio test report/],
      ['Utterance,Intent,predictedIntent,Result\n', /intent test report but has no column `predictedconfidence`/],
      ['Utterance,Predicted Journey,Journey,Status\n"never closed,a,a\n', /not valid CSV/],
      ['\u0000\u0001\u0002', /header/],
    ] as const) {
      const report = readTestReport(text);
      assert.equal(report.ok, false, JSON.stringify(text));
      if (!report.ok) assert.match(report.problem, expected);
    }
  });

  // How long a large report takes is a row of `npm run bench` (scripts/bench.mjs), not an assertion here.
  it('reads 50,000 rows with the right last row number and offset', () => {
    const lines = ['Utterance,Predicted Journey,Journey,Status'];
    for (let i = 0; i < 50_000; i++) lines.push(`"utterance ${i}, with a comma",j${i % 7},j${i % 7},success`);
    const text = lines.join('\r\n');
    const report = rows(text);
    assert.equal(report.rows.length, 50_000);
    const last = report.rows.at(-1)!;
    assert.equal(last.row, 50_001);
    assert.equal(last.utterance, 'utterance 49999, with a comma');
    assert.equal(last.range.offset, text.lastIndexOf('"utterance 49999'));
  });
});

describe('utterance tests', () => {
  const project = () =>
    new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot', 'back to "bot", please'] },
      'intents/orphan.json': { name: 'orphan', utterances: ['nothing starts me'] },
      'journeys/exit.json': { name: 'exit-chat', trigger: { intent: 'talk_to_bot' }, start: 'a', nodes: [{ id: 'a', type: 'closeTicket' }] },
      'journeys/agent.json': {
        name: 'agent',
        trigger: { intent: 'orphan' },
        start: 's',
        nodes: [
          {
            id: 's',
            type: 'sendEvent',
            event: 'ui-event-update-promotion',
            data: [
              { title: "Please type 'talk to bot'", options: [] },
              { title: 'x', options: [{ title: 'Exit', text: 'unknown phrase' }] },
            ],
          },
        ],
      },
    });

  it('writes one row per exit phrase, with the journey its intent starts', () => {
    const rowsOut = utteranceTestRows(project().project);
    assert.deepEqual(rowsOut, [{ utterance: 'talk to bot', journey: 'exit-chat', tag: 'exit-phrase' }]);
    assert.deepEqual(utteranceTestCsv(rowsOut), ['Utterance,Journey,Tag\r\ntalk to bot,exit-chat,exit-phrase\r\n']);
  });

  it('adds every utterance of every intent that starts a journey with --all, and round-trips through the reader', () => {
    const rowsOut = utteranceTestRows(project().project, { all: true });
    assert.deepEqual(
      rowsOut.map((r) => [r.utterance, r.journey, r.tag]),
      [
        ['talk to bot', 'exit-chat', 'exit-phrase'],
        ['nothing starts me', 'agent', 'orphan'],
        ['back to "bot", please', 'exit-chat', 'talk_to_bot'],
      ],
    );
    // Studio's report echoes the uploaded rows: add its two columns and read them back.
    const [csv] = utteranceTestCsv(rowsOut);
    const asReport = csv
      .replace('Utterance,Journey,Tag', 'Utterance,Journey,Tag,Predicted Journey,Status')
      .replace(/\r\n(?=.)/g, '\r\n')
      .split('\r\n')
      .map((line, i) => (i === 0 || !line ? line : `${line},,fail`))
      .join('\r\n');
    const back = readTestReport(asReport);
    assert.ok(back.ok);
    if (back.ok)
      assert.deepEqual(
        back.rows.map((r) => [r.utterance, r.expected]),
        rowsOut.map((r) => [r.utterance, r.journey]),
      );
  });

  it('adds each say of a conversation test whose next expect names a journey or an intent, tagged with the test’s name', () => {
    const fixture = project().set('tests/t.json', {
      tests: [
        {
          name: 'leaving, by the journey',
          // The second say's expect names no journey and no intent: no row.
          steps: [
            { say: 'back to "bot", please' },
            { expect: { journey: 'exit-chat' } },
            { say: 'nothing starts me' },
            { expect: { banner: 'shown' } },
          ],
        },
        {
          name: 'by the intent',
          steps: [
            { say: 'nothing starts me' },
            { expect: { intent: 'orphan', banner: 'none' } },
            { say: 'talk to bot' },
            { ticket: 'error' },
            { expect: { journey: 'exit-chat' } },
          ],
        },
      ],
    });
    assert.deepEqual(
      utteranceTestRows(fixture.project).map((r) => [r.utterance, r.journey, r.tag]),
      [
        ['talk to bot', 'exit-chat', 'exit-phrase'],
        ['back to "bot", please', 'exit-chat', 'leaving, by the journey'],
        // The intent's journey; a say followed by another input before the expect is not one.
        ['nothing starts me', 'agent', 'by the intent'],
      ],
    );
  });

  it('says which banner exit phrases it leaves out and why, and leaves out those its judge refuses (issue 25)', () => {
    const { project: p } = project();
    const { rows, leftOut } = utteranceTestPlan(p);
    assert.deepEqual(rows, [{ utterance: 'talk to bot', journey: 'exit-chat', tag: 'exit-phrase' }]);
    assert.deepEqual(
      leftOut.map((b) => [b.phrase, b.reason]),
      [['unknown phrase', 'no intent is trained with it']],
    );
    const judged = utteranceTestPlan(p, { leaveOut: ({ exit }) => (exit.phrase === 'talk to bot' ? 'exit-raises-ticket: …' : undefined) });
    assert.deepEqual(judged.rows, []);
    assert.deepEqual(
      judged.leftOut.map((b) => [b.phrase, b.reason]),
      [
        ['talk to bot', 'exit-raises-ticket: …'],
        ['unknown phrase', 'no intent is trained with it'],
      ],
    );
  });

  it('splits into files of --max-rows rows, each with the header', () => {
    const parts = utteranceTestCsv(utteranceTestRows(project().project, { all: true }), 2);
    assert.equal(parts.length, 2);
    assert.ok(parts.every((p) => p.startsWith('Utterance,Journey,Tag\r\n')));
    assert.equal(parts[1], 'Utterance,Journey,Tag\r\n"back to ""bot"", please",exit-chat,talk_to_bot\r\n');
  });
});
