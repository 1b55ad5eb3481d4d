// The journey graph: "Handoff Kit: Show Journey Graph" opens one webview beside the editor, titled after the project
// or the journey; a lens on each journey's name opens it on that journey; the graph follows an unsaved edit. What the
// webview draws (a click revealing a node, a finding, the network blocked) is checked in the window, by
// ui/journey-graph.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { describePosition, waitForExtension, waitForOutline } from '../support/language';
import { fixtureFile, revertAndCloseAll, replaceText } from '../support/workspace';
import { describeTabs, waitForWebviewTab, webviewTabs } from '../support/webviews';

const command = 'handoffKit.showJourneyGraph';
/** client/src/journeyGraph/panel.ts: the panel's view type, and its title `Journey Graph: <project or journey>`. */
const viewType = 'handoffKit.journeyGraph';

interface GraphApi {
  journeyGraph():
    | { journey?: string; nodes: { id: string; broken?: string; findings: { code: string }[]; walk: number[] }[]; walk?: { steps: unknown[] } }
    | undefined;
}

const graphTabs = () => webviewTabs(viewType);
const waitForGraphTab = (label: string) => waitForWebviewTab(label, viewType);

function api(): GraphApi {
  return vscode.extensions.getExtension('handoff-kit.handoff-kit')!.exports as GraphApi;
}

describe('journey graph', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it(`${command} is contributed, with its category, and registered`, async () => {
    const contributed = (vscode.extensions.getExtension('handoff-kit.handoff-kit')!.packageJSON.contributes.commands as { command: string }[]).find(
      (c) => c.command === command,
    );
    assert.deepEqual(contributed && { ...contributed, icon: undefined }, {
      command,
      title: 'Show Journey Graph',
      category: 'Handoff Kit',
      icon: undefined,
    });
    assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is not registered`);
  });

  it(`${command} with a file of support-bot opens one webview titled after the project`, async () => {
    const uri = fixtureFile('support-bot/bot.json');
    await vscode.commands.executeCommand(command, uri);
    await waitForGraphTab('Journey Graph: support-bot');
    await waitUntil('the panel has drawn the handoff path', () => (api().journeyGraph()?.nodes.length ?? 0) > 0);
    assert.ok(
      api()
        .journeyGraph()!
        .nodes.some((n) => n.id === 'option:live-agent/show-exit-banner/1/1'),
    );
    // Run again, it shows the same panel rather than a second one.
    await vscode.commands.executeCommand(command, uri);
    await waitForGraphTab('Journey Graph: support-bot');
    assert.equal(graphTabs().length, 1, `a second graph panel was opened: ${describeTabs()}`);
  });

  it(`${command} with a walk (the simulator panel's Show on graph) highlights the run's nodes in order`, async () => {
    const walk = [
      { journey: 'live-agent', node: 'raise-ticket' },
      { journey: 'live-agent', node: 'show-exit-banner' },
      { journey: 'return-to-bot', node: 'close-banner' },
    ];
    await vscode.commands.executeCommand(command, fixtureFile('support-bot/bot.json').toString(), undefined, 'project', walk);
    await waitForGraphTab('Journey Graph: support-bot');
    await waitUntil('the panel has drawn the walk', () => (api().journeyGraph()?.walk?.steps.length ?? 0) === 3);
    const graph = api().journeyGraph()!;
    assert.deepEqual(graph.nodes.find((n) => n.id === 'step:return-to-bot/close-banner')?.walk, [3]);
  });

  it("a lens on a journey's name opens the graph on that journey", async () => {
    const uri = fixtureFile('support-bot/journeys/return-to-bot.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForOutline(uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const graphLenses = lenses.filter((lens) => lens.command?.command === command);
    // On the journey's name, where its value starts.
    const nameAt = document.positionAt(document.getText().indexOf('"return-to-bot"'));
    assert.deepEqual(
      graphLenses.map((lens) => [
        describePosition(lens.range.start),
        lens.command!.title,
        String(lens.command!.arguments?.[0]),
        lens.command!.arguments?.[1],
      ]),
      [[describePosition(nameAt), 'Show journey graph', uri.toString(), 'return-to-bot']],
    );
    await vscode.commands.executeCommand(command, ...(graphLenses[0].command!.arguments ?? []));
    await waitForGraphTab('Journey Graph: return-to-bot');
    await waitUntil('the panel has drawn return-to-bot', () => api().journeyGraph()?.journey === 'return-to-bot');
  });

  it('follows an unsaved edit: an option text no intent is trained with is drawn as a broken link with its finding', async () => {
    const uri = fixtureFile('support-bot/journeys/live-agent.json');
    await vscode.commands.executeCommand(command, fixtureFile('support-bot/bot.json'));
    await waitUntil('the panel has drawn the handoff path', () => (api().journeyGraph()?.nodes.length ?? 0) > 0);
    const document = await vscode.workspace.openTextDocument(uri);
    await replaceText(document, '"text": "talk to bot"', '"text": "talk to the bot"');
    const missing = 'missing:intent:live-agent/show-exit-banner/1/1';
    await waitUntil(
      `the graph has ${missing}`,
      () =>
        api()
          .journeyGraph()
          ?.nodes.some((n) => n.id === missing) ?? false,
    );
    const option = api()
      .journeyGraph()!
      .nodes.find((n) => n.id === 'option:live-agent/show-exit-banner/1/1')!;
    assert.deepEqual(
      option.findings.map((f) => f.code),
      ['option-text-mismatch'],
    );
  });
});
