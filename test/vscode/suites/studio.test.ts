// The pieces that meet Studio: the utterance test export, "Copy for Studio", and a function file's checks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { codeOf, waitForCode } from '../support/diagnostics';
import { fixtureFile, openFile, revertAndCloseAll } from '../support/workspace';

const banner = { title: "You're chatting with an agent", options: [{ title: 'Back to bot', text: 'talk to bot' }] };

describe('studio', () => {
  const created: vscode.Uri[] = [];
  afterEach(async () => {
    await revertAndCloseAll();
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('Export Utterance Tests writes the CSV Studio takes into the project and reveals it', async () => {
    const csv = fixtureFile('valid-bot/utterance-tests.csv');
    created.push(csv);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'handoffKit.exportUtteranceTests',
      fixtureFile('valid-bot/bot.json'),
    );
    assert.equal(written?.toString(), csv.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv));
    const lines = text.split(/\r?\n/).filter(Boolean);
    assert.equal(lines[0], 'Utterance,Journey,Tag');
    assert.ok(lines.includes('talk to bot,return-to-bot,exit-phrase'), text);
    await waitUntil('the CSV is shown', () => vscode.window.activeTextEditor?.document.uri.toString() === csv.toString());
  });

  // The lens carries the text it copies; the browser's clipboard of code-server cannot be read
  // back without a permission prompt, so the test checks the text and that the command runs.
  it('Copy for Studio above a Send Event node copies its data as the data field takes it', async () => {
    const editor = await openFile('valid-bot/journeys/show-banner.json');
    let lenses: vscode.CodeLens[] = [];
    await waitUntil('a Copy for Studio lens', async () => {
      lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
      return lenses.some((l) => l.command?.command === 'handoffKit.copyForStudio' && l.command.title.startsWith('Copy for Studio'));
    });
    const copy = lenses.find((l) => l.command?.command === 'handoffKit.copyForStudio' && l.command.title.startsWith('Copy for Studio'))!;
    assert.equal(copy.command!.arguments?.[0], JSON.stringify(banner, null, 2));
    await vscode.commands.executeCommand(copy.command!.command, ...(copy.command!.arguments ?? []));
  });

  it('a function file sending a misspelt event shows unknown-event on the event name', async () => {
    const file = fixtureFile('typo-bot/functions/show-banner.js');
    created.push(file);
    const text = "return new Promise((resolve) => {\n  app.sendEvent({ code: 'ui-event-update-promotoin', data: [] });\n  resolve();\n});\n";
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const diagnostics = await waitForCode(file, 'unknown-event');
    const finding = diagnostics.find((d) => codeOf(d) === 'unknown-event')!;
    assert.equal(editor.document.getText(finding.range), "'ui-event-update-promotoin'");
    assert.equal(finding.message, 'unknown event `ui-event-update-promotoin`; did you mean `ui-event-update-promotion`?');
    // Deleted outside the editor, its findings go with it.
    await revertAndCloseAll();
    await vscode.workspace.fs.delete(file);
    await waitUntil('the deleted function file has no findings', () => vscode.languages.getDiagnostics(file).length === 0);
  });
});
