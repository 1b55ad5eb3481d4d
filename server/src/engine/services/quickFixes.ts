// Quick fixes for findings: each is one project edit that a single undo reverts.
import * as path from 'node:path';
import type { BotFile } from '../botFile';
import { relativePath } from '../botFile';
import type { Finding } from '../findings';
import type { BotProject } from '../project';
import { indexOf } from '../projectIndex';
import { jsonFileText, modifyJson, replaceString, type ProjectEdit, type TextChange } from './edits';
import { closingSteps, enableEvents, exitJourney, freeName } from './scaffold';

/** What a quick fix needs of a finding: where it is and what its rule said. */
export type FindingRef = Pick<Finding, 'code' | 'offset' | 'length' | 'data'>;

export function quickFixes(project: BotProject, file: BotFile, finding: FindingRef): ProjectEdit[] {
  const data = finding.data ?? {};
  const fixes: ProjectEdit[] = [];
  const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;

  switch (finding.code) {
    case 'option-text-mismatch': {
      const phrase = String(data.phrase ?? '');
      if (suggestion) {
        // A typed phrase sits inside the title's string: replace just the words, escaped.
        const newText = data.kind === 'typed' ? JSON.stringify(suggestion).slice(1, -1) : JSON.stringify(suggestion);
        fixes.push(edit(file, `Change to \`${suggestion}\` (intent \`${String(data.intent)}\`)`, [{ offset: finding.offset, length: finding.length, newText }], true));
      }
      for (const { file: intentFile, intent } of [...indexOf(project).intentsByName.values()].flat()) {
        fixes.push(
          edit(intentFile, `Add \`${phrase}\` as an utterance of intent \`${intent.name!.value}\``, [
            modifyJson(intentFile.text, [{ path: ['utterances', -1], value: phrase }]),
          ]),
        );
      }
      break;
    }
    case 'unknown-event':
    case 'unknown-intent':
    case 'unknown-node':
    case 'unknown-journey':
    case 'schema':
    case 'banner-schema':
      if (suggestion) fixes.push(edit(file, `Change to \`${suggestion}\``, [replaceString(finding, suggestion)], true));
      if (finding.code === 'unknown-event' && !suggestion) {
        // A custom event of the bot's own that bot.json does not declare yet.
        const name = stringAt(file, finding);
        if (name) fixes.push(...declareEvent(project, name));
      }
      break;
    case 'event-not-declared':
    case 'event-disabled':
      fixes.push(...declareEvent(project, String(data.event)));
      break;
    case 'banner-not-closed':
    case 'ticket-not-closed': {
      const steps = closingSteps(project, file);
      if (steps?.modifications.length) fixes.push(edit(file, steps.title, [modifyJson(file.text, steps.modifications)], true));
      break;
    }
    case 'exit-intent-unlinked':
      fixes.push(createExitJourney(project, String(data.intent)));
      break;
  }
  return fixes;
}

function stringAt(file: BotFile, finding: FindingRef): string | undefined {
  try {
    const value: unknown = JSON.parse(file.text.slice(finding.offset, finding.offset + finding.length));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function edit(file: BotFile, title: string, changes: TextChange[], preferred = false): ProjectEdit {
  return { title, changes: [{ kind: 'edit', file: file.path, changes }], preferred };
}

/** Declares the event in bot.json, or enables it where it is declared disabled. */
function declareEvent(project: BotProject, name: string): ProjectEdit[] {
  const bot = project.botFile;
  if (!bot || !bot.root) return [];
  return enableEvents(bot, [name]).map(({ modification, title }) => edit(bot, title, [modifyJson(bot.text, [modification])], true));
}

/** A new journey, started by the exit intent, that closes the banner and the ticket. */
function createExitJourney(project: BotProject, intent: string): ProjectEdit {
  const name = freeName(project, 'journey', 'return-to-bot');
  const file = path.join(project.root, 'journeys', `${name}.json`);
  return {
    title: `Create journey \`${name}\` (${relativePath(project.root, file)}) started by \`${intent}\``,
    changes: [{ kind: 'create', file, text: jsonFileText(exitJourney(name, intent)) }],
    preferred: true,
  };
}
