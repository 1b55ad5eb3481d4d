// option-text-mismatch: a banner's exit phrase (an option's `text`, or the phrase its title asks
// the customer to type) is not an utterance of any intent, so clicking or typing it starts nothing.
import { relativePath, type BotFile } from '../../model/botFile';
import { exitPhrasesOf } from '../../analysis/exitPhrases';
import { intentRole } from '../../analysis/exitPaths';
import { describeDifference, phraseDifference, type PhraseDifference } from '../../phrases/phraseMatch';
import { indexOf } from '../../analysis/projectIndex';
import type { BotProject } from '../../project/project';
import { modifyJson, type ProjectEdit } from '../../edits/edits';
import { changePhraseFix, fileEdit } from '../fixes';
import { defineProjectRule } from '../rule';

type Kind = 'option' | 'typed';
const what = (kind: Kind, phrase: string) =>
  kind === 'option' ? `banner option text \`${phrase}\`` : `the phrase the banner asks to type, \`${phrase}\`,`;

/** How many "add as utterance" fixes are offered before "choose an intent…". */
export const MAX_INTENT_FIXES = 5;

export const optionTextMismatch = defineProjectRule({
  code: 'option-text-mismatch',
  severity: 'error',
  scope: 'project',
  description: "A banner's exit phrase is not an utterance of any intent, so it starts no journey.",
  explanation:
    'The button text or typed phrase reaches the bot as the customer\'s message, and only an intent trained with exactly that phrase starts the journey back to the bot ("the object text should be consistent"). When they drift (`talk to bot` against `talk to the bot`), the customer clicks Exit and stays with the live agent.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    near: ({ phrase, kind, suggestion, intent, file }: { phrase: string; kind: Kind; suggestion: string; intent: string; file: string }) =>
      `${what(kind, phrase)} is not an utterance of any intent; did you mean \`${suggestion}\` (intent \`${intent}\`, ${file})?`,
    /** Exact comparison failed on text that looks the same: the message names what differs, not a look-alike suggestion. */
    lookAlike: ({
      phrase,
      kind,
      suggestion,
      intent,
      file,
      difference,
    }: {
      phrase: string;
      kind: Kind;
      suggestion: string;
      intent: string;
      file: string;
      difference: PhraseDifference;
    }) =>
      `${what(kind, phrase)} is not an utterance of any intent: it looks like \`${suggestion}\` (intent \`${intent}\`, ${file}) but ${describeDifference(difference)}`,
    none: ({ phrase, kind }: { phrase: string; kind: Kind }) =>
      `${what(kind, phrase)} is not an utterance of any intent: typing or clicking it will not start a journey`,
  },
  check(file, project, report, { phraseMatch }) {
    const index = indexOf(project);
    // An intent file that was not read may be trained with the phrase: nothing definite to say.
    const unread = project.unreadFiles('intent').length > 0;
    for (const exit of exitPhrasesOf(file)) {
      if (index.hasUtteranceMatching(exit.phrase, phraseMatch) || unread) continue;
      const like = index.utterancesLike(exit.phrase)[0];
      const difference = like && phraseDifference(exit.phrase, like.utterance.value);
      if (like && difference) {
        report({
          offset: exit.offset,
          length: exit.length,
          messageId: 'lookAlike',
          data: {
            phrase: exit.phrase,
            kind: exit.kind,
            suggestion: like.utterance.value,
            intent: like.intentName,
            file: relativePath(project.root, like.file.path),
            difference,
          },
          related: [
            {
              file: like.file.path,
              offset: like.utterance.node.offset,
              length: like.utterance.node.length,
              message: `the utterance of intent \`${like.intentName}\` that looks the same`,
            },
          ],
        });
        continue;
      }
      const near = index.nearestUtterance(exit.phrase);
      if (!near) {
        report({ offset: exit.offset, length: exit.length, messageId: 'none', data: { phrase: exit.phrase, kind: exit.kind } });
        continue;
      }
      const utterance = near.entry.utterance;
      report({
        offset: exit.offset,
        length: exit.length,
        messageId: 'near',
        data: {
          phrase: exit.phrase,
          kind: exit.kind,
          suggestion: utterance.value,
          intent: near.entry.intentName,
          file: relativePath(project.root, near.entry.file.path),
        },
        related: [
          {
            file: near.entry.file.path,
            offset: utterance.node.offset,
            length: utterance.node.length,
            message: `the near utterance of intent \`${near.entry.intentName}\``,
          },
        ],
      });
    }
  },
  fixes({ project, file, finding }) {
    const fixes: ProjectEdit[] = [];
    const { phrase } = finding.data;
    if (finding.messageId === 'near' || finding.messageId === 'lookAlike') {
      const { suggestion, intent } = finding.data;
      const fix = changePhraseFix(file, finding, finding.data.kind, phrase, suggestion, `Change to \`${suggestion}\` (intent \`${intent}\`)`, true);
      if (fix) fixes.push(fix);
    }
    const ranked = intentsToTrain(project, finding.messageId === 'none' ? undefined : finding.data.intent);
    for (const { file: intentFile, name } of ranked.slice(0, MAX_INTENT_FIXES)) {
      const fix = addUtteranceFix(intentFile, name, phrase);
      if (fix) fixes.push(fix);
    }
    if (ranked.length > MAX_INTENT_FIXES) {
      fixes.push({
        title: `Add \`${phrase}\` as an utterance of an intent you choose…`,
        changes: [],
        command: { action: 'chooseIntent', arguments: [file.path, phrase] },
      });
    }
    return fixes;
  },
});

/** "Add `phrase` as an utterance of intent `name`": undefined when the intent's file does not parse. */
export function addUtteranceFix(intentFile: BotFile, name: string, phrase: string): ProjectEdit | undefined {
  if (intentFile.syntaxProblems.length || !intentFile.readable) return undefined;
  return fileEdit(intentFile, `Add \`${phrase}\` as an utterance of intent \`${name}\``, [
    modifyJson(intentFile.text, [{ path: ['utterances', -1], value: phrase }]),
  ]);
}

/**
 * The intents a banner's phrase could be added to, best first: those that start a journey back to
 * the bot (one that closes the banner or the ticket), then the intent of the near utterance, then
 * the others by name. Offering the exit intent first keeps `talk to an agent` from being one
 * Enter away. Never an intent whose journey raises a live-agent ticket or shows a banner that
 * offers an exit phrase (see `intentRole`): the customer who clicks Exit would be handed to an
 * agent again, or shown the banner again. `exits` says whether the intent goes back to the bot.
 */
export function intentsToTrain(project: BotProject, nearIntent?: string): { file: BotFile; name: string; exits: boolean }[] {
  const index = indexOf(project);
  return [...index.intentsByName.entries()]
    .flatMap(([name, entries]) => {
      const role = intentRole(project, name);
      if (role === 'handoff') return [];
      const exit = role === 'exit';
      return [{ name, file: entries[0].file, exits: exit, rank: exit ? 0 : name === nearIntent ? 1 : 2 }];
    })
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map(({ name, file, exits }) => ({ name, file, exits }));
}
