// The banner preview's verdict agrees with the checks (issue 25): in disabled-close-bot, bot.json disables the close
// event, so the exit journey cannot close the banner. The preview the panel draws, fetched from the language server
// as the panel fetches it, carries that finding under the Exit button (the panel then draws it instead of a green
// check: ui/banner-verdict.mjs reads the webview); once the event is enabled in the editor, the finding goes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { waitForCode, waitForNoCode } from '../support/diagnostics';
import { waitForExtension, waitForOutline } from '../support/language';
import { fixtureFile, openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const journey = 'disabled-close-bot/journeys/show-banner.json';

/** The part of the server's banner preview (engine/services/bannerPreview.ts) this suite reads. */
interface BannerPreview {
  readonly banners: readonly {
    readonly kind: string;
    readonly buttons?: readonly {
      readonly action: {
        readonly kind: string;
        readonly matched?: boolean;
        readonly journeys?: readonly string[];
        readonly findings?: readonly { readonly code: string; readonly file: string }[];
      };
    }[];
  }[];
}

interface Api {
  readonly client: { sendRequest<R>(method: string, params: unknown): Promise<R> };
}

/** The preview of the journey's banner as the panel asks the server for it (client/src/extension.ts, fetchPreview). */
async function previewOf(uri: vscode.Uri): Promise<BannerPreview> {
  const extension = vscode.extensions.getExtension<Api>('handoff-kit.handoff-kit');
  assert.ok(extension?.isActive, 'the extension is active');
  const preview = await extension.exports.client.sendRequest<BannerPreview | null>('handoffKit/bannerPreview', { uri: uri.toString() });
  assert.ok(preview, 'the server describes the banner');
  return preview;
}

/** What the Exit button sends, as the preview's model says. */
function exitAction(preview: BannerPreview) {
  const action = preview.banners[0]?.buttons?.[0]?.action;
  assert.ok(action?.kind === 'text' && action.findings, `the first button sends text: ${JSON.stringify(preview.banners[0])}`);
  return { ...action, findings: action.findings };
}

describe('banner preview verdict', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('a disabled close event: the preview shows the finding under the Exit button, not a green check', async () => {
    const uri = fixtureFile(journey);
    await waitForOutline(uri, 'show-banner', vscode.SymbolKind.Namespace);
    await waitForCode(fixtureFile('disabled-close-bot/journeys/return-to-bot.json'), 'event-disabled');
    await vscode.commands.executeCommand('handoffKit.previewBanner', uri);

    const action = exitAction(await previewOf(uri));
    assert.equal(action.matched, true, 'the phrase trains the exit intent');
    assert.deepEqual(action.journeys, ['return-to-bot']);
    assert.deepEqual(
      action.findings.map((f) => `${f.code} ${f.file}`),
      ['event-disabled journeys/return-to-bot.json'],
      JSON.stringify(action.findings),
    );
  });

  it('enabled in the editor, the green check comes back', async () => {
    const uri = fixtureFile(journey);
    const { document } = await openFile('disabled-close-bot/bot.json');
    await replaceText(
      document,
      '{ "name": "ui-event-close-promotion", "enabled": false }',
      '{ "name": "ui-event-close-promotion", "enabled": true }',
    );
    await waitForNoCode(fixtureFile('disabled-close-bot/journeys/return-to-bot.json'), 'event-disabled');
    await waitUntil('the preview has no finding under Exit', async () => exitAction(await previewOf(uri)).findings.length === 0);
    assert.deepEqual(exitAction(await previewOf(uri)).journeys, ['return-to-bot']);
  });
});
