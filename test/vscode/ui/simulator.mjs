// UI check: "Handoff Kit: Simulate Handoff" from the command palette, with support-bot's live-agent journey open,
// opens the simulator beside it at the banner an agent's connection shows. A click on the banner's Exit option sends
// the exit phrase: the exit journey says its message and the banner is gone. Each transcript line opens to its why,
// whose file names open the file at their place; an edit of the files marks the run stale and Replay reads them; a step
// back and the keyboard (Enter) work as the buttons do.
import {
  activeWebview,
  clearNotifications,
  closeAllEditors,
  openFile,
  restoreFiles,
  runCommand,
  saveFiles,
  step,
} from '../support/workbench-steps.mjs';

const INTENT = 'support-bot/intents/talk_to_bot.json';

export const title = 'Simulate Handoff from the palette: a click on the banner option brings the customer back to the bot';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  let sideBarHidden = false;
  let saved;
  try {
    // For the screenshot (docs/images/simulator.png): no toast, no editor or panel left by earlier checks, and only the
    // journey's folder open in the Explorer.
    await clearNotifications(page);
    await closeAllEditors(page);
    if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Collapse Folders in Explorer');
    await openFile(page, 'support-bot/journeys/live-agent.json');
    await step('the "Simulate exit" lens shows above the banner\'s Send Event node', () =>
      page.locator('.contentWidgets .codelens-decoration', { hasText: 'Simulate exit' }).first().waitFor(),
    );
    await runCommand(page, 'Handoff Kit: Simulate Handoff');
    await step('the simulator opens titled "Simulate: support-bot"', () =>
      page.locator('.tabs-container .tab.active', { hasText: 'Simulate: support-bot' }).waitFor(),
    );

    const webview = activeWebview(page);
    const exit = webview.locator('.callout .banner button.pill', { hasText: /^Exit$/ });
    await step('the chat stops at the banner, whose Exit option is a button', async () => {
      await webview.locator('.banner-title', { hasText: 'Do you want to exit from chat?' }).waitFor();
      await exit.waitFor();
    });
    await step('the state pane says the agent holds the chat', () => webview.locator('.state td', { hasText: 'the agent' }).first().waitFor());

    await exit.click();
    await step("the exit journey's message shows", () =>
      webview.locator('.bubble.kind-bot', { hasText: 'You are back with the bot. How can I help?' }).waitFor(),
    );
    await step('the banner is gone', () => webview.locator('.callout').waitFor({ state: 'detached' }));
    await step('the run ends back with the bot', () =>
      webview.locator('.notice.kind-end.ok', { hasText: 'back with the bot: banner hidden, ticket closed' }).waitFor(),
    );

    // The why of the line where the exit journey starts: the intent and the journey it names, as links.
    const started = webview.locator('details.step', { hasText: 'journey return-to-bot starts' });
    await started.locator('summary').click();
    const intentLink = started.locator('.why button.place', { hasText: 'intents/talk_to_bot.json' }).first();
    await step('the line opens to its why, naming the intent file as a link', () => intentLink.waitFor());
    // Without the side bar, the panel is wide enough to show the state pane beside the chat.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    sideBarHidden = true;
    await step('the state pane stands beside the chat', () => waitForBeside(webview));
    const shot = await screenshot('simulator');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    sideBarHidden = false;

    await intentLink.click();
    await step('the link opens intents/talk_to_bot.json', () =>
      page.locator('.tabs-container .tab.active[data-resource-name="talk_to_bot.json"]').waitFor(),
    );
    await step('at the utterance it names', () => page.locator('.monaco-editor .selected-text').first().waitFor());

    // An edit of the project marks the run stale; Replay runs its inputs on the files as they are now. Retrained with
    // another phrase, the intent no longer takes the Exit option's text: the customer is stuck with the agent.
    saved = await saveFiles(page, [INTENT]);
    // Delete, then type: typing a quote over a selection would wrap it in quotes.
    await page.keyboard.press('Delete');
    await page.keyboard.type('"speak to bot"');
    await step('the panel says the files changed and offers to replay the inputs', () =>
      webview.locator('.stale #replay', { hasText: 'Replay the 3 inputs' }).waitFor(),
    );
    await webview.locator('#replay').click();
    await step('the replay reads the edited intent: the customer is stuck', () =>
      webview.locator('.notice.kind-end.stuck', { hasText: 'stuck' }).waitFor(),
    );
    // The edit was never saved (files.autoSave is off in the test window): reverted, the file is as on disk again.
    await page.locator('.tabs-container .tab', { hasText: 'talk_to_bot.json' }).click();
    await runCommand(page, 'File: Revert File');
    await step('the intent is reverted', () => page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached' }));
    await webview.locator('#replay').click();
    await step('replayed again, the customer is back with the bot', () => webview.locator('.notice.kind-end.ok').waitFor());

    // Back to the panel: a step back shows the banner again; typing the phrase and Enter sends it.
    await page.locator('.tabs-container .tab', { hasText: 'Simulate: support-bot' }).click();
    await webview.locator('#back').click();
    await step('a step back shows the banner again', () => exit.waitFor());
    await webview.locator('#say').fill('talk to the bot');
    await webview.locator('#say').press('Enter');
    await step('a phrase no intent is trained with reaches the agent', () =>
      webview.locator('.bubble.kind-agent', { hasText: 'talk to the bot' }).waitFor(),
    );
    await step('and the banner stays', () => exit.waitFor());
    return { screenshots: [shot] };
  } finally {
    if (saved) await restoreFiles(page, saved);
    if (sideBarHidden) await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await closeAllEditors(page);
  }
}

/** Waits until the webview lays out the state pane beside the chat (the panel got wider), not below it. */
async function waitForBeside(webview) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const beside = await webview.locator('.side').evaluate((side) => {
      const chat = side.ownerDocument.querySelector('.widget');
      return !!chat && side.getBoundingClientRect().top <= chat.getBoundingClientRect().top + 1;
    });
    if (beside) return;
    if (Date.now() > deadline) throw new Error('the state pane is still below the chat');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
