// translated-exit-phrase-mismatch: a localized banner's exit phrase in one of the bot's languages (the
// phrase that language's title asks to type, or that language's text of a button) is not an
// utterance of the exit intent. An intent has one list of utterances for every language, and no
// page promises that an utterance in one language catches a phrase typed in another
// (platform-facts.md, "Languages"): the Hindi phrase must itself be an utterance of the intent the
// default language's phrase starts. Reported at the key in the function file and at the phrase in
// the translations file, each with the other as related information.
import { relativePath, type BotFile } from '../../model/botFile';
import { replaceCsvValue, type ProjectEdit, type TextChange } from '../../edits/edits';
import { indexOf, type UtteranceEntry } from '../../analysis/projectIndex';
import {
  botLanguages,
  localizedExitPhrases,
  localizedUsesOf,
  projectLocalizedUses,
  type LocalizedExitPhrase,
  type LocalizedUse,
} from '../../analysis/translations';
import { describeLanguage } from '../../model/languages';
import { describeDifference, nearness, phraseDifference, type PhraseDifference, type PhraseMatch } from '../../phrases/phraseMatch';
import type { RelatedLocation } from '../../findings';
import type { BotProject } from '../../project/project';
import { fileEdit } from '../fixes';
import { defineProjectRule } from '../rule';
import { rowPlace, usePlace } from '../translationPlaces';
import { addUtteranceFix, intentsToTrain, MAX_INTENT_FIXES } from './option-text-mismatch';

/** What every message says of the phrase: the key, the language and the phrase. */
interface PhraseData {
  readonly phrase: string;
  readonly kind: 'typed' | 'option';
  readonly key: string;
  /** `Hindi (hi)`. */
  readonly language: string;
  /** `Hindi`. */
  readonly name: string;
  /** The language's code as the platform lists it (`hi`). */
  readonly code: string;
  /** The exit intent: the intent the default language's phrase (else another language's) is an utterance of. */
  readonly exitIntent?: string;
}

type Suggestion = { readonly suggestion: string; readonly intent: string; readonly file: string };

const what = ({ kind, key, language, phrase }: PhraseData) =>
  kind === 'typed'
    ? `the phrase the ${language} text of \`${key}\` asks to type, \`${phrase}\`,`
    : `the ${language} text of the button \`${key}\`, \`${phrase}\`,`;
const intentOf = ({ exitIntent }: PhraseData) => (exitIntent ? `the exit intent \`${exitIntent}\`` : 'any intent');

export const translatedExitPhraseMismatch = defineProjectRule({
  code: 'translated-exit-phrase-mismatch',
  severity: 'error',
  scope: 'project',
  description: "A localized banner's exit phrase in one of the bot's languages is not an utterance of the exit intent.",
  explanation:
    "A banner localized with `app.renderMessage` asks the customer to type, in their language, the phrase its title quotes (or sends its button's text in that language). An intent has one list of utterances for every language, and the platform promises nothing across languages: unless the Hindi phrase is itself an utterance of the exit intent, a customer who reads the banner in Hindi and types what it says stays with the live agent.",
  kinds: ['function', 'translation'],
  fixable: true,
  messages: {
    untrained: (data: PhraseData) =>
      `${what(data)} is not an utterance of ${intentOf(data)}: customers who read the banner in ${data.name} cannot leave the agent`,
    otherIntent: (data: PhraseData & { intent: string }) =>
      `${what(data)} is an utterance of intent \`${data.intent}\`, not of ${intentOf(data)}: customers who read the banner in ${data.name} start that intent's journeys instead`,
    near: (data: PhraseData & Suggestion) =>
      `${what(data)} is not an utterance of ${intentOf(data)}; did you mean \`${data.suggestion}\` (intent \`${data.intent}\`, ${data.file})?`,
    lookAlike: (data: PhraseData & Suggestion & { difference: PhraseDifference }) =>
      `${what(data)} is not an utterance of ${intentOf(data)}: it looks like \`${data.suggestion}\` (intent \`${data.intent}\`, ${data.file}) but ${describeDifference(data.difference)}`,
  },
  check(file, project, report, { phraseMatch }) {
    // An intent file that was not read may be trained with the phrase: nothing definite to say.
    const uses = file.kind === 'function' ? localizedUsesOf(file).filter((use) => use.exit) : projectLocalizedUses(project).filter((use) => use.exit);
    if (!uses.length || project.unreadFiles('intent').length) return;
    for (const use of uses) {
      for (const { phrase, problem } of verdictsOf(project, use, phraseMatch)) {
        if (!problem) continue;
        const onRow = file.kind === 'translation';
        if (onRow && phrase.entry.file.path !== file.path) continue;
        const where = onRow ? phrase.range : use.call.key;
        const related = [onRow ? usePlace(project, use) : rowPlace(project, phrase.entry, phrase.language, phrase.range), ...problem.related];
        report({ offset: where.offset, length: where.length, ...problem.finding, related });
      }
    }
  },
  fixes({ project, file, finding }) {
    const phrase = phraseOfFinding(project, file, finding);
    if (!phrase) return [];
    const fixes: ProjectEdit[] = [];
    const data = finding.data;
    if (finding.messageId === 'near' || finding.messageId === 'lookAlike') {
      const { suggestion, intent } = finding.data;
      const change = cellChange(phrase, suggestion);
      if (change) fixes.push(fileEdit(phrase.entry.file, `Change to \`${suggestion}\` (intent \`${intent}\`)`, [change], true));
    }
    const index = indexOf(project);
    const exitIntent = data.exitIntent ? index.intentsByName.get(data.exitIntent)?.[0] : undefined;
    if (exitIntent && data.exitIntent) {
      const fix = addUtteranceFix(exitIntent.file, data.exitIntent, data.phrase);
      // Training the exit intent with the phrase its banner asks for is what was missing, unless
      // another intent has the phrase (then both would be trained with it).
      if (fix) fixes.push(finding.messageId === 'untrained' ? { ...fix, preferred: true } : fix);
      return fixes;
    }
    const near = finding.messageId === 'near' || finding.messageId === 'lookAlike' ? finding.data.intent : undefined;
    for (const { file: intentFile, name } of intentsToTrain(project, near).slice(0, MAX_INTENT_FIXES)) {
      const fix = addUtteranceFix(intentFile, name, data.phrase);
      if (fix) fixes.push(fix);
    }
    return fixes;
  },
});

/** A phrase's problem: the message and data of its findings, and the utterance it is near (related). */
interface Problem {
  readonly finding:
    | { readonly messageId: 'untrained'; readonly data: PhraseData }
    | { readonly messageId: 'otherIntent'; readonly data: PhraseData & { intent: string } }
    | { readonly messageId: 'near'; readonly data: PhraseData & Suggestion }
    | { readonly messageId: 'lookAlike'; readonly data: PhraseData & Suggestion & { difference: PhraseDifference } };
  readonly related: readonly RelatedLocation[];
}

/**
 * The exit phrases of a use in each language, each with its problem (undefined when it is an
 * utterance of the exit intent). The exit intent is the first intent the default language's
 * phrase is an utterance of, else the first of another language's phrase, in the bot's order.
 */
function verdictsOf(project: BotProject, use: LocalizedUse, mode: PhraseMatch): { phrase: LocalizedExitPhrase; problem?: Problem }[] {
  const languages = botLanguages(project);
  const phrases = localizedExitPhrases(project, use, languages);
  if (!phrases.length) return [];
  const index = indexOf(project);
  const intents = phrases.map((p) => [...new Set(index.utterancesMatching(p.phrase, mode).map((u) => u.intentName))]);
  const byDefault = phrases.findIndex((p) => p.language === languages.defaultLanguage);
  const exitIntent = (byDefault >= 0 ? intents[byDefault][0] : undefined) ?? intents.find((list) => list.length)?.[0];
  return phrases.map((phrase, i) => {
    if (exitIntent ? intents[i].includes(exitIntent) : intents[i].length) return { phrase };
    const base: PhraseData = {
      phrase: phrase.phrase,
      kind: phrase.kind,
      key: use.call.key.value,
      language: describeLanguage(phrase.language),
      name: phrase.language.name,
      code: phrase.language.code,
      ...(exitIntent ? { exitIntent } : {}),
    };
    if (intents[i].length)
      return { phrase, problem: { finding: { messageId: 'otherIntent', data: { ...base, intent: intents[i][0] } }, related: [] } };
    const at = (u: UtteranceEntry, message: string): RelatedLocation => ({
      file: u.file.path,
      offset: u.utterance.node.offset,
      length: u.utterance.node.length,
      message,
    });
    const suggestion = (u: UtteranceEntry): Suggestion => ({
      suggestion: u.utterance.value,
      intent: u.intentName,
      file: relativePath(project.root, u.file.path),
    });
    const likes = index.utterancesLike(phrase.phrase);
    const like = likes.find((u) => u.intentName === exitIntent) ?? likes[0];
    const difference = like && phraseDifference(phrase.phrase, like.utterance.value);
    if (like && difference) {
      return {
        phrase,
        problem: {
          finding: { messageId: 'lookAlike', data: { ...base, ...suggestion(like), difference } },
          related: [at(like, `the utterance of intent \`${like.intentName}\` that looks the same`)],
        },
      };
    }
    const near = nearestOf(project, phrase.phrase, exitIntent);
    if (near) {
      return {
        phrase,
        problem: {
          finding: { messageId: 'near', data: { ...base, ...suggestion(near) } },
          related: [at(near, `the near utterance of intent \`${near.intentName}\``)],
        },
      };
    }
    return { phrase, problem: { finding: { messageId: 'untrained', data: base }, related: [] } };
  });
}

/** The utterance nearest to `phrase`: among the exit intent's, when it is known, else among all. */
function nearestOf(project: BotProject, phrase: string, exitIntent: string | undefined): UtteranceEntry | undefined {
  const index = indexOf(project);
  if (!exitIntent) return index.nearestUtterance(phrase)?.entry;
  let best: { entry: UtteranceEntry; distance: number } | undefined;
  for (const { file, intent } of index.intentsByName.get(exitIntent) ?? []) {
    for (const utterance of intent.utterances) {
      const distance = nearness(phrase, utterance.value);
      if (distance !== undefined && (!best || distance < best.distance)) best = { entry: { utterance, file, intentName: exitIntent }, distance };
    }
  }
  return best?.entry;
}

/** The localized exit phrase a finding is about, from where it is and the language its data names. */
function phraseOfFinding(project: BotProject, file: BotFile, finding: { offset: number; data: { code: string } }): LocalizedExitPhrase | undefined {
  const uses =
    file.kind === 'function'
      ? localizedUsesOf(file).filter((use) => use.call.key.offset === finding.offset)
      : projectLocalizedUses(project).filter((use) => use.exit);
  for (const use of uses) {
    const found = localizedExitPhrases(project, use).find(
      (p) =>
        p.language.code === finding.data.code && (file.kind === 'function' || (p.entry.file.path === file.path && p.range.offset === finding.offset)),
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * The phrase replaced by `suggestion` in its cell of the translations file: inside quotes with its
 * quotes doubled; in a cell without quotes only when the suggestion needs none. Undefined when the
 * cell's text does not spell the phrase exactly (then it is not rewritten).
 */
function cellChange(phrase: LocalizedExitPhrase, suggestion: string): TextChange | undefined {
  const text = phrase.entry.file.text;
  const raw = text.slice(phrase.range.offset, phrase.range.offset + phrase.range.length);
  if ((phrase.cell.quoted ? raw.replace(/""/g, '"') : raw) !== phrase.phrase) return undefined;
  if (!phrase.cell.quoted && /[",;\t\r\n]/.test(suggestion)) return undefined;
  // A whole unquoted cell may be rewritten as replaceCsvValue writes a value; a part of one as it is.
  return phrase.cell.quoted
    ? { offset: phrase.range.offset, length: phrase.range.length, newText: suggestion.replace(/"/g, '""') }
    : replaceCsvValue(phrase.range, suggestion, text);
}
