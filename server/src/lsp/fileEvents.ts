// What happens on disk and to the workspace folders, taken into the model: files and folders
// created, changed or deleted outside the editor (the watchers), and folders added to or removed
// from a multi-root workspace. Each event is one task of the work queue.
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import {
  BOT_FILE_GLOB,
  GITIGNORE_FILE,
  IGNORED_FOLDERS,
  isInside,
  PROJECT_FOLDERS,
  SETTINGS_FILE,
  type BotWorkspace,
  type FileSystem,
} from '../engine';
import type { Publisher } from './publisher';
import { toPath, type ClientUris } from './uris';
import type { WorkQueue } from './workQueue';

/** Folders whose changes never concern a bot project (the workspace's project search skips them). */
const NEVER_SEARCHED = new Set(IGNORED_FOLDERS);

/** What the file and folder events work with; the server owns all of it. */
export interface FileEventContext {
  readonly workspace: BotWorkspace;
  /** The documents open in the editor: their text is newer than the disk's. */
  readonly documents: TextDocuments<TextDocument>;
  readonly queue: WorkQueue;
  /** Checks the projects an event touched, and clears the diagnostics of files that went. */
  readonly publisher: Publisher;
  /** The URIs open documents go by. */
  readonly uris: ClientUris;
  /** Tells a folder from a file: `size` is undefined for a folder. */
  readonly fs: FileSystem;
  /** The workspace folders' paths, as the client last named them. */
  folders(): readonly string[];
  /** Sets the workspace folders' paths (after the client added or removed some). */
  setFolders(folders: readonly string[]): void;
  /** Takes the open documents' text into the model again (after a project was read from disk). */
  syncOpenDocuments(): void;
}

/**
 * Asks the client to watch the bot files, and every creation and deletion (a deleted or renamed
 * folder is one event for the folder, not one per file in it). Call once initialized, when the
 * client registers watchers dynamically.
 */
export function watchFiles(connection: Connection): void {
  connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: BOT_FILE_GLOB },
        { globPattern: `**/${GITIGNORE_FILE}` },
        { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
      ],
    })
    // A client may refuse (Emacs 28's Eglot 1.9 answers "Internal error"): the server goes on, seeing the files the
    // editor opens, rather than dying of an unhandled rejection.
    .catch((error: unknown) =>
      connection.console.warn(
        `Handoff Kit: the editor refused to watch the bot files (${error instanceof Error ? error.message : String(error)}); files changed outside it are read again when opened or when the server restarts.`,
      ),
    );
}

/** Takes what the watchers report (`workspace/didChangeWatchedFiles`) into the model. */
export function registerWatchedFiles(connection: Connection, context: FileEventContext): void {
  const { workspace, documents, queue, publisher } = context;
  connection.onDidChangeWatchedFiles((params) => {
    queue.enqueue(async () => {
      const files = params.changes.map((change) => toPath(change.uri));
      // What is ignored may have changed: every project is searched for and read again.
      if (files.some((file) => file && IGNORE_FILES.has(path.basename(file)))) await reloadEverything(context);
      for (const change of params.changes) {
        const file = toPath(change.uri);
        if (!file) continue;
        if (!workspace.projectOf(file) && path.basename(file) !== 'bot.json') {
          // Not a bot file: a folder that went or appeared (or a file of no interest).
          await folderChanged(context, file, change.type);
          continue;
        }
        if (path.basename(file) === 'bot.json') {
          const root = path.dirname(file);
          if (change.type === FileChangeType.Deleted) {
            const project = workspace.project(root);
            if (project && workspace.removeProject(root)) publisher.clearProject(project);
            continue;
          }
          if (!workspace.project(root)) {
            if (!(await workspace.isIgnored(file))) publisher.schedule(await workspace.loadProject(root));
            continue;
          }
        }
        // An open document is newer than the disk, except when the file went: VS Code keeps a
        // closed editor's document alive for a while, so a deleted file may still look open.
        if (documents.get(change.uri) && change.type !== FileChangeType.Deleted) continue;
        const project = change.type === FileChangeType.Deleted ? publisher.forget(file) : (await workspace.reload(file), workspace.projectOf(file));
        if (project) publisher.schedule(project);
      }
    });
  });
}

/** The files that say what is ignored (see IgnoreOptions): a change to one may add or drop projects and files. */
const IGNORE_FILES = new Set([GITIGNORE_FILE, SETTINGS_FILE]);

/**
 * Searches the workspace folders for projects again, with the ignore files read afresh: projects
 * now ignored are dropped (their diagnostics cleared), the others read again and checked.
 */
async function reloadEverything(context: FileEventContext): Promise<void> {
  const { workspace, publisher } = context;
  workspace.ignores = workspace.ignores && { ...workspace.ignores };
  const before = new Map(workspace.projects().map((project) => [project.root, project]));
  const loaded = (await Promise.all(context.folders().map((folder) => workspace.loadProjectsUnder(folder)))).flat();
  context.syncOpenDocuments();
  for (const [root, project] of before) {
    if (loaded.some((p) => p.root === root)) {
      const kept = workspace.project(root);
      for (const gone of project.allFiles().filter((f) => !kept?.file(f.path))) publisher.clear(gone.path);
    } else if (workspace.removeProject(root)) publisher.clearProject(project);
  }
  for (const project of loaded) publisher.schedule(project);
}

/**
 * Follows the workspace folders the client adds and removes (`workspace/didChangeWorkspaceFolders`):
 * the projects of a folder that went are dropped and their diagnostics cleared, those of a folder
 * that came are loaded and checked. Call once initialized, when the client tracks folders.
 */
export function registerWorkspaceFolders(connection: Connection, context: FileEventContext): void {
  const { workspace, queue, publisher } = context;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    queue.enqueue(async () => {
      const removed = event.removed.map((f) => toPath(f.uri)).filter((p): p is string => !!p);
      const added = event.added.map((f) => toPath(f.uri)).filter((p): p is string => !!p);
      const folders = [...context.folders().filter((f) => !removed.includes(f)), ...added];
      context.setFolders(folders);
      // Folders nest in a multi-root workspace: a project another open folder still holds stays.
      for (const folder of removed) for (const project of workspace.removeProjectsUnder(folder, folders)) publisher.clearProject(project);
      for (const folder of added) for (const project of await workspace.loadProjectsUnder(folder)) publisher.schedule(project);
    });
  });
}

/**
 * A path that is no bot file was created or deleted: when it is (or was) a folder holding bot
 * files, the files that went are forgotten (their findings cleared) and what appeared is
 * loaded. A folder's deletion or renaming is reported as one event for the folder.
 */
async function folderChanged(context: FileEventContext, folder: string, type: FileChangeType): Promise<void> {
  const { workspace, documents, publisher, uris } = context;
  if (!context.folders().some((root) => isInside(root, folder))) return;
  if (folder.split(path.sep).some((part) => NEVER_SEARCHED.has(part))) return;
  if (type === FileChangeType.Deleted) {
    for (const project of workspace.removeProjectsUnder(folder)) publisher.clearProject(project);
    for (const project of workspace.projects()) {
      const gone = project.allFiles().filter((f) => isInside(folder, f.path) && !documents.get(uris.uriOf(f.path)));
      for (const f of gone) publisher.forget(f.path);
      if (gone.length) publisher.schedule(project);
    }
    return;
  }
  // Created (or renamed into place); a file of no interest is no folder.
  if ((await context.fs.size(folder)) !== undefined) return;
  for (const project of await workspace.loadProjectsUnder(folder)) publisher.schedule(project);
  // A folder of bot files (intents/, translations/…) that appeared in a project: read the project again.
  const owner = workspace.project(path.dirname(folder));
  if (owner && PROJECT_FOLDERS.includes(path.basename(folder))) {
    const before = owner.allFiles().map((f) => f.path);
    const reloaded = await workspace.loadProject(owner.root);
    context.syncOpenDocuments();
    for (const gone of before.filter((p) => !reloaded.file(p))) publisher.clear(gone);
    publisher.schedule(reloaded);
  }
}
