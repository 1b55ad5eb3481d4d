// The pieces quick fixes are built from, shared by the checks that offer them: an edit of one
// file, declaring or enabling an event, the exit journey's missing steps, a new exit journey.
import * as jsonc from 'jsonc-parser';
import * as path from 'node:path';
import { relativePath, type BotFile } from '../model/botFile';
import type { BotProject } from '../project/project';
import { escapeForJavaScriptString, jsonFileText, modifyJson, replaceString, type ProjectEdit, type TextChange } from '../edits/edits';
import { escapeForJsonString } from '../model/jsonString';
import type { SchemaProblem } from '../schemas/problems';
import { closingSteps, enableEvents, exitJourney, freeName } from '../guide/pieces';

/** One edit of one file: a quick fix that one undo reverts. `preferred` fixes are also the safe ones `--fix` applies. */
export function fileEdit(file: BotFile, title: string, changes: TextChange[], preferred = false): ProjectEdit {
  return { title, changes: [{ kind: 'edit', file: file.path, changes }], preferred };
}

/** "Change to `suggestion`": replaces the string at the finding's range (in its own quotes in a function file, see `replaceString`). */
export function didYouMeanFix(file: BotFile, range: { offset: number; length: number }, suggestion: string): ProjectEdit {
  return fileEdit(file, `Change to \`${suggestion}\``, [replaceString(range, suggestion, file.text)], true);
}

/**
 * What a schema or banner-schema finding reports of a schema problem: its range and severity,
 * messageId `mismatch`, and data `{ problem, suggestion? }`, whose suggestion didYouMeanFixes offers.
 */
export function schemaMismatch(problem: SchemaProblem) {
  return {
    offset: problem.offset,
    length: problem.length,
    severity: problem.severity,
    messageId: 'mismatch' as const,
    data: { problem: problem.message, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) },
  };
}

/**
 * "Change to `suggestion`" for a finding that may be a property's name (an unknown property of
 * the schema): none when the object already has a property of that name, since renaming would
 * create a duplicate key (and the platform would keep only one of the two values).
 */
export function didYouMeanFixes(file: BotFile, range: { offset: number; length: number }, suggestion: string): ProjectEdit[] {
  const node = file.root ? jsonc.findNodeAtOffset(file.root, range.offset + 1) : undefined;
  const property = node?.parent;
  if (property?.type === 'property' && property.children?.[0] === node) {
    const siblings = property.parent?.children ?? [];
    if (siblings.some((p) => p !== property && p.children?.[0]?.value === suggestion)) return [];
  }
  return [didYouMeanFix(file, range, suggestion)];
}

/**
 * "Change to `replacement`" for a banner's exit phrase at `range`: an option's text is a whole
 * string (replaced in its own quotes); a typed phrase sits inside the title's string, so only its
 * words are replaced, escaped for the string (in a function file, for whichever quote it has).
 * Undefined when the range does not spell exactly `phrase` (escapes mapped): a fix never writes
 * over more of a title than the phrase.
 */
export function changePhraseFix(
  file: BotFile,
  range: { offset: number; length: number },
  kind: 'option' | 'typed',
  phrase: string,
  replacement: string,
  title: string,
  preferred = false,
): ProjectEdit | undefined {
  const typed = kind === 'typed';
  if (typed && !spells(file.text.slice(range.offset, range.offset + range.length), phrase)) return undefined;
  const newText = typed
    ? file.kind === 'function'
      ? escapeForJavaScriptString(replacement)
      : escapeForJsonString(replacement)
    : replaceString(range, replacement, file.text).newText;
  return fileEdit(file, title, [{ offset: range.offset, length: range.length, newText }], preferred);
}

/** Whether `raw`, a part of a JSON string token as written, decodes to `value`. */
function spells(raw: string, value: string): boolean {
  try {
    return JSON.parse(`"${raw}"`) === value;
  } catch {
    return false;
  }
}

/** Declares the event in bot.json, or enables it where it is declared disabled. */
export function declareEventFixes(project: BotProject, name: string): ProjectEdit[] {
  const bot = project.botFile;
  if (!bot || !bot.root || bot.syntaxProblems.length) return [];
  return enableEvents(bot, [name]).map(({ modification, title }) => fileEdit(bot, title, [modifyJson(bot.text, [modification])], true));
}

/**
 * Adds the close-banner and close-ticket steps an exit journey lacks, before its first node. None
 * for a journey that raises a ticket or leads to one (`closingStepsRefusal`): closing steps are
 * never put before a Raise Ticket node.
 */
export function closingStepsFixes(project: BotProject, file: BotFile): ProjectEdit[] {
  const steps = closingSteps(project, file);
  return steps?.modifications.length && !steps.refused ? [fileEdit(file, steps.title, [modifyJson(file.text, steps.modifications)], true)] : [];
}

/** A new journey, started by the exit intent, that closes the banner and the ticket. */
export function createExitJourneyFix(project: BotProject, intent: string): ProjectEdit {
  const name = freeName(project, 'journey', 'return-to-bot');
  const file = path.join(project.root, 'journeys', `${name}.json`);
  return {
    title: `Create journey \`${name}\` (${relativePath(project.root, file)}) started by \`${intent}\``,
    changes: [{ kind: 'create', file, text: jsonFileText(exitJourney(name, intent)) }],
    preferred: true,
  };
}
