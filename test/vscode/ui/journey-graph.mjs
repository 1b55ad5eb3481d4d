// UI check: with every request that would leave the machine blocked, the "Show journey graph" lens on
// support-bot's live-agent journey opens the graph beside the editor, drawn as SVG in the webview; a click on a node,
// and Enter on another, reveal each in the editor with its place selected; in the whole project a journey collapses to a
// box and opens again; then "Handoff Kit: Show Journey Graph"
// on drift-bot, whose Exit option sends a phrase no intent is trained with, draws the finding and the broken link.
import { activeWebview, clearNotifications, closeAllEditors, openFile, runCommand, step, workspaceFolder } from '../support/workbench-steps.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const title = "Show Journey Graph draws support-bot with the network blocked, reveals nodes, and draws drift-bot's finding";

/** The line and column (1-based) at `offset` of `text`, as the status bar shows a position. */
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The status bar's cursor position, `Ln 2, Col 24 (13 selected)`, once it reads `expected`. */
async function waitForSelection(page, expected) {
  await page.locator('.statusbar-item', { hasText: expected }).first().waitFor();
}

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  // Only the code-server on this machine (and data: and blob: addresses) may be reached.
  const blocked = [];
  const local = new URL(page.url()).host;
  const route = (r) => {
    const url = new URL(r.request().url());
    if (url.host === local || url.protocol === 'data:' || url.protocol === 'blob:') return r.continue();
    let frame = '';
    try {
      frame = r.request().frame().url();
    } catch {
      // A request of a service worker has no frame.
    }
    blocked.push({ url: url.href, frame });
    return r.abort('blockedbyclient');
  };
  await page.context().route('**/*', route);
  const folder = workspaceFolder(page);
  try {
    await clearNotifications(page);
    await runCommand(page, 'Collapse Folders in Explorer');
    await openFile(page, 'support-bot/journeys/live-agent.json');
    const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Show journey graph' }).first();
    await step('the "Show journey graph" lens shows on the journey\'s name', () => lens.waitFor());
    await lens.click();
    await step('the graph opens titled "Journey Graph: live-agent"', () =>
      page.locator('.tabs-container .tab.active', { hasText: 'Journey Graph: live-agent' }).waitFor(),
    );
    const webview = activeWebview(page);
    await step('the webview draws the graph', () => webview.locator('body[data-state="drawn"]').waitFor());
    await step('the graph has the raise-ticket node, the banner and its Exit option as SVG', async () => {
      await webview.locator('svg.graph g.node[data-id="step:live-agent/raise-ticket"] rect').waitFor();
      await webview.locator('g.node.banner[data-id="banner:live-agent/show-exit-banner/1"]').waitFor();
      await webview.locator('g.node.option[data-id="option:live-agent/show-exit-banner/1/1"]', { hasText: 'Exit' }).waitFor();
      await webview.locator('g.edge.outcome', { hasText: 'agentsUnavailable' }).waitFor();
    });

    // A click on the intent reveals its name in intents/talk_to_bot.json.
    const intentText = await readFile(join(folder, 'support-bot/intents/talk_to_bot.json'), 'utf8');
    const nameAt = intentText.indexOf('"talk_to_bot"');
    await webview.locator('g.node[data-id="intent:talk_to_bot"]').click();
    await step('a click on intent talk_to_bot opens talk_to_bot.json', () =>
      page.locator('.tabs-container .tab.active[data-resource-name="talk_to_bot.json"]').waitFor(),
    );
    const end = lineAndColumn(intentText, nameAt + '"talk_to_bot"'.length);
    await step(`the intent's name is selected (Ln ${end.line}, Col ${end.column})`, () =>
      waitForSelection(page, `Ln ${end.line}, Col ${end.column} (13 selected)`),
    );

    // Keyboard: focus the option node and press Enter: its text is revealed in live-agent.json.
    const journeyText = await readFile(join(folder, 'support-bot/journeys/live-agent.json'), 'utf8');
    const optionAt = journeyText.indexOf('"talk to bot"');
    await webview.locator('g.node[data-id="option:live-agent/show-exit-banner/1/1"]').focus();
    await page.keyboard.press('Enter');
    await step('Enter on the Exit option opens live-agent.json', () =>
      page.locator('.tabs-container .tab.active[data-resource-name="live-agent.json"]').waitFor(),
    );
    const optionEnd = lineAndColumn(journeyText, optionAt + '"talk to bot"'.length);
    await step(`the option's text is selected (Ln ${optionEnd.line}, Col ${optionEnd.column})`, () =>
      waitForSelection(page, `Ln ${optionEnd.line}, Col ${optionEnd.column} (13 selected)`),
    );

    // The whole project (about live-agent, as the lens asked): the journey's title collapses it to a box, a click on
    // the box opens it again.
    await webview.locator('button[data-view="project"]').click();
    await step('the whole project is drawn', () => webview.locator('button[data-view="project"][aria-pressed="true"]').waitFor());
    await webview.locator('.cluster-title.toggle', { hasText: 'journey live-agent' }).click();
    await step('live-agent is collapsed to one box', () => webview.locator('g.node.journey[data-id="journey:live-agent"]').waitFor());
    await webview.locator('g.node.journey[data-id="journey:live-agent"]').click();
    await step('a click on the box opens live-agent again', () => webview.locator('g.node[data-id="step:live-agent/no-agents"]').waitFor());

    // drift-bot's Exit option sends `talk to bot`; its intent is trained with `talk to the bot`.
    await openFile(page, 'drift-bot/journeys/show-banner.json');
    await runCommand(page, 'Handoff Kit: Show Journey Graph');
    await step('the graph shows drift-bot', () => page.locator('.tabs-container .tab', { hasText: 'Journey Graph: drift-bot' }).waitFor());
    const drift = activeWebview(page);
    await step('the option with the finding is drawn as an error, with the message in its label', () =>
      drift.locator('g.node.option.error[data-id="option:show-banner/banner/1/1"][aria-label*="is not an utterance of any intent"]').waitFor(),
    );
    await step('the link from it leads to a missing intent, drawn broken', async () => {
      await drift.locator('g.edge.broken.matches').waitFor();
      await drift.locator('g.node.missing', { hasText: 'no intent for “talk to bot”' }).waitFor();
    });
    await step('the summary counts the broken links and the finding', () => drift.locator('.summary', { hasText: '2 broken · 1 finding' }).waitFor());
    const shot = await screenshot('journey-graph');

    const fromWebviews = blocked.filter((b) => /webview|vscode-resource|vscode-cdn/.test(b.frame));
    if (fromWebviews.length) {
      throw new Error(`the webview tried to load from the network: ${fromWebviews.map((b) => `${b.url} (frame ${b.frame})`).join(', ')}`);
    }
    return { screenshots: [shot] };
  } finally {
    await page.context().unroute('**/*', route);
    await closeAllEditors(page);
  }
}
