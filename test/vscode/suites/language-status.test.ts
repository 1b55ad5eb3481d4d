// The language status of bot files: the server tells the extension what it checks and how long the last check took.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { openFile, revertAndCloseAll } from '../support/workspace';

interface Status {
  projects: number;
  files: number;
  durationMs: number;
}

describe('language status', () => {
  afterEach(revertAndCloseAll);

  it('counts the bot projects and files of the workspace after a check, with its duration', async () => {
    const extension = vscode.extensions.getExtension<{ status: () => Status | undefined }>('handoff-kit.handoff-kit');
    assert.ok(extension, 'handoff-kit.handoff-kit is not installed');
    await waitUntil('handoff-kit.handoff-kit is active', () => extension.isActive);
    await openFile('valid-bot/bot.json');
    // Every folder of the fixture workspace is a bot project, plus the README's example as support-bot/.
    const folders = (await vscode.workspace.fs.readDirectory(vscode.workspace.workspaceFolders![0].uri)).filter(
      ([, type]) => type === vscode.FileType.Directory,
    );
    await waitUntil(`a status for ${folders.length} bot projects`, () => extension.exports.status()?.projects === folders.length);
    const status = extension.exports.status()!;
    // The engine's BOT_FILE_GLOB (a suite imports nothing of the sources; test/engine/projectLayout.test.ts keeps the two equal).
    const botFiles = await vscode.workspace.findFiles(
      '**/{bot.json,handoff-kit.json,intents/*.json,journeys/*.json,functions/*.js,tests/*.json,test-reports/*.csv,translations/*.csv,faqs/*.csv}',
    );
    assert.equal(status.files, botFiles.length);
    assert.ok(Number.isInteger(status.durationMs) && status.durationMs >= 0, `durationMs: ${status.durationMs}`);
  });
});
