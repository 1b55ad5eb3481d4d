// Completion of the names a journey refers to, as the suggest widget asks for it: events inside a Send Event
// node's empty `"event": ""`, intents in `trigger.intent`, node ids in `next`, journeys in a Jump to Journey node,
// utterances in a banner option's `text`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCode, waitForNoCode } from '../support/diagnostics';
import { completionsAt, describeRange, labelOf, positionIn, waitForExtension, waitForOutline } from '../support/language';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const journey = 'navigation-bot/journeys/return-to-bot.json';
const jumpingJourney = 'navigation-bot/journeys/live-agent.json';

function describeLabels(items: readonly vscode.CompletionItem[]): string {
  return items.map(labelOf).join(', ') || '(none)';
}

/** What accepting the item does: the range it replaces (the one to replace, for an insert/replace pair) and the text. */
function replacementOf(item: vscode.CompletionItem): vscode.TextEdit {
  const range = item.range && ('replacing' in item.range ? item.range.replacing : item.range);
  assert.ok(range, `${labelOf(item)} has no range to replace`);
  const text = item.insertText === undefined ? labelOf(item) : typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
  return new vscode.TextEdit(range, text);
}

describe('completion', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('inside an empty "event": "" of a Send Event node it offers the banner events, with their descriptions', async () => {
    const editor = await openFile(journey);
    const document = editor.document;
    await replaceText(document, '"event": "ui-event-close-promotion"', '"event": ""');
    // The empty event is a schema error: once it is reported, the server has the edited text.
    await waitForCode(document.uri, 'schema');

    const cursor = positionIn(document, '"event": ""', '"event": "'.length);
    const items = await completionsAt(document.uri, cursor);
    for (const event of ['ui-event-close-promotion', 'ui-event-update-promotion']) {
      const item = items.find((i) => labelOf(i) === event);
      assert.ok(item, `${event} is not offered at the cursor; offered: ${describeLabels(items)}`);
      assert.equal(item.kind, vscode.CompletionItemKind.Event, `${event} is offered as a ${vscode.CompletionItemKind[item.kind!]}`);
      // Accepting it must give valid JSON: it replaces the whole empty string (quotes included) with the quoted name.
      const edit = replacementOf(item);
      assert.equal(edit.newText, JSON.stringify(event), `${event} inserts ${JSON.stringify(edit.newText)}`);
      assert.equal(document.getText(edit.range), '""', `${event} replaces ${describeRange(document, edit.range)}, not the empty string`);
    }
    const close = items.find((i) => labelOf(i) === 'ui-event-close-promotion')!;
    const documentation = typeof close.documentation === 'string' ? close.documentation : close.documentation?.value;
    assert.match(documentation ?? '', /Closes the callout banner/, `ui-event-close-promotion is documented as ${JSON.stringify(documentation)}`);
  });

  it('accepting the event fills it in and the schema error goes', async () => {
    const editor = await openFile(journey);
    const document = editor.document;
    await replaceText(document, '"event": "ui-event-close-promotion"', '"event": ""');
    await waitForCode(document.uri, 'schema');
    const items = await completionsAt(document.uri, positionIn(document, '"event": ""', '"event": "'.length));
    const item = items.find((i) => labelOf(i) === 'ui-event-close-promotion');
    assert.ok(item, `ui-event-close-promotion is not offered; offered: ${describeLabels(items)}`);
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, [replacementOf(item)]);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the completion');
    assert.ok(
      document.getText().includes('"event": "ui-event-close-promotion"'),
      `the event now reads: ${document.lineAt(positionIn(document, '"id": "close-banner"').line).text}`,
    );
    await waitForNoCode(document.uri, 'schema');
  });

  it('in trigger.intent it offers the intents of the project', async () => {
    const editor = await openFile(journey);
    await waitForOutline(editor.document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const items = await completionsAt(editor.document.uri, positionIn(editor.document, '"talk_to_bot"'));
    for (const intent of ['talk_to_agent', 'talk_to_bot']) {
      const item = items.find((i) => labelOf(i) === intent);
      assert.ok(item, `${intent} is not offered in trigger.intent; offered: ${describeLabels(items)}`);
    }
  });

  it('in next it offers the node ids of the journey', async () => {
    const editor = await openFile(journey);
    await waitForOutline(editor.document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const items = await completionsAt(editor.document.uri, positionIn(editor.document, '"next": "close-ticket"', '"next": "'.length));
    const ids = items
      .filter((i) => i.kind === vscode.CompletionItemKind.Reference)
      .map(labelOf)
      .sort();
    assert.deepEqual(ids, ['close-banner', 'close-ticket', 'welcome-back'], `node ids offered in next: ${describeLabels(items)}`);
  });

  it('in a Jump to Journey node it offers the journeys of the project', async () => {
    const editor = await openFile(jumpingJourney);
    await waitForOutline(editor.document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const items = await completionsAt(editor.document.uri, positionIn(editor.document, '"journey": "help-menu"', '"journey": "'.length));
    const journeys = items
      .filter((i) => i.kind === vscode.CompletionItemKind.Module)
      .map(labelOf)
      .sort();
    assert.deepEqual(journeys, ['help-menu', 'live-agent', 'return-to-bot'], `journeys offered: ${describeLabels(items)}`);
  });

  it("in a banner option's text it offers the utterances of the intents", async () => {
    const editor = await openFile(jumpingJourney);
    await waitForOutline(editor.document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const items = await completionsAt(editor.document.uri, positionIn(editor.document, '"text": "talk to bot"', '"text": "'.length));
    const utterances = items
      .filter((i) => i.kind === vscode.CompletionItemKind.Text)
      .map(labelOf)
      .sort();
    assert.deepEqual(
      utterances,
      ['I need a human', 'back to bot', 'help', 'talk to an agent', 'talk to bot', 'what can you do'],
      `utterances offered: ${describeLabels(items)}`,
    );
  });
});
