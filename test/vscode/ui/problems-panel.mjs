// UI check: the Problems panel of the real workbench lists the handoff-kit finding of a journey with a mistyped event.
// Driven as a user would: Quick Open (Ctrl+P) for the file, Ctrl+Shift+M for the panel.
import { openFileByQuickOpen, showProblems } from '../../../scripts/vscode/workbench.mjs';

export const title = 'the Problems panel lists the unknown-event finding of typo-bot';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  await openFileByQuickOpen(page, 'typo-bot/journeys/close-banner.json');
  const panel = await showProblems(page);
  // The workspace's other projects have findings of their own, and the panel shows only the rows that fit: filter on
  // the mistyped name, as a user looking for it would, so the row is on screen whatever else is listed.
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill('close-promotoin');
  try {
    // Other suites leave other unknown-event rows (a function file of typo-bot): the journey's row is the one named.
    const row = panel
      .locator('.monaco-list-row', { hasText: 'handoff-kit' })
      .filter({ hasText: 'unknown-event' })
      .filter({ hasText: 'close-promotoin' });
    await row.first().waitFor();
    const text = await row.first().innerText();
    if (!text.includes('[Ln 6, Col 52]'))
      throw new Error(`the Problems row is not at the mistyped event (line 6, column 52): ${JSON.stringify(text)}`);
    return { screenshots: [await screenshot('problems-panel')] };
  } finally {
    await filter.fill('');
  }
}
