// Wires LSP to the engine: documents, file and folder events (fileEvents.ts) feed the workspace
// model through one queue (workQueue.ts); a debounced pass re-checks the projects they touched and
// publishes only the diagnostics that changed (publisher.ts). Initialize and settings live here.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { BotFile, BotWorkspace, isInside, readProjectSettings, SETTINGS_FILE, type BotProject, type FileSystem, type FileChange } from '../engine';
import { IDLE } from '../../../contract/protocol';
import { registerCustomRequests } from './customRequests';
import { handle } from './handlers';
import { featureCapabilities, registerFeatures } from './features';
import { defaultSettings, toSettings, type HandoffKitSettings } from './settings';
import { ClientUris, toPath, toUri } from './uris';
import { WorkQueue } from './workQueue';
import { DetachedDocuments } from './detachedDocuments';
import { Publisher } from './publisher';
import { loadProjectsIn, registerWatchedFiles, registerWorkspaceFolders, reloadIgnored, watchFiles, type FileEventContext } from './fileEvents';
import { nowMs } from './clock';

export interface Disposable {
  dispose(): void;
}

/** What the server needs from its host, so that tests can run it with fakes. */
export interface ServerRuntime {
  readonly fs: FileSystem;
  setTimeout(callback: () => void, ms: number): Disposable;
  /** Calls `callback` once the event loop has handled the input that came meanwhile (Node's setImmediate). */
  setImmediate(callback: () => void): void;
}

/**
 * Serves Handoff Kit over `connection`: registers every handler (documents, watched files, settings,
 * editor features, custom requests), loads the bot projects of the workspace folders, and publishes
 * diagnostics 100 ms after typing pauses (publisher.ts). `runtime` brings the file system, timers
 * and setImmediate (Node's, in server.ts). The caller then starts it with `connection.listen()`.
 */
export function startLanguageServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new BotWorkspace(runtime.fs);
  const settingsCache = new Map<string, Promise<HandoffKitSettings>>();
  let folders: string[] = [];
  const detached = new DetachedDocuments();
  let canConfigure = false;
  let canWatch = false;
  let canTrackFolders = false;
  let canShowProgress = false;
  const uris = new ClientUris();
  const uriOf = (file: string) => uris.uriOf(file);
  const queue = new WorkQueue(
    (callback) => runtime.setImmediate(callback),
    (error) => connection.console.error(`Handoff Kit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const publisher = new Publisher({
    connection,
    workspace,
    documents,
    queue,
    uris,
    setTimeout: (callback, ms) => runtime.setTimeout(callback, ms),
    settingsFor,
  });
  const fileEvents: FileEventContext = {
    workspace,
    documents,
    queue,
    publisher,
    uris,
    fs: runtime.fs,
    folders: () => folders,
    setFolders: (paths) => {
      folders = [...paths];
      workspace.allowedRoots = folders;
      // The .gitignore files and `ignores` lists of the workspace folders and below them apply, as
      // on the command line; an open handoff-kit.json's text is newer than the disk's.
      workspace.ignores = { roots: folders, settingsText };
    },
    syncOpenDocuments,
    detached,
  };
  registerWatchedFiles(connection, fileEvents);

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canConfigure = !!capabilities.workspace?.configuration;
    canWatch = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canTrackFolders = !!capabilities.workspace?.workspaceFolders;
    canShowProgress = !!capabilities.window?.workDoneProgress;
    folders = (params.workspaceFolders ?? []).map((f) => toPath(f.uri)).filter((p): p is string => !!p);
    if (!folders.length && params.rootUri) folders = [toPath(params.rootUri)].filter((p): p is string => !!p);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...featureCapabilities,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'handoff-kit', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    // Only our section: a change of the editor's font size must not re-check every project.
    // Refused, settings are still read per project when it is checked; the server must not die of it.
    if (canConfigure)
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'handoffKit' })
        .catch((error: unknown) => connection.console.warn(`Handoff Kit: the editor refused settings change notifications (${String(error)}).`));
    if (canWatch) watchFiles(connection);
    if (canTrackFolders) registerWorkspaceFolders(connection, fileEvents);
    fileEvents.setFolders(folders);
    queue.enqueue(() => loadFolders(folders));
  });

  /**
   * Loads every project under the folders and checks them at once (no pause: nobody is typing),
   * with work-done progress in the editor while it lasts.
   */
  async function loadFolders(roots: string[]): Promise<void> {
    const started = nowMs();
    // Asking the client for a progress token is a round trip: it runs beside the load.
    const progress = canShowProgress ? connection.window.createWorkDoneProgress().catch(() => undefined) : Promise.resolve(undefined);
    void progress.then((p) => p?.begin('Handoff Kit', undefined, 'Loading bot projects'));
    workspace.maxFileSize = (await globalSettings()).maxFileSize;
    const projects = await loadProjectsIn(fileEvents, roots);
    syncOpenDocuments();
    const files = projects.reduce((n, p) => n + p.allFiles().length, 0);
    connection.console.info(`Loaded ${projects.length} bot project(s), ${files} files, in ${Math.round(nowMs() - started)} ms.`);
    if (!projects.length) {
      publisher.sendStatus(0);
      void progress.then((p) => p?.done());
      return;
    }
    void progress.then((p) => p?.report(`Checking ${files} files`));
    // Tasks queued now would run between the pass's steps: the progress ends with the pass.
    void publisher.checkNow(projects).then(async () => (await progress)?.done());
  }

  /** The text of the open handoff-kit.json at `file` (absolute), unless detached (see IgnoreOptions.settingsText). */
  function settingsText(file: string): string | undefined {
    return detached.has(file) ? undefined : documents.get(uriOf(file))?.getText();
  }

  /** Per open handoff-kit.json (absolute path), the `ignores` of the text the ignore rules were last given. */
  const settingsIgnores = new Map<string, string>();

  /**
   * After a handoff-kit.json's text changed (typed into, or closed and on disk again), in a
   * project or not (one above the projects ignores for them too): when its `ignores` changed,
   * every project is searched for and read again. `text` undefined: the file is not there.
   */
  async function afterSettingsChange(file: string, text: string | undefined, open: boolean, reattached = false): Promise<void> {
    if (path.basename(file) !== SETTINGS_FILE) return;
    const settings = text === undefined ? undefined : new BotFile(file, 'settings', text.replace(/^\ufeff/, ''), -1);
    const ignores = JSON.stringify((settings && readProjectSettings(settings).ignores) ?? []);
    const before = settingsIgnores.get(file);
    if (open) settingsIgnores.set(file, ignores);
    else settingsIgnores.delete(file);
    // Just opened: the rules read this very text, from disk or from the document. Detached until
    // now: they read the disk, which has no such file.
    if (reattached || (before !== undefined && before !== ignores)) await reloadIgnored(fileEvents);
  }

  /** Open documents hold newer text than the disk, but for those detached from a file that went. */
  function syncOpenDocuments(): void {
    for (const document of documents.all()) {
      const file = toPath(document.uri);
      if (file && !detached.has(file)) syncDocument(document);
    }
  }

  /** Takes an open document's text, with its version, into the model; returns its project when that changed it. */
  function syncDocument(document: TextDocument): BotProject | undefined {
    const file = toPath(document.uri);
    if (!file) return undefined;
    uris.noteOpened(file, document.uri);
    if (!workspace.setText(file, document.getText(), document.version)) return undefined;
    return workspace.projectOf(file);
  }

  /** The URIs of the documents whose didOpen is being handled: TextDocuments reports the open as a content change too. */
  const opening = new Set<string>();
  documents.onDidChangeContent((event) => {
    const typed = !opening.delete(event.document.uri);
    queue.enqueue(async () => {
      const file = toPath(event.document.uri);
      if (!file) return;
      // Typed into: the document is the file again, even one whose file went. (Opening it is no
      // typing: its file may have gone between the open and this task.)
      const reattached = typed && detached.attach(file);
      // A bot.json typed into a folder of the workspace that had none starts a project, with the
      // open documents in it. One outside the workspace folders is no project of the workspace.
      const inWorkspace = folders.some((folder) => isInside(folder, file));
      if (path.basename(file) === 'bot.json' && inWorkspace && !workspace.project(path.dirname(file)) && !(await workspace.isIgnored(file))) {
        await workspace.loadProject(path.dirname(file));
        syncOpenDocuments();
      }
      const started = nowMs();
      const project = syncDocument(event.document);
      if (project) publisher.schedule(project);
      publisher.noteChangeWork(nowMs() - started);
      await afterSettingsChange(file, event.document.getText(), true, reattached);
    });
  });

  documents.onDidOpen((event) => {
    opening.add(event.document.uri);
    // A file opened with the text it has on disk changes nothing, yet the editor is owed its
    // diagnostics, even an empty list that was never sent while it was closed.
    queue.enqueue(async () => {
      const file = toPath(event.document.uri);
      const project = file ? workspace.projectOf(file) : undefined;
      if (file && project && !publisher.hasPublished(uriOf(file))) publisher.schedule(project);
    });
  });

  documents.onDidClose((event) => {
    // The editor's unsaved text is gone: the disk is the truth again.
    queue.enqueue(async () => {
      const file = toPath(event.document.uri);
      if (!file) return;
      detached.attach(file);
      if (path.basename(file) === 'bot.json') {
        const project = workspace.project(path.dirname(file));
        // A bot.json that is not on disk (deleted while open, or only ever typed): no project.
        if (project && (await runtime.fs.size(file)) === undefined) {
          if (workspace.removeProject(project.root)) publisher.clearProject(project);
          return;
        }
      }
      if (path.basename(file) === SETTINGS_FILE) await afterSettingsChange(file, await runtime.fs.readFile(file).catch(() => undefined), false);
      if (!workspace.projectOf(file)) return;
      const reloaded = await workspace.reload(file);
      const project = reloaded ? workspace.projectOf(file) : publisher.forget(file);
      if (project) publisher.schedule(project);
    });
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    queue.enqueue(async () => {
      const { maxFileSize } = await globalSettings();
      if (maxFileSize !== workspace.maxFileSize) {
        // Files were read under the old limit: read them again.
        for (const project of workspace.projects()) publisher.clearProject(project);
        for (const project of workspace.projects()) workspace.removeProject(project.root);
        await loadFolders(folders);
        return;
      }
      for (const project of workspace.projects()) publisher.schedule(project);
    });
  });

  function globalSettings(): Promise<HandoffKitSettings> {
    return canConfigure
      ? connection.workspace.getConfiguration('handoffKit').then(toSettings, () => defaultSettings)
      : Promise.resolve(defaultSettings);
  }

  function settingsFor(project: BotProject): Promise<HandoffKitSettings> {
    let settings = settingsCache.get(project.root);
    if (!settings) {
      settings = canConfigure
        ? connection.workspace.getConfiguration({ scopeUri: toUri(project.root), section: 'handoffKit' }).then(toSettings, () => defaultSettings)
        : Promise.resolve(defaultSettings);
      settingsCache.set(project.root, settings);
    }
    return settings;
  }

  const fileOf = async (uri: string) => {
    await queue.settled();
    const file = toPath(uri);
    const project = file ? workspace.projectOf(file) : undefined;
    const botFile = file ? project?.file(file) : undefined;
    return project && botFile ? { project, file: botFile } : undefined;
  };
  const checkOptionsFor = async (project: BotProject) => {
    const settings = await settingsFor(project);
    return { rules: settings.rules, phraseMatch: settings.exitPhraseMatch };
  };
  const mayApply = async (project: BotProject, changes: readonly FileChange[]): Promise<boolean> => {
    for (const change of changes) {
      if (!(await workspace.access(change.file)).allowed) return false;
      if (change.kind !== 'edit') continue;
      const file = project.file(change.file);
      if (!file) return false;
      if (file.version >= 0 || documents.get(uriOf(change.file))) continue; // open: the editor checks the version
      // Read from disk: refuse if the disk moved on since (the file event may not have come yet).
      const disk = await runtime.fs.readFile(change.file);
      if (disk === undefined || stripBom(disk) !== file.text) {
        queue.enqueue(async () => {
          if (await workspace.reload(change.file)) publisher.schedule(project);
        });
        return false;
      }
    }
    return true;
  };
  registerFeatures(connection, { fileOf, uriOf, mayApply, checkOptionsFor });
  registerCustomRequests(connection, {
    workspace,
    mayApply,
    fileOf,
    uriOf,
    settled: () => queue.settled(),
    phraseMatchFor: async (project) => (await settingsFor(project)).exitPhraseMatch,
    checkOptionsFor,
  });

  handle(connection, IDLE, async () => {
    await publisher.idle();
    return null;
  });

  // Applying a change to a document is the server's work too: timed where TextDocuments does it.
  documents.listen(timingDocumentChanges(connection, (ms) => publisher.noteChangeWork(ms, 1)));
}

/**
 * The connection as TextDocuments sees it, with each didChange handler timed (`record` gets the
 * ms it took: applying the change and the content-change listeners, which only queue the update).
 */
function timingDocumentChanges(connection: Connection, record: (ms: number) => void): Connection {
  const timed: Connection = Object.create(connection);
  timed.onDidChangeTextDocument = (handler) =>
    connection.onDidChangeTextDocument((params) => {
      const started = nowMs();
      handler(params);
      record(nowMs() - started);
    });
  return timed;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

declare const VERSION: string;
