// UI check: "Handoff Kit: New Bot Project" in the folder layout `npm start` opens: a window with one folder, which is
// itself a bot project (a copy of examples/support-bot). The new project goes beside it ("Beside It"), outside the
// window's folder, so its folder joins the window, which becomes a multi-root workspace: VS Code restarts the extension
// host, cutting the command short. The next activation must still open the new project's bot.json and offer to add the
// disconnection; taking the offer adds it with no question but the ones it asks. Runs in a second window, closed after.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/vscode/prerequisites.mjs';
import { acceptDefault, runCommand, step, waitForNotification, waitForQuestion } from '../support/workbench-steps.mjs';

export const title = 'New Bot Project in a window on one bot project (npm start) opens the new bot.json and offers the disconnection';

const name = 'beside-bot';

/**
 * Waits for the window to reload as the untitled workspace VS Code makes of it, then for that workspace to list the
 * folder `name`. Before the reload, the explorer may already list the new folder: that is not the workspace yet.
 *
 * code-server sometimes opens the untitled workspace with no folder at all ("You have not yet added a folder to the
 * workspace") and stays so, although the workspace file on disk lists both folders: in 4 sessions of 6 on
 * the bench's machine, both attempts of a session alike. The cause is code-server's; the extension has not run in
 * that empty window (no bot.json: no activation in its extension host's log). After a minute without the folder, the
 * page is reloaded once, as a user would, and what is checked after is unchanged: the next activation must still
 * finish the command. Said on the log when it happens.
 */
async function workspaceShows(page, name) {
  await page.waitForURL(/[?&]workspace=/, { timeout: 60_000 });
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
  if (
    await row.waitFor({ timeout: 60_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  console.log('         code-server opened the untitled workspace with no folder; reloading the page once');
  await page.reload();
  await row.waitFor({ timeout: 60_000 });
}

/**
 * @param {{ openWindow: (folder: string) => Promise<import('playwright-core').Page>, session: string,
 *   screenshot: (name: string, of?: import('playwright-core').Page) => Promise<string> }} ui
 */
export async function check({ openWindow, session, screenshot }) {
  const parent = await mkdtemp(join(session, 'single-folder-'));
  const folder = join(parent, 'support-bot');
  await cp(join(repoRoot, 'examples', 'support-bot'), folder, { recursive: true });
  const page = await openWindow(folder);
  try {
    await runCommand(page, 'Handoff Kit: New Bot Project');
    await step('the command asks where, the folder being a bot project', async () => {
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'is inside the bot project' });
      await dialog.waitFor();
      await dialog.locator('.monaco-button', { hasText: 'Beside It' }).click();
    });
    const offered = await waitForQuestion(page, "The bot's name", 'New Bot Project');
    if (offered !== 'support-bot-2') throw new Error(`the input box offers ${JSON.stringify(offered)}, not the free "support-bot-2"`);
    await page.locator('.quick-input-widget input').fill(name);
    await step(`the input box takes ${name}`, () =>
      page.locator('.quick-input-widget .quick-input-message', { hasText: "The bot's name" }).waitFor(),
    );
    await page.keyboard.press('Enter');

    // The window reloads as a workspace of two folders; then the new project's bot.json is the active editor.
    await step(`the window shows ${name} beside support-bot`, () => workspaceShows(page, name));
    await step(`the new project's bot.json opens`, async () => {
      await page.locator(`.tabs-container .tab.active[data-resource-name="bot.json"]`).waitFor({ timeout: 60_000 });
      await page.locator('.breadcrumbs-control', { hasText: name }).first().waitFor();
    });
    const toast = await step('the notification offers to add the disconnection', async () => {
      const toast = await waitForNotification(page, `Bot project ${name} created`);
      await toast.locator('.monaco-button', { hasText: 'Add Disconnection' }).waitFor();
      return toast;
    });
    await toast.locator('.monaco-button', { hasText: 'Add Disconnection' }).click();
    // The project is given: no question of which, so the first is the way out (1 of 6).
    const commandTitle = 'Add User-Initiated Disconnection';
    await acceptDefault(page, 'How does the customer leave the agent?', 'Exit button', `${commandTitle} (1/6)`);
    await acceptDefault(page, "The exit phrase, sent as the customer's message", 'talk to bot', `${commandTitle} (2/6)`);
    await acceptDefault(page, "The button's label", 'Exit', `${commandTitle} (3/6)`);
    await acceptDefault(page, "The banner's title", 'Do you want to exit from chat?', `${commandTitle} (4/6)`);
    await acceptDefault(page, 'Which journey raises the live-agent ticket?', 'live-agent', `${commandTitle} (5/6)`);
    await acceptDefault(page, 'Which event shows the banner?', 'ui-event-close-promotion', `${commandTitle} (6/6)`);
    await waitForNotification(page, `Added to ${name}:`);
    return { screenshots: [await screenshot('new-bot-project-single-folder', page)] };
  } catch (error) {
    // The runner's screenshot is of the first window: this one shows where it stopped.
    const path = await screenshot('new-bot-project-single-folder-window-failed', page).catch(() => undefined);
    if (path) error.message += `\nscreenshot of the second window: ${path}`;
    throw error;
  } finally {
    await page.context().close();
    await rm(parent, { recursive: true, force: true });
  }
}
