// Where the translation checks report, and what they relate: a use of a key in a function file
// (the key's literal in `app.renderMessage`), and a key's row or text in a translations file. A
// finding about both is reported at each, with the other as related information (as the live
// checks do with a report row and a banner, liveReport.ts).
import { relativePath } from '../model/botFile';
import type { RelatedLocation } from '../findings';
import { describeLanguage, type PlatformLanguage } from '../model/languages';
import type { LocalizedRole, LocalizedUse, TranslationEntry } from '../analysis/translations';
import type { BotProject } from '../project/project';

/** What a rendered key is, for messages: `the title of a banner`. */
export function describeRole(role: LocalizedRole): string {
  switch (role) {
    case 'bannerTitle':
      return 'the title of a banner';
    case 'optionTitle':
      return "a banner button's label";
    case 'optionText':
      return 'the text a banner button sends';
    default:
      return 'a reply';
  }
}

/** A use of a key as related information: `the title of a banner renders `key` (functions/x.js)`. */
export function usePlace(project: BotProject, use: LocalizedUse): RelatedLocation {
  return {
    file: use.file.path,
    offset: use.call.key.offset,
    length: use.call.key.length,
    message: `${describeRole(use.role)} renders \`${use.call.key.value}\` (${relativePath(project.root, use.file.path)})`,
  };
}

/** A key's row (its key cell) as related information: `key `k`, translations/x.csv row 3`. */
export function rowPlace(
  project: BotProject,
  entry: TranslationEntry,
  language?: PlatformLanguage,
  range?: { offset: number; length: number },
): RelatedLocation {
  const where = range ?? entry.row.keyCell;
  const text = language ? `the ${describeLanguage(language)} text of \`${entry.row.key}\`` : `the key \`${entry.row.key}\``;
  return {
    file: entry.file.path,
    offset: where.offset,
    length: where.length,
    message: `${text}, ${relativePath(project.root, entry.file.path)} row ${entry.row.row}`,
  };
}

/** What customers see of a key without text (`customers see …`), from its fallback and what it is used for. */
export function fallbackShown(fallback: LocalizedUse['call']['fallback'], role: LocalizedRole): string {
  if (fallback.kind === 'computed') return 'the fallback the code computes';
  if (fallback.kind === 'none') return 'whatever the platform shows without a fallback (the call gives none, and the platform does not document it)';
  if (fallback.value.value.trim()) return `the fallback \`${fallback.value.value}\``;
  const empty = 'the fallback, which is empty';
  switch (role) {
    case 'bannerTitle':
      return `${empty}: the banner has no title`;
    case 'optionTitle':
      return `${empty}: the button has no label`;
    case 'optionText':
      return `${empty}: the button sends nothing`;
    default:
      return empty;
  }
}
