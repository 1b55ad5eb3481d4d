// The outline (document symbols) of bot files: a journey lists its node ids, an intent its utterances, bot.json its events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeRange, waitForExtension, waitForOutline } from '../support/language';
import { openFile, revertAndCloseAll } from '../support/workspace';

describe('document symbols', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('a journey is outlined by its name, with its node ids in file order', async () => {
    const { document } = await openFile('navigation-bot/journeys/live-agent.json');
    const journey = await waitForOutline(document.uri, 'live-agent', vscode.SymbolKind.Namespace);
    const ids = journey.children.map((c) => c.name);
    assert.deepEqual(
      ids,
      ['connecting', 'raise-ticket', 'show-banner', 'close-banner', 'try-again', 'ticket-error', 'to-menu'],
      `the journey's children: ${ids.join(', ')}`,
    );
    for (const node of journey.children) {
      assert.equal(
        document.getText(node.selectionRange),
        JSON.stringify(node.name),
        `${node.name} selects ${describeRange(document, node.selectionRange)}`,
      );
      assert.ok(node.range.contains(node.selectionRange), `${node.name}'s range does not contain its id`);
      assert.ok(journey.range.contains(node.range), `${node.name} lies outside the journey's range`);
    }
    const banner = journey.children.find((c) => c.name === 'show-banner')!;
    assert.equal(banner.detail, 'sendEvent ui-event-update-promotion');
  });

  it('an intent is outlined with its utterances', async () => {
    const { document } = await openFile('navigation-bot/intents/talk_to_bot.json');
    const intent = await waitForOutline(document.uri, 'talk_to_bot', vscode.SymbolKind.Class);
    assert.deepEqual(
      intent.children.map((c) => c.name),
      ['talk to bot', 'back to bot'],
    );
  });

  it('bot.json is outlined with its events', async () => {
    const { document } = await openFile('navigation-bot/bot.json');
    const bot = await waitForOutline(document.uri, 'navigation-bot', vscode.SymbolKind.Module);
    assert.deepEqual(
      bot.children.map((c) => c.name),
      ['ui-event-update-promotion', 'ui-event-close-promotion'],
    );
  });
});
