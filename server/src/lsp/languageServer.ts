// Wires LSP to the engine: documents and file events feed the workspace model; a debounced pass
// re-checks the projects they touched and publishes only the diagnostics that changed.
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  BotWorkspace,
  checkFile,
  IncrementalCheck,
  isInside,
  type BotFile,
  type BotProject,
  type CheckedFile,
  type CheckOptions,
  type FileSystem,
  type Finding,
} from '../engine';
import type { FileChange } from '../engine';
import { toDiagnostic } from './diagnostics';
import { registerCustomRequests } from './customRequests';
import { featureCapabilities, registerFeatures } from './features';
import { defaultSettings, toSettings, type HandoffKitSettings } from './settings';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';

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

/** Folders whose changes never concern a bot project (as the workspace's project search skips them). */
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

/**
 * How many files a pass over a whole project checks between two looks at what came in: about 10
 * ms of checking (3,001 files take some 550 ms), so that hover, completion and edits are handled
 * during a first pass rather than after it.
 */
const FILES_PER_STEP = 50;

/** How long typing must pause before the touched projects are checked again. */
const CHECK_DELAY_MS = 100;

/**
 * How many diagnostics notifications go out before the server waits for them to be written: a
 * pass over thousands of files then lets requests in between, and never queues all at once.
 */
const PUBLISH_CHUNK = 200;

/** The diagnostics of a file without findings: one array, so that publishing it again costs nothing. */
const NO_DIAGNOSTICS: Diagnostic[] = [];

export function startLanguageServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new BotWorkspace(runtime.fs);
  const settingsCache = new Map<string, Promise<HandoffKitSettings>>();
  const published = new Map<string, string>();
  const pending = new Set<BotProject>();
  let folders: string[] = [];
  let canConfigure = false;
  let canWatch = false;
  let canTrackFolders = false;
  let canShowProgress = false;
  /** The URIs the client uses for open documents, whose spelling may differ from ours. */
  const clientUris = new Map<string, string>();
  /** Bumped when clientUris changes: diagnostics converted before may name other URIs. */
  let clientUrisChanges = 0;
  /** Per project, the findings kept between check passes. */
  const incrementalChecks = new WeakMap<BotProject, IncrementalCheck>();
  /** Per project, how many files its last pass published (counted there: allFiles() copies thousands). */
  const fileCounts = new WeakMap<BotProject, number>();
  /** Per project, whether its last pass published the checks' findings (false: the checks were off). */
  const publishedChecked = new WeakMap<BotProject, boolean>();
  /** Per file path with findings, the diagnostics last converted from them (see diagnosticsOf). */
  const converted = new Map<string, { findings: readonly Finding[]; file: BotFile; uris: number; related: BotFile[]; diagnostics: Diagnostic[] }>();
  /** Per URI, the diagnostics array last published, so that one reused is not even compared. */
  const publishedArrays = new Map<string, Diagnostic[]>();
  let timer: Disposable | undefined;
  /**
   * The server's own work for the pass after an edit (ms, `performance.now()`): handling the
   * document changes since the last pass, then the pass from its timer to the last diagnostics
   * handed to the connection. Logged per pass ("Checked after ..."), read by scripts/bench/lsp.mjs.
   */
  const work = { changes: 0, changesMs: 0, timerFiredAt: undefined as number | undefined };
  /**
   * Model updates and checks run one after another, in the order the events came; a pass over
   * many files lets the tasks queued meanwhile run between its steps (letQueuedTasksRun).
   */
  const tasks: Array<() => Promise<void>> = [];
  let draining = false;
  /** Whether a check pass is under way (it may be between steps): another waits until it ends. */
  let passUnderWay = false;

  /** Queues a task; the promise resolves when it has run (failed or not). */
  function enqueue(task: () => Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      tasks.push(async () => {
        try {
          await task();
        } catch (error) {
          // One failed update must not stop the ones after it, nor the server.
          connection.console.error(`Handoff Kit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        } finally {
          resolve();
        }
      });
      if (!draining) {
        draining = true;
        queueMicrotask(() => void drain());
      }
    });
  }

  async function drain(): Promise<void> {
    while (tasks.length) await tasks.shift()!();
    draining = false;
  }

  /**
   * For a task that runs in steps: lets the event loop read what came in, then runs the tasks
   * queued meanwhile (model updates, requests waiting for the model) before the task goes on.
   */
  async function letQueuedTasksRun(): Promise<void> {
    await new Promise<void>((resolve) => runtime.setImmediate(resolve));
    while (tasks.length) await tasks.shift()!();
  }

  /** Waits until every change the server has been told of is in the model. */
  const settled = () => enqueue(async () => undefined);

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
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'handoffKit' });
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/{bot.json,handoff-kit.json,intents/*.json,journeys/*.json,test-reports/*.csv,functions/*.js}' },
          // A deleted or renamed folder is one event for the folder: see folderChanged().
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
    }
    if (canTrackFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        enqueue(async () => {
          const removed = event.removed.map((f) => toPath(f.uri)).filter((p): p is string => !!p);
          const added = event.added.map((f) => toPath(f.uri)).filter((p): p is string => !!p);
          folders = [...folders.filter((f) => !removed.includes(f)), ...added];
          workspace.allowedRoots = folders;
          // Folders nest in a multi-root workspace: a project another open folder still holds stays.
          for (const folder of removed) for (const project of workspace.removeProjectsUnder(folder, folders)) clearProject(project);
          for (const folder of added) for (const project of await workspace.loadProjectsUnder(folder)) schedule(project);
        });
      });
    }
    workspace.allowedRoots = folders;
    enqueue(() => loadFolders(folders));
  });

  /**
   * Loads every project under the folders and checks them at once (no pause: nobody is typing),
   * with work-done progress in the editor while it lasts.
   */
  async function loadFolders(roots: string[]): Promise<void> {
    const started = performance.now();
    // Asking the client for a progress token is a round trip: it runs beside the load.
    const progress = canShowProgress ? connection.window.createWorkDoneProgress().catch(() => undefined) : Promise.resolve(undefined);
    void progress.then((p) => p?.begin('Handoff Kit', undefined, 'Loading bot projects'));
    workspace.maxFileSize = (await globalSettings()).maxFileSize;
    const projects = (await Promise.all(roots.map((folder) => workspace.loadProjectsUnder(folder)))).flat();
    // Open documents hold newer text than the disk.
    for (const document of documents.all()) syncDocument(document);
    const files = projects.reduce((n, p) => n + p.allFiles().length, 0);
    connection.console.info(`Loaded ${projects.length} bot project(s), ${files} files, in ${Math.round(performance.now() - started)} ms.`);
    if (!projects.length) {
      sendStatus(0);
      void progress.then((p) => p?.done());
      return;
    }
    void progress.then((p) => p?.report(`Checking ${files} files`));
    for (const project of projects) pending.add(project);
    // Tasks queued now would run between the pass's steps: the progress ends with the pass.
    void enqueue(checkPending).then(async () => (await progress)?.done());
  }

  /** Tells the client how much the server checks and how long the last check took (`durationMs`). */
  function sendStatus(durationMs: number): void {
    const projects = workspace.projects();
    const files = projects.reduce((n, p) => n + (fileCounts.get(p) ?? p.allFiles().length), 0);
    void connection.sendNotification(STATUS_NOTIFICATION, {
      projects: projects.length,
      files,
      durationMs: Math.round(durationMs),
    } satisfies StatusParams);
  }

  function syncDocument(document: TextDocument): BotProject | undefined {
    const file = toPath(document.uri);
    if (!file) return undefined;
    if (clientUris.get(file) !== document.uri) {
      clientUris.set(file, document.uri);
      clientUrisChanges++;
    }
    if (!workspace.setText(file, document.getText(), document.version)) return undefined;
    return workspace.projectOf(file);
  }

  documents.onDidChangeContent((event) => {
    enqueue(async () => {
      const file = toPath(event.document.uri);
      if (!file) return;
      // A bot.json typed into a folder that had none starts a project.
      if (path.basename(file) === 'bot.json' && !workspace.project(path.dirname(file))) {
        await workspace.loadProject(path.dirname(file));
      }
      const started = performance.now();
      const project = syncDocument(event.document);
      if (project) schedule(project);
      work.changesMs += performance.now() - started;
    });
  });

  documents.onDidOpen((event) => {
    // A file opened with the text it has on disk changes nothing, yet the editor is owed its
    // diagnostics, even an empty list that was never sent while it was closed.
    enqueue(async () => {
      const file = toPath(event.document.uri);
      const project = file ? workspace.projectOf(file) : undefined;
      if (file && project && !published.has(uriOf(file))) schedule(project);
    });
  });

  documents.onDidClose((event) => {
    // The editor's unsaved text is gone: the disk is the truth again.
    enqueue(async () => {
      const file = toPath(event.document.uri);
      if (!file || !workspace.projectOf(file)) return;
      const reloaded = await workspace.reload(file);
      const project = reloaded ? workspace.projectOf(file) : forget(file);
      if (project) schedule(project);
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    enqueue(async () => {
      for (const change of params.changes) {
        const file = toPath(change.uri);
        if (!file) continue;
        if (!workspace.projectOf(file) && path.basename(file) !== 'bot.json') {
          // Not a bot file: a folder that went or appeared (or a file of no interest).
          await folderChanged(file, change.type);
          continue;
        }
        if (path.basename(file) === 'bot.json') {
          const root = path.dirname(file);
          if (change.type === FileChangeType.Deleted) {
            const project = workspace.project(root);
            if (project && workspace.removeProject(root)) clearProject(project);
            continue;
          }
          if (!workspace.project(root)) {
            schedule(await workspace.loadProject(root));
            continue;
          }
        }
        // An open document is newer than the disk, except when the file went: VS Code keeps a
        // closed editor's document alive for a while, so a deleted file may still look open.
        if (documents.get(change.uri) && change.type !== FileChangeType.Deleted) continue;
        const project = change.type === FileChangeType.Deleted ? forget(file) : (await workspace.reload(file), workspace.projectOf(file));
        if (project) schedule(project);
      }
    });
  });

  /**
   * A path that is no bot file was created or deleted: when it is (or was) a folder holding bot
   * files, the files that went are forgotten (their findings cleared) and what appeared is
   * loaded. A folder's deletion or renaming is reported as one event for the folder.
   */
  async function folderChanged(folder: string, type: FileChangeType): Promise<void> {
    if (!folders.some((root) => isInside(root, folder))) return;
    if (folder.split(path.sep).some((part) => IGNORED_FOLDERS.has(part))) return;
    if (type === FileChangeType.Deleted) {
      for (const project of workspace.removeProjectsUnder(folder)) clearProject(project);
      for (const project of workspace.projects()) {
        const gone = project.allFiles().filter((f) => isInside(folder, f.path) && !documents.get(uriOf(f.path)));
        for (const f of gone) forget(f.path);
        if (gone.length) schedule(project);
      }
      return;
    }
    // Created (or renamed into place); a file of no interest is no folder.
    if ((await runtime.fs.size(folder)) !== undefined) return;
    for (const project of await workspace.loadProjectsUnder(folder)) schedule(project);
    // An intents/ or journeys/ folder that appeared in a project: read the project again.
    const owner = workspace.project(path.dirname(folder));
    if (owner && (path.basename(folder) === 'intents' || path.basename(folder) === 'journeys')) {
      const before = owner.allFiles().map((f) => f.path);
      const reloaded = await workspace.loadProject(owner.root);
      for (const document of documents.all()) syncDocument(document);
      for (const gone of before.filter((p) => !reloaded.file(p))) publish(uriOf(gone), []);
      schedule(reloaded);
    }
  }

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    enqueue(async () => {
      const { maxFileSize } = await globalSettings();
      if (maxFileSize !== workspace.maxFileSize) {
        // Files were read under the old limit: read them again.
        for (const project of workspace.projects()) clearProject(project);
        for (const project of workspace.projects()) workspace.removeProject(project.root);
        await loadFolders(folders);
        return;
      }
      for (const project of workspace.projects()) schedule(project);
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

  function schedule(project: BotProject): void {
    pending.add(project);
    timer?.dispose();
    timer = runtime.setTimeout(() => {
      timer = undefined;
      work.timerFiredAt ??= performance.now();
      void enqueue(checkPending);
    }, CHECK_DELAY_MS);
  }

  async function checkPending(): Promise<void> {
    // Checked already, by a pass that took them sooner; or a pass is between steps, and checks
    // them when it ends.
    if (!pending.size || passUnderWay) return;
    passUnderWay = true;
    try {
      await checkProjects();
    } finally {
      passUnderWay = false;
    }
    // Changes that came between the steps of a pass.
    if (pending.size) void enqueue(checkPending);
  }

  async function checkProjects(): Promise<void> {
    const projects = [...pending];
    pending.clear();
    const passStarted = performance.now();
    const timerFiredAt = work.timerFiredAt ?? passStarted;
    for (const project of projects) {
      if (workspace.project(project.root) !== project) continue; // removed or reloaded meanwhile
      const settings = await settingsFor(project);
      const started = performance.now();
      const relatedFile = (path: string) => {
        const file = project.file(path);
        return file ? { file, uri: uriOf(path) } : undefined;
      };
      const options = { rules: settings.rules, phraseMatch: settings.exitPhraseMatch, minConfidence: settings.minConfidence };
      // Only the files an edit can have changed are checked again (see IncrementalCheck); the
      // others keep their findings, and their diagnostics unless a related file changed.
      let incremental = incrementalChecks.get(project);
      if (!incremental) {
        incrementalChecks.set(project, (incremental = new IncrementalCheck(project)));
        // The first pass checks every file: the ones open in the editor go first, and out,
        // before the thousands of others are even checked.
        if (settings.enable) await publishOpenFirst(project, options, relatedFile);
      }
      let results: ReadonlyMap<string, CheckedFile> | undefined;
      if (settings.enable) {
        // A pass over every file goes in steps, with requests and edits handled in between (the
        // edits are taken in by the pass); a keystroke's pass is one step.
        const steps = incremental.runInSteps(options, FILES_PER_STEP);
        let step = steps.next();
        while (!step.done && (await letQueuedTasksRun(), workspace.project(project.root) === project)) step = steps.next();
        if (!step.done) continue; // removed or reloaded meanwhile
        results = step.value;
      }
      // After a pass with the checks off (or none), every file is published; after that, only
      // what can have changed (see filesToPublish): a keystroke then walks a handful of files, not 3,001.
      const all = results && publishedChecked.get(project) ? undefined : project.allFiles();
      const files = all ?? filesToPublish(project, incremental);
      const fileCount = all?.length ?? incremental.checkedCount;
      fileCounts.set(project, fileCount);
      publishedChecked.set(project, !!results);
      let sent = 0;
      for (const file of files) {
        const findings = results?.get(file.path)?.findings;
        const written = publish(uriOf(file.path), findings ? diagnosticsOf(project, file, findings, relatedFile) : NO_DIAGNOSTICS);
        if (written && ++sent % PUBLISH_CHUNK === 0) await written;
      }
      // The line's form is read by scripts/bench/lsp.mjs.
      const again = results ? `, ${incremental.lastRunChecked} checked again` : '';
      connection.console.log(`Checked ${project.root} (${fileCount} files${again}) in ${Math.round(performance.now() - started)} ms.`);
    }
    const passMs = performance.now() - timerFiredAt;
    connection.console.log(
      `Checked after ${work.changes} change(s): server work ${(work.changesMs + passMs).toFixed(2)} ms (changes ${work.changesMs.toFixed(2)} ms, pass ${passMs.toFixed(2)} ms).`,
    );
    work.changes = 0;
    work.changesMs = 0;
    work.timerFiredAt = undefined;
    sendStatus(performance.now() - passStarted);
  }

  /**
   * The files of a project whose diagnostics can differ from those last published, after an
   * incremental run: those the run changed (`lastRunChanged`), those with findings (a related
   * location may name a file that changed, so they are converted again when it did), and the
   * open ones (a file opened gets its empty list). In the project's file order.
   */
  function filesToPublish(project: BotProject, incremental: IncrementalCheck): BotFile[] {
    const paths = new Set(incremental.lastRunChanged);
    for (const path of converted.keys()) paths.add(path);
    for (const [path, uri] of clientUris) if (documents.get(uri)) paths.add(path);
    const files: BotFile[] = [];
    for (const path of paths) {
      const file = project.file(path);
      if (file) files.push(file);
    }
    return files.sort((a, b) => (project.orderOf(a.path) ?? 0) - (project.orderOf(b.path) ?? 0));
  }

  /**
   * Checks and publishes the project's files open in the editor on their own (as IncrementalCheck
   * would: `checkFile` gives the same findings), and waits until the notifications are written.
   */
  async function publishOpenFirst(
    project: BotProject,
    options: CheckOptions,
    relatedFile: (path: string) => { file: BotFile; uri: string } | undefined,
  ): Promise<void> {
    const written: Promise<void>[] = [];
    for (const document of documents.all()) {
      const path = toPath(document.uri);
      const file = path ? project.file(path) : undefined;
      if (!file) continue;
      const sending = publish(uriOf(file.path), diagnosticsOf(project, file, checkFile(project, file, options), relatedFile));
      if (sending) written.push(sending);
    }
    await Promise.all(written);
  }

  /**
   * The diagnostics of a file's findings, converted again only when the findings, the file, a
   * file a finding relates to (its line positions) or the client's URIs changed since.
   */
  function diagnosticsOf(
    project: BotProject,
    file: BotFile,
    findings: readonly Finding[],
    relatedFile: (path: string) => { file: BotFile; uri: string } | undefined,
  ): Diagnostic[] {
    if (!findings.length) {
      converted.delete(file.path);
      return NO_DIAGNOSTICS;
    }
    const before = converted.get(file.path);
    if (
      before &&
      before.findings === findings &&
      before.file === file &&
      before.uris === clientUrisChanges &&
      before.related.every((r) => project.file(r.path) === r)
    ) {
      return before.diagnostics;
    }
    const related = findings.flatMap((f) => (f.related ?? []).map((r) => project.file(r.file))).filter((f): f is BotFile => !!f);
    const diagnostics = findings.map((finding) => toDiagnostic(finding, file, relatedFile));
    converted.set(file.path, { findings, file, uris: clientUrisChanges, related, diagnostics });
    return diagnostics;
  }

  /**
   * Sends a file's diagnostics unless the client has these already; returns the promise of the
   * notification's being written, or undefined when nothing was sent. A closed file that never
   * had any gets no empty list: the client shows nothing for it either way.
   */
  function publish(uri: string, diagnostics: Diagnostic[]): Promise<void> | undefined {
    // The very array published last time: nothing to compare.
    if (publishedArrays.get(uri) === diagnostics) return undefined;
    // Not recorded as published: once the file is opened, its empty list goes out.
    if (!diagnostics.length && !published.has(uri) && !documents.get(uri)) return undefined;
    publishedArrays.set(uri, diagnostics);
    const key = JSON.stringify(diagnostics);
    if (published.get(uri) === key) return undefined;
    published.set(uri, key);
    return connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Drops a deleted file from its project, and its findings from the editor. */
  function forget(file: string): BotProject | undefined {
    const project = workspace.delete(file);
    converted.delete(file);
    if (project) publish(uriOf(file), []);
    fileUris.delete(file);
    return project;
  }

  function clearProject(project: BotProject): void {
    for (const file of project.allFiles()) {
      publish(uriOf(file.path), NO_DIAGNOSTICS);
      fileUris.delete(file.path);
    }
  }

  /** Per file path, its file: URI, kept because a pass names every file of the project. */
  const fileUris = new Map<string, string>();

  function uriOf(file: string): string {
    const uri = clientUris.get(file) ?? fileUris.get(file);
    if (uri !== undefined) return uri;
    const made = toUri(file);
    fileUris.set(file, made);
    return made;
  }

  const fileOf = async (uri: string) => {
    await settled();
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
        enqueue(async () => {
          if (await workspace.reload(change.file)) schedule(project);
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
    settled,
    phraseMatchFor: async (project) => (await settingsFor(project)).exitPhraseMatch,
    checkOptionsFor,
  });

  // Applying a change to a document is the server's work too: timed where TextDocuments does it.
  documents.listen(
    timingDocumentChanges(connection, (ms) => {
      work.changes++;
      work.changesMs += ms;
    }),
  );
}

/**
 * The connection as TextDocuments sees it, with each didChange handler timed (`record` gets the
 * ms it took: applying the change and the content-change listeners, which only queue the update).
 */
function timingDocumentChanges(connection: Connection, record: (ms: number) => void): Connection {
  const timed: Connection = Object.create(connection);
  timed.onDidChangeTextDocument = (handler) =>
    connection.onDidChangeTextDocument((params) => {
      const started = performance.now();
      handler(params);
      record(performance.now() - started);
    });
  return timed;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The paths of the URIs seen lately: every keystroke names its document's URI, and parsing a URL costs. */
const pathsOfUris = new Map<string, string | undefined>();

function toPath(uri: string): string | undefined {
  if (pathsOfUris.has(uri)) return pathsOfUris.get(uri);
  let file: string | undefined;
  try {
    file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    file = undefined;
  }
  if (pathsOfUris.size >= 1000) pathsOfUris.clear();
  pathsOfUris.set(uri, file);
  return file;
}

function toUri(file: string): string {
  return pathToFileURL(file).href;
}

declare const VERSION: string;
