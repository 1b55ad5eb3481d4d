// Translation keys in a function file, in a real VS Code: a key completes inside
// `app.renderMessage('…`, hovers with its text in every language, and goes to its row in the
// Translations export. On support-bot, the copy of examples/support-bot (English and Hindi).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForCode, waitForNoCode } from '../support/diagnostics';
import { completionsAt, definitionsAt, hoversAt, labelOf, positionIn, waitForExtension } from '../support/language';
import { openFile, replaceText, revertAndCloseAll } from '../support/workspace';

const banner = 'support-bot/functions/show-exit-banner.js';

describe('translation keys', () => {
  before(waitForExtension);
  afterEach(revertAndCloseAll);

  it('a renderMessage key completes and hovers in a function file', async () => {
    const { document } = await openFile(banner);
    // A misspelt key is reported: once it is, the server has the edited text.
    await replaceText(document, "app.renderMessage('exit_banner_type_phrase'", "app.renderMessage('exit_b'");
    await waitForCode(document.uri, 'unknown-translation-key');
    const items = await completionsAt(document.uri, positionIn(document, "'exit_b'", "'exit_b".length));
    const labels = items.map(labelOf);
    for (const key of ['exit_banner_title', 'exit_banner_type_phrase', 'exit_button_label'])
      assert.ok(labels.includes(key), `${key} is not offered; offered: ${labels.join(', ') || '(none)'}`);
    const item = items.find((i) => labelOf(i) === 'exit_banner_type_phrase')!;
    const range = item.range && ('replacing' in item.range ? item.range.replacing : item.range);
    assert.ok(range, 'the item replaces nothing');
    assert.equal(document.getText(range), "'exit_b'", 'the item replaces the whole string, quotes included');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, typeof item.insertText === 'string' ? item.insertText : labelOf(item));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForNoCode(document.uri, 'unknown-translation-key');

    const hovers = await hoversAt(document.uri, positionIn(document, "'exit_banner_type_phrase'", 3));
    const hover = hovers.find((h) => h.text.includes('translation key'));
    assert.ok(hover, `no hover of the key; hovers: ${JSON.stringify(hovers.map((h) => h.text))}`);
    assert.match(hover.text, /English \(en\) \| Want to leave the agent\? Please type 'talk to bot'/);
    assert.match(hover.text, /Hindi \(hi\) \| एजेंट से बाहर निकलना चाहते हैं\? कृपया 'बॉट से बात करें' लिखें/);

    const [definition] = await definitionsAt(document.uri, positionIn(document, "'exit_banner_type_phrase'", 3));
    assert.ok(definition, 'no definition of the key');
    assert.ok(definition.uri.path.endsWith('/support-bot/translations/translations.csv'), definition.uri.toString());
    const csv = await vscode.workspace.openTextDocument(definition.uri);
    assert.equal(csv.getText(definition.range), 'exit_banner_type_phrase');
  });
});
