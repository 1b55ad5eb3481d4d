// "Handoff Kit: New Bot Project" asks for a name in an input box, which only a person (or ui/new-bot-project.mjs, in
// the window) can type into. What the extension host can check: the command is there for the palette and the
// walkthrough, and Escape in its input box cancels it without creating anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { waitForExtension } from '../support/language';
import { revertAndCloseAll, workspaceRoot } from '../support/workspace';

const command = 'handoffKit.newBotProject';

async function workspaceEntries(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(workspaceRoot())).map(([name]) => name).sort();
}

describe('new bot project', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('is a command of the palette, and the first step of the walkthrough runs it', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is not registered`);
    const manifest = vscode.extensions.getExtension('handoff-kit.handoff-kit')!.packageJSON;
    const contributed = manifest.contributes.commands.find((c: { command: string }) => c.command === command);
    assert.deepEqual(
      contributed && [contributed.category, contributed.title],
      ['Handoff Kit', 'New Bot Project'],
      `${command} as package.json contributes it`,
    );
    const hidden = (manifest.contributes.menus?.commandPalette ?? []).find((m: { command: string; when?: string }) => m.command === command);
    assert.notEqual(hidden?.when, 'false', `${command} is hidden from the command palette`);
    const step = manifest.contributes.walkthroughs[0].steps[0];
    assert.match(
      step.description,
      new RegExp(`\\(command:${command.replace('.', '\\.')}\\)`),
      `the walkthrough's first step does not run ${command}`,
    );
  });

  it('Escape in its input box cancels it: it returns nothing and creates no folder', async () => {
    const before = await workspaceEntries();
    let settled = false;
    let result: unknown = 'pending';
    const running = vscode.commands.executeCommand(command).then((value) => {
      settled = true;
      result = value;
    });
    // The input box opens once the command has asked for it, which nothing announces to the extension host: press
    // Escape (close the quick input) until the command returns. Before the box is open, that does nothing.
    await waitUntil(`${command} returns once its input box is closed`, async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    });
    await running;
    assert.equal(result, undefined, `${command} returned ${JSON.stringify(result)} when cancelled`);
    assert.deepEqual(await workspaceEntries(), before, `${command} changed the workspace folder when cancelled`);
  });
});
