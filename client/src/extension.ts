// The VS Code extension: starts the bundled Handoff Kit language server for the bot files of
// the workspace, and adds the commands that write bot files (scaffold, new project), the banner
// preview and the simulator panel.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';
import { BANNER_PREVIEW, JOURNEY_GRAPH, SERVER_EXEC_ARGV, SIMULATE, STATUS_NOTIFICATION, type StatusParams } from '../../contract/protocol';
import { sendRequest } from './requests';
import { COMMANDS } from '../../contract/commands';
import { BannerPreviewPanel } from './bannerPreview/panel';
import { SimulatorPanel } from './simulator/panel';
import { JourneyGraphPanel, type FetchJourneyGraph } from './journeyGraph/panel';
import { copyForStudio, exportUtteranceTests, openStudioSheet, SHEET_SCHEME, StudioSheetProvider } from './studioCommands';
import { finishNewBotProject, newBotProject } from './newBotProject';
import {
  BOT_FILE_GLOB,
  PROJECT_FILES,
  patternOf,
  type DisconnectionOptions,
  type GraphView,
  type GraphWalk,
  type JourneyGraph,
} from '../../server/src/engine';
import { addDisconnection } from './scaffoldCommand';
import { addUtteranceToIntent } from './chooseIntent';
import { TestExplorer } from './testExplorer';

let client: LanguageClient | undefined;

/** What the extension offers other extensions and its own tests. */
export interface HandoffKitApi {
  readonly client: LanguageClient;
  /** The server's last handoffKit/status (what the language status item shows); undefined before the first. */
  readonly status: () => StatusParams | undefined;
  /** The graph the journey graph panel drew last; undefined when no panel is open. */
  readonly journeyGraph: () => JourneyGraph | undefined;
  /** The conversation tests in the Test Explorer: their items, and the outcome of each one's last run. */
  readonly tests: TestExplorer;
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffKitApi> {
  const { LanguageClient, State, TransportKind } = await loadLanguageClient(context);
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  // Every kind of bot file, from the engine's one list: JSON files in the JSON mode, functions in
  // the JavaScript mode, Studio's CSV files (test reports, translations, FAQs) whatever mode the
  // editor gives them.
  const botFiles = PROJECT_FILES.map((spec) => ({
    scheme: 'file',
    ...(spec.editorLanguage ? { language: spec.editorLanguage } : {}),
    pattern: `**/${patternOf(spec)}`,
  }));
  const clientOptions: LanguageClientOptions = {
    documentSelector: botFiles,
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(BOT_FILE_GLOB),
        // A folder deleted or renamed outside the editor (a project, its intents/) is one event
        // for the folder, which the pattern above never matches: creations and deletions of
        // anything reach the server, which keeps those that concern a project.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
    outputChannelName: 'Handoff Kit',
  };
  const languageClient = new LanguageClient('handoffKit', 'Handoff Kit', serverOptions, clientOptions);
  client = languageClient;

  const fetchPreview = (uri: string, offset?: number) =>
    sendRequest(languageClient, BANNER_PREVIEW, { uri, offset }).then((preview) => preview ?? undefined);

  const fetchGraph: FetchJourneyGraph = (target) =>
    sendRequest(languageClient, JOURNEY_GRAPH, {
      uri: target.uri,
      view: target.view,
      journey: target.journey,
      collapsed: target.collapsed,
      expanded: target.expanded,
      walk: target.walk,
    }).then((graph) => graph ?? undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showJourneyGraph, (uri?: string | vscode.Uri, journey?: string, view?: GraphView, walk?: GraphWalk) => {
      // From the palette: the project of the active editor (else the workspace's first), every banner's path.
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      return JourneyGraphPanel.show(context, fetchGraph, {
        uri: target === undefined ? undefined : typeof target === 'string' ? target : target.toString(),
        view: view === 'project' ? 'project' : 'handoff',
        ...(typeof journey === 'string' ? { journey } : {}),
        collapsed: [],
        ...(Array.isArray(walk) ? { walk } : {}),
      });
    }),
    vscode.commands.registerCommand(COMMANDS.addDisconnection, (target?: vscode.Uri, options?: Partial<DisconnectionOptions>) =>
      addDisconnection(languageClient, target, options),
    ),
    vscode.commands.registerCommand(COMMANDS.newBotProject, () => newBotProject(context.globalStorageUri)),
    vscode.commands.registerCommand(COMMANDS.previewBanner, async (uri?: string | vscode.Uri, offset?: number) => {
      const editor = vscode.window.activeTextEditor;
      const document = uri ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri) : editor?.document;
      if (!document || !/[\\/]journeys[\\/][^\\/]+\.json$/.test(document.uri.fsPath)) {
        void vscode.window.showInformationMessage('Open a journey (journeys/*.json) with a banner to preview it.');
        return;
      }
      const at = offset ?? (editor?.document === document ? document.offsetAt(editor.selection.active) : undefined);
      BannerPreviewPanel.show(context, fetchPreview, document, at);
    }),
    vscode.commands.registerCommand(COMMANDS.simulateHandoff, async (uri?: string | vscode.Uri, offset?: number) => {
      // Without a target, the project of the file in the editor (the server's first project when it is in none).
      const document = vscode.window.activeTextEditor?.document;
      const target = uri ?? (document?.uri.scheme === 'file' ? document.uri : undefined);
      await SimulatorPanel.show(context, (params) => sendRequest(languageClient, SIMULATE, params), {
        uri: target?.toString(),
        offset: typeof offset === 'number' ? offset : undefined,
      });
    }),
    vscode.commands.registerCommand(COMMANDS.openProjectFile, (kind: string = 'bot.json') => openProjectFile(kind)),
    vscode.commands.registerCommand(COMMANDS.addUtteranceToIntent, (uri: string, phrase: string, intent?: string) =>
      addUtteranceToIntent(languageClient, uri, phrase, intent),
    ),
    vscode.commands.registerCommand(COMMANDS.exportUtteranceTests, (target?: vscode.Uri) => exportUtteranceTests(languageClient, target)),
    vscode.workspace.registerTextDocumentContentProvider(SHEET_SCHEME, new StudioSheetProvider(languageClient)),
    vscode.commands.registerCommand(COMMANDS.openStudioSheet, (target?: vscode.Uri) => openStudioSheet(target)),
    vscode.commands.registerCommand(COMMANDS.copyForStudio, (text: string, what?: string) => copyForStudio(text, what)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => languageClient.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => languageClient.outputChannel.show()),
  );
  const tests = new TestExplorer(languageClient);
  context.subscriptions.push(
    tests,
    // The Test Explorer's context menu: the test replayed in the simulator panel, up to its failing step.
    vscode.commands.registerCommand(COMMANDS.openTestInSimulator, async (item?: vscode.TestItem) => {
      const replay = item && (await tests.inputsOf(item));
      if (!replay) return void vscode.window.showInformationMessage('Open in Simulator replays a conversation test: pick one in the Test Explorer.');
      await SimulatorPanel.show(context, (params) => sendRequest(languageClient, SIMULATE, params), { uri: replay.uri, inputs: replay.inputs });
    }),
  );
  const status = languageStatus(context, languageClient, botFiles, State);
  void vscode.commands.executeCommand('setContext', 'handoffKit.hasBotProject', true);
  // Activation does not wait for the server (its start-up and the project's load are seconds on
  // a large workspace): requests sent meanwhile wait for it; a failed start is shown by the
  // client in its output channel, with a notification.
  languageClient.start().catch(() => undefined);
  // A New Bot Project that made this window a multi-root workspace, restarting the host, ends here.
  void finishNewBotProject(context.globalStorageUri);
  return { client: languageClient, status, tests, journeyGraph: () => JourneyGraphPanel.open?.graph };
}

/**
 * The language client library, from its own bundle (see languageClient.ts), after the current
 * call has returned: activate() returns its promise first, then the library is read and run.
 */
async function loadLanguageClient(context: vscode.ExtensionContext): Promise<typeof import('./languageClient')> {
  await Promise.resolve();
  // A path esbuild leaves alone: the module is not bundled into this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(context.asAbsolutePath('dist/client/languageClient.js')) as typeof import('./languageClient');
}

/**
 * The language status items of bot files (the `{}` of the status bar): what the server checks and
 * how long its last check took, with Show Output; and the server's state, with Restart.
 * Returns a function that reads the last status the server sent.
 */
function languageStatus(
  context: vscode.ExtensionContext,
  languageClient: LanguageClient,
  selector: vscode.DocumentSelector,
  states: typeof State,
): () => StatusParams | undefined {
  const checks = vscode.languages.createLanguageStatusItem('handoffKit.checks', selector);
  checks.name = 'Handoff Kit checks';
  checks.text = 'Handoff Kit: loading bot projects';
  checks.busy = true;
  checks.command = { title: 'Show Output', command: COMMANDS.showOutput };
  const server = vscode.languages.createLanguageStatusItem('handoffKit.server', selector);
  server.name = 'Handoff Kit language server';
  server.command = { title: 'Restart Language Server', command: COMMANDS.restartServer };
  const showState = (state: State) => {
    server.text =
      state === states.Running
        ? 'Handoff Kit server running'
        : state === states.Starting
          ? 'Handoff Kit server starting'
          : 'Handoff Kit server stopped';
    server.busy = state === states.Starting;
    server.severity = state === states.Stopped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  showState(languageClient.state);
  let last: StatusParams | undefined;
  context.subscriptions.push(
    checks,
    server,
    languageClient.onDidChangeState((event) => showState(event.newState)),
    languageClient.onNotification(STATUS_NOTIFICATION.method, (params: StatusParams) => {
      last = params;
      checks.busy = false;
      checks.text = `Handoff Kit: ${plural(params.projects, 'bot project')}, ${plural(params.files, 'file')}`;
      checks.detail = params.projects ? `last check ${params.durationMs} ms` : 'no bot.json in this workspace';
    }),
  );
  return () => last;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Opens bot.json, or one of the files of intents/ or journeys/ (asking which when several). */
async function openProjectFile(kind: string): Promise<void> {
  const pattern = kind === 'bot.json' ? '**/bot.json' : `**/${kind}/*.json`;
  const files = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 50);
  if (!files.length) {
    void vscode.window.showInformationMessage(
      `No ${kind} in this workspace yet: run "Handoff Kit: New Bot Project" or "Add User-Initiated Disconnection".`,
    );
    return;
  }
  const file =
    files.length === 1
      ? files[0]
      : (
          await vscode.window.showQuickPick(
            files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
            { placeHolder: `Which ${kind}?` },
          )
        )?.uri;
  if (file) await vscode.window.showTextDocument(file);
}
