// UI check: "Handoff Kit: Preview Banner" from the command palette, with support-bot's live-agent journey open, draws
// the banner beside the editor as the customer will see it: the guide's title and its Exit button. The webview is an
// iframe in the workbench; the check reads the banner from its document.
import { activeWebview, clearNotifications, closeAllEditors, openFile, runCommand, step } from '../support/workbench-steps.mjs';

export const title = 'Preview Banner from the palette draws the banner of support-bot/journeys/live-agent.json';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  try {
    // For the screenshot (docs/images/banner-preview.png): no toast, and only the journey's folder open in the Explorer.
    await clearNotifications(page);
    await runCommand(page, 'Collapse Folders in Explorer');
    await openFile(page, 'support-bot/journeys/live-agent.json');
    // The lens above the banner payload is there once the language server answers for the file.
    await step('the "Preview banner" lens shows above the payload', () =>
      page.locator('.contentWidgets .codelens-decoration', { hasText: 'Preview banner' }).first().waitFor(),
    );
    await runCommand(page, 'Handoff Kit: Preview Banner');
    await step('the preview opens titled "Banner: live-agent"', () =>
      page.locator('.tabs-container .tab.active', { hasText: 'Banner: live-agent' }).waitFor(),
    );

    const webview = activeWebview(page);
    const banner = webview.locator('.banner');
    await step("the preview draws the banner's title", () =>
      banner.locator('.banner-title', { hasText: 'Do you want to exit from chat?' }).waitFor(),
    );
    await step('the preview draws the Exit button', () => banner.locator('.pill', { hasText: /^Exit$/ }).waitFor());
    // What the button sends starts the exit intent's journey: the legend says so.
    await step('the legend says the button starts journey return-to-bot', () =>
      webview.locator('.legend li.ok', { hasText: 'return-to-bot' }).waitFor(),
    );
    return { screenshots: [await screenshot('banner-preview')] };
  } finally {
    await closeAllEditors(page);
  }
}
