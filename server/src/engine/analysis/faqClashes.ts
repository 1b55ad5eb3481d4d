// What the FAQ check looks up across files: the questions and variations of every `faqs/*.csv` by
// the key `exitPhraseMatch` compares phrases by, and every exit phrase a banner offers (a button's
// text, the phrase a title asks to type, and a localized banner's phrase in each language) by the
// same key. Studio predicts FAQs and intents together (its utterance report flags clashes "across
// intents and FAQs", platform-facts.md "Languages"), so an FAQ equal to an exit phrase competes
// with the exit intent for the customer's click.
import { relativePath, type BotFile } from '../model/botFile';
import { faqsOf, type FaqPhrase, type FaqRow } from '../model/faqs';
import { describeLanguage } from '../model/languages';
import { phraseKey, type PhraseMatch } from '../phrases/phraseMatch';
import { cachedPerGeneration, type GenerationEntry } from '../project/dependencies';
import type { BotProject } from '../project/project';
import { indexOf } from './projectIndex';
import { exitPhrasesOf } from './exitPhrases';
import { localizedExitPhrases, localizedUsesOf, type LocalizedUse } from './translations';

/** A question or variation of an FAQs export. */
export interface FaqEntry {
  readonly file: BotFile;
  readonly row: FaqRow;
  readonly phrase: FaqPhrase;
}

/** An exit phrase of a banner and where a finding about it goes. */
export interface ExitPlace {
  readonly file: BotFile;
  /**
   * Where in `file` (0-based UTF-16 offset and length), worked out when asked: the range of a
   * journey's phrase needs the file's tree, which a check builds only when it reports.
   */
  range(): { readonly offset: number; readonly length: number };
  readonly phrase: string;
  /** What it is, for messages: `the exit phrase \`talk to bot\``, `the Hindi (hi) exit phrase \`…\``. */
  readonly description: string;
}

const faqCache = new WeakMap<BotProject, GenerationEntry<ReadonlyMap<string, readonly FaqEntry[]>>>();

/**
 * The questions and variations of the project's FAQs exports by `phraseKey` under `mode`, each list
 * in file and row order; worked out once per generation and mode (fact `files` of `faq`).
 */
export function faqsByPhrase(project: BotProject, mode: PhraseMatch): ReadonlyMap<string, readonly FaqEntry[]> {
  return cachedPerGeneration(faqCache, project, mode, () => {
    const byKey = new Map<string, FaqEntry[]>();
    for (const file of project.filesOfKind('faq')) {
      const faqs = file.readable ? faqsOf(file) : undefined;
      if (!faqs?.ok) continue;
      for (const row of faqs.rows) {
        for (const phrase of row.phrases) {
          const key = phraseKey(phrase.value, mode);
          const list = byKey.get(key);
          if (list) list.push({ file, row, phrase });
          else byKey.set(key, [{ file, row, phrase }]);
        }
      }
    }
    return byKey;
  });
}

/** The exit phrases of one journey or function file, where a finding about each goes. */
export function exitPlacesIn(project: BotProject, file: BotFile): ExitPlace[] {
  const places: ExitPlace[] = exitPhrasesOf(file).map((exit) => ({
    file,
    range: () => ({ offset: exit.offset, length: exit.length }),
    phrase: exit.phrase,
    description: `the exit phrase \`${exit.phrase}\``,
  }));
  if (file.kind === 'function') for (const use of localizedUsesOf(file)) for (const place of localizedPlaces(project, use)) places.push(place);
  return places;
}

/** The exit phrases of a localized banner in each language, each at the key its function renders. */
function localizedPlaces(project: BotProject, use: LocalizedUse): ExitPlace[] {
  return localizedExitPhrases(project, use).map((p) => ({
    file: use.file,
    range: () => ({ offset: use.call.key.offset, length: use.call.key.length }),
    phrase: p.phrase,
    description: `the ${describeLanguage(p.language)} exit phrase \`${p.phrase}\` (\`${use.call.key.value}\`)`,
  }));
}

const exitCache = new WeakMap<BotProject, GenerationEntry<ReadonlyMap<string, readonly ExitPlace[]>>>();

/**
 * Every exit phrase of the project's banners by `phraseKey` under `mode` (reads every banner fact
 * and the function files): what the FAQs files are checked against.
 */
export function exitPlacesByPhrase(project: BotProject, mode: PhraseMatch): ReadonlyMap<string, readonly ExitPlace[]> {
  return cachedPerGeneration(exitCache, project, mode, () => {
    const byKey = new Map<string, ExitPlace[]>();
    const add = (place: ExitPlace) => {
      const key = phraseKey(place.phrase, mode);
      const list = byKey.get(key);
      if (list) list.push(place);
      else byKey.set(key, [place]);
    };
    for (const { exit, file } of indexOf(project).bannerPhrases)
      add({
        file,
        range: () => ({ offset: exit.offset, length: exit.length }),
        phrase: exit.phrase,
        description: `the exit phrase \`${exit.phrase}\``,
      });
    // The index holds the banners of journeys; those of function files are read here.
    for (const file of project.filesOfKind('function')) for (const place of exitPlacesIn(project, file)) add(place);
    return byKey;
  });
}

/** An FAQ's place for messages: `faqs/faqs.csv, row 3`. */
export function describeFaq(project: BotProject, entry: FaqEntry): string {
  return `${relativePath(project.root, entry.file.path)}, row ${entry.row.row}`;
}
