import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkFile } from '../../../../server/src/engine';
import { ProjectFixture, ROOT } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';

const HUGE = 'intents/huge.json';
const huge = `["${'x'.repeat(5000)}"]`;

new RuleTester().run('file-too-large', {
  valid: [{ name: 'a file under the limit', files: { [HUGE]: huge }, limits: { [HUGE]: { maxSize: 10_000 } } }],
  invalid: [
    {
      name: 'a file over the limit, at its start',
      files: { [HUGE]: huge },
      limits: { [HUGE]: { maxSize: 1000 } },
      errors: [
        {
          messageId: 'tooLarge',
          message: 'the file is 4.9 KB, over the 1000 bytes limit for bot files (maxFileSize); it was not checked',
          data: { size: huge.length, limit: 1000 },
          offset: 0,
          length: 0,
        },
      ],
    },
    {
      name: 'sizes in megabytes as people read them (2.5 MB over 2.0 MB)',
      files: { [HUGE]: '[]' },
      limits: { [HUGE]: { maxSize: 2 * 1024 * 1024, sizeOnDisk: 2.5 * 1024 * 1024 } },
      errors: [
        {
          messageId: 'tooLarge',
          message: 'the file is 2.5 MB, over the 2.0 MB limit for bot files (maxFileSize); it was not checked',
          offset: 0,
          length: 0,
        },
      ],
    },
  ],
});

describe('file-too-large and the other checks', () => {
  it('does not parse a file over the size limit, and no other check reports on it', () => {
    const fixture = new ProjectFixture();
    const file = fixture.project.setText(path.join(ROOT, HUGE), huge, 1, { maxSize: 1000 });
    assert.ok(file?.oversized);
    assert.equal(file?.root, undefined);
    assert.deepEqual(
      checkFile(fixture.project, file!).map((f) => f.code),
      ['file-too-large'],
    );
  });
});
