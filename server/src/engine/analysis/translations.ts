// What the translation checks look up across files: the project's translation keys (from every
// `translations/*.csv`), where function code uses a key and for what (a banner's title, a button's
// label or text), and the exit phrase a localized banner offers in each of the bot's languages.
// The platform's localized banner (chat-widget FAQ, platform-facts.md "Languages") renders its
// titles with `app.renderMessage`; a banner without buttons asks the customer to type the phrase
// its title quotes, so in each language the phrase is the one that language's text quotes.
import type * as jsonc from 'jsonc-parser';
import type { BotFile } from '../model/botFile';
import { type BannerModel, typedPhraseIn } from '../model/bannerPayload';
import { rangeInCell, type CsvCell, type TextRange } from '../model/csvTable';
import { readFunctionCode, renderMessageOf, type RenderMessageCall } from '../model/functionCode';
import { botLanguagesOf, type BotLanguages, type PlatformLanguage } from '../model/languages';
import { hasTemplate } from '../model/template';
import { translationsOf, type TranslationRow } from '../model/translations';
import { cachedPerGeneration, type GenerationEntry } from '../project/dependencies';
import type { BotProject } from '../project/project';
import { bannerPayloadsOf } from './exitPhrases';

/** A key of the project's translations: the row that defines it and the file it is in. */
export interface TranslationEntry {
  readonly file: BotFile;
  readonly row: TranslationRow;
}

/** The translation keys of a project. */
export interface ProjectTranslations {
  /** Whether the project keeps a translations file at all (without one, its keys live only in Studio). */
  readonly present: boolean;
  /**
   * Whether every translations file was read and is a Translations export: when one is not, a key
   * no other file defines may be in it, and the checks say nothing of missing keys.
   */
  readonly complete: boolean;
  /** Each key's first row, in the project's file order. */
  readonly byKey: ReadonlyMap<string, TranslationEntry>;
}

const translationsCache = new WeakMap<BotProject, GenerationEntry<ProjectTranslations>>();

/** The project's translation keys, worked out once per project generation (fact `files` of `translation`). */
export function projectTranslationsOf(project: BotProject): ProjectTranslations {
  return cachedPerGeneration(translationsCache, project, '', () => {
    const files = project.filesOfKind('translation');
    const byKey = new Map<string, TranslationEntry>();
    let complete = true;
    for (const file of files) {
      const read = file.readable ? translationsOf(file) : undefined;
      if (!read?.ok) {
        complete = false;
        continue;
      }
      for (const [key, row] of read.byKey) if (!byKey.has(key)) byKey.set(key, { file, row });
    }
    return { present: files.length > 0, complete, byKey };
  });
}

/**
 * What a rendered key is in a banner: its `title`, a button's `title` (its label), a button's
 * `text` (the message a click sends), or none of them (`other`: a reply of the function's own).
 */
export type LocalizedRole = 'bannerTitle' | 'optionTitle' | 'optionText' | 'other';

/** An `app.renderMessage` call of a function file and what its text is used for. */
export interface LocalizedUse {
  readonly file: BotFile;
  readonly call: RenderMessageCall;
  readonly role: LocalizedRole;
  /**
   * Whether the text is an exit phrase's: the title of a banner without buttons (in each language
   * it quotes the phrase to type), or a button's `text` (the phrase itself).
   */
  readonly exit: 'typed' | 'option' | undefined;
  /** The banner the key is rendered in (none for `other`). */
  readonly banner?: BannerModel;
}

const USES = Symbol('localized uses');

/** The `app.renderMessage` calls of a function file with what each is for, in file order (once per file version). */
export function localizedUsesOf(file: BotFile): readonly LocalizedUse[] {
  return file.derived(USES, () => {
    if (file.kind !== 'function' || !file.readable) return [];
    const inBanners = new Map<RenderMessageCall, Omit<LocalizedUse, 'file' | 'call'>>();
    for (const { payload } of bannerPayloadsOf(file)) {
      for (const banner of payload.banners) {
        if (banner.kind !== 'text' || banner.node.type !== 'object') continue;
        const title = renderMessageOf(banner.title);
        // As the banner reader reads a typed phrase: no buttons, and `options` (if any) a list.
        const typed = !banner.options.length && (!banner.optionsNode || banner.optionsNode.type === 'array');
        if (title) inBanners.set(title, { role: 'bannerTitle', exit: typed ? 'typed' : undefined, banner });
        for (const option of banner.options) {
          const label = renderMessageOf(option.title);
          const text = renderMessageOf(option.text);
          if (label) inBanners.set(label, { role: 'optionTitle', exit: undefined, banner });
          if (text) inBanners.set(text, { role: 'optionText', exit: 'option', banner });
        }
      }
    }
    // The banner reader's calls are the literal tree's; the file's own list has the same calls by range.
    const byOffset = new Map([...inBanners].map(([call, use]) => [call.key.offset, use]));
    return readFunctionCode(file).renderMessages.map((call): LocalizedUse => ({
      file,
      call,
      ...(byOffset.get(call.key.offset) ?? { role: 'other', exit: undefined }),
    }));
  });
}

/** Every use of a translation key in the project's function files, in project order (fact `files` of `function`). */
export function projectLocalizedUses(project: BotProject): LocalizedUse[] {
  return project.filesOfKind('function').flatMap((file) => localizedUsesOf(file));
}

/** The exit phrase a localized banner offers in one language. */
export interface LocalizedExitPhrase {
  readonly use: LocalizedUse;
  readonly language: PlatformLanguage;
  /** The phrase: the words the language's title quotes, or the language's text of a button. */
  readonly phrase: string;
  readonly kind: 'typed' | 'option';
  /** The row of the key. */
  readonly entry: TranslationEntry;
  /** The cell of the language's text in the translations file. */
  readonly cell: CsvCell;
  /** The range of the phrase in the translations file (the quoted words of a title). */
  readonly range: TextRange;
}

/**
 * The exit phrases of a use of a key (a banner title that asks to type a phrase, a button's text),
 * one per language of the bot whose text of the key has one, in the bot's order of languages. None
 * for other uses, for a key no translations file defines, and for a text that is empty, quotes
 * nothing, or holds a template (known only when the banner is sent).
 */
export function localizedExitPhrases(project: BotProject, use: LocalizedUse, languages = botLanguagesOf(project.config)): LocalizedExitPhrase[] {
  if (!use.exit) return [];
  const entry = projectTranslationsOf(project).byKey.get(use.call.key.value);
  if (!entry) return [];
  const phrases: LocalizedExitPhrase[] = [];
  for (const language of languages.languages) {
    const cell = entry.row.text(language);
    if (!cell || hasTemplate(cell.value)) continue;
    const found = use.exit === 'typed' ? typedPhraseIn(cell.value) : phraseOf(cell.value);
    if (!found) continue;
    const range = rangeInCell(entry.file.text, cell, found.start, found.phrase.length);
    phrases.push({ use, language, phrase: found.phrase, kind: use.exit, entry, cell, range });
  }
  return phrases;
}

/** A button's text as its phrase: trimmed, with where it starts; undefined when blank. */
function phraseOf(value: string): { phrase: string; start: number } | undefined {
  const phrase = value.trim();
  return phrase ? { phrase, start: value.indexOf(phrase) } : undefined;
}

/** The bot's languages (fact `config`). */
export function botLanguages(project: BotProject): BotLanguages {
  return botLanguagesOf(project.config);
}

/**
 * The text a string of a banner's data shows in the bot's default language. For a rendered key (a
 * node `renderMessageOf` knows: `app.renderMessage('<key>', params, fallback)`), the key's text in
 * that language from the project's translations, else the literal fallback, else undefined (the
 * text is known only in Studio); for any other node, its string value, or undefined when it is not
 * a string. The platform renders the key in the customer's language (platform-facts.md "Languages").
 */
export function shownTextOf(project: BotProject, file: BotFile, node: jsonc.Node): string | undefined {
  const call = renderMessageOf(node);
  if (!call) {
    const value = file.valueAt(node);
    return typeof value === 'string' ? value : undefined;
  }
  const text = projectTranslationsOf(project).byKey.get(call.key.value)?.row.text(botLanguages(project).defaultLanguage)?.value;
  if (text && !hasTemplate(text)) return text;
  return call.fallback.kind === 'literal' && call.fallback.value.value ? call.fallback.value.value : undefined;
}
