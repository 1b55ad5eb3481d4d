// A project with nothing wrong in it gets no handoff-kit diagnostics at all: the minimal fixture valid-bot, and
// support-bot, a copy of examples/support-bot made for each run (the example the README shows).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, handoffKitDiagnostics, waitForCode, waitForNoCode } from '../support/diagnostics';
import { replaceText, revertAndCloseAll } from '../support/workspace';

const declaredEvent = 'ui-event-close-promotion';
const mistypedEvent = 'ui-event-close-promotoin';

describe('valid project', () => {
  afterEach(revertAndCloseAll);

  for (const project of ['valid-bot', 'support-bot']) {
    it(`${project} gets no handoff-kit diagnostics`, async () => {
      const files = await vscode.workspace.findFiles(`${project}/**/*.json`);
      // support-bot is copied from examples/support-bot for each run (scripts/vscode/stage-tests.mjs): never skipped.
      assert.ok(files.length > 0, `no ${project}/ in the test workspace`);
      assert.ok(
        files.some((file) => file.path.endsWith('/bot.json')),
        `${project} has no bot.json`,
      );
      const documents = await Promise.all(files.map((file) => vscode.workspace.openTextDocument(file)));

      // "No findings" only means something once the checker has seen this project: a typo made in the editor
      // must be reported and then cleared when undone, after the files above were opened.
      const canary = documents.find((d) => d.uri.path.includes('/journeys/') && d.getText().split(`"${declaredEvent}"`).length === 2);
      assert.ok(canary, `no journey of ${project} sends ${declaredEvent} exactly once`);
      await vscode.window.showTextDocument(canary);
      await replaceText(canary, `"${declaredEvent}"`, `"${mistypedEvent}"`);
      await waitForCode(canary.uri, 'unknown-event');
      await replaceText(canary, `"${mistypedEvent}"`, `"${declaredEvent}"`);
      await waitForNoCode(canary.uri, 'unknown-event');

      const findings = files
        .map((file) => ({ file: vscode.workspace.asRelativePath(file), diagnostics: handoffKitDiagnostics(file) }))
        .filter(({ diagnostics }) => diagnostics.length > 0);
      assert.deepEqual(
        findings.map(({ file, diagnostics }) => `${file}: ${describeDiagnostics(diagnostics)}`),
        [],
      );
    });
  }
});
