import assert from 'node:assert/strict';
import { describe, it, RuleTester } from '../ruleTester';
import { fixture, REPORT, routedAsTheFilesSay } from './liveFixtures';

const HEADERS =
  'expected `Utterance`, `Predicted Journey`, `Journey`, `Status` (journey report) or `Utterance`, `Intent`, `predictedIntent`, `predictedConfidence`, `Result` (intent report)';
const unreadable = (reason: string) => ({ messageId: 'unreadable', message: `not read as a Studio test report: ${reason}`, data: { reason } });

new RuleTester().run('test-report-unreadable', {
  valid: [routedAsTheFilesSay],
  invalid: [
    {
      name: 'a CSV that is not a report: one finding, on its header',
      files: { [REPORT]: 'category,question,variations,answer_en\nx,y,z,w\n' },
      errors: [{ ...unreadable(`its header is not that of a Studio test report: ${HEADERS}`), at: 'category,question,variations,answer_en' }],
    },
    {
      name: 'a near journey report: the missing column is named',
      files: { [REPORT]: 'Utterance,Predicted Journey,Journey\n' },
      errors: [
        {
          ...unreadable(
            'it looks like a journey test report but has no column `status` (header names compared without case or spaces); expected `Utterance`, `Predicted Journey`, `Journey`, `Status`',
          ),
          at: 'Utterance,Predicted Journey,Journey',
        },
      ],
    },
    {
      name: 'an empty file',
      files: { [REPORT]: '' },
      errors: [{ ...unreadable('it is empty: a test report starts with a header row'), offset: 0, length: 0 }],
    },
  ],
});

describe('test-report-unreadable', () => {
  it('is the only check run on a report that is not one: no JSON check', () => {
    const f = fixture('{ not json');
    assert.deepEqual(
      f.findings(REPORT).map((x) => x.code),
      ['test-report-unreadable'],
    );
    assert.equal(f.file(REPORT).root, undefined);
    assert.deepEqual(f.file(REPORT).syntaxProblems, []);
  });
});
