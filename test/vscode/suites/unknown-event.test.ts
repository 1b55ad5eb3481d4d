// A Send Event node naming an event that bot.json does not declare is reported, and the report goes once fixed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForCode, waitForNoCode } from '../support/diagnostics';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const journey = 'typo-bot/journeys/close-banner.json';

describe('unknown event', () => {
  afterEach(revertAndCloseAll);

  it('a journey sending an undeclared event gets an unknown-event error on the event', async () => {
    const editor = await openFile(journey);
    const diagnostics = await waitForCode(editor.document.uri, 'unknown-event');
    const finding = diagnostics.find((d) => codeOf(d) === 'unknown-event')!;
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, `severity ${vscode.DiagnosticSeverity[finding.severity]}`);
    assert.equal(finding.source, 'handoff-kit');
    const flagged = editor.document.getText(finding.range);
    assert.ok(flagged.includes('ui-event-close-promotoin'), `the finding covers ${JSON.stringify(flagged)}, not the event name`);
  });

  it('fixing the event name in the editor removes the finding', async () => {
    const editor = await openFile(journey);
    await waitForCode(editor.document.uri, 'unknown-event');
    await replaceText(editor.document, 'ui-event-close-promotoin', 'ui-event-close-promotion');
    await waitForNoCode(editor.document.uri, 'unknown-event');
  });
});
