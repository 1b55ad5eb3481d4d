// "Handoff Kit: New Bot Project": a folder with bot.json (both banner events declared and
// enabled, step 1 of the guide), intents/ and journeys/, opened in the workspace. What is written
// is the engine's plan (planNewProject), so it is what the scaffold would write, with no findings.
// A window with one folder (as `npm start` opens) or none becomes a multi-root workspace when the
// project joins it, and VS Code restarts the extension host for that, ending this command: what
// is left (open bot.json, offer the disconnection) is written to the extension's global storage
// folder and finished by the next activation, in the workspace that holds the project.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { planNewProject, validateProjectName } from '../../server/src/engine';
import { COMMANDS } from '../../contract/commands';

/** What a New Bot Project cut short by the restart of the extension host has left to do. */
interface Unfinished {
  /** The new project's folder, as a URI. */
  readonly root: string;
  /** Its bot.json, as a URI. */
  readonly botFile: string;
  readonly name: string;
  /** When it was created (ms since the epoch): a window that never opens the project lets it go after a while. */
  readonly createdMs: number;
}

/** The file, in the extension's global storage folder, that holds an unfinished New Bot Project. */
const UNFINISHED_FILE = 'new-bot-project.json';
/** How long an unfinished New Bot Project waits for a window that holds the project: 10 minutes. */
const UNFINISHED_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Runs the command: asks where and under which name, writes the project, adds its folder to the
 * workspace unless a workspace folder holds it, opens its bot.json and offers to add the
 * disconnection. `storage` is the extension's global storage folder, which outlives the extension
 * host (a file there is on disk before the host can stop, where the global state's last update
 * may not be, in a browser's window that reloads).
 * Returns the project's folder (before bot.json is open when the host is to restart), or undefined
 * when cancelled.
 */
export async function newBotProject(storage: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await pickParentFolder();
  if (!picked) return undefined;
  const parent = await outsideOtherProjects(picked);
  if (!parent) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New Bot Project',
    prompt: `The bot's name; its folder is created in ${parent.fsPath}`,
    value: await freeFolderName(parent, 'support-bot'),
    validateInput: async (value) => {
      const invalid = validateProjectName(value);
      if (invalid) return invalid;
      return (await exists(vscode.Uri.joinPath(parent, value))) ? `${value} already exists in ${parent.fsPath}` : undefined;
    },
  });
  if (!name) return undefined;
  const root = vscode.Uri.joinPath(parent, name);
  const plan = planNewProject(root.fsPath, name);
  // The plan speaks in paths; joined onto the root's URI they keep its scheme (a remote or virtual workspace).
  const uriOf = (file: string) => vscode.Uri.joinPath(root, ...path.relative(root.fsPath, file).split(path.sep));
  // Written with workspace.fs rather than applied as a workspace edit: a new project is not an edit to undo, and its
  // files must be on disk before its folder joins the workspace.
  for (const folder of plan.folders) await vscode.workspace.fs.createDirectory(uriOf(folder));
  for (const change of plan.edit.changes) {
    if (change.kind !== 'create') throw new Error(`a new bot project only creates files, not ${change.kind} ${change.file}`);
    await vscode.workspace.fs.writeFile(uriOf(change.file), Buffer.from(change.text));
  }
  const botFile = uriOf(plan.botFile);
  if (!vscode.workspace.getWorkspaceFolder(root)) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    // A window with no workspace file (one folder, or none) becomes an untitled workspace, and the host restarts: the
    // next activation finishes. It may first see the folder change here, and then stop at any point: only it finishes.
    const restarts = vscode.workspace.workspaceFile === undefined;
    if (restarts) await writeUnfinished(storage, { root: root.toString(), botFile: botFile.toString(), name, createdMs: Date.now() });
    const added = folderAdded(root);
    if (!vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri: root, name })) {
      if (restarts) await writeUnfinished(storage, undefined);
      void vscode.window.showErrorMessage(
        `Bot project ${name} was created in ${root.fsPath}, but VS Code refused to add its folder to the workspace.`,
      );
      return root;
    }
    if (restarts) return root;
    await added;
  }
  await openAndOffer(root, botFile, name);
  return root;
}

/**
 * Finishes a New Bot Project that the restart of the extension host cut short, once a workspace
 * folder holds the project: opens its bot.json and offers the disconnection. Called on activation.
 */
export async function finishNewBotProject(storage: vscode.Uri): Promise<void> {
  const unfinished = await readUnfinished(storage);
  if (!unfinished) return;
  const root = vscode.Uri.parse(unfinished.root);
  if (vscode.workspace.getWorkspaceFolder(root)) {
    await writeUnfinished(storage, undefined);
    await openAndOffer(root, vscode.Uri.parse(unfinished.botFile), unfinished.name);
  } else if (!(Date.now() - unfinished.createdMs < UNFINISHED_LIFETIME_MS)) {
    await writeUnfinished(storage, undefined);
  }
}

/** The unfinished New Bot Project kept in `storage`, or undefined (none, or a file that is not one). */
async function readUnfinished(storage: vscode.Uri): Promise<Unfinished | undefined> {
  try {
    const value = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storage, UNFINISHED_FILE))).toString('utf8'));
    return typeof value?.root === 'string' && typeof value.botFile === 'string' && typeof value.name === 'string' ? (value as Unfinished) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `unfinished` in `storage`, or forgets it (undefined). */
async function writeUnfinished(storage: vscode.Uri, unfinished: Unfinished | undefined): Promise<void> {
  const file = vscode.Uri.joinPath(storage, UNFINISHED_FILE);
  if (!unfinished) {
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    return;
  }
  await vscode.workspace.fs.createDirectory(storage);
  await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(unfinished)));
}

/** Opens the project's bot.json and offers to add the disconnection to it. */
async function openAndOffer(root: vscode.Uri, botFile: vscode.Uri, name: string): Promise<void> {
  await vscode.window.showTextDocument(botFile);
  const next = await vscode.window.showInformationMessage(
    `Bot project ${name} created. Add the user-initiated disconnection journey now?`,
    'Add Disconnection',
  );
  if (next) await vscode.commands.executeCommand(COMMANDS.addDisconnection, root);
}

/** Resolves once a workspace folder holds `root` (when the extension host lives through the change). */
function folderAdded(root: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (!vscode.workspace.getWorkspaceFolder(root)) return;
      listener.dispose();
      resolve();
    });
  });
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

/**
 * Where the new project goes when `parent` lies inside another bot project (a bot.json in it or
 * above it): the innermost bot.json owns every file below it, so a project created there would be
 * nested in the other. Beside that project unless the user picks to nest it; undefined to cancel.
 */
async function outsideOtherProjects(parent: vscode.Uri): Promise<vscode.Uri | undefined> {
  const enclosing = await enclosingProject(parent);
  if (!enclosing) return parent;
  const beside = vscode.Uri.joinPath(enclosing, '..');
  const choice = await vscode.window.showWarningMessage(
    `${parent.fsPath} is inside the bot project ${enclosing.fsPath}. Create the new project beside it, in ${beside.fsPath}?`,
    { modal: true },
    'Beside It',
    'Inside It Anyway',
  );
  return choice === 'Beside It' ? beside : choice === 'Inside It Anyway' ? parent : undefined;
}

/** The folder of the innermost bot.json at or above `folder`, or undefined. */
async function enclosingProject(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (let dir = folder; ;) {
    if (await exists(vscode.Uri.joinPath(dir, 'bot.json'))) return dir;
    const up = vscode.Uri.joinPath(dir, '..');
    if (up.path === dir.path) return undefined;
    dir = up;
  }
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
