// The extension's activation time in code-server, as VS Code itself records it: the .vsix a user
// installs (production bundles, `npm run package`) is installed with code-server's installer, a
// copy of examples/ (a bot project: `workspaceContains:**/bot.json` activates the extension) is
// opened in the workbench in headless Chromium, and "Developer: Show Running Extensions" is read.
// That view shows, per extension, the extension host's codeLoadingTime + activateCallTime (the
// time to load the main module and the activate() call until it returns its promise); the
// promise's resolution (activateResolvedTime) is not shown there and is not part of the figure.
// Reuses the harness of scripts/vscode/ (the same code-server, browser and clean-up as the tests).
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, openWorkbench } from '../vscode/chromium.mjs';
import { cleanUp } from '../vscode/cleanup.mjs';
import { installVsix, newSession, startCodeServer } from '../vscode/code-server.mjs';
import { checkPrerequisites, repoRoot } from '../vscode/prerequisites.mjs';
import { isProvisioned } from '../vscode/provision.mjs';
import { packageExtension } from '../package.mjs';

const TIMEOUT_MS = 120_000;

/**
 * Resolves with `{ activationMs, text, vsixBytes }` (the view's "Activation: N ms" of Handoff Kit,
 * and the .vsix's size in bytes), or `{ skipped: reason }` when code-server or Chromium is not
 * provisioned (`npm run provision:vscode`). `runs` fresh windows are measured (a new code-server
 * each); the median is returned, with every run in `runsMs`.
 */
export async function measureActivation({ vsixPath = join(repoRoot, '.bench', 'handoff-kit.vsix'), runs = 1, log = () => {} } = {}) {
  if (!isProvisioned()) return { skipped: 'code-server is not provisioned (npm run provision:vscode)' };
  try {
    checkPrerequisites();
  } catch (error) {
    return { skipped: error.message.split('\n')[0] };
  }
  try {
    const packaged = await packageExtension({ out: vsixPath, log: (line) => log(line) });
    const runsMs = [];
    let text;
    for (let r = 0; r < runs; r++) {
      const measured = await measureOnce(vsixPath, log);
      runsMs.push(measured.activationMs);
      text = measured.text;
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { activationMs: sorted[Math.floor(sorted.length / 2)], runsMs, text, vsixBytes: packaged.bytes };
  } finally {
    await cleanUp();
  }
}

async function measureOnce(vsixPath, log) {
  const session = await newSession();
  const extensionsDir = join(session, 'extensions');
  await installVsix(extensionsDir, vsixPath, session);
  const workspace = join(session, 'workspace');
  await mkdir(workspace, { recursive: true });
  await cp(join(repoRoot, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({ session, extensionsDir, log });
  const { browser, close } = await launchChromium(session);
  try {
    const page = await openWorkbench(browser, server.workbenchUrl(workspace));
    await page.keyboard.press('Control+Shift+P');
    const widget = page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await widget.locator('input').fill('>Developer: Show Running Extensions');
    const row = widget.locator('.monaco-list-row', { hasText: 'Show Running Extensions' }).first();
    await row.waitFor({ timeout: TIMEOUT_MS });
    await row.click();
    // The view re-renders as extensions activate: wait for Handoff Kit's time, not "Activating...".
    const handle = await page.waitForFunction(
      () => {
        // Runs in the page: `document` is the workbench's.
        for (const element of globalThis.document.querySelectorAll('.runtime-extensions-editor .extension')) {
          const name = element.querySelector('.name')?.textContent ?? '';
          const time = element.querySelector('.activation-time')?.textContent ?? '';
          if (/handoff kit/i.test(name) && /\d+\s*ms/.test(time)) return time;
        }
        return false;
      },
      undefined,
      { timeout: TIMEOUT_MS, polling: 100 },
    );
    const text = await handle.jsonValue();
    return { activationMs: Number(/(\d+)\s*ms/.exec(text)[1]), text };
  } finally {
    await close();
    await server.stop();
  }
}

// `node scripts/bench/activation.mjs [runs]`: the figure on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureActivation({ runs: Number(process.argv[2] ?? 1), log: (line) => console.error(line) });
  console.log(JSON.stringify(result));
}
