// bulk-file-unreadable: a CSV in translations/ or faqs/ is not the bulk export Studio writes (another
// CSV, a header renamed, a quote never closed, nothing at all), so none of its rows are read; or one
// of its language columns names no language the platform lists. One finding says why, instead of
// silence or a crash.
import { faqsOf } from '../../model/faqs';
import { describeLanguage, type PlatformLanguage } from '../../model/languages';
import { translationColumnName, translationsOf } from '../../model/translations';
import { replaceCsvValue } from '../../edits/edits';
import { fileEdit } from '../fixes';
import { defineFileRule } from '../rule';
import { suggestedLanguage } from './unknown-language';

type Export = 'Translations' | 'FAQs';

export const bulkFileUnreadable = defineFileRule({
  code: 'bulk-file-unreadable',
  severity: 'warning',
  scope: 'file',
  description: 'A CSV in translations/ or faqs/ is not the export Studio writes, or a language column names no language.',
  explanation:
    "Handoff Kit reads Studio's Translations and FAQs bulk exports to check a multilingual bot's banner texts and exit phrases. A file of another shape (or one whose header was edited) would silently say nothing; a column such as `hindhi_text` would leave that language's texts unread. This finding says what was not read, and why.",
  kinds: ['translation', 'faq'],
  fixable: true,
  messages: {
    unreadable: ({ kind, reason }: { kind: Export; reason: string }) => `not read as Studio's ${kind} export: ${reason}`,
    unknownColumn: ({ column, suggestion, language }: { column: string; suggestion?: string; language?: string }) =>
      `column \`${column}\` names no language the platform lists, so its texts are not read${suggestion ? `; did you mean \`${suggestion}\` (${language})?` : ''}`,
  },
  check(file, report) {
    const kind: Export = file.kind === 'faq' ? 'FAQs' : 'Translations';
    const read = file.kind === 'faq' ? faqsOf(file) : translationsOf(file);
    if (!read.ok) {
      report({ offset: read.range.offset, length: read.range.length, messageId: 'unreadable', data: { kind, reason: read.problem } });
      return;
    }
    for (const header of read.unknownColumns) {
      const column = header.value.trim();
      const language = suggestedLanguage(languagePart(column, file.kind === 'faq'));
      report({
        offset: header.offset,
        length: header.length,
        messageId: 'unknownColumn',
        data: {
          column,
          ...(language ? { suggestion: columnName(language, file.kind === 'faq'), language: describeLanguage(language) } : {}),
        },
      });
    }
  },
  fixes({ file, finding }) {
    if (finding.messageId !== 'unknownColumn' || !finding.data.suggestion) return [];
    const { suggestion } = finding.data;
    return [fileEdit(file, `Change to \`${suggestion}\``, [replaceCsvValue(finding, suggestion, file.text)], true)];
  },
});

/** The part of a column's header that names the language: `hindhi` of `hindhi_text`, `hn` of `answer_hn`. */
function languagePart(column: string, faq: boolean): string {
  return faq ? column.replace(/^answer[\s_-]*/i, '') : column.replace(/[\s_-]*text$/i, '');
}

/** The header of a language's column as Studio writes it: `hindi_text`, `answer_hi`. */
function columnName(language: PlatformLanguage, faq: boolean): string {
  return faq ? `answer_${language.code}` : translationColumnName(language);
}
