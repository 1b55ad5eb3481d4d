import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { botLanguagesOf, languageNamed, languageOf, PLATFORM_LANGUAGES } from '../../../../server/src/engine/model/languages';
import { suggestedLanguage } from '../../../../server/src/engine/check/rules/unknown-language';
import { validBot } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';
import { repoRoot } from '../../../paths';

const BOT = 'bot.json';
const bot = (extra: object) => ({ ...validBot, ...extra });

new RuleTester().run('unknown-language', {
  valid: [
    { name: 'no languages declared', files: { [BOT]: validBot } },
    { name: 'codes as the platform lists them', files: { [BOT]: bot({ languages: ['en', 'hi', 'ta', 'ar', 'zh-CN', 'fr-CA', 'pt-br', 'Kk'] }) } },
    { name: 'codes compared without case', files: { [BOT]: bot({ languages: ['EN', 'Hi', 'zh-cn', 'PT-BR', 'kk'], defaultLanguage: 'en' }) } },
    { name: 'the older forms of the page: ca for French - Canada', files: { [BOT]: bot({ languages: ['en', 'ca'], defaultLanguage: 'fr-ca' }) } },
    { name: 'a default without languages', files: { [BOT]: bot({ defaultLanguage: 'hi' }) } },
    { name: 'an empty code is the schema’s to report', files: { [BOT]: bot({ languages: [''] }) } },
  ],
  invalid: [
    {
      name: 'a language name instead of its code; the fix writes the code',
      files: { [BOT]: bot({ languages: ['en', 'Hindi'] }) },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'the platform lists no language `Hindi`; did you mean `hi` (Hindi)?',
          data: { code: 'Hindi', suggestion: 'hi', language: 'Hindi' },
          at: '"Hindi"',
        },
      ],
      output: { [BOT]: bot({ languages: ['en', 'hi'] }) },
    },
    {
      name: 'an underscore for the hyphen of a region form',
      files: { [BOT]: bot({ languages: ['zh_CN'] }) },
      errors: [{ messageId: 'didYouMean', data: { code: 'zh_CN', suggestion: 'zh-CN', language: 'Chinese - Simplified' }, at: '"zh_CN"' }],
      output: { [BOT]: bot({ languages: ['zh-CN'] }) },
    },
    {
      name: 'a misspelt name, nearest to one language',
      files: { [BOT]: bot({ languages: ['tamill'] }) },
      errors: [{ messageId: 'didYouMean', data: { code: 'tamill', suggestion: 'ta', language: 'Tamil' }, at: '"tamill"' }],
      output: { [BOT]: bot({ languages: ['ta'] }) },
    },
    {
      name: 'a two-letter code one letter from many: no guess',
      files: { [BOT]: bot({ languages: ['en', 'hn'] }) },
      errors: [
        {
          messageId: 'unknown',
          message: 'the platform lists no language `hn`: Studio cannot add it, and no text or exit phrase of it is checked',
          data: { code: 'hn' },
          at: '"hn"',
        },
      ],
    },
    {
      name: 'an unknown default language, and a default the bot does not add; the fix adds it',
      files: { [BOT]: bot({ languages: ['en', 'hi'], defaultLanguage: 'ta' }) },
      errors: [
        {
          messageId: 'defaultNotListed',
          message: 'the default language `ta` is not one of `languages` (en, hi): the bot has no texts to answer in by default',
          data: { code: 'ta', languages: 'en, hi' },
          at: '"ta"',
        },
      ],
      output: { [BOT]: bot({ languages: ['en', 'hi', 'ta'], defaultLanguage: 'ta' }) },
    },
    {
      name: 'Devanagari, Arabic and Tamil names of languages are not codes',
      files: { [BOT]: bot({ languages: ['हिन्दी', 'العربية', 'தமிழ்'] }) },
      errors: [
        { messageId: 'unknown', data: { code: 'हिन्दी' }, at: '"हिन्दी"' },
        { messageId: 'unknown', data: { code: 'العربية' }, at: '"العربية"' },
        { messageId: 'unknown', data: { code: 'தமிழ்' }, at: '"தமிழ்"' },
      ],
    },
  ],
});

describe('the platform languages', () => {
  it('has each code once, compared without case', () => {
    const codes = PLATFORM_LANGUAGES.map((l) => l.code.toLowerCase());
    assert.deepEqual(codes, [...new Set(codes)]);
    assert.ok(PLATFORM_LANGUAGES.length > 100, 'the page lists about 100 codes');
  });

  it('finds languages by code without case, by alias, and by the names a column may use', () => {
    assert.equal(languageOf('HI')?.name, 'Hindi');
    assert.equal(languageOf('zh-cn')?.code, 'zh-CN');
    assert.equal(languageOf('ca')?.code, 'fr-CA');
    assert.equal(languageOf('xx'), undefined);
    assert.equal(languageNamed('hindi')?.code, 'hi');
    assert.equal(languageNamed('French - Canada')?.code, 'fr-CA');
    assert.equal(languageNamed('french_canada')?.code, 'fr-CA');
    assert.equal(languageNamed('bangla')?.code, 'bn');
    assert.equal(languageNamed('bokmal')?.code, 'no');
    assert.equal(languageNamed('zh-CN')?.code, 'zh-CN');
    assert.equal(languageNamed('klingon'), undefined);
  });

  it('gives a bot English when it declares nothing, and its default first', () => {
    const named = (value: string) => ({ value, node: { type: 'string' as const, offset: 0, length: 0 } });
    assert.deepEqual(
      botLanguagesOf({}).languages.map((l) => l.code),
      ['en'],
    );
    const bot = botLanguagesOf({ languages: [named('hi'), named('en'), named('HI'), named('xx')], defaultLanguage: named('ta') });
    assert.deepEqual(
      bot.languages.map((l) => l.code),
      ['ta', 'hi', 'en'],
    );
    assert.equal(bot.defaultLanguage.code, 'ta');
    assert.equal(bot.declared, true);
  });

  it('are all listed, with their codes, in the format documentation', () => {
    const page = readFileSync(path.join(repoRoot, 'docs/bot-project-format.md'), 'utf8').replace(/\s+/g, ' ');
    for (const language of PLATFORM_LANGUAGES)
      assert.ok(page.includes(`${language.name} \`${language.code}\``), `${language.name} \`${language.code}\``);
  });

  it('guesses a language only when one is nearest', () => {
    assert.equal(suggestedLanguage('hindii')?.code, 'hi');
    // As near to Hindi as to Sindhi: no guess.
    assert.equal(suggestedLanguage('hindhi'), undefined);
    assert.equal(suggestedLanguage('Arabic')?.code, 'ar');
    assert.equal(suggestedLanguage('xq'), undefined);
    assert.equal(suggestedLanguage('x'.repeat(10_000)), undefined);
  });
});
