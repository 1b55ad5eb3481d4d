// A banner option whose text no intent is trained on ("talk to bot" while the exit intent knows "talk to the bot")
// is reported on the text, and its quick fixes work as the light bulb applies them: change the text (one undo
// reverts it), or train an intent with it, which edits another file and clears the journey's error.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, waitForCode, waitForNoCode } from '../support/diagnostics';
import { codeActionsAt, describeActions, describeEdit, describeRange, waitForText } from '../support/language';
import { fixtureFile, openFile, revertAndCloseAll } from '../support/workspace';

const journey = 'drift-bot/journeys/show-banner.json';
const exitIntent = 'drift-bot/intents/talk_to_bot.json';
const optionText = '"text": "talk to bot"';

async function mismatchOf(document: vscode.TextDocument): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForCode(document.uri, 'option-text-mismatch');
  const found = diagnostics.filter((d) => codeOf(d) === 'option-text-mismatch');
  assert.equal(found.length, 1, `expected one option-text-mismatch, got: ${describeDiagnostics(found)}`);
  return found[0];
}

describe('option text mismatch', () => {
  afterEach(revertAndCloseAll);

  it('a banner option text no intent is trained on gets an option-text-mismatch error on the text', async () => {
    const editor = await openFile(journey);
    const finding = await mismatchOf(editor.document);
    assert.equal(finding.source, 'handoff-kit');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, `severity ${vscode.DiagnosticSeverity[finding.severity]}`);
    assert.equal(
      editor.document.getText(finding.range),
      '"talk to bot"',
      `the finding covers ${describeRange(editor.document, finding.range)}, not the option text`,
    );
    assert.match(finding.message, /talk to the bot/, 'the message does not name the nearest utterance');
  });

  it('the preferred quick fix changes the text to the utterance, the error goes, and one undo brings the text back', async () => {
    const editor = await openFile(journey);
    const document = editor.document;
    const original = document.getText();
    const finding = await mismatchOf(document);

    const actions = await codeActionsAt(document.uri, finding.range);
    const change = actions.find((a) => a.title.startsWith('Change to `talk to the bot`'));
    assert.ok(change, `no "Change to \`talk to the bot\`" among the quick fixes: ${describeActions(actions)}`);
    assert.equal(change.isPreferred, true, `"${change.title}" is not the preferred fix`);
    assert.ok(
      change.kind && vscode.CodeActionKind.QuickFix.contains(change.kind),
      `"${change.title}" is of kind ${change.kind?.value}, not a quick fix`,
    );
    assert.ok(change.edit, `"${change.title}" carries no edit`);
    assert.deepEqual(
      change.edit.entries().map(([uri]) => uri.toString()),
      [document.uri.toString()],
      `the fix changes ${describeEdit(change.edit)}`,
    );

    assert.ok(await vscode.workspace.applyEdit(change.edit), `the editor refused the edit of "${change.title}"`);
    assert.equal(document.getText(), original.replace(optionText, '"text": "talk to the bot"'), 'the fix did not change exactly the option text');
    await waitForNoCode(document.uri, 'option-text-mismatch');

    // The fix is a single step of the editor's undo stack.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitForText(document, 'one undo restores the file', (text) => text === original);
    assert.equal(document.isDirty, false, 'the file is still dirty after undoing the only change');
    await waitForCode(document.uri, 'option-text-mismatch');
  });

  it('"Add … as an utterance of intent" edits the intent file, and the journey\'s warning goes', async () => {
    const editor = await openFile(journey);
    const finding = await mismatchOf(editor.document);

    const actions = await codeActionsAt(editor.document.uri, finding.range);
    const add = actions.find((a) => a.title === 'Add `talk to bot` as an utterance of intent `talk_to_bot`');
    assert.ok(add, `no "Add \`talk to bot\` as an utterance of intent \`talk_to_bot\`" among the quick fixes: ${describeActions(actions)}`);
    assert.notEqual(add.isPreferred, true, `"${add.title}" is preferred over changing the text`);
    assert.ok(add.edit, `"${add.title}" carries no edit`);
    const intentUri = fixtureFile(exitIntent);
    assert.deepEqual(
      add.edit.entries().map(([uri]) => uri.toString()),
      [intentUri.toString()],
      `the fix changes ${describeEdit(add.edit)}`,
    );

    // The intent file is not open: the edit opens it (unsaved, as the light bulb would leave it).
    assert.ok(await vscode.workspace.applyEdit(add.edit), `the editor refused the edit of "${add.title}"`);
    const intent = await vscode.workspace.openTextDocument(intentUri);
    assert.deepEqual(
      JSON.parse(intent.getText()).utterances,
      ['talk to the bot', 'back to bot', 'talk to bot'],
      `${exitIntent} now reads:\n${intent.getText()}`,
    );
    assert.equal(editor.document.isDirty, false, `${journey} was changed too`);

    // A change to another file re-checks the journey.
    await waitForNoCode(editor.document.uri, 'option-text-mismatch');
  });

  it('reverting the intent file brings the warning back', async () => {
    const editor = await openFile(journey);
    const finding = await mismatchOf(editor.document);
    const actions = await codeActionsAt(editor.document.uri, finding.range);
    const add = actions.find((a) => a.title === 'Add `talk to bot` as an utterance of intent `talk_to_bot`');
    assert.ok(add?.edit, `no "Add" quick fix with an edit: ${describeActions(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit), `the editor refused the edit of "${add.title}"`);
    await waitForNoCode(editor.document.uri, 'option-text-mismatch');

    // "File: Revert File" on the intent: the disk is the truth again, for the server too.
    const intent = await vscode.workspace.openTextDocument(fixtureFile(exitIntent));
    await vscode.window.showTextDocument(intent);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(intent.isDirty, false, `${exitIntent} is still dirty after revert`);
    await waitForCode(editor.document.uri, 'option-text-mismatch');
  });
});
