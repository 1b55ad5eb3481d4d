// UI check: the input boxes of "Handoff Kit: Add User-Initiated Disconnection" refuse what the scaffold would refuse,
// with the engine's own message. A phrase to type with a curly quote (as keyboards and word processors put in) used
// to pass the box and come back as a conflict once every question was answered. Cancelled with Escape: nothing is
// written.
import {
  acceptDefault,
  clearNotifications,
  closeAllEditors,
  openFile,
  runCommand,
  saveFiles,
  step,
  waitForQuestion,
} from '../support/workbench-steps.mjs';

export const title = 'Add User-Initiated Disconnection refuses a curly quote in a phrase to type, in the input box';

const project = 'empty-bot';
const commandTitle = 'Add User-Initiated Disconnection';
const phraseQuestion = "The exit phrase, sent as the customer's message";

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  const files = ['bot.json', 'intents/talk_to_bot.json', 'journeys/return-to-bot.json'].map((path) => `${project}/${path}`);
  const before = await saveFiles(page, files);
  const widget = page.locator('.quick-input-widget');
  try {
    await clearNotifications(page);
    await openFile(page, `${project}/bot.json`);
    await runCommand(page, `Handoff Kit: ${commandTitle}`);
    await acceptDefault(page, 'Which bot project?', project, commandTitle);
    await waitForQuestion(page, 'How does the customer leave the agent?', commandTitle);
    await widget.locator('.monaco-list-row', { hasText: 'Typed phrase' }).click();
    await waitForQuestion(page, phraseQuestion, commandTitle);

    await widget.locator('input').fill('talk to bot’s');
    await step("the input box refuses the curly quote with the engine's message", () =>
      widget.locator('.quick-input-message', { hasText: 'cannot hold quote marks' }).waitFor(),
    );
    const shot = await screenshot('add-disconnection-quotes');
    await page.keyboard.press('Enter');
    await step('Enter leaves the box open on the same question', () =>
      widget.locator('.quick-input-message', { hasText: 'cannot hold quote marks' }).waitFor(),
    );

    await widget.locator('input').fill('talk to bot');
    await step('the phrase without the quote is taken', () => widget.locator('.quick-input-message', { hasText: phraseQuestion }).waitFor());
    await page.keyboard.press('Escape');
    await step('Escape closes the input box', () => widget.waitFor({ state: 'hidden' }));
    const after = await saveFiles(page, files);
    for (const [i, { path, bytes }] of before.entries()) {
      if (String(bytes) !== String(after[i].bytes)) throw new Error(`${path} changed although the command was cancelled`);
    }
    return { screenshots: [shot] };
  } finally {
    if (await widget.isVisible()) await page.keyboard.press('Escape');
    await clearNotifications(page);
    await closeAllEditors(page);
  }
}
