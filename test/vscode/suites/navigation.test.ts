// Go to definition and find references across the files of a bot project: an intent named by a journey's trigger
// is defined in its intent file, a journey named by a Jump to Journey node in its journey file, and a node id named
// by `start` or `next` by the node.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { definitionsAt, describeLocations, describeRange, positionIn, referencesAt, waitForExtension, waitForOutline } from '../support/language';
import { fixtureFile, openFile, revertAndCloseAll } from '../support/workspace';

const exitJourney = 'navigation-bot/journeys/return-to-bot.json';
const exitIntent = 'navigation-bot/intents/talk_to_bot.json';

describe('navigation', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it("go to definition on a journey's trigger.intent lands on the name in the intent file", async () => {
    const { document } = await openFile(exitJourney);
    await waitForOutline(document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const definitions = await definitionsAt(document.uri, positionIn(document, '"intent": "talk_to_bot"', '"intent": "'.length + 2));
    assert.equal(definitions.length, 1, `definitions: ${describeLocations(definitions)}`);
    const [definition] = definitions;
    assert.equal(definition.uri.toString(), fixtureFile(exitIntent).toString(), `the definition is in ${describeLocations(definitions)}`);
    const intent = await vscode.workspace.openTextDocument(definition.uri);
    assert.equal(intent.getText(definition.range), '"talk_to_bot"', `the definition covers ${describeRange(intent, definition.range)}`);
    assert.equal(
      intent.lineAt(definition.range.start.line).text.trim().startsWith('"name"'),
      true,
      `the definition is not the intent's name: ${intent.lineAt(definition.range.start.line).text}`,
    );
  });

  it('go to definition on a node id in next lands on the node in the same journey', async () => {
    const { document } = await openFile(exitJourney);
    await waitForOutline(document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const definitions = await definitionsAt(document.uri, positionIn(document, '"next": "close-ticket"', '"next": "'.length));
    assert.equal(definitions.length, 1, `definitions: ${describeLocations(definitions)}`);
    assert.equal(definitions[0].uri.toString(), document.uri.toString(), `the definition is in ${describeLocations(definitions)}`);
    assert.equal(
      definitions[0].range.start.line,
      positionIn(document, '"id": "close-ticket"').line,
      `the definition is at ${describeLocations(definitions)}`,
    );
    assert.equal(document.getText(definitions[0].range), '"close-ticket"');
  });

  it('find references of an intent lists its definition and the journey that it starts', async () => {
    const { document } = await openFile(exitIntent);
    await waitForOutline(document.uri, 'talk_to_bot', vscode.SymbolKind.Class);
    const references = await referencesAt(document.uri, positionIn(document, '"talk_to_bot"'));
    const files = references.map((r) => vscode.workspace.asRelativePath(r.uri)).sort();
    assert.deepEqual(files, [exitIntent, exitJourney].sort(), `references: ${describeLocations(references)}`);
  });

  it('go to definition on a Jump to Journey node lands on the name of that journey', async () => {
    const { document } = await openFile('navigation-bot/journeys/live-agent.json');
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const definitions = await definitionsAt(document.uri, positionIn(document, '"journey": "help-menu"', '"journey": "'.length));
    assert.deepEqual(
      definitions.map((d) => vscode.workspace.asRelativePath(d.uri)),
      ['navigation-bot/journeys/help-menu.json'],
      `definitions: ${describeLocations(definitions)}`,
    );
    const target = await vscode.workspace.openTextDocument(definitions[0].uri);
    assert.equal(target.getText(definitions[0].range), '"help-menu"', `the definition covers ${describeRange(target, definitions[0].range)}`);
  });
});
