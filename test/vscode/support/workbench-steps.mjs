// What a user does in the code-server workbench, for the UI checks of test/vscode/ui/, beyond the steps that
// scripts/vscode/workbench.mjs shares with npm start: the command palette, answering the quick inputs a command
// asks, notifications, webviews, and the workspace folder on disk (to put back what a check changed).
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder the workbench has open (the run's copy of the fixture workspace), from the page's address. */
export function workspaceFolder(page) {
  const folder = new URL(page.url()).searchParams.get('folder');
  if (!folder) throw new Error(`the workbench at ${page.url()} has no folder open`);
  return folder;
}

/** The quick input (command palette, quick pick, input box): there is one widget, shown and hidden as asked. */
function quickInput(page) {
  return page.locator('.quick-input-widget');
}

/** Runs a command from the command palette (Ctrl+Shift+P) by its label, as "Category: Title" reads in the palette. */
export async function runCommand(page, label) {
  // The palette lists the commands known when it opens: in a window just opened, an extension's commands arrive a
  // moment later (once the remote extension host has scanned them), so the palette is opened again until it lists it.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    const widget = quickInput(page);
    await widget.waitFor({ state: 'visible' });
    await widget.locator('input').fill(`>${label}`);
    // Clicked rather than Enter: Enter can land while the list is still being filtered.
    const row = widget.locator('.monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: attempt < 3 ? 10_000 : undefined });
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      continue;
    }
    await row.click();
    return;
  }
}

/**
 * Waits until the quick input asks `question` (a quick pick's placeholder, or an input box's prompt) and shows
 * `title`, and returns what Enter would accept there: the input box's value, or the quick pick's active item.
 */
export async function waitForQuestion(page, question, title) {
  const widget = quickInput(page);
  await page.waitForFunction(
    ({ question, title }) => {
      const widget = document.querySelector('.quick-input-widget');
      if (!widget || widget.style.display === 'none' || !widget.offsetParent) return false;
      const input = widget.querySelector('input');
      const asked =
        (input?.getAttribute('placeholder') ?? '').includes(question) ||
        (widget.querySelector('.quick-input-message')?.textContent ?? '').includes(question);
      return asked && (!title || (widget.querySelector('.quick-input-title')?.textContent ?? '').includes(title));
    },
    { question, title },
  );
  const active = widget.locator('.quick-input-list .monaco-list-row.focused');
  if (await active.count()) return (await active.first().innerText()).replace(/\s+/g, ' ').trim();
  return widget.locator('input').inputValue();
}

/** Answers the question the quick input asks with what it offers (Enter), after checking that it offers `expected`. */
export async function acceptDefault(page, question, expected, title) {
  const offered = await waitForQuestion(page, question, title);
  if (!offered.includes(expected)) throw new Error(`"${question}" offers ${JSON.stringify(offered)}, not ${JSON.stringify(expected)}`);
  await page.keyboard.press('Enter');
  return offered;
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P), picking the row of exactly that file: its name (not one that
 * ends with it, as return-to-bot.json ends with bot.json) in its folder. Waits for its tab to be the active one.
 */
export async function openFile(page, relativePath) {
  const parts = relativePath.split('/');
  const fileName = parts.pop();
  const folder = parts.join('/');
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tab = page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`);
  // The file's absolute path, not the relative one: Quick Open then lists that one file, where a
  // relative path also lists every recently opened file it fuzzily matches, and the list was
  // still being replaced when the row was clicked (the file's tab never came, three tries, in CI).
  const absolutePath = join(workspaceFolder(page), ...relativePath.split('/'));
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const widget = quickInput(page);
    await widget.waitFor({ state: 'visible' });
    await widget.locator('input').fill(absolutePath);
    const row = widget
      .locator('.monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escape(fileName)}$`) }) })
      .filter({ has: page.locator('.label-description', { hasText: new RegExp(`(^|/)${escape(folder)}$`) }) })
      .first();
    // Clicked rather than Enter: Enter can land while the list is still being replaced by the search results.
    await row.click();
    try {
      await tab.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits for a notification toast holding `text` and returns its locator. */
export async function waitForNotification(page, text) {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible' });
  return toast;
}

/** Clears every notification, so that a screenshot shows the editor rather than toasts left by earlier steps. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page
    .locator('.notification-toast')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

/** Closes every editor ("View: Close All Editors"); the checks leave no unsaved changes, so nothing asks to save. */
export async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}

/**
 * The document of the webview whose tab is active: code-server puts each webview in an iframe, the content in an
 * inner frame (`#active-frame`). Returns a frame locator to query the webview's content.
 */
export function activeWebview(page) {
  return page.frameLocator('iframe.webview.ready:visible').first().frameLocator('#active-frame');
}

/** The bytes of the files a check is going to change (undefined: the file does not exist), to put back with restoreFiles. */
export async function saveFiles(page, relativePaths) {
  const folder = workspaceFolder(page);
  return Promise.all(
    relativePaths.map(async (path) => ({
      path,
      bytes: await readFile(join(folder, path)).catch((error) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      }),
    })),
  );
}

/** Puts files back as saveFiles read them, in the order given: written back, or deleted when they did not exist. */
export async function restoreFiles(page, saved) {
  const folder = workspaceFolder(page);
  for (const { path, bytes } of saved) {
    if (bytes === undefined) await rm(join(folder, path), { force: true });
    else await writeFile(join(folder, path), bytes);
  }
}

/** Whether a file or folder of the workspace exists on disk. */
export function existsInWorkspace(page, relativePath) {
  return existsSync(join(workspaceFolder(page), relativePath));
}

/** Deletes a folder a check created in the workspace, with everything in it. */
export async function removeFolder(page, relativePath) {
  await rm(join(workspaceFolder(page), relativePath), { recursive: true, force: true });
}

/** Runs one step of a check, naming it in the error when it fails (playwright's timeouts name only the locator). */
export async function step(what, action) {
  try {
    return await action();
  } catch (error) {
    error.message = `${what}: ${error.message}`;
    throw error;
  }
}
