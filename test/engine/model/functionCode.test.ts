// Function files (functions/*.js): `app.sendEvent` calls checked like Send Event nodes, through
// acorn, and through acorn-loose when the file has a syntax error elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFunctionCode, renderMessageOf, unparsable } from '../../../server/src/engine/model/functionCode';
import { readBannerPayload } from '../../../server/src/engine/model/bannerPayload';
import { completionsAt } from '../../../server/src/engine/services/completion';
import { hoverAt } from '../../../server/src/engine/services/hover';
import { applyChanges, quickFixes, studioPieces } from '../../../server/src/engine';
import { escapeForJavaScriptString, javaScriptString } from '../../../server/src/engine/edits/edits';
import { ProjectFixture, validBot } from '../support/projectFixture';

const F = 'functions/show-banner.js';
const body = (inner: string) => `return new Promise(resolve => {\n  ${inner}\n  resolve();\n});\n`;
const EXIT_ARRAY = `[{ title: 'Chatting with an agent', options: [{ title: 'Back to bot', text: 'talk to bot' }] }]`;

describe('function code: the records of app.sendEvent calls', () => {
  it('reads a body with a top-level return strictly, with the event and the data as plain values', () => {
    const text = body(`app.sendEvent({ code: "ui-event-update-promotion", data: ${EXIT_ARRAY} });`);
    const code = parseFunctionCode(text);
    assert.equal(code.syntaxError, undefined);
    assert.equal(code.sends.length, 1);
    const [send] = code.sends;
    assert.equal(send.event.value, 'ui-event-update-promotion');
    assert.equal(text.slice(send.event.offset, send.event.offset + send.event.length), '"ui-event-update-promotion"');
    assert.deepEqual(send.data?.value, [{ title: 'Chatting with an agent', options: [{ title: 'Back to bot', text: 'talk to bot' }] }]);
    assert.equal(text.slice(send.data!.offset, send.data!.offset + send.data!.length), EXIT_ARRAY);
  });

  it('skips what is not a literal: a variable code, a data that is a variable; a part inside data stands as a template', () => {
    const code = parseFunctionCode(
      body(
        `app.sendEvent({ code: name, data: {} });\n  app.sendEvent({ code: 'ui-event-update-promotion', data: bannerData });\n  app.sendEvent({ code: 'ui-event-update-promotion', data: { title: t, options: [] } });`,
      ),
    );
    assert.equal(code.sends.length, 2);
    assert.equal(code.sends[0].data, undefined);
    assert.deepEqual(code.sends[1].data?.value, { title: '{{{t}}}', options: [] });
    assert.equal(code.sends[1].data?.partial, true);
  });

  it("reads the platform's localized banner: renderMessage titles stand as templates, the literal texts stay (issue 25)", () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: [{ title: app.renderMessage('exit_title', {}, ''), options: [{ title: app.renderMessage('exit_button', {}, 'Exit'), text: 'talk to bot' }] }] });`,
    );
    const [send] = parseFunctionCode(text).sends;
    assert.deepEqual(send.data?.value, [
      { title: '{{app.renderMessage("exit_title")}}', options: [{ title: '{{app.renderMessage("exit_button")}}', text: 'talk to bot' }] },
    ]);
    assert.equal(send.data?.partial, true);
  });

  it('still finds the calls of a file with a syntax error elsewhere (acorn-loose)', () => {
    const text = `${body(`app.sendEvent({ code: 'ui-event-close-promotion' });`)}\nfunction broken( {\n  return 1 +;\n`;
    const code = parseFunctionCode(text);
    assert.ok(code.syntaxError, 'the strict parse fails');
    assert.deepEqual(
      code.sends.map((s) => s.event.value),
      ['ui-event-close-promotion'],
    );
  });

  it('code nested deeper than the parser can follow: nesting-too-deep where it passes the limit, no syntax error, no call guessed, no fix', () => {
    // 20,000 brackets, then a call with a misspelt event that is not read.
    const text = `return ${'['.repeat(20000)}${']'.repeat(20000)};\napp.sendEvent({ code: 'ui-event-close-promotoin' });\n`;
    const code = parseFunctionCode(text);
    assert.equal(code.syntaxError, undefined);
    assert.deepEqual(code.sends, []);
    assert.ok(code.tooDeep && code.tooDeep.offset > text.indexOf('[') && code.tooDeep.offset < text.indexOf(']'), JSON.stringify(code.tooDeep));
    const fixture = new ProjectFixture({ [F]: text });
    const findings = fixture.findings(F);
    assert.deepEqual(
      findings.map((f) => [f.code, f.messageId, f.offset, f.length]),
      [['nesting-too-deep', 'codeTooDeep', text.indexOf('[') + 128, 1]],
    );
    assert.equal(unparsable(fixture.file(F)), true, 'safe fixes leave the file alone');
  });

  it('never throws on text that is not JavaScript at all', () => {
    for (const text of ['', '{{{{', '\u0000\uffff', '('.repeat(20000), 'app.sendEvent({ code: `a${b}` })']) {
      assert.doesNotThrow(() => parseFunctionCode(text));
    }
    assert.equal(parseFunctionCode('app.sendEvent({ code: `a${b}` })').sends.length, 0);
  });
});

describe('function code: the checks of Send Event nodes', () => {
  it('unknown-event at the code literal, with did-you-mean, also after a syntax error', () => {
    const text = `${body(`app.sendEvent({ code: "ui-event-close-promotoin" });`)}\nconst x = ;\n`;
    const fixture = new ProjectFixture({ [F]: text });
    const [finding, ...rest] = fixture.findings(F, 'unknown-event');
    assert.equal(rest.length, 0);
    assert.equal(finding.message, 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?');
    assert.equal(finding.offset, fixture.offsetOf(F, '"ui-event-close-promotoin"'));
    assert.equal(finding.length, '"ui-event-close-promotoin"'.length);
  });

  it('event-not-declared and event-disabled', () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: ${EXIT_ARRAY} });\n  app.sendEvent({ code: 'ui-event-close-promotion' });`,
    );
    const fixture = new ProjectFixture({
      'bot.json': { ...validBot, events: [{ name: 'ui-event-close-promotion', enabled: false }] },
      [F]: text,
    });
    const notDeclared = fixture.findings(F, 'event-not-declared');
    assert.deepEqual(
      notDeclared.map((f) => [f.message, f.offset]),
      [
        [
          'custom event `ui-event-update-promotion` is not declared in bot.json: declare and enable it, or the banner never changes',
          fixture.offsetOf(F, "'ui-event-update-promotion'"),
        ],
      ],
    );
    const disabled = fixture.findings(F, 'event-disabled');
    assert.deepEqual(
      disabled.map((f) => [f.message, f.offset]),
      [
        [
          'event `ui-event-close-promotion` is disabled in bot.json: it will not fire until it is enabled',
          fixture.offsetOf(F, "'ui-event-close-promotion'"),
        ],
      ],
    );
  });

  it('banner-schema on a literal payload with unquoted keys, at the key in the JS file', () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: [{ title: 'x', options: [{ titel: 'Back', text: 'talk to bot' }] }] });`,
    );
    const fixture = new ProjectFixture({ [F]: text });
    const findings = fixture.findings(F, 'banner-schema');
    const unknown = findings.find((f) => f.message.startsWith('unknown property `titel`'));
    assert.ok(unknown, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(unknown.offset, fixture.offsetOf(F, 'titel'));
    assert.equal(unknown.length, 'titel'.length);
  });

  it('option-text-mismatch at the option text, for the array (v2) and quickReplies (v1) shapes', () => {
    for (const data of [
      `[{ title: 'x', options: [{ title: 'Back', text: 'talk to the bot' }] }]`,
      `{ quickReplies: [{ title: 'x', options: [{ title: 'Back', text: 'talk to the bot' }] }] }`,
    ]) {
      const fixture = new ProjectFixture({ [F]: body(`app.sendEvent({ code: 'ui-event-update-promotion', data: ${data} });`) });
      const findings = fixture.findings(F, 'option-text-mismatch');
      assert.equal(findings.length, 1, data);
      assert.equal(findings[0].offset, fixture.offsetOf(F, "'talk to the bot'"));
      assert.match(findings[0].message, /banner option text `talk to the bot` is not an utterance of any intent/);
    }
  });

  it('an app.sendEvent code unlike any known event is an event for the page or app, not an error; a near miss is (issue 25)', () => {
    const text = body(
      `app.sendEvent({ code: 'verifiedUser', data: { id: 1 } });\n  app.sendEvent({ code: "sendIOSEvent" });\n  app.sendEvent({ code: 'ui-event-close-promotoin' });`,
    );
    const fixture = new ProjectFixture({ [F]: text });
    assert.deepEqual(
      fixture.findings(F).map((f) => [f.code, f.messageId, f.offset]),
      [['unknown-event', 'didYouMean', fixture.offsetOf(F, "'ui-event-close-promotoin'")]],
    );
  });

  it('one error does not hide another: a mistyped banner event still has its option texts checked (issue 25)', () => {
    const fixture = new ProjectFixture({
      [F]: body(
        `app.sendEvent({ code: 'ui-event-update-promotio', data: [{ title: 'x', options: [{ title: 'Back', text: 'talk to the bot' }] }] });`,
      ),
    });
    assert.deepEqual(
      fixture.findings(F).map((f) => [f.code, f.messageId]),
      [
        ['unknown-event', 'didYouMean'],
        ['option-text-mismatch', 'near'],
      ],
    );
  });

  it('renderMessage titles: the literal option texts are checked, the titles left alone, and no data is offered to copy (issue 25)', () => {
    const banner = (exitText: string) =>
      body(
        `app.sendEvent({ code: 'ui-event-update-promotion', data: [{ title: app.renderMessage('exit_title', {}, ''), options: [{ title: app.renderMessage('exit_button', {}, 'Exit'), text: '${exitText}' }] }] });`,
      );
    const clean = new ProjectFixture({ [F]: banner('talk to bot') });
    assert.deepEqual(clean.findings(F), []);
    assert.deepEqual(
      studioPieces(clean.file(F)).map((p) => p.title),
      ['Copy event name'],
    );
    const drifted = new ProjectFixture({ [F]: banner('talk to the bot') });
    const [finding, ...rest] = drifted.findings(F);
    assert.deepEqual(rest, []);
    assert.equal(finding.code, 'option-text-mismatch');
    assert.equal(finding.offset, drifted.offsetOf(F, "'talk to the bot'"));
  });

  it('a function that sends valid banners has no findings', () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: ${EXIT_ARRAY} });\n  app.sendEvent({ code: 'ui-event-update-promotion', data: { quickReplies: ${EXIT_ARRAY} } });\n  app.sendEvent({ code: "ui-event-close-promotion" });`,
    );
    const fixture = new ProjectFixture({ [F]: text });
    assert.deepEqual(
      fixture.findings(F).map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  it('a file outside functions/ or not .js is not a function file', () => {
    const fixture = new ProjectFixture();
    assert.equal(fixture.project.setText(`${fixture.project.root}/functions/a.ts`, 'x', 1), undefined);
    assert.equal(fixture.project.setText(`${fixture.project.root}/functions/deep/a.js`, 'x', 1), undefined);
    assert.equal(fixture.project.setText(`${fixture.project.root}/functions/a.js`, 'x', 1)?.kind, 'function');
  });
});

describe('function code: completion and hover', () => {
  it('completes event names inside code: "…", replacing the whole string with its quote', () => {
    const text = body(`app.sendEvent({ code: 'ui-event-up', data: {} });`);
    const fixture = new ProjectFixture({ [F]: text });
    const offset = fixture.offsetOf(F, "ui-event-up'") + 'ui-event-up'.length;
    const items = completionsAt(fixture.project, fixture.file(F), offset);
    const update = items.find((i) => i.label === 'ui-event-update-promotion');
    assert.ok(update, JSON.stringify(items.map((i) => i.label)));
    assert.equal(update.insertText, "'ui-event-update-promotion'");
    assert.deepEqual(update.replace, { offset: fixture.offsetOf(F, "'ui-event-up'"), length: "'ui-event-up'".length });
    // Elsewhere in the file: nothing.
    assert.deepEqual(completionsAt(fixture.project, fixture.file(F), fixture.offsetOf(F, 'resolve();')), []);
  });

  it('completes in an unterminated string while the name is typed (the file does not parse)', () => {
    const text = 'app.sendEvent({ code: "ui-event-cl';
    const fixture = new ProjectFixture({ [F]: text });
    const items = completionsAt(fixture.project, fixture.file(F), text.length);
    assert.ok(items.some((i) => i.label === 'ui-event-close-promotion' && i.insertText === '"ui-event-close-promotion"'));
  });

  it('hovers the event name with what it does and whether bot.json enables it', () => {
    const text = body(`app.sendEvent({ code: "ui-event-close-promotion" });`);
    const fixture = new ProjectFixture({ [F]: text });
    const hover = hoverAt(fixture.project, fixture.file(F), fixture.offsetOf(F, 'close-promotion'));
    assert.ok(hover);
    assert.equal(hover.offset, fixture.offsetOf(F, '"ui-event-close-promotion"'));
    assert.match(hover.markdown, /^\*\*event\*\* `ui-event-close-promotion`/);
    assert.match(hover.markdown, /Declared and enabled in bot\.json\./);
  });
});

describe('function code: quick fixes write JavaScript', () => {
  const fixed = (text: string, code: string): string => {
    const fixture = new ProjectFixture({ [F]: text });
    const [finding] = fixture.findings(F, code);
    assert.ok(finding, `a ${code} finding`);
    const [fix] = quickFixes(fixture.project, fixture.file(F), finding);
    const change = fix.changes.find((c) => c.kind === 'edit' && c.file === fixture.file(F).path);
    assert.ok(change && change.kind === 'edit', fix.title);
    return applyChanges(text, change.changes);
  };

  it('unknown-event: changes the misspelt name in the quotes it had, the rest of the file untouched', () => {
    const text = body(`app.sendEvent({ code: 'ui-event-close-promotoin' });`);
    assert.equal(fixed(text, 'unknown-event'), text.replace("'ui-event-close-promotoin'", "'ui-event-close-promotion'"));
    const doubled = body(`app.sendEvent({ code: "ui-event-close-promotoin" });`);
    assert.equal(fixed(doubled, 'unknown-event'), doubled.replace('"ui-event-close-promotoin"', '"ui-event-close-promotion"'));
    const template = body('app.sendEvent({ code: `ui-event-close-promotoin` });');
    assert.equal(fixed(template, 'unknown-event'), template.replace('`ui-event-close-promotoin`', '`ui-event-close-promotion`'));
  });

  it('option-text-mismatch on a typed phrase: changes the words inside a single-quoted title, escaped for it', () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: { title: 'Back to the bot? Please type "Id like the bott"', options: [] } });`,
    );
    const fixture = new ProjectFixture({ [F]: text, 'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ["I'd like the bot"] } });
    const [finding] = fixture.findings(F, 'option-text-mismatch');
    assert.ok(finding, 'an option-text-mismatch finding');
    const fix = quickFixes(fixture.project, fixture.file(F), finding).find((f) => f.title.startsWith('Change to'));
    const change = fix?.changes.find((c) => c.kind === 'edit' && c.file === fixture.file(F).path);
    assert.ok(change && change.kind === 'edit', 'a change of the title');
    const after = applyChanges(text, change.changes);
    assert.equal(after, text.replace('Id like the bott', "I\\'d like the bot"));
    const [send] = parseFunctionCode(after).sends;
    assert.equal((send?.data?.value as { title?: string } | undefined)?.title, `Back to the bot? Please type "I'd like the bot"`);
  });

  it('writes any string as a literal in the quote given, which reads back as the same string', () => {
    const values = ["it's", 'say "hi"', 'back\\slash', 'tab\tline\nend', '${not} a placeholder $', '`tick`', 'é 日 😀', '\u2028', '\u0000'];
    for (const value of values) {
      for (const quote of ["'", '`'] as const) {
        const literal = javaScriptString(value, quote);
        assert.equal(literal[0], quote);
        // Read back by the parser the checks use: the literal's value, and nothing after it.
        const code = parseFunctionCode(`app.sendEvent({ code: ${literal} });`);
        assert.equal(code.syntaxError, undefined, literal);
        assert.equal(code.sends[0]?.event.value, value, literal);
      }
      for (const quote of ["'", '"', '`']) {
        const literal = quote + escapeForJavaScriptString(value) + quote;
        assert.equal(parseFunctionCode(`app.sendEvent({ code: ${literal} });`).sends[0]?.event.value, value, literal);
      }
    }
  });

  it('option-text-mismatch: changes the option text to the near utterance', () => {
    const text = body(
      `app.sendEvent({ code: 'ui-event-update-promotion', data: [{ title: 'x', options: [{ title: 'Back', text: 'talk to bott' }] }] });`,
    );
    const after = fixed(text, 'option-text-mismatch');
    assert.equal(after, text.replace("'talk to bott'", "'talk to bot'"));
    assert.equal(parseFunctionCode(after).syntaxError, undefined);
  });
});

describe('function code: app.renderMessage calls', () => {
  const LOCALIZED = `[{ title: app.renderMessage('exit_banner_title', {}, ''), options: [{ title: app.renderMessage("exit_label", { n: 1 }, 'Exit'), text: 'talk to bot' }] }]`;

  it('records each call with a literal key, with its fallback', () => {
    const text = body(
      `const hello = app.renderMessage('welcome', { name }, greeting);\n  app.renderMessage(\`bye\`);\n  app.renderMessage(key, {}, 'x');\n  app.sendEvent({ code: 'ui-event-update-promotion', data: ${LOCALIZED} });`,
    );
    const { renderMessages } = parseFunctionCode(text);
    assert.deepEqual(
      renderMessages.map((r) => [r.key.value, text.slice(r.key.offset, r.key.offset + r.key.length), r.fallback]),
      [
        ['welcome', "'welcome'", { kind: 'computed' }],
        ['bye', '`bye`', { kind: 'none' }],
        ['exit_banner_title', "'exit_banner_title'", { kind: 'literal', value: { value: '', offset: text.indexOf("''"), length: 2 } }],
        ['exit_label', '"exit_label"', { kind: 'literal', value: { value: 'Exit', offset: text.indexOf("'Exit'"), length: 6 } }],
      ],
    );
  });

  it('reads a data whose titles are rendered keys as a banner, the titles templates that name the key', () => {
    const text = body(`app.sendEvent({ code: 'ui-event-update-promotion', data: ${LOCALIZED} });`);
    const [send] = parseFunctionCode(text).sends;
    assert.deepEqual(send.data?.value, [
      { title: '{{app.renderMessage("exit_banner_title")}}', options: [{ title: '{{app.renderMessage("exit_label")}}', text: 'talk to bot' }] },
    ]);
    const payload = readBannerPayload(send.data!.node, text);
    const [banner] = payload.banners;
    assert.equal(renderMessageOf(banner.title)?.key.value, 'exit_banner_title');
    assert.equal(renderMessageOf(banner.options[0].title)?.key.value, 'exit_label');
    assert.equal(renderMessageOf(banner.options[0].text), undefined);
    // The button's text, a fixed phrase, is still an exit phrase; the rendered title is not read for one.
    assert.deepEqual(
      payload.exitPhrases.map((e) => e.phrase),
      ['talk to bot'],
    );
  });

  it('reads a renderMessage call whose key is not a literal as code, not as a translation key', () => {
    const [send] = parseFunctionCode(
      body(`app.sendEvent({ code: 'ui-event-update-promotion', data: { title: app.renderMessage(k), options: [] } });`),
    ).sends;
    assert.deepEqual(send.data?.value, { title: '{{{app.renderMessage(…)}}}', options: [] });
    assert.equal(send.data?.partial, true);
    assert.equal(renderMessageOf(send.data?.node.children?.[0].children?.[1]), undefined);
  });
});
