// translation-text-missing: a translation key a banner renders (its title, a button's label or
// text) has no text, or an empty one, in a language the bot declares: customers in that language
// see the call's fallback (empty, in the platform's localized banner). Reported at the use in the
// function file and on the key's row, each with the other as related information.
import { relativePath } from '../../model/botFile';
import { describeLanguage, type PlatformLanguage } from '../../model/languages';
import { translationColumnName } from '../../model/translations';
import {
  botLanguages,
  localizedUsesOf,
  projectLocalizedUses,
  projectTranslationsOf,
  type LocalizedUse,
  type TranslationEntry,
} from '../../analysis/translations';
import type { BotProject } from '../../project/project';
import { defineProjectRule } from '../rule';
import { describeRole, fallbackShown, rowPlace, usePlace } from '../translationPlaces';

export const translationTextMissing = defineProjectRule({
  code: 'translation-text-missing',
  severity: 'error',
  scope: 'project',
  description: 'A translation key a banner renders has no text, or an empty one, in a language the bot declares.',
  explanation:
    "A banner localized with `app.renderMessage` shows each key's text in the customer's language, and the call's fallback when there is none. The platform's own localized banner gives its titles an empty fallback: a key without Hindi text shows Hindi customers a banner with no title (or a button with no label, or one that sends nothing), so they do not learn how to leave the agent.",
  kinds: ['function', 'translation'],
  fixable: false,
  messages: {
    atUse: ({ key, languages, file, row, role, shown }: { key: string; languages: string; file: string; row: number; role: string; shown: string }) =>
      `the translation key \`${key}\`, ${role}, has no text in ${languages} (${file}, row ${row}): customers in those languages see ${shown}`,
    noColumn: ({
      key,
      language,
      name,
      column,
      role,
      shown,
    }: {
      key: string;
      language: string;
      name: string;
      column: string;
      role: string;
      shown: string;
    }) => `no \`${column}\` column: \`${key}\`, ${role}, has no ${language} text, a language bot.json declares: customers in ${name} see ${shown}`,
    emptyText: ({ key, language, name, role, shown }: { key: string; language: string; name: string; role: string; shown: string }) =>
      `\`${key}\`, ${role}, has an empty ${language} text, a language bot.json declares: customers in ${name} see ${shown}`,
  },
  check(file, project, report) {
    const translations = projectTranslationsOf(project);
    if (!translations.present) return;
    const { languages } = botLanguages(project);
    if (file.kind === 'function') {
      for (const use of localizedUsesOf(file)) {
        const entry = bannerUse(use) && translations.byKey.get(use.call.key.value);
        if (!entry) continue;
        const missing = languages.filter((language) => !hasText(entry, language));
        if (!missing.length) continue;
        report({
          offset: use.call.key.offset,
          length: use.call.key.length,
          messageId: 'atUse',
          data: {
            key: use.call.key.value,
            languages: missing.map(describeLanguage).join(', '),
            file: relativePath(project.root, entry.file.path),
            row: entry.row.row,
            role: describeRole(use.role),
            shown: fallbackShown(use.call.fallback, use.role),
          },
          related: missing.map((language) => rowPlace(project, entry, language)),
        });
      }
      return;
    }
    for (const [entry, uses] of usesByEntry(project, file)) {
      const [first] = uses;
      for (const language of languages) {
        if (hasText(entry, language)) continue;
        const cell = entry.row.text(language);
        const data = {
          key: entry.row.key,
          language: describeLanguage(language),
          name: language.name,
          role: describeRole(first.role),
          shown: fallbackShown(first.call.fallback, first.role),
        };
        const at = { offset: entry.row.keyCell.offset, length: entry.row.keyCell.length, related: uses.map((use) => usePlace(project, use)) };
        if (cell) report({ ...at, messageId: 'emptyText', data });
        else report({ ...at, messageId: 'noColumn', data: { ...data, column: translationColumnName(language) } });
      }
    }
  },
});

/** Whether a use of a key is in a banner (its title, a button's label or text). */
function bannerUse(use: LocalizedUse): boolean {
  return use.role !== 'other';
}

/** Whether the key has a text that is not blank in the language. */
function hasText(entry: TranslationEntry, language: PlatformLanguage): boolean {
  return !!entry.row.text(language)?.value.trim();
}

/** The keys of a translations file that banners render, each with its uses, in file order. */
function usesByEntry(project: BotProject, file: { path: string }): Map<TranslationEntry, LocalizedUse[]> {
  const translations = projectTranslationsOf(project);
  const found = new Map<TranslationEntry, LocalizedUse[]>();
  for (const use of projectLocalizedUses(project)) {
    const entry = bannerUse(use) ? translations.byKey.get(use.call.key.value) : undefined;
    if (!entry || entry.file.path !== file.path) continue;
    const list = found.get(entry);
    if (list) list.push(use);
    else found.set(entry, [use]);
  }
  return new Map([...found].sort(([a], [b]) => a.row.offset - b.row.offset));
}
