// Hovers over the names a journey uses: what an event does (and whether bot.json enables it), an intent's utterances.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeRange, hoversAt, positionIn, waitForExtension, waitForOutline } from '../support/language';
import { openFile, revertAndCloseAll } from '../support/workspace';

async function hoverOf(document: vscode.TextDocument, snippet: string, expected: RegExp): Promise<{ text: string; range?: vscode.Range }> {
  const hovers = await hoversAt(document.uri, positionIn(document, snippet, Math.floor(snippet.length / 2)));
  const hover = hovers.find((h) => expected.test(h.text));
  assert.ok(hover, `no hover over ${snippet} matches ${expected}; hovers: ${JSON.stringify(hovers.map((h) => h.text))}`);
  return hover;
}

describe('hover', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('over the event of a Send Event node it shows what the event does and that bot.json enables it', async () => {
    const { document } = await openFile('navigation-bot/journeys/return-to-bot.json');
    await waitForOutline(document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const hover = await hoverOf(document, '"ui-event-close-promotion"', /ui-event-close-promotion/);
    assert.match(hover.text, /Closes the callout banner/, `the hover does not describe the event: ${hover.text}`);
    assert.match(hover.text, /Declared and enabled in bot\.json/, `the hover does not say the event is enabled: ${hover.text}`);
    assert.ok(hover.range, 'the hover has no range');
    assert.equal(document.getText(hover.range), '"ui-event-close-promotion"', `the hover covers ${describeRange(document, hover.range)}`);
  });

  it('over the banner event it describes showing the banner', async () => {
    const { document } = await openFile('navigation-bot/journeys/live-agent.json');
    await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const hover = await hoverOf(document, '"ui-event-update-promotion"', /ui-event-update-promotion/);
    assert.match(hover.text, /Shows or updates the callout banner/, `the hover does not describe the event: ${hover.text}`);
  });

  it("over trigger.intent it lists the intent's utterances", async () => {
    const { document } = await openFile('navigation-bot/journeys/return-to-bot.json');
    await waitForOutline(document.uri, 'return-to-bot', vscode.SymbolKind.Namespace);
    const hover = await hoverOf(document, '"talk_to_bot"', /talk_to_bot/);
    for (const utterance of ['talk to bot', 'back to bot']) {
      assert.ok(hover.text.includes(utterance), `the hover does not list the utterance "${utterance}": ${hover.text}`);
    }
  });
});
