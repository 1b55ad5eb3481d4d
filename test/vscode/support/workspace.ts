// The fixture workspace as the suites see it: a temporary copy of test/vscode/fixtures/workspace/, one bot
// project per folder, opened as the window's only folder. Edits go through the editor (WorkspaceEdit), as a user's would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the window has no workspace folder open');
  return folder.uri;
}

/** A file of the fixture workspace, such as `typo-bot/journeys/close-banner.json`. */
export function fixtureFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens the file in an editor, as double-clicking it in the explorer would. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureFile(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Replaces the one occurrence of `from` with `to` in the editor's buffer (not on disk). */
export async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const text = document.getText();
  const offset = text.indexOf(from);
  assert.notEqual(
    offset,
    -1,
    `"${from}" not found in ${vscode.workspace.asRelativePath(document.uri)}${document.isDirty ? ' (unsaved)' : ''}:\n${text}`,
  );
  assert.equal(text.indexOf(from, offset + 1), -1, `"${from}" occurs more than once in ${vscode.workspace.asRelativePath(document.uri)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the edit');
}

/** Throws away unsaved edits and closes every editor, so the next test starts from the files on disk. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
