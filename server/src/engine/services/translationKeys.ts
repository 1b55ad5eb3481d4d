// What the editor shows of a translation key (in its hover, and beside it in completion): its text
// in every language, the row that defines it, and the banners that render it.
import { relativePath } from '../model/botFile';
import { describeLanguage, type PlatformLanguage } from '../model/languages';
import { translationsOf } from '../model/translations';
import { botLanguages, projectLocalizedUses, projectTranslationsOf, type TranslationEntry } from '../analysis/translations';
import type { BotProject } from '../project/project';

/** The languages a key's texts are shown in: the bot's, then any other column of its file, each once. */
function languagesOf(project: BotProject, entry: TranslationEntry): PlatformLanguage[] {
  const languages = [...botLanguages(project).languages];
  const read = translationsOf(entry.file);
  if (read.ok) for (const column of read.columns) if (!languages.includes(column.language)) languages.push(column.language);
  return languages;
}

/** A text in a Markdown table cell: its pipes escaped, its line breaks as spaces. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * The hover of a translation key: its text in every language (the bot's first; a language the bot
 * declares without a text says so), the row that defines it, and the banners that render it.
 */
export function translationKeyMarkdown(project: BotProject, key: string): string {
  const translations = projectTranslationsOf(project);
  const entry = translations.byKey.get(key);
  if (!entry) {
    const why = translations.present ? 'no translations file defines it' : 'the project keeps no translations file (`translations/*.csv`)';
    return `**translation key** \`${key}\`\n\n_${why}_: \`app.renderMessage\` shows the call's fallback.`;
  }
  const declared = botLanguages(project).languages;
  const rows = languagesOf(project, entry).map((language) => {
    const text = entry.row.text(language)?.value;
    const shown = text?.trim() ? cell(text) : declared.includes(language) ? '_no text: the fallback is shown_' : '';
    return `| ${describeLanguage(language)} | ${shown} |`;
  });
  const uses = projectLocalizedUses(project)
    .filter((use) => use.call.key.value === key)
    .map(
      (use) =>
        `${relativePath(project.root, use.file.path)}${use.role === 'other' ? '' : ` (${use.role === 'bannerTitle' ? 'banner title' : use.role === 'optionTitle' ? 'button label' : 'button text'})`}`,
    );
  return [
    `**translation key** \`${key}\` (${relativePath(project.root, entry.file.path)}, row ${entry.row.row})`,
    '',
    '| language | text |',
    '| --- | --- |',
    ...rows,
    ...(uses.length ? ['', `Rendered by ${[...new Set(uses)].join(', ')}.`] : []),
  ].join('\n');
}
