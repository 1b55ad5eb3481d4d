// UI check: "Handoff Kit: Add User-Initiated Disconnection" from the command palette, on the empty fixture project,
// every question answered with Enter (what it offers), as a first-time user would; each question's title shows its
// step ("3/7"); the files appear in the Explorer.
// The project is put back afterwards: the files on disk (the undo of the command is not dependable, see
// suites/scaffold.test.ts), and the language server restarted.
import {
  acceptDefault,
  clearNotifications,
  closeAllEditors,
  openFile,
  restoreFiles,
  runCommand,
  saveFiles,
  step,
  waitForNotification,
} from '../support/workbench-steps.mjs';

export const title = 'Add User-Initiated Disconnection from the palette sets up empty-bot with the defaults';

const project = 'empty-bot';
const created = ['intents/talk_to_agent.json', 'intents/talk_to_bot.json', 'journeys/live-agent.json', 'journeys/return-to-bot.json'];
const commandTitle = 'Add User-Initiated Disconnection';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  const saved = await saveFiles(
    page,
    ['bot.json', ...created].map((path) => `${project}/${path}`),
  );
  if (saved.slice(1).some((file) => file.bytes !== undefined)) throw new Error(`${project} is not empty: an earlier test left files in it`);
  try {
    // The project whose file is in the active editor is the one offered first.
    await clearNotifications(page);
    await openFile(page, `${project}/bot.json`);
    await runCommand(page, `Handoff Kit: ${commandTitle}`);
    await acceptDefault(page, 'Which bot project?', project, `${commandTitle} (1/7)`);
    await acceptDefault(page, 'How does the customer leave the agent?', 'Exit button', `${commandTitle} (2/7)`);
    await acceptDefault(page, "The exit phrase, sent as the customer's message", 'talk to bot', `${commandTitle} (3/7)`);
    await acceptDefault(page, "The button's label", 'Exit', `${commandTitle} (4/7)`);
    await acceptDefault(page, "The banner's title", 'Do you want to exit from chat?', `${commandTitle} (5/7)`);
    await acceptDefault(page, 'Which journey raises the live-agent ticket?', 'live-agent', `${commandTitle} (6/7)`);
    await acceptDefault(page, 'Which event shows the banner?', 'ui-event-close-promotion', `${commandTitle} (7/7)`);
    await waitForNotification(page, `Added to ${project}:`);
    // The command shows each file it wrote in an editor of its own (VS Code keeps their undo step while it holds them).
    for (const name of ['bot.json', 'talk_to_agent.json', 'talk_to_bot.json', 'live-agent.json', 'return-to-bot.json']) {
      await step(`an editor tab shows ${name}`, () => page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor());
    }
    await page.locator('.tabs-container .tab[aria-label^="return-to-bot.json"]').first().click();
    await step('the editor shows the exit journey', () => page.locator('.editor-instance .view-lines').filter({ hasText: 'close-banner' }).waitFor());
    return { screenshots: [await screenshot('add-disconnection')] };
  } finally {
    await clearNotifications(page);
    await closeAllEditors(page);
    // The new files first, journeys before intents, then bot.json, so that no file is deleted with findings. Still,
    // the server may hold a file a moment longer (its document was open) and check it against the restored bot.json:
    // a restart of the server leaves the Problems panel as the checks after this one expect it.
    await restoreFiles(page, [...saved].reverse());
    await runCommand(page, 'Handoff Kit: Restart Language Server');
  }
}
