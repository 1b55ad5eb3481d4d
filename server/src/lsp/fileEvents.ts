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
  type BotProject,
  type BotWorkspace,
  type FileSystem,
} from '../engine';
import type { DetachedDocuments } from './detachedDocuments';
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
  /** The open documents whose file or folder went: out of the model until typed into or back. */
  readonly detached: DetachedDocuments;
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
      // Only what lies in a workspace folder concerns the server (a watcher may report more).
      const files = params.changes.map((change) => {
        const file = toPath(change.uri);
        return file && context.folders().some((root) => isInside(root, file)) ? file : undefined;
      });
      // First, which open documents are in the model: a file gone from disk is out, even while VS
      // Code still holds a document of it (a closed editor's document lives on for a while), in a
      // project or not, until it is typed into; one that came back is in again. A folder's event
      // stands for every file in it. Any open document, in a workspace folder or not: one may be added later.
      const attached = new Set<string>();
      for (const change of params.changes) {
        const changed = toPath(change.uri);
        if (!changed) continue;
        for (const document of documents.all()) {
          const file = toPath(document.uri);
          if (!file || !isInside(changed, file)) continue;
          if (change.type === FileChangeType.Deleted) context.detached.detach(file);
          else if (context.detached.attach(file)) attached.add(file);
        }
      }
      // What is ignored may have changed: every project is searched for and read again.
      if (files.some((file) => file && IGNORE_FILES.has(path.basename(file)))) await reloadIgnored(context);
      for (const [i, change] of params.changes.entries()) {
        const file = files[i];
        if (!file) continue;
        const open = !!documents.get(change.uri);
        if (!workspace.projectOf(file) && path.basename(file) !== 'bot.json') {
          // Not a bot file: a folder that went or appeared (or a file of no interest).
          await folderChanged(context, file, change.type);
          continue;
        }
        if (change.type === FileChangeType.Deleted) {
          if (path.basename(file) === 'bot.json') {
            const project = workspace.project(path.dirname(file));
            if (project && workspace.removeProject(project.root)) publisher.clearProject(project);
            continue;
          }
          const project = publisher.forget(file);
          if (project) publisher.schedule(project);
          continue;
        }
        if (path.basename(file) === 'bot.json' && !workspace.project(path.dirname(file))) {
          if (await workspace.isIgnored(file)) continue;
          await workspace.loadProject(path.dirname(file));
          context.syncOpenDocuments();
          const project = workspace.project(path.dirname(file));
          if (project) publisher.schedule(project);
          continue;
        }
        // An open document is newer than the disk: its text stays; one that was detached comes back.
        if (open && !attached.has(file)) continue;
        if (attached.has(file)) context.syncOpenDocuments();
        else await workspace.reload(file);
        const project = workspace.projectOf(file);
        if (project) publisher.schedule(project);
      }
    });
  });
}

/**
 * Finds and loads every bot project below `folders` (absolute paths): those with a bot.json on disk
 * (BotWorkspace.loadProjectsUnder), and those whose bot.json only the editor holds, an open
 * document, attached, whose file is not on disk (typed into after it went, or its folder came back
 * without it). Returns the projects loaded; their open documents are not yet synced.
 */
export async function loadProjectsIn(
  context: Pick<FileEventContext, 'workspace' | 'documents' | 'detached'>,
  folders: readonly string[],
): Promise<BotProject[]> {
  const { workspace, documents, detached } = context;
  const loaded = (await Promise.all(folders.map((folder) => workspace.loadProjectsUnder(folder)))).flat();
  for (const document of documents.all()) {
    const file = toPath(document.uri);
    if (!file || path.basename(file) !== 'bot.json' || detached.has(file)) continue;
    const root = path.dirname(file);
    if (!folders.some((folder) => isInside(folder, file)) || loaded.some((p) => p.root === root)) continue;
    if (!(await workspace.isIgnored(file))) loaded.push(await workspace.loadProject(root));
  }
  return loaded;
}

/** The files that say what is ignored (see IgnoreOptions): a change to one may add or drop projects and files. */
const IGNORE_FILES = new Set([GITIGNORE_FILE, SETTINGS_FILE]);

/**
 * Searches the workspace folders for projects again, with the ignore files read afresh (after a
 * .gitignore or the `ignores` of a handoff-kit.json changed): projects now ignored are dropped
 * (their diagnostics cleared), the others read again and checked.
 */
export async function reloadIgnored(context: FileEventContext): Promise<void> {
  const { workspace, publisher } = context;
  workspace.ignores = workspace.ignores && { ...workspace.ignores };
  const before = new Map(workspace.projects().map((project) => [project.root, project]));
  const loaded = await loadProjectsIn(context, context.folders());
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
      const loaded = await loadProjectsIn(context, added);
      // The documents already open in a folder that came are newer than its disk.
      context.syncOpenDocuments();
      for (const project of loaded) publisher.schedule(workspace.project(project.root) ?? project);
    });
  });
}

/**
 * A path that is no bot file was created or deleted: when it is (or was) a folder holding bot
 * files, the files that went are forgotten (their findings cleared) and what appeared is
 * loaded. A folder's deletion or renaming is reported as one event for the folder.
 */
async function folderChanged(context: FileEventContext, folder: string, type: FileChangeType): Promise<void> {
  const { workspace, publisher } = context;
  if (!context.folders().some((root) => isInside(root, folder))) return;
  if (folder.split(path.sep).some((part) => NEVER_SEARCHED.has(part))) return;
  if (type === FileChangeType.Deleted) {
    // Open or not, the files went: the open ones wait, detached (see registerWatchedFiles).
    for (const project of workspace.removeProjectsUnder(folder)) publisher.clearProject(project);
    for (const project of workspace.projects()) {
      const gone = project.allFiles().filter((f) => isInside(folder, f.path));
      for (const f of gone) publisher.forget(f.path);
      if (gone.length) publisher.schedule(project);
    }
    return;
  }
  // Created (or renamed into place); a file of no interest is no folder.
  if ((await context.fs.size(folder)) !== undefined) return;
  const loaded = await loadProjectsIn(context, [folder]);
  // A folder of bot files (intents/, translations/…) that appeared in a project: read the project again.
  const owner = workspace.project(path.dirname(folder));
  const before = owner && PROJECT_FOLDERS.includes(path.basename(folder)) ? owner.allFiles().map((f) => f.path) : undefined;
  const reloaded = owner && before ? await workspace.loadProject(owner.root) : undefined;
  context.syncOpenDocuments();
  for (const project of loaded) publisher.schedule(workspace.project(project.root) ?? project);
  if (reloaded && before) {
    for (const gone of before.filter((p) => !reloaded.file(p))) publisher.clear(gone);
    publisher.schedule(workspace.project(reloaded.root) ?? reloaded);
  }
}
