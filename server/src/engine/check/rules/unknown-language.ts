// unknown-language: bot.json declares a language code the platform does not list (compared without
// case, aliases accepted: model/languages.ts), or a default language the bot does not add.
import { readBotConfig } from '../../model/botConfig';
import { languageNamed, languageOf, nameKey, PLATFORM_LANGUAGES, type PlatformLanguage } from '../../model/languages';
import { boundedEditDistance } from '../../phrases/editDistance';
import { modifyJson } from '../../edits/edits';
import { didYouMeanFix, fileEdit } from '../fixes';
import { defineFileRule } from '../rule';

export const unknownLanguage = defineFileRule({
  code: 'unknown-language',
  severity: 'error',
  scope: 'file',
  description: 'bot.json declares a language code the platform does not list, or a default language it does not add.',
  explanation:
    "Studio adds a language by the codes its localization page lists (`hi`, `ta`, `ar`, `zh-CN`…). A code it does not list (`hn`, `hindi`) is a language the bot cannot have, so none of that language's texts or exit phrases are checked, and the Set Language node has nothing to switch to. A default language the bot does not add leaves customers in a language with no texts.",
  kinds: ['bot'],
  fixable: true,
  messages: {
    didYouMean: ({ code, suggestion, language }: { code: string; suggestion: string; language: string }) =>
      `the platform lists no language \`${code}\`; did you mean \`${suggestion}\` (${language})?`,
    unknown: ({ code }: { code: string }) =>
      `the platform lists no language \`${code}\`: Studio cannot add it, and no text or exit phrase of it is checked`,
    defaultNotListed: ({ code, languages }: { code: string; languages: string }) =>
      `the default language \`${code}\` is not one of \`languages\` (${languages}): the bot has no texts to answer in by default`,
  },
  check(file, report) {
    const config = readBotConfig(file);
    for (const code of [...(config.languages ?? []), ...(config.defaultLanguage ? [config.defaultLanguage] : [])]) {
      if (!code.value.trim() || languageOf(code.value)) continue;
      const suggested = suggestedLanguage(code.value);
      report({
        offset: code.node.offset,
        length: code.node.length,
        ...(suggested
          ? { messageId: 'didYouMean', data: { code: code.value, suggestion: suggested.code, language: suggested.name } }
          : { messageId: 'unknown', data: { code: code.value } }),
      });
    }
    const fallback = config.defaultLanguage;
    const language = fallback && languageOf(fallback.value);
    if (!fallback || !language || !config.languages?.length) return;
    if (config.languages.some((code) => languageOf(code.value) === language)) return;
    report({
      offset: fallback.node.offset,
      length: fallback.node.length,
      messageId: 'defaultNotListed',
      data: { code: fallback.value, languages: config.languages.map((c) => c.value).join(', ') },
    });
  },
  fixes({ file, finding }) {
    if (finding.messageId === 'didYouMean') return [didYouMeanFix(file, finding, finding.data.suggestion)];
    if (finding.messageId !== 'defaultNotListed' || file.syntaxProblems.length) return [];
    const { code } = finding.data;
    return [fileEdit(file, `Add \`${code}\` to \`languages\``, [modifyJson(file.text, [{ path: ['languages', -1], value: code }])], true)];
  },
});

/**
 * The language a code that the platform does not list most likely means: the language it names
 * (`hindi`, `zh_CN`), else the one whose code or name is nearest by edit distance, when no other
 * language is as near (a two-letter code is one letter from a dozen others: no guess then).
 */
export function suggestedLanguage(code: string): PlatformLanguage | undefined {
  const named = languageNamed(code);
  if (named) return named;
  const wanted = nameKey(code);
  if (!wanted || wanted.length > 40) return undefined;
  const budget = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 3));
  let best: Set<PlatformLanguage> = new Set();
  let bestDistance = budget + 1;
  for (const language of PLATFORM_LANGUAGES) {
    for (const candidate of [language.code, language.name, ...(language.otherNames ?? [])]) {
      const distance = boundedEditDistance(wanted, nameKey(candidate), budget);
      if (distance < bestDistance) {
        best = new Set([language]);
        bestDistance = distance;
      } else if (distance === bestDistance && distance <= budget) best.add(language);
    }
  }
  return best.size === 1 ? [...best][0] : undefined;
}
