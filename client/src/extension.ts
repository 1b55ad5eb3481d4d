// The VS Code extension: starts the bundled Handoff Kit language server for the bot files of
// the workspace, and adds the commands that write bot files (scaffold, new project, preview).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BANNER_PREVIEW, PREVIEW_COMMAND, type BannerPreviewParams, type BannerPreviewResult } from '../../server/src/protocol';
import { BannerPreviewPanel } from './bannerPreview/panel';
import { newBotProject } from './newBotProject';
import type { DisconnectionOptions } from '../../server/src/engine/services/scaffold';
import { addDisconnection } from './scaffoldCommand';

/** The files of a bot project the server checks, and the project's own settings. */
const BOT_FILE_GLOB = '**/{bot.json,handoff-kit.json,intents/*.json,journeys/*.json,test-reports/*.csv}';

let client: LanguageClient | undefined;

/** What the extension offers other extensions and its own tests. */
export interface HandoffKitApi {
  readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<HandoffKitApi> {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...['bot.json', 'handoff-kit.json', 'intents/*.json', 'journeys/*.json'].map((pattern) => ({
        scheme: 'file',
        language: 'json',
        pattern: `**/${pattern}`,
      })),
      // Studio's test reports are CSV, whatever language mode the editor gives them.
      { scheme: 'file', pattern: '**/test-reports/*.csv' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(BOT_FILE_GLOB) },
    outputChannelName: 'Handoff Kit',
  };
  const languageClient = new LanguageClient('handoffKit', 'Handoff Kit', serverOptions, clientOptions);
  client = languageClient;

  const fetchPreview = (uri: string, offset?: number) =>
    languageClient.sendRequest<BannerPreviewResult>(BANNER_PREVIEW, { uri, offset } satisfies BannerPreviewParams).then((preview) => preview ?? undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand('handoffKit.addDisconnection', (target?: vscode.Uri, options?: Partial<DisconnectionOptions>) =>
      addDisconnection(languageClient, target, options),
    ),
    vscode.commands.registerCommand('handoffKit.newBotProject', () => newBotProject()),
    vscode.commands.registerCommand(PREVIEW_COMMAND, async (uri?: string | vscode.Uri, offset?: number) => {
      const editor = vscode.window.activeTextEditor;
      const document = uri ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri) : editor?.document;
      if (!document || !/[\\/]journeys[\\/][^\\/]+\.json$/.test(document.uri.fsPath)) {
        void vscode.window.showInformationMessage('Open a journey (journeys/*.json) with a banner to preview it.');
        return;
      }
      const at = offset ?? (editor?.document === document ? document.offsetAt(editor.selection.active) : undefined);
      BannerPreviewPanel.show(context, fetchPreview, document, at);
    }),
    vscode.commands.registerCommand('handoffKit.openProjectFile', (kind: string = 'bot.json') => openProjectFile(kind)),
    vscode.commands.registerCommand('handoffKit.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand('handoffKit.showOutput', () => languageClient.outputChannel.show()),
  );
  void vscode.commands.executeCommand('setContext', 'handoffKit.hasBotProject', true);
  await languageClient.start();
  return { client: languageClient };
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
    void vscode.window.showInformationMessage(`No ${kind} in this workspace yet: run "Handoff Kit: New Bot Project" or "Add User-Initiated Disconnection".`);
    return;
  }
  const file = files.length === 1
    ? files[0]
    : (await vscode.window.showQuickPick(files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { placeHolder: `Which ${kind}?` }))?.uri;
  if (file) await vscode.window.showTextDocument(file);
}
