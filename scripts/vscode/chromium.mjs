// The window of the code-server workbench: Debian's headless Chromium driven by playwright-core.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';
import { isolatedHome } from './isolated-home.mjs';
import { chromiumPath } from './prerequisites.mjs';

const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches Chromium, its own files kept under `session`, and registers its closing with the run's clean-up. */
export async function launchChromium(session) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    env: { ...process.env, ...(await isolatedHome(join(session, 'chromium'))) },
    // cleanup.mjs handles signals, so code-server is stopped too, not only the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup(() => browser.close());
  return { browser, close };
}

/**
 * Opens the workbench at `url` in a fresh page. Console errors of the page go to `onConsoleError`
 * (code-server logs failed gallery requests there, which are harmless offline).
 */
export async function openWorkbench(browser, url, { onConsoleError = () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') onConsoleError(message.text());
  });
  page.on('pageerror', (error) => onConsoleError(String(error)));
  // Generous limits: they only stop a hang, and a loaded CI machine can take a minute to serve the first page.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  // The workbench is usable once its parts are in the DOM.
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
  return page;
}
