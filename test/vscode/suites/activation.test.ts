// The extension is installed in the real VS Code and activates by itself on a workspace that has a bot.json.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';

const extensionId = 'handoff-kit.handoff-kit';

describe('activation', () => {
  it(`${extensionId} is installed`, () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(
      extension,
      `${extensionId} is not among ${vscode.extensions.all
        .map((e) => e.id)
        .filter((id) => !id.startsWith('vscode.'))
        .join(', ')}`,
    );
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

  it("runs from the .vsix: production bundles of client (its language client, the simulator page's script) and server, no source maps, no command line", function () {
    const extension = vscode.extensions.getExtension(extensionId)!;
    // `run-tests.mjs --extension <folder>` copies a development tree instead; only the package is checked here.
    if (extension.packageJSON.devDependencies) this.skip();
    const files = (function list(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? list(join(dir, entry.name)) : [relative(extension.extensionPath, join(dir, entry.name)).split('\\').join('/')],
      );
    })(extension.extensionPath);
    assert.deepEqual(files.filter((f) => f.startsWith('dist/')).sort(), [
      'dist/client/extension.js',
      'dist/client/languageClient.js',
      'dist/client/simulatorView.js',
      'dist/server/server.js',
      // The server's bundle, which server.js loads through V8's code cache.
      'dist/server/serverMain.js',
    ]);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map') || f.endsWith('.ts')),
      [],
    );
    for (const shipped of ['images/icon.png', 'LICENSE.txt', 'changelog.md', 'readme.md', 'snippets/bot-files.json']) {
      assert.ok(existsSync(join(extension.extensionPath, shipped)), `${shipped} is not in ${extension.extensionPath}: ${files.join(', ')}`);
    }
    assert.equal(extension.packageJSON.scripts, undefined, 'the packaged manifest keeps no npm scripts');
  });

  it('the details page (readme.md of the package) shows its images from https URLs of the repository', function () {
    const extension = vscode.extensions.getExtension(extensionId)!;
    if (extension.packageJSON.devDependencies) this.skip();
    // VS Code's extension editor allows only https: and data: images, so a relative path would never show.
    const readme = readFileSync(join(extension.extensionPath, 'readme.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `readme.md shows ${images.length} images`);
    for (const image of images) assert.match(image, /^https:\/\/github\.com\/handoff-kit\/handoff-kit\/raw\/HEAD\/[\w/.-]+\.png$/);
  });
});
