// A banner payload (the data of a Send Event node for the promotion events) is checked against schemas/banner.schema.json.
import * as assert from 'node:assert/strict';
import { codeOf, waitForCode, waitForNoCode } from '../support/diagnostics';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const journey = 'banner-bot/journeys/show-banner.json';

describe('banner schema', () => {
  afterEach(revertAndCloseAll);

  it('a banner whose title is not a string gets a banner-schema error inside the payload', async () => {
    const editor = await openFile(journey);
    const diagnostics = await waitForCode(editor.document.uri, 'banner-schema');
    const finding = diagnostics.find((d) => codeOf(d) === 'banner-schema')!;
    const dataStart = editor.document.positionAt(editor.document.getText().indexOf('"data"'));
    assert.ok(
      finding.range.start.isAfterOrEqual(dataStart),
      `the finding is at ${finding.range.start.line + 1}:${finding.range.start.character + 1}, before "data"`,
    );
  });

  it('correcting the title removes the finding', async () => {
    const editor = await openFile(journey);
    await waitForCode(editor.document.uri, 'banner-schema');
    await replaceText(editor.document, '"title": 42', '"title": "You\'re chatting with an agent"');
    await waitForNoCode(editor.document.uri, 'banner-schema');
  });
});
