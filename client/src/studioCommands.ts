// The commands that meet Studio: export the bulk utterance test CSV, open the build sheet, and the
// "Copy for Studio" code lenses' clipboard copy. The texts come from the engine, through the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STUDIO_SHEET, UTTERANCE_TESTS } from '../../contract/protocol';
import { sendRequest } from './requests';
import { isUtteranceTestCsv, OutputFileRefused, writeOutputFile } from '../../server/src/engine';

/**
 * Writes the CSV as the command line does (writeOutputFile): never through a symbolic link (a
 * cloned repository's `utterance-tests.csv -> ~/.bashrc`), and over a file that is not an
 * utterance-tests CSV only when the user says so. Returns whether it was written.
 */
async function writeUtteranceTests(file: vscode.Uri, csv: string): Promise<boolean> {
  if (file.scheme !== 'file') {
    // A virtual or remote file system: no links to follow through workspace.fs, but the same question before replacing a file.
    const stat = await Promise.resolve(vscode.workspace.fs.stat(file)).catch(() => undefined);
    if (
      stat &&
      (stat.type & vscode.FileType.SymbolicLink || !isUtteranceTestCsv(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))))
    ) {
      if (!(await askToReplace(file))) return false;
    }
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(csv));
    return true;
  }
  try {
    await writeOutputFile(file.fsPath, csv, { ours: isUtteranceTestCsv });
    return true;
  } catch (error) {
    if (!(error instanceof OutputFileRefused)) throw error;
    if (error.reason !== 'not-ours') {
      void vscode.window.showErrorMessage(`Utterance tests not exported: ${error.message}`);
      return false;
    }
    if (!(await askToReplace(file))) return false;
    await writeOutputFile(file.fsPath, csv, { overwrite: true });
    return true;
  }
}

async function askToReplace(file: vscode.Uri): Promise<boolean> {
  const replace = 'Replace';
  const choice = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(file)} already exists and is not an utterance-tests CSV Handoff Kit wrote. Replace it?`,
    { modal: true },
    replace,
  );
  return choice === replace;
}

/** The scheme of the read-only build sheet documents the Markdown preview shows. */
export const SHEET_SCHEME = 'handoff-kit-sheet';

/** The project to act on: the one of the active editor's file, else the server's first. */
function activeUri(target?: vscode.Uri): string | undefined {
  return (target ?? vscode.window.activeTextEditor?.document.uri)?.toString();
}

/**
 * Writes `utterance-tests.csv` into the project's folder (UTF-8, from the engine's writer) and
 * reveals it. Returns the file's URI, or undefined when there is no project.
 */
export async function exportUtteranceTests(client: LanguageClient, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const result = await sendRequest(client, UTTERANCE_TESTS, { uri: activeUri(target) });
  if (!result) {
    void vscode.window.showInformationMessage('Open a bot project (a folder with bot.json) to export its utterance tests.');
    return undefined;
  }
  const file = vscode.Uri.joinPath(vscode.Uri.parse(result.project), 'utterance-tests.csv');
  if (!(await writeUtteranceTests(file, result.csv))) return undefined;
  await vscode.window.showTextDocument(file, { preview: false });
  const wrote = `Wrote ${result.rows} utterance test${result.rows === 1 ? '' : 's'} to utterance-tests.csv`;
  const leftOut = result.leftOut ?? [];
  if (result.errors || leftOut.length) {
    // Never silently: a test of a banner whose exit path is wrong would confirm the wrong path.
    const errors = result.errors ? ` The project has ${result.errors} error${result.errors === 1 ? '' : 's'} (see the Problems panel).` : '';
    const left = leftOut.length ? ` Left out ${leftOut.length} banner exit phrase${leftOut.length === 1 ? '' : 's'}: ${leftOut.join('; ')}.` : '';
    void vscode.window.showWarningMessage(`${wrote}.${errors}${left}`);
  } else {
    void vscode.window.showInformationMessage(`${wrote}: upload it in Studio under Automation > Test > Upload utterances.`);
  }
  return file;
}

/** Serves the build sheets: a document per project, asked of the server each time it is opened. */
export class StudioSheetProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const project = uri.query ? decodeURIComponent(uri.query) : undefined;
    const result = await sendRequest(this.client, STUDIO_SHEET, { uri: project });
    return result?.markdown ?? '# No bot project\n\nOpen a folder with a bot.json to build its Studio sheet.\n';
  }
}

/** Opens the build sheet of the active editor's project as a Markdown preview. Returns the sheet's URI. */
export async function openStudioSheet(target?: vscode.Uri): Promise<vscode.Uri> {
  const project = activeUri(target);
  const uri = vscode.Uri.from({ scheme: SHEET_SCHEME, path: '/studio-sheet.md', query: project ? encodeURIComponent(project) : '' });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

/** The "Copy for Studio" lens: `text` on the clipboard, and a message saying what it was. */
export async function copyForStudio(text: string, what?: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(`Copied ${what ?? 'the text'} for Studio.`);
}
