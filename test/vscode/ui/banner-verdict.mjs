// UI check (issue 25): in disabled-close-bot, bot.json disables the close event, so the exit journey cannot close the
// banner. "Handoff Kit: Preview Banner" draws the banner, and under the Exit button the legend shows the event-disabled
// finding of the exit journey instead of a green check. The webview is an iframe in the workbench; the check reads its
// document.
import { activeWebview, closeAllEditors, openFile, runCommand, step } from '../support/workbench-steps.mjs';

export const title = 'Preview Banner shows the finding, not a green check, for a disabled close event (disabled-close-bot)';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  try {
    await openFile(page, 'disabled-close-bot/journeys/show-banner.json');
    await step('the "Preview banner" lens shows above the payload', () =>
      page.locator('.contentWidgets .codelens-decoration', { hasText: 'Preview banner' }).first().waitFor(),
    );
    await runCommand(page, 'Handoff Kit: Preview Banner');
    await step('the preview opens titled "Banner: show-banner"', () =>
      page.locator('.tabs-container .tab.active', { hasText: 'Banner: show-banner' }).waitFor(),
    );
    const webview = activeWebview(page);
    await step('the legend lists the event-disabled finding under the Exit button', () =>
      webview.locator('.legend li.warn', { hasText: 'talk to bot' }).locator('li.finding', { hasText: 'event-disabled' }).waitFor(),
    );
    await step('the legend shows no green check', async () => {
      const ok = await webview.locator('.legend li.ok').count();
      if (ok) throw new Error(`${ok} item(s) of the legend have a green check`);
    });
    await step('the Exit button is drawn as not going back to the bot', () =>
      webview.locator('.pill.unmatched [aria-label="does not go back to the bot"]').waitFor(),
    );
    return { screenshots: [await screenshot('banner-verdict')] };
  } finally {
    await closeAllEditors(page);
  }
}
