// What the exit-path checks (exit-raises-ticket, exit-shows-banner) share: the data of a finding
// about a step an exit phrase leads to, its related locations, and the fixes, which change where
// the phrase leads (to an intent whose journey goes back to the bot) or untrain the intent that
// sends it the wrong way. Neither fix is preferred: which intent the phrase belongs to is the
// team's decision, and `--fix` never makes it.
import type * as jsonc from 'jsonc-parser';
import { relativePath, type BotFile } from '../model/botFile';
import { utteranceListOf } from '../model/intent';
import type { RelatedLocation } from '../findings';
import { exitPathOf, intentRole, journeyName, walkFrom, type ExitPath, type PathStep } from '../analysis/exitPaths';
import type { ExitPhrase } from '../analysis/exitPhrases';
import { indexOf } from '../analysis/projectIndex';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { modifyJson, type ProjectEdit } from '../edits/edits';
import { changePhraseFix, fileEdit } from './fixes';

/** The data of a finding about a step of an exit path (the messages take it whole). */
export interface StepData {
  readonly phrase: string;
  /** The intent trained with the phrase whose journey leads to the step. */
  readonly intent: string;
  /** The journey that intent starts. */
  readonly journey: string;
  /** The journeys jumped to on the way (the last holds the node); empty when the node is in `journey`. */
  readonly jumps: readonly string[];
  /** The id of the node reached. */
  readonly node: string;
  /** The started journey is the one that shows this banner. */
  readonly own: boolean;
  /** The option text or the typed phrase (what the fixes change). */
  readonly kind: 'option' | 'typed';
}

/** "which jumps to `a` → `b`, where node `n`" or "at node `n`": where on the path the step is. */
export function whereOnPath({ jumps, node }: Pick<StepData, 'jumps' | 'node'>): string {
  return jumps.length ? `which jumps to ${jumps.map((j) => `\`${j}\``).join(' → ')}, where node \`${node}\`` : `where node \`${node}\``;
}

/** The data of `step` of the path of `exit`, a phrase of `file`. */
export function stepData(project: BotProject, file: BotFile, exit: ExitPhrase, path: ExitPath, step: PathStep): StepData {
  const intent = path.utterances.find((u) => (indexOf(project).journeysByIntent.get(u.intentName) ?? []).includes(step.start))?.intentName ?? '';
  return {
    phrase: exit.phrase,
    intent,
    journey: journeyName(project, step.start),
    jumps: step.jumps,
    node: step.node.id?.value ?? '',
    own: step.start.file === file,
    kind: exit.kind,
  };
}

/** Where the step comes from and where it is: the utterance that sends the phrase to the intent, and the node. */
export function stepRelated(project: BotProject, path: ExitPath, data: StepData, step: PathStep, what: string): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  const utterance = path.utterances.find((u) => u.intentName === data.intent);
  if (utterance) {
    related.push({
      file: utterance.file.path,
      offset: utterance.utterance.node.offset,
      length: utterance.utterance.node.length,
      message: `the utterance that sends the exit phrase to intent \`${data.intent}\``,
    });
  }
  related.push({
    file: step.journey.file.path,
    offset: step.node.node.offset,
    length: step.node.node.length,
    message: `${what} (${relativePath(project.root, step.journey.file.path)})`,
  });
  return related;
}

/** How many "Change to" fixes are offered at most: one per intent that goes back to the bot. */
const MAX_CHANGE_FIXES = 3;

/**
 * The fixes of a finding at an exit phrase whose path goes the wrong way: "Change to `u`
 * (intent X, journey back to the bot)" for the first utterance of each intent whose journeys go
 * back to the bot (close the banner or the ticket, and raise or show nothing), and "Remove `p`
 * from the utterances of intent Y" for each intent trained with the phrase whose journey itself
 * raises a ticket or is the journey that shows this banner (the agent's intent). None is preferred.
 */
export function exitPathFixes(
  project: BotProject,
  file: BotFile,
  range: { offset: number; length: number },
  phrase: string,
  kind: 'option' | 'typed',
  mode: PhraseMatch,
): ProjectEdit[] {
  const index = indexOf(project);
  const fixes: ProjectEdit[] = [];
  const back = [...index.intentsByName.keys()].filter((name) => intentRole(project, name) === 'exit').sort();
  for (const name of back.slice(0, MAX_CHANGE_FIXES)) {
    const utterance = index.intentsByName.get(name)?.[0]?.intent.utterances[0]?.value;
    if (!utterance || utterance === phrase) continue;
    const journeys = (index.journeysByIntent.get(name) ?? []).map((j) => `\`${journeyName(project, j)}\``).join(', ');
    const fix = changePhraseFix(
      file,
      range,
      kind,
      phrase,
      utterance,
      `Change to \`${utterance}\` (intent \`${name}\`, back to the bot by ${journeys})`,
    );
    if (fix) fixes.push(fix);
  }
  const path = exitPathOf(project, phrase, mode, { pastRaise: false });
  for (const utterance of path.utterances) {
    // Only the agent's intent is the wrong one to train: its journey raises the ticket itself, or
    // it is the journey that shows this banner. An intent whose journey jumps there, or sends a
    // banner again, is an exit intent whose journey goes the wrong way: the journey is to fix.
    const starts = index.journeysByIntent.get(utterance.intentName) ?? [];
    if (!starts.some((s) => s.file === file) && !walkFrom(project, index, starts, { pastRaise: false }).raises.some((step) => !step.jumps.length))
      continue;
    const fix = removeUtteranceFix(utterance.file, utterance.intentName, utterance.utterance.node, phrase);
    if (fix) fixes.push(fix);
  }
  return fixes;
}

/** "Remove `phrase` from the utterances of intent `name`": the item at `node` of its `utterances`. */
function removeUtteranceFix(intentFile: BotFile, name: string, node: jsonc.Node, phrase: string): ProjectEdit | undefined {
  if (intentFile.syntaxProblems.length || !intentFile.readable) return undefined;
  const items = utteranceListOf(intentFile)?.items() ?? [];
  const at = items.findIndex((item) => item.node.offset === node.offset);
  if (at < 0) return undefined;
  return fileEdit(intentFile, `Remove \`${phrase}\` from the utterances of intent \`${name}\``, [
    modifyJson(intentFile.text, [{ path: ['utterances', at], value: undefined }]),
  ]);
}
