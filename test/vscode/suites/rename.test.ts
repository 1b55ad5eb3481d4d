// Rename (F2): a node id within its journey, an intent or a journey across the files that name it. The edit
// covers the definition and every `start`, `next`, trigger and jump that refers to it, and the server follows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { definitionsAt, describeEdit, describeLocations, describeRange, positionIn, waitForExtension, waitForOutline } from '../support/language';
import { openFile, revertAndCloseAll } from '../support/workspace';

const journey = 'navigation-bot/journeys/live-agent.json';

async function renameEdit(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
    'vscode.executeDocumentRenameProvider',
    document.uri,
    position,
    newName,
  );
  assert.ok(edit, `no rename edit at ${describeRange(document, new vscode.Range(position, position))}`);
  return edit;
}

/** Each edit of the document as `line: replaced text -> new text`, in document order. */
function describeEditsOf(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string[] {
  return edit
    .get(document.uri)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((e) => `${e.range.start.line + 1}: ${document.getText(e.range)} -> ${e.newText}`);
}

/** The files a workspace edit changes, relative to the workspace, sorted. */
function filesOf(edit: vscode.WorkspaceEdit): string[] {
  return edit
    .entries()
    .map(([uri]) => vscode.workspace.asRelativePath(uri))
    .sort();
}

describe('rename', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('renaming a node id from start edits its id, start and the next that names it', async () => {
    const { document } = await openFile(journey);
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const edit = await renameEdit(document, positionIn(document, '"start": "connecting"', '"start": "'.length + 3), 'waiting-room');
    assert.deepEqual(filesOf(edit), [journey], `the rename changes ${describeEdit(edit)}`);
    const line = (snippet: string) => positionIn(document, snippet).line + 1;
    assert.deepEqual(
      describeEditsOf(document, edit),
      [
        `${line('"start": "connecting"')}: "connecting" -> "waiting-room"`,
        `${line('"id": "connecting"')}: "connecting" -> "waiting-room"`,
        `${line('"next": "connecting"')}: "connecting" -> "waiting-room"`,
      ],
      'the rename edits',
    );

    assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the rename');
    assert.equal(document.getText().split('"connecting"').length - 1, 0, `"connecting" is left in the journey:\n${document.getText()}`);
    // Once the server outlines the renamed node, `start` leads to it again.
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace, (root) => root.children.some((c) => c.name === 'waiting-room'));
    const definitions = await definitionsAt(document.uri, positionIn(document, '"start": "waiting-room"', '"start": "'.length));
    assert.deepEqual(
      definitions.map((d) => d.range.start.line),
      [positionIn(document, '"id": "waiting-room"').line],
      `start now leads to ${describeLocations(definitions)}`,
    );
  });

  it('renaming a node id from its definition gives the same edit as from a reference', async () => {
    const { document } = await openFile(journey);
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const fromNext = await renameEdit(document, positionIn(document, '"next": "connecting"', '"next": "'.length), 'waiting-room');
    const fromId = await renameEdit(document, positionIn(document, '"id": "connecting"', '"id": "'.length), 'waiting-room');
    assert.deepEqual(describeEditsOf(document, fromId), describeEditsOf(document, fromNext));
  });

  it('prepare rename selects the id without its quotes, and refuses an event name', async () => {
    const { document } = await openFile(journey);
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string } | undefined>(
      'vscode.prepareRename',
      document.uri,
      positionIn(document, '"next": "connecting"', '"next": "'.length + 2),
    );
    assert.ok(prepared, 'prepare rename answered nothing on a node id');
    assert.equal(document.getText(prepared.range), 'connecting', `prepare rename selects ${describeRange(document, prepared.range)}`);
    assert.equal(prepared.placeholder, 'connecting');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionIn(document, '"ui-event-update-promotion"', 3))),
      'prepare rename accepted an event name',
    );
  });

  it('a node id with a space is refused, with the reason', async () => {
    const { document } = await openFile(journey);
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(
          'vscode.executeDocumentRenameProvider',
          document.uri,
          positionIn(document, '"id": "connecting"', '"id": "'.length),
          'waiting room',
        ),
      ),
      /not a valid node id/,
    );
  });

  it('renaming an intent from a trigger edits the intent file and the journey', async () => {
    const { document } = await openFile('navigation-bot/journeys/return-to-bot.json');
    await waitForOutline(document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const edit = await renameEdit(document, positionIn(document, '"intent": "talk_to_bot"', '"intent": "'.length), 'back_to_bot');
    assert.deepEqual(
      filesOf(edit),
      ['navigation-bot/intents/talk_to_bot.json', 'navigation-bot/journeys/return-to-bot.json'],
      `the rename changes ${describeEdit(edit)}`,
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the rename');
    const intent = await vscode.workspace.openTextDocument(edit.entries().find(([uri]) => uri.path.endsWith('/talk_to_bot.json'))![0]);
    assert.equal(JSON.parse(intent.getText()).name, 'back_to_bot', `the intent file now reads:\n${intent.getText()}`);
    assert.equal(JSON.parse(document.getText()).trigger.intent, 'back_to_bot', `the journey now reads:\n${document.getText()}`);
  });

  it('renaming a journey from a Jump to Journey node edits the journey file and the jump', async () => {
    const { document } = await openFile(journey);
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const edit = await renameEdit(document, positionIn(document, '"journey": "help-menu"', '"journey": "'.length), 'main-menu');
    assert.deepEqual(filesOf(edit), ['navigation-bot/journeys/help-menu.json', journey], `the rename changes ${describeEdit(edit)}`);
    assert.deepEqual(describeEditsOf(document, edit), [`${positionIn(document, '"journey": "help-menu"').line + 1}: "help-menu" -> "main-menu"`]);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the rename');
    const target = await vscode.workspace.openTextDocument(edit.entries().find(([uri]) => uri.path.endsWith('/help-menu.json'))![0]);
    assert.equal(JSON.parse(target.getText()).name, 'main-menu', `help-menu.json now reads:\n${target.getText()}`);
  });
});
