// The language server on a bot in English and Hindi (the example): removing the Hindi utterance of
// the exit intent makes translated-exit-phrase-mismatch appear on the translations row and at the
// banner's key, restoring it clears both; and the translation keys complete, hover and go to
// their row over LSP.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

const HI = 'बॉट से बात करें';

/** The line and UTF-16 character of `offset` in `text` (LSP's positions). */
function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  return { line, character: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1 };
}

describe('language server: a bot in several languages', () => {
  let folder: string;
  let client: LspTestClient;
  let bot: string;
  const at = (rel: string) => path.join(bot, rel);

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-lsp-languages-'));
    bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows the Hindi exit phrase the intent no longer trains on the translations row and at the banner; restoring it clears both', async () => {
    const intent = at('intents/talk_to_bot.json');
    const csv = at('translations/translations.csv');
    const banner = at('functions/show-exit-banner.js');
    const csvText = await readFile(csv, 'utf8');
    const bannerText = await readFile(banner, 'utf8');
    const intentText = await readFile(intent, 'utf8');
    const mismatch = (file: string) => (): Diagnostic | undefined =>
      client.diagnosticsOf(file)?.find((d) => d.code === 'translated-exit-phrase-mismatch');
    // The example is clean: the first pass publishes nothing for these files.
    await client.waitFor('the first pass', () => client.statuses.find((s) => s.projects === 1));
    assert.equal(mismatch(csv)(), undefined);

    await client.open(intent, intentText, 1);
    await client.replace(intent, intentText, `, "${HI}"`, '', 2);

    const onRow = await client.waitFor('the finding on the translations row', mismatch(csv));
    const message =
      'the phrase the Hindi (hi) text of `exit_banner_type_phrase` asks to type, `बॉट से बात करें`, is not an utterance of the exit intent `talk_to_bot`: customers who read the banner in Hindi cannot leave the agent';
    assert.equal(onRow.message, message);
    assert.equal(onRow.severity, 1);
    // On the quoted words of the Hindi cell: line 4 of the file (CRLF), at their UTF-16 column.
    const phraseAt = csvText.indexOf(HI);
    assert.deepEqual(onRow.range, { start: position(csvText, phraseAt), end: position(csvText, phraseAt + HI.length) });
    assert.equal(onRow.range.start.line, 3);
    assert.deepEqual(
      onRow.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [
        [
          uri(banner),
          position(bannerText, bannerText.indexOf("'exit_banner_type_phrase'")).line,
          'the title of a banner renders `exit_banner_type_phrase` (functions/show-exit-banner.js)',
        ],
      ],
    );

    const atBanner = await client.waitFor('the finding at the banner', mismatch(banner));
    assert.equal(atBanner.message, message);
    const keyAt = bannerText.indexOf("'exit_banner_type_phrase'");
    assert.deepEqual(atBanner.range, { start: position(bannerText, keyAt), end: position(bannerText, keyAt + "'exit_banner_type_phrase'".length) });
    assert.deepEqual(
      atBanner.relatedInformation?.map((r) => [r.location.uri, r.location.range, r.message]),
      [[uri(csv), onRow.range, 'the Hindi (hi) text of `exit_banner_type_phrase`, translations/translations.csv row 4']],
    );

    // The quick fix trains the intent again.
    const actions = await client.request<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', banner, {
      range: atBanner.range,
      context: { diagnostics: [atBanner] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [[`Add \`${HI}\` as an utterance of intent \`talk_to_bot\``, true]],
    );

    await client.setText(intent, intentText, 3);
    await client.waitFor('both findings cleared', () => !mismatch(csv)() && !mismatch(banner)());
  });

  it('completes the keys in renderMessage, hovers a key with its text in every language, and goes to its row', async () => {
    const banner = at('functions/show-exit-banner.js');
    const csv = at('translations/translations.csv');
    const text = await readFile(banner, 'utf8');
    const csvText = await readFile(csv, 'utf8');
    const typed = text.replace(
      "app.renderMessage('exit_banner_title', {}, ''),\n          options",
      "app.renderMessage('exit_b', {}, ''),\n          options",
    );
    await client.open(banner, typed, 1);
    const key = typed.indexOf("'exit_b'") + "'exit_b".length;
    const completions = await client.request<{ label: string; textEdit: { newText: string; range: unknown } }[]>('textDocument/completion', banner, {
      position: position(typed, key),
    });
    assert.deepEqual(completions.map((c) => c.label).sort(), ['exit_banner_title', 'exit_banner_type_phrase', 'exit_button_label']);
    assert.equal(completions.find((c) => c.label === 'exit_banner_title')?.textEdit.newText, "'exit_banner_title'");
    await client.setText(banner, text, 2);

    const onKey = position(text, text.indexOf('exit_banner_type_phrase') + 2);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', banner, { position: onKey });
    assert.match(hover.contents.value, /^\*\*translation key\*\* `exit_banner_type_phrase` \(translations\/translations\.csv, row 4\)/);
    assert.ok(hover.contents.value.includes("| Hindi (hi) | एजेंट से बाहर निकलना चाहते हैं? कृपया 'बॉट से बात करें' लिखें |"), hover.contents.value);

    const definitions = await client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>(
      'textDocument/definition',
      banner,
      {
        position: onKey,
      },
    );
    assert.deepEqual(definitions, [
      {
        uri: uri(csv),
        range: {
          start: position(csvText, csvText.indexOf('exit_banner_type_phrase')),
          end: position(csvText, csvText.indexOf('exit_banner_type_phrase') + 'exit_banner_type_phrase'.length),
        },
      },
    ]);
  });
});
