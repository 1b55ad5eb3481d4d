// UI check: "Handoff Kit: New Bot Project" from the command palette. The workspace has `support-bot`, so the input box
// offers the free `support-bot-2`; typing the taken name, or one with a space, is refused with the reason. A free name
// typed creates the project (bot.json, intents/, journeys/), opens its bot.json (both banner events declared and
// enabled) and offers to add the disconnection next. The new folder is deleted afterwards.
import {
  clearNotifications,
  closeAllEditors,
  existsInWorkspace,
  removeFolder,
  runCommand,
  step,
  waitForNotification,
  waitForQuestion,
} from '../support/workbench-steps.mjs';

export const title = 'New Bot Project from the palette refuses a taken name and creates a project with a free one';

const name = 'ui-new-bot';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  if (existsInWorkspace(page, name)) throw new Error(`${name} already exists in the workspace`);
  try {
    await clearNotifications(page);
    await runCommand(page, 'Handoff Kit: New Bot Project');
    const offered = await waitForQuestion(page, "The bot's name", 'New Bot Project');
    if (offered !== 'support-bot-2') throw new Error(`the input box offers ${JSON.stringify(offered)}, not the free "support-bot-2"`);
    const widget = page.locator('.quick-input-widget');
    // A taken name: the box says so and stays open.
    await widget.locator('input').fill('support-bot');
    await page.keyboard.press('Enter');
    await step('the input box says support-bot is taken', () =>
      widget.locator('.quick-input-message', { hasText: 'support-bot already exists' }).waitFor(),
    );

    // A name that is no folder name: the engine's validateProjectName says why.
    await widget.locator('input').fill('my bot');
    await step('the input box refuses a name with a space', () =>
      widget.locator('.quick-input-message', { hasText: 'is not a valid project name' }).waitFor(),
    );

    await widget.locator('input').fill(name);
    await step(`the input box takes ${name}`, () => widget.locator('.quick-input-message', { hasText: "The bot's name" }).waitFor());
    await page.keyboard.press('Enter');

    await step(`the new project's bot.json opens`, async () => {
      await page.locator(`.tabs-container .tab.active[data-resource-name="bot.json"]`).waitFor();
      await page.locator('.breadcrumbs-control', { hasText: name }).first().waitFor();
    });
    for (const folder of ['intents', 'journeys']) {
      if (!existsInWorkspace(page, `${name}/${folder}`)) throw new Error(`${name}/${folder} was not created`);
    }
    const editor = page.locator('.editor-instance .view-lines');
    for (const text of [`"name": "${name}"`, 'ui-event-update-promotion', 'ui-event-close-promotion']) {
      await step(`bot.json shows ${text}`, () => editor.filter({ hasText: text }).waitFor());
    }
    await step('the notification offers to add the disconnection', async () => {
      const toast = await waitForNotification(page, `Bot project ${name} created`);
      await toast.locator('.monaco-button', { hasText: 'Add Disconnection' }).waitFor();
    });
    return { screenshots: [await screenshot('new-bot-project')] };
  } finally {
    await clearNotifications(page);
    await closeAllEditors(page);
    await removeFolder(page, name);
    await step(`the Explorer no longer shows ${name}`, () =>
      page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).waitFor({ state: 'detached' }),
    );
  }
}
