// The conversation tests of the example (support-bot/tests/*.json) in the Test Explorer: they are
// listed under their project and file, pass when run from the Testing view's "Run All Tests", and a
// broken copy (an unsaved edit) fails with the message at its failing step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';
import { waitForWebviewTab } from '../support/webviews';

/** What the extension's API offers of the Test Explorer (client/src/testExplorer.ts); only what the suite reads. */
interface TestsApi {
  ready(): Promise<void>;
  refresh(): Promise<void>;
  readonly items: vscode.TestItemCollection;
  run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void>;
  inputsOf(item: vscode.TestItem): Promise<{ readonly uri: string; readonly inputs: readonly { readonly kind: string }[] } | undefined>;
  readonly results: Map<string, { readonly passed: boolean; readonly message?: string; readonly line?: number }>;
}

async function testsApi(): Promise<TestsApi> {
  const extension = vscode.extensions.getExtension<{ tests: TestsApi }>('handoff-kit.handoff-kit');
  assert.ok(extension, 'handoff-kit.handoff-kit is not installed');
  await waitUntil('handoff-kit.handoff-kit is active', () => extension.isActive);
  await extension.exports.tests.ready();
  return extension.exports.tests;
}

/** Every item of the collection and below it, depth first. */
function allItems(items: vscode.TestItemCollection): vscode.TestItem[] {
  const found: vscode.TestItem[] = [];
  const walk = (item: vscode.TestItem) => {
    found.push(item);
    item.children.forEach(walk);
  };
  items.forEach(walk);
  return found;
}

const EXAMPLE_TESTS = [
  'typing the phrase the banner asks for brings the customer back to the bot',
  'the billing team cannot be reached: the bot says so',
  'the billing agent closes the ticket: the banner closes with it',
  'the Exit button brings the customer back to the bot',
  'a message that is not the exit phrase reaches the agent',
  'agents unavailable: the customer stays with the bot, and no banner is shown',
  'the ticket cannot be raised: the bot says so',
  'the agent closes the ticket first: the banner closes with it',
  'the customer closes the banner, then types the exit phrase',
];

describe('conversation tests in the Test Explorer', () => {
  afterEach(revertAndCloseAll);

  it('lists the example’s tests under its project and files, and they pass when run from the Testing view', async () => {
    const tests = await testsApi();
    let project: vscode.TestItem | undefined;
    await waitUntil('the support-bot project in the Test Explorer', () => {
      tests.items.forEach((item) => {
        if (item.label === 'support-bot') project = item;
      });
      return project !== undefined;
    });
    const files: string[] = [];
    project!.children.forEach((file) => files.push(file.label));
    assert.deepEqual(
      files.map((f) => f.replace(/^.*?tests\//, 'tests/')),
      ['tests/billing-agent.json', 'tests/live-agent.json'],
    );
    const items = allItems(project!.children).filter((item) => item.children.size === 0);
    assert.deepEqual(
      items.map((item) => item.label),
      EXAMPLE_TESTS,
    );
    // Each test is placed on its name, in its file.
    const first = items[2];
    const document = await vscode.workspace.openTextDocument(first.uri!);
    assert.equal(document.getText(first.range), JSON.stringify(first.label));

    tests.results.clear();
    await vscode.commands.executeCommand('testing.runAll');
    await waitUntil('every test of the example ran', () => items.every((item) => tests.results.has(item.id)), 30_000);
    assert.deepEqual(
      items.filter((item) => !tests.results.get(item.id)!.passed).map((item) => `${item.label}: ${tests.results.get(item.id)!.message}`),
      [],
    );
  });

  it('a broken copy fails at its failing step, with expected and actual', async () => {
    const tests = await testsApi();
    const editor = await openFile('support-bot/tests/live-agent.json');
    const step =
      '{ "expect": { "node": "agent-left", "said": "The agent has closed the chat", "banner": "hidden", "ticket": "closed", "with": "bot" } }';
    await replaceText(editor.document, step, step.replace('"with": "bot"', '"with": "agent"'));
    const text = editor.document.getText();
    const line = editor.document.positionAt(text.indexOf('"with": "agent"', text.indexOf('{ "expect": { "node": "agent-left"'))).line;
    const item = allItems(tests.items).find((i) => i.label === 'the agent closes the ticket first: the banner closes with it');
    assert.ok(item, 'the test is listed');
    tests.results.delete(item.id);
    await tests.run(new vscode.TestRunRequest([item]), new vscode.CancellationTokenSource().token);
    assert.deepEqual(tests.results.get(item.id), { passed: false, message: 'expect with: expected "agent", actual "bot"', line });
  });

  it('Open in Simulator, on a test of the Test Explorer, replays it in the simulator panel up to its failing step', async () => {
    const tests = await testsApi();
    const editor = await openFile('support-bot/tests/live-agent.json');
    const step =
      '{ "expect": { "node": "agent-left", "said": "The agent has closed the chat", "banner": "hidden", "ticket": "closed", "with": "bot" } }';
    await replaceText(editor.document, step, step.replace('"with": "bot"', '"with": "agent"'));
    const item = allItems(tests.items).find((i) => i.label === 'the agent closes the ticket first: the banner closes with it');
    assert.ok(item, 'the test is listed');
    // Its inputs up to the failing step: the say, the two ticket outcomes (the expect after them fails).
    const replay = await tests.inputsOf(item);
    assert.deepEqual(
      replay?.inputs.map((input) => input.kind),
      ['say', 'ticket', 'ticket'],
    );
    await vscode.commands.executeCommand('handoffKit.openTestInSimulator', item);
    await waitForWebviewTab('Simulate: support-bot', 'handoffKit.simulator');
  });
});
