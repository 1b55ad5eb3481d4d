import assert from 'node:assert/strict';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, REPORT, routedAsTheFilesSay } from './liveFixtures';

new RuleTester().run('test-report-unreadable', {
  valid: [routedAsTheFilesSay],
  invalid: [],
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
    assert.match(
      fixture('Utterance,Predicted Journey,Journey\n').findings(REPORT)[0].message,
      /looks like a journey test report but has no column `status`/,
    );
    assert.equal(fixture('').findings(REPORT)[0].message, 'not read as a Studio test report: it is empty: a test report starts with a header row');
  });

  it('runs no JSON check on a report', () => {
    const f = fixture('{ not json');
    assert.deepEqual(
      f.findings(REPORT).map((x) => x.code),
      ['test-report-unreadable'],
    );
    assert.equal(f.file(REPORT).root, undefined);
    assert.deepEqual(f.file(REPORT).syntaxProblems, []);
  });
});
