import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  validateBannerTitle,
  validateButtonLabel,
  validateDisconnectionOptions,
  validateName,
  validatePhrase,
  type DisconnectionOptions,
} from '../../../server/src/engine/services/scaffold';

/** The message validateDisconnectionOptions gives for one field, as the scaffold would refuse it. */
function refusal(options: Partial<DisconnectionOptions>, field: keyof DisconnectionOptions): string | undefined {
  return validateDisconnectionOptions(options).find((c) => c.field === field)?.message;
}

const quotes = ["'", '"', '‘', '’', '“', '”'];

describe('scaffold options: per-field validators, for input boxes', () => {
  describe('validatePhrase', () => {
    it("accepts the guide's phrase in both modes, and the spaces typed around it", () => {
      for (const mode of ['button', 'typed'] as const) {
        assert.equal(validatePhrase('talk to bot', mode), undefined);
        assert.equal(validatePhrase('  talk to bot ', mode), undefined);
      }
      assert.equal(validatePhrase('talk to bot'), undefined, 'button mode when no mode is given');
    });

    it('refuses an empty phrase, a second line and a template', () => {
      assert.equal(validatePhrase('   '), 'the exit phrase is empty: the customer needs words to click or type, such as `talk to bot`');
      assert.equal(validatePhrase('talk\nto bot'), 'the exit phrase must be one line of plain text');
      assert.equal(validatePhrase('{{{variables.exit}}}'), 'the exit phrase is what the customer sends, so it cannot be a template');
    });

    it("refuses every quote mark, straight or curly, in a phrase to type, and none in a button's phrase", () => {
      for (const mark of quotes) {
        const phrase = `I${mark}m done`;
        assert.equal(
          validatePhrase(phrase, 'typed'),
          `the banner's title quotes the phrase to type, so \`${phrase}\` cannot hold quote marks: choose words without them, or a banner with a button`,
          phrase,
        );
        assert.equal(validatePhrase(phrase, 'button'), undefined, phrase);
      }
    });
  });

  it('validateButtonLabel and validateBannerTitle refuse what is empty once trimmed', () => {
    assert.equal(validateButtonLabel('Exit'), undefined);
    assert.equal(validateButtonLabel(' '), 'the button needs a label, such as `Exit`');
    assert.equal(validateBannerTitle('Do you want to exit from chat?'), undefined);
    assert.equal(validateBannerTitle(''), 'the banner needs a title, such as `Do you want to exit from chat?`');
  });

  it('validateName takes the names the intent and journey schemas take', () => {
    assert.equal(validateName('intent', 'talk_to_bot'), undefined);
    assert.equal(validateName('journey', ' return-to-bot '), undefined);
    assert.equal(validateName('journey', 'v1.2_exit'), undefined);
    assert.equal(validateName('intent', ''), 'the intent needs a name');
    assert.equal(
      validateName('journey', 'back to bot'),
      '`back to bot` is not a valid journey name: use letters, digits, `_`, `-` or `.`, with no spaces',
    );
    assert.notEqual(validateName('journey', '-leading-dash'), undefined);
    assert.notEqual(validateName('intent', 'talk’to'), undefined);
  });

  // What an input box accepts, the scaffold accepts; what it refuses, the scaffold refuses with the
  // same words. A value the box let through used to come back as a conflict after every question.
  it('say what validateDisconnectionOptions says, field by field', () => {
    const phrases = ['talk to bot', ' talk to bot ', '', 'talk\tto bot', '{{ exit }}', ...quotes.map((q) => `talk to bot${q}s`)];
    for (const mode of ['button', 'typed'] as const) {
      for (const phrase of phrases)
        assert.equal(validatePhrase(phrase, mode), refusal({ mode, phrase }, 'phrase'), `${mode} ${JSON.stringify(phrase)}`);
    }
    for (const label of ['Exit', ' ', '']) assert.equal(validateButtonLabel(label), refusal({ mode: 'button', buttonLabel: label }, 'buttonLabel'));
    for (const title of ['Leave?', ' ', '']) assert.equal(validateBannerTitle(title), refusal({ bannerTitle: title }, 'bannerTitle'));
    for (const name of ['talk_to_bot', 'talk to bot', '', '.hidden']) {
      assert.equal(validateName('intent', name), refusal({ exitIntent: name }, 'exitIntent'), `intent ${JSON.stringify(name)}`);
      assert.equal(validateName('journey', name), refusal({ exitJourney: name }, 'exitJourney'), `journey ${JSON.stringify(name)}`);
      assert.equal(
        validateName('journey', name),
        refusal({ ticketJourney: { existing: name } }, 'ticketJourney'),
        `ticket journey ${JSON.stringify(name)}`,
      );
    }
  });
});
