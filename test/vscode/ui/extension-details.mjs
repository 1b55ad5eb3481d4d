// UI check: the extension as the .vsix installed it. Its details page (Extensions view → Handoff Kit) shows the
// user-facing README with every image loaded; and a bot file's language status lists what the server checks.
// The page's images are URLs of the repository's files on GitHub (VS Code allows no other images there); with no
// network here, the browser gets those URLs answered with the files of this checkout, as GitHub serves them once pushed.
import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { repoRoot } from '../../../scripts/vscode/prerequisites.mjs';
import { activeWebview, closeAllEditors, openFile, step } from '../support/workbench-steps.mjs';

const rawFiles = 'https://github.com/handoff-kit/handoff-kit/raw/HEAD/';

/** Answers requests for the repository's raw files on GitHub with the files of this checkout (404 when absent). */
async function serveRepositoryFiles(route) {
  const path = normalize(decodeURIComponent(route.request().url().slice(rawFiles.length)));
  const file = join(repoRoot, path);
  if (path.startsWith('..') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not in the repository' });
  return route.fulfill({ path: file });
}

export const title = 'the details page of the installed extension shows its images; a bot file shows the language status';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  const screenshots = [];
  await page.context().route(`${rawFiles}**`, serveRepositoryFiles);
  try {
    // The language status first: Quick Open, right after the Extensions view and the extension's
    // details page, sometimes opened nothing in CI (the file's tab never came, three tries).
    await openFile(page, 'valid-bot/bot.json');
    const languageStatus = page.locator('[id="status.languageStatus"]');
    await step('the language status shows in the status bar for a bot file', () => languageStatus.waitFor());
    await languageStatus.hover();
    await step('its hover lists the bot projects and files the server checks', () =>
      page.locator('.hover-language-status', { hasText: /Handoff Kit: \d+ bot projects?, \d+ files?/ }).waitFor(),
    );
    await step('its hover offers Restart Language Server', () =>
      page.locator('.hover-language-status', { hasText: 'Restart Language Server' }).waitFor(),
    );
    screenshots.push(await screenshot('language-status'));
    await page.keyboard.press('Escape');
    await closeAllEditors(page);

    // The Extensions view (Ctrl+Shift+X): offline, it lists what is installed.
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Handoff Kit' }).first();
    await step('Handoff Kit is listed among the installed extensions', () => row.waitFor());
    await row.click();
    await step('the extension editor opens', () => page.locator('.tabs-container .tab.active', { hasText: 'Handoff Kit' }).waitFor());
    const details = activeWebview(page);
    await step('the details page shows the README for users', () => details.locator('h2', { hasText: 'Getting started' }).waitFor());
    const images = details.locator('img');
    await step('the details page has the three screenshots', () => images.nth(2).waitFor({ state: 'attached' }));
    await step('every image of the details page is loaded', async () => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const states = await images.evaluateAll((elements) =>
          elements.map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 })),
        );
        if (states.every((s) => s.loaded)) return;
        if (Date.now() > deadline)
          throw new Error(
            `not loaded: ${states
              .filter((s) => !s.loaded)
              .map((s) => s.src)
              .join(', ')}`,
          );
        await page.waitForTimeout(200); // how often to look, not what the check relies on
      }
    });
    screenshots.push(await screenshot('extension-details'));
    await closeAllEditors(page);

    return { screenshots };
  } finally {
    await page.context().unroute(`${rawFiles}**`, serveRepositoryFiles);
    await page.keyboard.press('Escape');
    await closeAllEditors(page).catch(() => {});
    // The Explorer back in the side bar, as the other checks expect it.
    await page.keyboard.press('Control+Shift+E');
  }
}
