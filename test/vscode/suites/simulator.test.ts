// The simulator panel: "Handoff Kit: Simulate Handoff" opens one webview beside the editor, titled after the project
// once the language server has run it; a "Simulate exit" code lens above each banner's Send Event node (and above the
// app.sendEvent banners of a function file) runs that banner's handoff path in the same panel. What the webview draws,
// and a click on the banner's option, are checked in the window by ui/simulator.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { describePosition, waitForExtension, waitForOutline } from '../support/language';
import { fixtureFile, revertAndCloseAll } from '../support/workspace';
import { describeTabs, waitForWebviewTab, webviewTabs } from '../support/webviews';

const simulateCommand = 'handoffKit.simulateHandoff';
/** client/src/simulator/panel.ts: the panel's view type, and its title `Simulate: <project>`. */
const viewType = 'handoffKit.simulator';
const simulatorTabs = () => webviewTabs(viewType);
const waitForSimulatorTab = (label: string) => waitForWebviewTab(label, viewType);

async function simulateLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((lens) => lens.command?.command === simulateCommand);
}

describe('simulator panel', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it(`${simulateCommand} opens one panel beside the editor, titled after the project`, async () => {
    const journey = fixtureFile('support-bot/journeys/live-agent.json');
    await vscode.window.showTextDocument(journey);
    await waitForOutline(journey, 'live-agent', vscode.SymbolKind.Namespace);
    assert.equal(simulatorTabs().length, 0, `a simulator is open before the command: ${describeTabs()}`);

    await vscode.commands.executeCommand(simulateCommand);
    const tab = await waitForSimulatorTab('Simulate: support-bot');
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the panel opens beside the journey, not over it');

    // Run again, the same panel shows the run rather than a second one.
    await vscode.commands.executeCommand(simulateCommand, fixtureFile('support-bot/bot.json'));
    await waitForSimulatorTab('Simulate: support-bot');
    assert.equal(simulatorTabs().length, 1, `a second simulator was opened: ${describeTabs()}`);
  });

  it('a "Simulate exit" lens stands above the Send Event node of the banner, and runs it in the panel', async () => {
    const uri = fixtureFile('support-bot/journeys/live-agent.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForOutline(uri, 'live-agent', vscode.SymbolKind.Namespace);
    const text = document.getText();
    const node = text.lastIndexOf('{', text.indexOf('"id": "show-exit-banner"'));
    const lenses = await simulateLenses(uri);
    assert.deepEqual(
      lenses.map((lens) => [lens.command!.title, describePosition(lens.range.start)]),
      [['Simulate exit', describePosition(document.positionAt(node))]],
    );
    const [target, offset] = lenses[0].command!.arguments ?? [];
    assert.equal(String(target), uri.toString());
    assert.equal(offset, node);

    await vscode.commands.executeCommand(lenses[0].command!.command, ...(lenses[0].command!.arguments ?? []));
    await waitForSimulatorTab('Simulate: support-bot');
    assert.equal(simulatorTabs().length, 1, describeTabs());
  });

  it('a "Simulate exit" lens stands above each app.sendEvent banner of a function file', async () => {
    const uri = fixtureFile('support-bot/functions/show-exit-banner.js');
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const calls = [text.indexOf('app.sendEvent('), text.lastIndexOf('app.sendEvent(')].map((offset) => describePosition(document.positionAt(offset)));
    let lenses: vscode.CodeLens[] = [];
    await waitUntil('the function file has its lenses', async () => (lenses = await simulateLenses(uri)).length === 2).catch((error: Error) => {
      throw new Error(`${error.message}: ${lenses.map((l) => describePosition(l.range.start)).join(', ') || 'none'}`);
    });
    assert.deepEqual(
      lenses.map((lens) => describePosition(lens.range.start)),
      calls,
    );
  });
});
