import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, toSettings } from '../../server/src/lsp/settings';

describe('settings from the client', () => {
  it('keeps defaults for anything missing', () => {
    assert.deepEqual(toSettings(undefined), defaultSettings);
    assert.deepEqual(toSettings({}), defaultSettings);
  });

  it('keeps defaults for values of the wrong type, and drops unknown rule settings', () => {
    const settings = toSettings({ enable: 'no', maxFileSize: 'big', rules: { 'unknown-event': 'loud', schema: 'warning', x: 3 } });
    assert.equal(settings.enable, true);
    assert.equal(settings.maxFileSize, defaultSettings.maxFileSize);
    assert.deepEqual(settings.rules, { schema: 'warning' });
  });

  it('takes valid values', () => {
    assert.deepEqual(toSettings({ enable: false, maxFileSize: 4096, rules: { 'unknown-event': 'off' } }), {
      enable: false,
      maxFileSize: 4096,
      rules: { 'unknown-event': 'off' },
    });
  });

  it('reads exitPhraseMatch `project` (the default, and the old null) as no override', () => {
    assert.equal(toSettings({ exitPhraseMatch: 'project' }).exitPhraseMatch, undefined);
    assert.equal('exitPhraseMatch' in toSettings({ exitPhraseMatch: 'project' }), false);
    assert.equal(toSettings({ exitPhraseMatch: null }).exitPhraseMatch, undefined);
    assert.equal(toSettings({ exitPhraseMatch: 'exact' }).exitPhraseMatch, 'exact');
    assert.equal(toSettings({ exitPhraseMatch: 'ignoreCaseAndSpacing' }).exitPhraseMatch, 'ignoreCaseAndSpacing');
  });
});
