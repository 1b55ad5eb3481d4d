// The extension is installed in the real VS Code and activates by itself on a workspace that has a bot.json.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';

const extensionId = 'handoff-kit.handoff-kit';

describe('activation', () => {
  it(`${extensionId} is installed`, () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  });

  it('activates on its own in a workspace with bot.json', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const events: string[] = extension.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('workspaceContains:**/bot.json'), `activationEvents: ${JSON.stringify(events)}`);
    // Never calls extension.activate(): that would activate it whatever its activation events say.
    await waitUntil(`${extensionId} is active`, () => extension.isActive);
    // isActive is also true after activate() threw; activate() on an active extension rethrows that error.
    await extension.activate();
  });
});
