// The languages the platform lists, and the languages a bot declares in bot.json. The list is the
// table "Supported languages" of the localization page of the Yellow.ai documentation (source
// repository yellowmessenger/documentation, docs/platform_concepts/studio/build/localization.md,
// as of 2025-09-29; shared/reference/platform-facts.md, "Languages"). Codes are compared without
// regard to case, and the forms the page used before are aliases: `zh-cn` (now `zh-CN`), `ca` (the
// page's code for French - Canada until 2024-11, now `fr-CA`).
import type { BotConfig } from './botConfig';

/** One language of the platform's list. */
export interface PlatformLanguage {
  /** The code as the platform lists it now (`hi`, `zh-CN`, `pt-br`, `Kk`). */
  readonly code: string;
  /** The English name, as the page writes it (`Hindi`, `French - Canada`). */
  readonly name: string;
  /**
   * Other English names the page gives the language in parentheses (`Bangla` for Bengali), which
   * a Translations column (`bangla_text`) may use.
   */
  readonly otherNames?: readonly string[];
}

/**
 * The languages with a code on the platform's page, one entry per code (the page lists English,
 * Arabic and Spanish several times, by region, with one code). Languages the page lists without a
 * code (Cantonese, Chinese - Traditional, Javanese, Hmong…) cannot be declared by code and are not here.
 */
export const PLATFORM_LANGUAGES: readonly PlatformLanguage[] = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: 'Chinese - Simplified', otherNames: ['Simplified Chinese'] },
  { code: 'ar', name: 'Arabic' },
  { code: 'af', name: 'Afrikaans' },
  { code: 'sq', name: 'Albanian' },
  { code: 'am', name: 'Amharic' },
  { code: 'hy', name: 'Armenian' },
  { code: 'az', name: 'Azerbaijani' },
  { code: 'eu', name: 'Basque' },
  { code: 'be', name: 'Belarusian' },
  { code: 'bn', name: 'Bengali', otherNames: ['Bangla'] },
  { code: 'bs', name: 'Bosnian' },
  { code: 'bg', name: 'Bulgarian' },
  { code: 'my', name: 'Burmese' },
  { code: 'co', name: 'Corsican' },
  { code: 'hr', name: 'Croatian' },
  { code: 'cs', name: 'Czech' },
  { code: 'da', name: 'Danish' },
  { code: 'nl', name: 'Dutch' },
  { code: 'eo', name: 'Esperanto' },
  { code: 'et', name: 'Estonian' },
  { code: 'tl', name: 'Filipino', otherNames: ['Tagalog'] },
  { code: 'fi', name: 'Finnish' },
  { code: 'fr', name: 'French', otherNames: ['French - France'] },
  { code: 'fr-CA', name: 'French - Canada', otherNames: ['Canadian French'] },
  { code: 'gl', name: 'Galician' },
  { code: 'ka', name: 'Georgian' },
  { code: 'de', name: 'German' },
  { code: 'el', name: 'Greek' },
  { code: 'gu', name: 'Gujarati' },
  { code: 'ht', name: 'Haitian Creole' },
  { code: 'ha', name: 'Hausa' },
  { code: 'he', name: 'Hebrew' },
  { code: 'hi', name: 'Hindi' },
  { code: 'hu', name: 'Hungarian' },
  { code: 'is', name: 'Icelandic' },
  { code: 'ig', name: 'Igbo' },
  { code: 'id', name: 'Indonesian' },
  { code: 'ga', name: 'Irish' },
  { code: 'it', name: 'Italian' },
  { code: 'ja', name: 'Japanese' },
  { code: 'kn', name: 'Kannada' },
  { code: 'Kk', name: 'Kazakh' },
  { code: 'km', name: 'Khmer', otherNames: ['Central Khmer'] },
  { code: 'rw', name: 'Kinyarwanda' },
  { code: 'ky', name: 'Kyrgyz', otherNames: ['Kirghiz'] },
  { code: 'ko', name: 'Korean' },
  { code: 'ku', name: 'Kurdish', otherNames: ['Kurmanji'] },
  { code: 'lo', name: 'Lao' },
  { code: 'la', name: 'Latin' },
  { code: 'lv', name: 'Latvian' },
  { code: 'lt', name: 'Lithuanian' },
  { code: 'lb', name: 'Luxembourgish', otherNames: ['Letzeburgesch'] },
  { code: 'mk', name: 'Macedonian' },
  { code: 'mg', name: 'Malagasy' },
  { code: 'ms', name: 'Malay' },
  { code: 'ml', name: 'Malayalam' },
  { code: 'mt', name: 'Maltese' },
  { code: 'mr', name: 'Marathi' },
  { code: 'mn', name: 'Mongolian' },
  { code: 'ne', name: 'Nepali' },
  { code: 'no', name: 'Norwegian', otherNames: ['Bokmål', 'Nynorsk'] },
  { code: 'ny', name: 'Nyanja', otherNames: ['Chewa', 'Chichewa'] },
  { code: 'or', name: 'Odia', otherNames: ['Oriya'] },
  { code: 'ps', name: 'Pashto' },
  { code: 'fa', name: 'Persian' },
  { code: 'pl', name: 'Polish' },
  { code: 'pt-br', name: 'Portuguese (Brazil)', otherNames: ['Brazilian Portuguese'] },
  { code: 'pt', name: 'Portuguese (Portugal)', otherNames: ['Portuguese'] },
  { code: 'pa', name: 'Punjabi', otherNames: ['Gurmukhi'] },
  { code: 'ro', name: 'Romanian' },
  { code: 'ru', name: 'Russian' },
  { code: 'sm', name: 'Samoan' },
  { code: 'gd', name: 'Scottish Gaelic' },
  { code: 'sr', name: 'Serbian' },
  { code: 'sn', name: 'Shona' },
  { code: 'sd', name: 'Sindhi' },
  { code: 'si', name: 'Sinhala', otherNames: ['Sinhalese'] },
  { code: 'sk', name: 'Slovak' },
  { code: 'sl', name: 'Slovenian' },
  { code: 'so', name: 'Somali' },
  { code: 'es', name: 'Spanish' },
  { code: 'su', name: 'Sundanese' },
  { code: 'sw', name: 'Swahili' },
  { code: 'sv', name: 'Swedish' },
  { code: 'tg', name: 'Tajik' },
  { code: 'ta', name: 'Tamil' },
  { code: 'tt', name: 'Tatar' },
  { code: 'te', name: 'Telugu' },
  { code: 'th', name: 'Thai' },
  { code: 'tr', name: 'Turkish' },
  { code: 'tk', name: 'Turkmen' },
  { code: 'ug', name: 'Uyghur', otherNames: ['Uighur'] },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ur', name: 'Urdu' },
  { code: 'uz', name: 'Uzbek' },
  { code: 'vi', name: 'Vietnamese' },
  { code: 'cy', name: 'Welsh' },
  { code: 'xh', name: 'Xhosa' },
  { code: 'yi', name: 'Yiddish' },
  { code: 'yo', name: 'Yoruba' },
  { code: 'zu', name: 'Zulu' },
];

/** The codes the page used before, by the code they are now (compared without case). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { ca: 'fr-CA' };

const byCode = new Map<string, PlatformLanguage>(PLATFORM_LANGUAGES.map((language) => [language.code.toLowerCase(), language]));
for (const [alias, code] of Object.entries(LANGUAGE_ALIASES)) byCode.set(alias.toLowerCase(), byCode.get(code.toLowerCase())!);

/** The platform's language of a code, compared without case, aliases included; undefined when the platform lists none. */
export function languageOf(code: string): PlatformLanguage | undefined {
  return byCode.get(code.trim().toLowerCase());
}

/** A language for messages: `Hindi (hi)`. */
export function describeLanguage(language: PlatformLanguage): string {
  return `${language.name} (${language.code})`;
}

/**
 * A name as a column header spells it, reduced to lower-case letters and digits: `French - Canada`
 * and `french_canada` are `frenchcanada`, `Bokmål` is `bokmal`.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The languages by `nameKey` of their names, and of their codes; made on first use, since
 * `nameKey`'s Unicode expressions cost some 1 ms of every start of the command line.
 */
let nameTables: { byName: Map<string, PlatformLanguage>; codeKeys: Map<string, PlatformLanguage> } | undefined;

function namesOfLanguages(): { byName: Map<string, PlatformLanguage>; codeKeys: Map<string, PlatformLanguage> } {
  if (nameTables) return nameTables;
  const byName = new Map<string, PlatformLanguage>();
  for (const language of PLATFORM_LANGUAGES) {
    for (const name of [language.name, ...(language.otherNames ?? [])]) if (!byName.has(nameKey(name))) byName.set(nameKey(name), language);
  }
  const codeKeys = new Map<string, PlatformLanguage>([...byCode].map(([code, language]) => [nameKey(code), language]));
  return (nameTables = { byName, codeKeys });
}

/**
 * The language a name or code in a column header stands for: the English name (`hindi`,
 * `french canada`, `bangla`), or the code (`hi`, `zh-CN`), each compared as `nameKey` reduces it.
 * Undefined when it is neither.
 */
export function languageNamed(name: string): PlatformLanguage | undefined {
  const key = nameKey(name);
  const { byName, codeKeys } = namesOfLanguages();
  return byName.get(key) ?? codeKeys.get(key);
}

/** What a bot has of languages: those bot.json declares that the platform lists, and its default. */
export interface BotLanguages {
  /** Whether bot.json declares `languages`; when not, the bot is taken to speak English only. */
  readonly declared: boolean;
  /** The languages, each once, in the order bot.json lists them, the default first when it is not listed. */
  readonly languages: readonly PlatformLanguage[];
  /** The default language (`defaultLanguage`, else the first listed; English when nothing is declared). */
  readonly defaultLanguage: PlatformLanguage;
}

const ENGLISH = languageOf('en')!;

/**
 * The languages of a bot from what bot.json declares. Codes the platform does not list are left
 * out (`unknown-language` reports them). A bot that declares no languages speaks English: the
 * Translations export's one mandatory text column is `english_text`.
 */
export function botLanguagesOf(config: Pick<BotConfig, 'languages' | 'defaultLanguage'>): BotLanguages {
  const listed: PlatformLanguage[] = [];
  for (const code of config.languages ?? []) {
    const language = languageOf(code.value);
    if (language && !listed.includes(language)) listed.push(language);
  }
  const named = config.defaultLanguage && languageOf(config.defaultLanguage.value);
  const declared = config.languages !== undefined || config.defaultLanguage !== undefined;
  const defaultLanguage = named ?? listed[0] ?? ENGLISH;
  const languages = listed.includes(defaultLanguage) ? listed : [defaultLanguage, ...listed];
  return { declared, languages, defaultLanguage };
}
