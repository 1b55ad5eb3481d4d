// UI check: the Problems panel of the real workbench lists the handoff-kit finding of a journey with a mistyped event.
// Driven as a user would: Quick Open (Ctrl+P) for the file, Ctrl+Shift+M for the panel.
import { openFileByQuickOpen, showProblems } from '../../../scripts/vscode/workbench.mjs';

export const title = 'the Problems panel lists the unknown-event finding of typo-bot';

/** @param {{ page: import('playwright-core').Page, screenshot: (name: string) => Promise<string> }} ui */
export async function check({ page, screenshot }) {
  await openFileByQuickOpen(page, 'typo-bot/journeys/close-banner.json');
  const panel = await showProblems(page);
  const row = panel.locator('.monaco-list-row', { hasText: 'handoff-kit' }).filter({ hasText: 'unknown-event' });
  await row.first().waitFor();
  const text = await row.first().innerText();
  if (!text.includes('close-promotoin')) throw new Error(`the Problems row does not name the mistyped event: ${JSON.stringify(text)}`);
  return { screenshots: [await screenshot('problems-panel')] };
}
