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
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { BotWorkspace, checkFile, type BotProject, type FileSystem } from '../engine';
import { toDiagnostic } from './diagnostics';
import { registerCustomRequests } from './customRequests';
import { featureCapabilities, registerFeatures } from './features';
import { defaultSettings, toSettings, type HandoffKitSettings } from './settings';

export interface Disposable {
  dispose(): void;
}

/** What the server needs from its host, so that tests can run it with fakes. */
export interface ServerRuntime {
  readonly fs: FileSystem;
  setTimeout(callback: () => void, ms: number): Disposable;
}

/** How long typing must pause before the touched projects are checked again. */
const CHECK_DELAY_MS = 100;

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
  /** The URIs the client uses for open documents, whose spelling may differ from ours. */
  const clientUris = new Map<string, string>();
  let timer: Disposable | undefined;
  /** Model updates and checks run one after another, in the order the events came. */
  let queue: Promise<void> = Promise.resolve();

  function enqueue(task: () => Promise<void>): void {
    queue = queue.then(task).catch((error: unknown) => {
      // One failed update must not stop the ones after it, nor the server.
      connection.console.error(`Handoff Kit: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canConfigure = !!capabilities.workspace?.configuration;
    canWatch = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canTrackFolders = !!capabilities.workspace?.workspaceFolders;
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
        watchers: [{ globPattern: '**/{bot.json,handoff-kit.json,intents/*.json,journeys/*.json,test-reports/*.csv}' }],
      });
    }
    if (canTrackFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        enqueue(async () => {
          for (const removed of event.removed) {
            const folder = toPath(removed.uri);
            folders = folders.filter((f) => f !== folder);
            if (folder) for (const project of workspace.removeProjectsUnder(folder)) clearProject(project);
          }
          for (const added of event.added) {
            const folder = toPath(added.uri);
            if (folder) folders.push(folder);
            if (folder) for (const project of await workspace.loadProjectsUnder(folder)) schedule(project);
          }
        });
      });
    }
    enqueue(() => loadFolders(folders));
  });

  async function loadFolders(roots: string[]): Promise<void> {
    const started = performance.now();
    workspace.maxFileSize = (await globalSettings()).maxFileSize;
    const projects = (await Promise.all(roots.map((folder) => workspace.loadProjectsUnder(folder)))).flat();
    // Open documents hold newer text than the disk.
    for (const document of documents.all()) syncDocument(document);
    const files = projects.reduce((n, p) => n + p.allFiles().length, 0);
    connection.console.info(`Loaded ${projects.length} bot project(s), ${files} files, in ${Math.round(performance.now() - started)} ms.`);
    for (const project of projects) schedule(project);
  }

  function syncDocument(document: TextDocument): BotProject | undefined {
    const file = toPath(document.uri);
    if (!file) return undefined;
    clientUris.set(file, document.uri);
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
      const project = syncDocument(event.document);
      if (project) schedule(project);
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
        if (documents.get(change.uri)) continue; // the open document is newer than the disk
        const project =
          change.type === FileChangeType.Deleted ? forget(file) : (await workspace.reload(file), workspace.projectOf(file));
        if (project) schedule(project);
      }
    });
  });

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
        ? connection.workspace
            .getConfiguration({ scopeUri: toUri(project.root), section: 'handoffKit' })
            .then(toSettings, () => defaultSettings)
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
      enqueue(checkPending);
    }, CHECK_DELAY_MS);
  }

  async function checkPending(): Promise<void> {
    const projects = [...pending];
    pending.clear();
    for (const project of projects) {
      if (workspace.project(project.root) !== project) continue; // removed or reloaded meanwhile
      const settings = await settingsFor(project);
      const started = performance.now();
      const relatedFile = (path: string) => {
        const file = project.file(path);
        return file ? { file, uri: uriOf(path) } : undefined;
      };
      for (const file of project.allFiles()) {
        const diagnostics = settings.enable
          ? checkFile(project, file, { rules: settings.rules, phraseMatch: settings.exitPhraseMatch, minConfidence: settings.minConfidence }).map((finding) => toDiagnostic(finding, file, relatedFile))
          : [];
        publish(uriOf(file.path), diagnostics);
      }
      connection.console.log(`Checked ${project.root} (${project.allFiles().length} files) in ${Math.round(performance.now() - started)} ms.`);
    }
  }

  function publish(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (published.get(uri) === key) return;
    published.set(uri, key);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Drops a deleted file from its project, and its findings from the editor. */
  function forget(file: string): BotProject | undefined {
    const project = workspace.delete(file);
    if (project) publish(uriOf(file), []);
    return project;
  }

  function clearProject(project: BotProject): void {
    for (const file of project.allFiles()) publish(uriOf(file.path), []);
  }

  function uriOf(file: string): string {
    return clientUris.get(file) ?? toUri(file);
  }

  const fileOf = async (uri: string) => {
    await queue;
    const file = toPath(uri);
    const project = file ? workspace.projectOf(file) : undefined;
    const botFile = file ? project?.file(file) : undefined;
    return project && botFile ? { project, file: botFile } : undefined;
  };
  registerFeatures(connection, { fileOf, uriOf });
  registerCustomRequests(connection, {
    workspace,
    fileOf,
    uriOf,
    settled: () => queue,
    phraseMatchFor: async (project) => (await settingsFor(project)).exitPhraseMatch,
  });

  documents.listen(connection);
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function toUri(file: string): string {
  return pathToFileURL(file).href;
}

declare const VERSION: string;
