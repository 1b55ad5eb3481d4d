// UI check: the walkthrough "Let customers leave a live agent", opened as a user finds it ("Welcome: Open
// Walkthrough..." in the command palette), shows its steps and the first step's page (walkthrough/scaffold.md).
import { activeWebview, clearNotifications, closeAllEditors, runCommand, step, waitForQuestion } from '../support/workbench-steps.mjs';

export const title = 'the walkthrough "Let customers leave a live agent" opens from the palette with its steps';

const walkthroughTitle = 'Let customers leave a live agent';
const steps = [
  'Create a bot project',
  'Add the whole disconnection journey',
  'Enable the custom events',
  'Show the banner when the agent connects',
  'Train the exit phrase',
  'Close the banner and the ticket',
  'Build it in Studio',
  'Test the exit phrases in Studio',
  "Read Studio's test reports",
  'Check it in CI',
];

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  try {
    // A clean window for the screenshot (docs/images/walkthrough.png): no editor, panel or toast left by earlier checks.
    await clearNotifications(page);
    await closeAllEditors(page);
    if (await page.locator('.part.panel').isVisible()) {
      await runCommand(page, 'View: Hide Panel');
      await page.locator('.part.panel').waitFor({ state: 'hidden' });
    }
    await runCommand(page, 'Collapse Folders in Explorer');
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await waitForQuestion(page, ''); // the quick pick of the walkthroughs: it asks nothing in particular
    const widget = page.locator('.quick-input-widget');
    await widget.locator('input').fill(walkthroughTitle);
    await widget.locator('.monaco-list-row', { hasText: walkthroughTitle }).first().click();

    const walkthrough = page.locator('.gettingStartedContainer');
    await step('the walkthrough opens', () => walkthrough.locator('h2', { hasText: walkthroughTitle }).first().waitFor());
    for (const title of steps) {
      await step(`the walkthrough lists the step "${title}"`, () =>
        walkthrough.locator('.getting-started-step .step-title', { hasText: title }).first().waitFor(),
      );
    }
    // The step shown first has its page (walkthrough/scaffold.md) drawn beside the steps, in a webview.
    await step("the first step's page is drawn", () => activeWebview(page).locator('h1', { hasText: 'A bot project' }).waitFor());
    // The pointer rests where it clicked the quick pick, over the editor's tab: away to a blank spot of the
    // walkthrough, so that the screenshot shows no hover.
    await page.mouse.move(1380, 760);
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden' });
    return { screenshots: [await screenshot('walkthrough')] };
  } finally {
    await closeAllEditors(page);
  }
}
