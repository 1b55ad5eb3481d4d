// Translation keys in the editor: completion in `app.renderMessage('…`, the hover of a key (its
// text in every language), and go to definition from a function file to the key's row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt, hoverAt, occurrencesOf, prepareRename, symbolAt } from '../../../server/src/engine';
import { ProjectFixture } from '../support/projectFixture';
import { botIn, csv, F, T } from '../check/rules/translationFixtures';

const TRANSLATIONS = csv(
  'name,english_text,hindi_text,arabic_text,tamil_text',
  "exit_banner_type,\"Please type 'talk to bot' | now\",कृपया 'बॉट से बात करें' लिखें,اكتب «تحدث إلى الروبوت»,",
  'welcome,Hello,नमस्ते,مرحبا,வணக்கம்',
);
const CODE =
  "return new Promise((resolve) => {\n  app.sendEvent({ code: 'ui-event-update-promotion', data: [{ title: app.renderMessage('exit_banner_type', {}, ''), options: [] }] });\n  resolve(app.renderMessage(\"welcome\"));\n});\n";

function fixture(code = CODE): ProjectFixture {
  return new ProjectFixture({ 'bot.json': botIn('en', 'hi', 'ar', 'ta'), [T]: TRANSLATIONS, [F]: code });
}

describe('translation keys: completion', () => {
  for (const [quote, typed] of [
    ["'", "app.renderMessage('wel"],
    ['"', 'app.renderMessage( "'],
    ['`', 'app.renderMessage(`exit'],
  ]) {
    it(`offers the keys inside renderMessage(${quote}…, replacing the whole string`, () => {
      const code = `const x = ${typed}`;
      const f = fixture(code);
      const items = completionsAt(f.project, f.file(F), code.length);
      assert.deepEqual(
        items.map((i) => i.label),
        ['exit_banner_type', 'welcome'],
      );
      const welcome = items.find((i) => i.label === 'welcome')!;
      assert.equal(welcome.insertText, `${quote}welcome${quote}`);
      assert.equal(welcome.kind, 'translationKey');
      assert.equal(welcome.detail, 'English: Hello');
      assert.deepEqual(welcome.replace, {
        offset: code.indexOf(quote, code.indexOf('(')),
        length: code.length - code.indexOf(quote, code.indexOf('(')),
      });
      assert.match(welcome.documentation!, /\| Tamil \(ta\) \| வணக்கம் \|/);
    });
  }

  it('replaces up to the closing quote, and offers nothing outside renderMessage', () => {
    const code = "app.renderMessage('exit_b', {}, '');";
    const f = fixture(code);
    const at = code.indexOf('exit_b') + 'exit_b'.length;
    const [item] = completionsAt(f.project, f.file(F), at);
    assert.deepEqual(item.replace, { offset: code.indexOf("'exit_b'"), length: "'exit_b'".length });
    assert.deepEqual(
      completionsAt(f.project, f.file(F), code.indexOf("''") + 1).map((i) => i.kind),
      [],
    );
  });
});

describe('translation keys: hover', () => {
  it('shows the text in every language, the bot’s first, saying which declared language has none', () => {
    const f = fixture();
    const hover = hoverAt(f.project, f.file(F), CODE.indexOf('exit_banner_type') + 3)!;
    assert.equal(hover.offset, CODE.indexOf("'exit_banner_type'"));
    assert.equal(hover.length, "'exit_banner_type'".length);
    assert.equal(
      hover.markdown,
      [
        '**translation key** `exit_banner_type` (translations/translations.csv, row 2)',
        '',
        '| language | text |',
        '| --- | --- |',
        "| English (en) | Please type 'talk to bot' \\| now |",
        "| Hindi (hi) | कृपया 'बॉट से बात करें' लिखें |",
        '| Arabic (ar) | اكتب «تحدث إلى الروبوت» |',
        '| Tamil (ta) | _no text: the fallback is shown_ |',
        '',
        'Rendered by functions/show-exit-banner.js (banner title).',
      ].join('\n'),
    );
  });

  it('says when no translations file defines the key, and shows the same on the key’s row', () => {
    const f = fixture("app.renderMessage('nowhere');\n");
    assert.match(hoverAt(f.project, f.file(F), 20)!.markdown, /_no translations file defines it_/);
    const text = f.text(T);
    const onRow = hoverAt(f.project, f.file(T), text.indexOf('welcome') + 2)!;
    assert.equal(onRow.offset, text.indexOf('welcome'));
    assert.match(onRow.markdown, /^\*\*translation key\*\* `welcome` \(translations\/translations.csv, row 3\)/);
  });
});

describe('translation keys: go to definition and references', () => {
  it('goes from the key in a function file to its row, and back', () => {
    const f = fixture();
    const symbol = symbolAt(f.file(F), CODE.indexOf('"welcome"') + 2)!;
    assert.equal(symbol.kind, 'translationKey');
    const occurrences = occurrencesOf(f.project, symbol);
    const definition = occurrences.find((o) => o.isDefinition)!;
    assert.equal(definition.file.path, f.file(T).path);
    assert.equal(definition.offset, f.text(T).indexOf('welcome'));
    assert.equal(definition.length, 'welcome'.length);
    assert.deepEqual(
      occurrences.filter((o) => !o.isDefinition).map((o) => [o.file.path, o.offset]),
      [[f.file(F).path, CODE.indexOf('"welcome"')]],
    );
    // A key is not renamed (its rows live in Studio too).
    assert.equal(prepareRename(f.file(F), CODE.indexOf('"welcome"') + 2), undefined);
  });
});
