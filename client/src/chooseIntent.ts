// "Add as an utterance of an intent you choose…": the quick fix a banner text gets when the
// project has more intents than the few the code action menu offers. Asks which intent, then
// applies the server's edit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ADD_UTTERANCE, INTENTS_TO_TRAIN } from '../../contract/protocol';
import { sendRequest } from './requests';

/**
 * Runs the command with the arguments the code action carries: the journey's URI and the phrase.
 * `intent` skips the question (for tests and other extensions). Returns whether an edit was applied.
 */
export async function addUtteranceToIntent(client: LanguageClient, uri: string, phrase: string, intent?: string): Promise<boolean> {
  let chosen = intent;
  if (!chosen) {
    const intents = await sendRequest(client, INTENTS_TO_TRAIN, { uri });
    const pick = await vscode.window.showQuickPick(
      intents.map((i) => ({ label: i.name, description: vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri)) })),
      { title: `Add "${phrase}" as an utterance`, placeHolder: 'Which intent? (those that start the exit journey first)', matchOnDescription: true },
    );
    chosen = pick?.label;
  }
  if (!chosen) return false;
  const edit = await sendRequest(client, ADD_UTTERANCE, { uri, intent: chosen, phrase });
  if (!edit) {
    void vscode.window.showErrorMessage(`"${phrase}" could not be added to intent ${chosen}: its file does not parse, or the intent is gone.`);
    return false;
  }
  return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}
