// "Handoff Kit: New Bot Project": a folder with bot.json (both banner events declared and
// enabled, step 1 of the guide), intents/ and journeys/, opened in the workspace.
import * as vscode from 'vscode';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export async function newBotProject(): Promise<vscode.Uri | undefined> {
  const parent = await pickParentFolder();
  if (!parent) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New Bot Project',
    prompt: `The bot's name; its folder is created in ${parent.fsPath}`,
    value: await freeFolderName(parent, 'support-bot'),
    validateInput: async (value) => {
      if (!NAME.test(value)) return 'Letters, digits, `-`, `_` or `.`, with no spaces';
      return (await exists(vscode.Uri.joinPath(parent, value))) ? `${value} already exists in ${parent.fsPath}` : undefined;
    },
  });
  if (!name) return undefined;
  const root = vscode.Uri.joinPath(parent, name);
  const bot = {
    name,
    events: [
      { name: 'ui-event-update-promotion', enabled: true, description: 'Shows or updates the callout banner.' },
      { name: 'ui-event-close-promotion', enabled: true, description: 'Shows the exit banner while an agent holds the chat, and closes it.' },
    ],
  };
  const botJson = vscode.Uri.joinPath(root, 'bot.json');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, 'intents'));
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, 'journeys'));
  await vscode.workspace.fs.writeFile(botJson, Buffer.from(`${JSON.stringify(bot, null, 2)}\n`));
  if (!vscode.workspace.getWorkspaceFolder(root)) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri: root, name });
  }
  await vscode.window.showTextDocument(botJson);
  const next = await vscode.window.showInformationMessage(
    `Bot project ${name} created. Add the user-initiated disconnection journey now?`,
    'Add Disconnection',
  );
  if (next) await vscode.commands.executeCommand('handoffKit.addDisconnection', root);
  return root;
}

async function pickParentFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the bot project go?' });
    return picked?.uri;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create Bot Project Here' });
  return chosen?.[0];
}

/** `base`, or `base-2`, `base-3`… when a folder of that name is already there. */
async function freeFolderName(parent: vscode.Uri, base: string): Promise<string> {
  let name = base;
  for (let n = 2; await exists(vscode.Uri.joinPath(parent, name)); n++) name = `${base}-${n}`;
  return name;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
