// The VS Code extension: starts the bundled Handoff Kit language server for the bot files of
// the workspace. Everything it checks lives in the server and its engine.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The files of a bot project the server checks, and the project's own settings. */
const BOT_FILE_GLOB = '**/{bot.json,handoff-kit.json,intents/*.json,journeys/*.json}';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['bot.json', 'handoff-kit.json', 'intents/*.json', 'journeys/*.json'].map((pattern) => ({
      scheme: 'file',
      language: 'json',
      pattern: `**/${pattern}`,
    })),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(BOT_FILE_GLOB) },
    outputChannelName: 'Handoff Kit',
  };
  client = new LanguageClient('handoffKit', 'Handoff Kit', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('handoffKit.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('handoffKit.showOutput', () => client?.outputChannel.show()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
