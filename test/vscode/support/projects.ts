// Bot projects as wholes, for the commands that write several of their files at once: what a project holds on disk
// (to compare before and after a command, and to put it back), what the language server holds of it, and a proof that
// the server has checked it as it is now. Projects are named by their folder in the fixture workspace ("empty-bot").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './conditions';
import { describeDiagnostics, defaultTimeoutMs, handoffKitDiagnostics, waitForCode, waitForNoCode } from './diagnostics';
import { documentSymbolsOf, waitForText } from './language';
import { fixtureFile, replaceText, revertAndCloseAll } from './workspace';

/** A project's files as they are on disk: the path relative to the project folder, with `/`, to the bytes. */
export type ProjectFiles = ReadonlyMap<string, Uint8Array>;

export function projectFile(project: string, relativePath: string): vscode.Uri {
  return fixtureFile(`${project}/${relativePath}`);
}

/** Every file under the project folder (subfolders included), read from disk, sorted by path. */
export async function readProject(project: string): Promise<ProjectFiles> {
  const files: [string, Uint8Array][] = [];
  const walk = async (folder: vscode.Uri, prefix: string): Promise<void> => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.Directory) await walk(uri, `${prefix}${name}/`);
      else files.push([`${prefix}${name}`, await vscode.workspace.fs.readFile(uri)]);
    }
  };
  await walk(fixtureFile(project), '');
  return new Map(files.sort(([a], [b]) => a.localeCompare(b)));
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
}

/** What differs between two readings of a project, one line a file (`created …`, `changed …`, `deleted …`); none when byte for byte the same. */
export function changesBetween(before: ProjectFiles, after: ProjectFiles): string[] {
  const changes: string[] = [];
  for (const [path, bytes] of after) {
    if (!before.has(path)) changes.push(`created ${path}`);
    else if (!sameBytes(before.get(path), bytes)) changes.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`deleted ${path}`);
  return changes.sort();
}

export function textIn(files: ProjectFiles, path: string): string {
  const bytes = files.get(path);
  assert.ok(bytes, `${path} is not in the project; it has ${[...files.keys()].join(', ')}`);
  return Buffer.from(bytes).toString('utf8');
}

/** A file of the project parsed as JSON, failing with its text when it is not JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON the suites index freely, as assertions on file contents
export function jsonIn(files: ProjectFiles, path: string): any {
  const text = textIn(files, path);
  try {
    return JSON.parse(text);
  } catch (error) {
    assert.fail(`${path} is not valid JSON (${(error as Error).message}):\n${text}`);
  }
}

/**
 * Puts the project back as `files` says, as a developer would after trying a command: unsaved edits are thrown away
 * and editors closed, files the project did not have are deleted and changed ones written back (through
 * `workspace.fs`), and then it waits until the language server holds the project as it held it before (`view`,
 * from `serverViewOf`), so that the next test starts from the same project on disk, in the editor and in the server,
 * and the Problems panel holds no finding of a file the test created.
 */
export async function restoreProject(project: string, files: ProjectFiles, view: ServerView): Promise<void> {
  await revertAndCloseAll();
  const now = await readProject(project);
  // The new files go first, journeys before intents (the test's journeys refer to its intents, never the other way),
  // and the server is waited for before the changed files are written back: a file deleted while the project around
  // it is half put back may be deleted with findings, and the server never clears those (see the pending test in
  // suites/scaffold.test.ts).
  const order = (path: string) => (path.startsWith('journeys/') ? 0 : path.startsWith('intents/') ? 1 : 2);
  const extra = [...now.keys()].filter((path) => !files.has(path)).sort((a, b) => order(a) - order(b));
  // A file whose document is still open (a test loaded it) is deleted as the Explorer deletes it, which closes the
  // document too: deleted through workspace.fs, its document would stay open, and the server keeps an open document
  // in the project. Every other file goes through workspace.fs.
  const loaded = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (const path of extra) {
    const uri = projectFile(project, path);
    if (loaded.has(uri.toString())) {
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(uri, { ignoreIfNotExists: true });
      assert.ok(await vscode.workspace.applyEdit(edit), `VS Code refused to delete ${project}/${path}`);
    } else {
      await vscode.workspace.fs.delete(uri);
    }
  }
  const folder = `${fixtureFile(project).toString()}/`;
  const deleted = new Set(extra);
  const holdsDeleted = (seen: ServerView) => [...(seen?.journeys ?? []), ...(seen?.intents ?? [])].some((entry) => deleted.has(entry.file));
  const stillOpen = () => {
    const open = vscode.workspace.textDocuments
      .filter((d) => deleted.has(d.uri.toString().slice(folder.length)))
      .map((d) => vscode.workspace.asRelativePath(d.uri));
    // A document still open for a deleted file keeps the file in the server's project until it closes.
    return open.length ? ` (documents of deleted files still open: ${open.join(', ')})` : '';
  };
  if (extra.length)
    await waitForServerView(project, `the language server no longer holds ${[...deleted].join(', ')}${stillOpen()}`, (seen) => !holdsDeleted(seen));

  for (const [path, bytes] of files) {
    if (!sameBytes(now.get(path), bytes)) await vscode.workspace.fs.writeFile(projectFile(project, path), bytes);
  }
  assert.deepEqual(changesBetween(files, await readProject(project)), [], `${project} could not be put back on disk`);
  await waitForServerView(project, `the language server holds ${project} as it was before the test${stillOpen()}`, (seen) =>
    isDeepStrictEqual(seen, view),
  );

  const stale = findingsOfDeletedFiles(project, files);
  if (stale.length) {
    // The server never clears the findings of a deleted file (reported; the pending test in suites/scaffold.test.ts).
    // Only a restart clears them, so that the Problems panel of later tests and checks holds no finding of this test.
    await vscode.commands.executeCommand('handoffKit.restartServer');
    await waitForServerView(project, `the restarted language server holds ${project} as before`, (seen) => isDeepStrictEqual(seen, view));
    assert.deepEqual(findingsOfDeletedFiles(project, files), [], `findings of deleted files of ${project} stay after a restart of the server`);
  }
}

/** Findings the editor still shows for files of the project that are not on disk (any more). */
export function findingsOfDeletedFiles(project: string, files: ProjectFiles): string[] {
  const folder = `${fixtureFile(project).toString()}/`;
  return vscode.languages
    .getDiagnostics()
    .filter(
      ([uri, diagnostics]) =>
        uri.toString().startsWith(folder) && !files.has(uri.toString().slice(folder.length)) && diagnostics.some((d) => d.source === 'handoff-kit'),
    )
    .map(([uri, diagnostics]) => `${vscode.workspace.asRelativePath(uri)}: ${describeDiagnostics(diagnostics)}`);
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the language server holds of a project

/**
 * The answer of the server's `handoffKit/scaffoldContext` request for one project, as contract/protocol.ts defines
 * it (the suites cannot import the server's types: they are outside this tsconfig's rootDir). Only what the suites read.
 */
interface ProjectSummary {
  readonly uri: string;
  readonly name: string;
  readonly context: {
    readonly exitPhrase?: string;
    readonly exitIntent?: string;
    readonly exitJourneys: readonly string[];
    readonly journeys: readonly { name: string; file: string; intent?: string; raisesTicket: boolean; showsBanner: boolean }[];
    readonly intents: readonly { name: string; file: string; journeys: readonly string[] }[];
  };
}

/** What activate() returns (client/src/extension.ts, HandoffKitApi): the running language client. */
interface HandoffKitApi {
  readonly client: { sendRequest<R>(method: string, params: unknown): Promise<R> };
}

/**
 * The project as the language server holds it now: its journeys and intents (names, files, triggers, whether a
 * journey raises a ticket or shows a banner: the scaffold's own summary of a project) and the events of its bot.json
 * (from the outline). Undefined when the server has no such project. Comparing two views tells whether the server
 * has caught up with a change on disk, which no event announces.
 */
export async function serverViewOf(project: string): Promise<ServerView> {
  const extension = vscode.extensions.getExtension<HandoffKitApi>('handoff-kit.handoff-kit');
  assert.ok(extension?.isActive, 'handoff-kit.handoff-kit is not active');
  const folder = fixtureFile(project).fsPath;
  const projects = await extension.exports.client.sendRequest<ProjectSummary[]>('handoffKit/scaffoldContext', {});
  const summary = projects.find((p) => vscode.Uri.parse(p.uri).fsPath === folder);
  if (!summary) return undefined;
  const botJson = projectFile(project, 'bot.json');
  // The server outlines bot.json as one symbol named after the bot; the built-in JSON outline has its properties.
  const bot = (await documentSymbolsOf(botJson)).find((s) => s.kind === vscode.SymbolKind.Module && s.name === summary.name);
  return { ...summary.context, events: bot?.children.map((e) => `${e.name}${e.detail ? ` (${e.detail})` : ''}`) ?? [] };
}

export type ServerView = (ProjectSummary['context'] & { readonly events: readonly string[] }) | undefined;

/** Asks the server for the project's view until `condition` holds for it; fails at the deadline with the last view. */
export async function waitForServerView(
  project: string,
  what: string,
  condition: (view: ServerView) => boolean,
  timeoutMs = defaultTimeoutMs,
): Promise<ServerView> {
  let view: ServerView;
  await waitUntil(what, async () => condition((view = await serverViewOf(project))), timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; the server holds: ${JSON.stringify(view)}`);
  });
  return view;
}

// ---------------------------------------------------------------------------------------------------------------
// "No findings", once the checker has seen the project

const declaredEvent = 'ui-event-close-promotion';
const mistypedEvent = 'ui-event-close-promotoin';

/**
 * Resolves once the language server has checked the project as it is now. Nothing announces a check that finds
 * nothing, so a canary: a typo made in bot.json's declaration of `ui-event-close-promotion` must be reported on a
 * journey that sends the event (`event-not-declared`) and cleared once undone; the check that clears it covers every
 * file of the project. The typo goes in bot.json, which no test deletes: a document the suite opens stays open after
 * its file is deleted, and the server keeps an open document in the project. bot.json is left in the active editor,
 * its text and undo stack as they were (the typo is undone, not typed over).
 */
export async function waitForProjectChecked(project: string): Promise<void> {
  const files = await readProject(project);
  const sender = [...files.keys()].find((path) => /^journeys\/[^/]+\.json$/.test(path) && textIn(files, path).includes(`"${declaredEvent}"`));
  assert.ok(sender, `no journey of ${project} sends ${declaredEvent}`);
  const journey = projectFile(project, sender);
  const editor = await vscode.window.showTextDocument(projectFile(project, 'bot.json'), { preview: false });
  const bot = editor.document;
  const before = bot.getText();
  await replaceText(bot, `"${declaredEvent}"`, `"${mistypedEvent}"`);
  await waitForCode(journey, 'event-not-declared');
  await vscode.commands.executeCommand('undo');
  await waitForText(bot, 'the typo is undone', (text) => text === before);
  await waitForNoCode(journey, 'event-not-declared');
}

/** Fails, listing them, when any file of the project on disk has handoff-kit diagnostics (call waitForProjectChecked first). */
export async function assertNoFindings(project: string): Promise<void> {
  const findings = [...(await readProject(project)).keys()]
    .filter((path) => path.endsWith('.json'))
    .map((path) => ({ path, diagnostics: handoffKitDiagnostics(projectFile(project, path)) }))
    .filter(({ diagnostics }) => diagnostics.length > 0)
    .map(({ path, diagnostics }) => `${project}/${path}: ${describeDiagnostics(diagnostics)}`);
  assert.deepEqual(findings, [], `${project} has handoff-kit findings`);
}
