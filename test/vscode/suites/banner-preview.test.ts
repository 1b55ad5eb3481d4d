// The banner preview: "Handoff Kit: Preview Banner" opens a webview beside the journey, titled after it once the
// language server has described the banner; a code lens above each banner payload runs that command on its banner.
// What the webview draws is checked in the window, by ui/banner-preview.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describePosition, waitForExtension, waitForOutline } from '../support/language';
import { fixtureFile, revertAndCloseAll } from '../support/workspace';
import { describeTabs, waitForWebviewTab, webviewTabs } from '../support/webviews';

const previewCommand = 'handoffKit.previewBanner';
/** client/src/bannerPreview/panel.ts: the panel's view type, and its title `Banner: <journey>`. */
const viewType = 'handoffKit.bannerPreview';

/** The preview's tab once it has the title it takes from the journey's name, which the server gives with the banner. */
function waitForPreviewTab(journey: string): Promise<vscode.Tab> {
  return waitForWebviewTab(`Banner: ${journey}`);
}

/** The banner payloads of a journey as the file has them: each Send Event node's `data` object, by node id. */
function payloadsOf(document: vscode.TextDocument): { nodeId: string; start: vscode.Position }[] {
  const journey = JSON.parse(document.getText()) as { nodes: { id: string; type: string; event?: string; data?: unknown }[] };
  const text = document.getText();
  return journey.nodes
    .filter((n) => n.type === 'sendEvent' && n.data !== undefined && /^ui-event-(update|close)-promotion$/.test(n.event ?? ''))
    .map((n) => {
      const node = text.indexOf(`"id": "${n.id}"`);
      const data = text.indexOf('"data":', node);
      assert.ok(node >= 0 && data >= 0, `node ${n.id} or its data not found`);
      return { nodeId: n.id, start: document.positionAt(text.indexOf('{', data)) };
    });
}

describe('banner preview', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it(`${previewCommand} with a journey opens a webview titled after the journey, beside the editor`, async () => {
    const uri = fixtureFile('support-bot/journeys/live-agent.json');
    await waitForOutline(uri, 'live-agent', vscode.SymbolKind.Namespace);
    assert.equal(webviewTabs().length, 0, `webviews are open before the command: ${describeTabs()}`);

    await vscode.commands.executeCommand(previewCommand, uri);
    const tab = await waitForPreviewTab('live-agent');
    const input = tab.input as vscode.TabInputWebview;
    // VS Code prefixes the view type of an extension's webview (`mainThreadWebview-…`).
    assert.ok(input.viewType.endsWith(viewType), `the preview's view type is ${input.viewType}, not ${viewType}`);
    assert.equal(webviewTabs().length, 1, `one preview expected: ${describeTabs()}`);

    // Run again for the same journey, it shows the same panel rather than a second one.
    await vscode.commands.executeCommand(previewCommand, uri);
    await waitForPreviewTab('live-agent');
    assert.equal(webviewTabs().length, 1, `a second preview of the same journey was opened: ${describeTabs()}`);
  });

  for (const file of ['live-agent.json', 'billing-agent.json', 'return-to-bot.json']) {
    it(`a code lens above each banner payload of support-bot/journeys/${file} runs ${previewCommand} on it`, async () => {
      const uri = fixtureFile(`support-bot/journeys/${file}`);
      const document = await vscode.workspace.openTextDocument(uri);
      const name = JSON.parse(document.getText()).name as string;
      await waitForOutline(uri, name, vscode.SymbolKind.Namespace);
      const payloads = payloadsOf(document);

      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const previews = lenses.filter((lens) => lens.command?.command === previewCommand);
      const describe = (ls: vscode.CodeLens[]) =>
        ls.map((l) => `${describePosition(l.range.start)} ${l.command?.title ?? '(unresolved)'} → ${l.command?.command}`).join('; ') || '(none)';
      assert.deepEqual(
        previews.map((lens) => describePosition(lens.range.start)),
        payloads.map((p) => describePosition(p.start)),
        `the lenses of ${file} (${describe(lenses)}) are not one at each banner payload (${payloads.map((p) => `${p.nodeId} at ${describePosition(p.start)}`).join(', ') || 'none'})`,
      );
      for (const lens of previews) {
        assert.equal(
          lens.command!.title,
          'Preview banner',
          `the lens at ${describePosition(lens.range.start)} is titled ${JSON.stringify(lens.command!.title)}`,
        );
        const [target, offset] = lens.command!.arguments ?? [];
        assert.equal(String(target), uri.toString(), `the lens at ${describePosition(lens.range.start)} previews ${target}`);
        assert.equal(
          offset,
          document.offsetAt(lens.range.start),
          `the lens at ${describePosition(lens.range.start)} previews the banner at offset ${offset}`,
        );
      }

      // Clicked, a lens opens the preview of its journey.
      if (previews.length) {
        await vscode.commands.executeCommand(previews[0].command!.command, ...(previews[0].command!.arguments ?? []));
        await waitForPreviewTab(name);
      }
    });
  }
});
