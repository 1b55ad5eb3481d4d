// What a user does in the code-server workbench, as playwright steps shared by the UI checks and start.mjs.

/** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab to be the active one. */
export async function openFileByQuickOpen(page, relativePath) {
  const fileName = relativePath.split('/').pop();
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget');
  await quickOpen.waitFor({ state: 'visible' });
  // Typed over whatever prefix the box opened with (">" when it opened as the command palette).
  await quickOpen.locator('input').fill(relativePath);
  // Clicked rather than Enter: Enter can land while the list is still being replaced by the search results.
  await quickOpen.locator('.monaco-list-row', { hasText: fileName }).first().click();
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns its locator. */
export async function showProblems(page) {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel;
}
