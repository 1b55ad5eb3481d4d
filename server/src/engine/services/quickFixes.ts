// Quick fixes for findings: each is one project edit that a single undo reverts.
import * as path from 'node:path';
import type { BotFile } from '../botFile';
import { relativePath } from '../botFile';
import type { Finding } from '../findings';
import { readJourney } from '../journey';
import { nodesById } from '../journeyGraph';
import { BANNER_CLOSE_EVENT, platformEvent } from '../platformEvents';
import type { BotProject } from '../project';
import { indexOf } from '../projectIndex';
import { modifyJson, replaceString, type ProjectEdit, type TextChange } from './edits';

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
      fixes.push(...declareEvent(project, String(data.event)));
      break;
    case 'event-disabled': {
      const bot = project.botFile;
      const events = (bot?.value as { events?: Array<{ name?: string }> } | undefined)?.events;
      const at = Array.isArray(events) ? events.findIndex((e) => e?.name === data.event) : -1;
      if (bot && at >= 0) {
        fixes.push(edit(bot, `Enable event \`${String(data.event)}\` in bot.json`, [modifyJson(bot.text, [{ path: ['events', at, 'enabled'], value: true }])], true));
      }
      break;
    }
    case 'banner-not-closed':
    case 'ticket-not-closed':
      fixes.push(...closingSteps(project, file));
      break;
    case 'exit-intent-unlinked':
      fixes.push(exitJourney(project, String(data.intent)));
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

function declareEvent(project: BotProject, name: string): ProjectEdit[] {
  const bot = project.botFile;
  if (!bot || !bot.root) return [];
  const description = platformEvent(name)?.description;
  return [
    edit(bot, `Declare and enable event \`${name}\` in bot.json`, [
      modifyJson(bot.text, [{ path: ['events', -1], value: { name, enabled: true, ...(description ? { description } : {}) } }]),
    ], true),
  ];
}

/**
 * Adds what the exit journey lacks before its first node: a Send Event that closes the banner
 * and a Close Ticket step, as the guide's steps 5 and 6 ask.
 */
function closingSteps(project: BotProject, file: BotFile): ProjectEdit[] {
  const journey = readJourney(file);
  if (!journey.start || !file.root) return [];
  const ids = new Set(nodesById(journey).keys());
  const freshId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const nodes = journey.nodes;
  const closesBanner = nodes.some((n) => n.type === 'sendEvent' && n.event?.value === BANNER_CLOSE_EVENT && !n.data);
  const closesTicket = nodes.some((n) => n.type === 'closeTicket');
  const steps: object[] = [];
  let next = journey.start.value;
  // Built back to front so that each step's next is the one after it.
  if (!closesTicket) {
    const id = freshId('close-ticket');
    steps.unshift({ id, type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next });
    next = id;
  }
  if (!closesBanner) {
    const id = freshId('close-banner');
    steps.unshift({ id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, next });
    next = id;
  }
  if (!steps.length) return [];
  const what = !closesBanner && !closesTicket ? 'close-banner and close-ticket steps' : !closesBanner ? 'a close-banner step' : 'a close-ticket step';
  const change = modifyJson(file.text, [
    ...steps.reverse().map((value) => ({ path: ['nodes', 0], value, insert: true })),
    { path: ['start'], value: next },
  ]);
  return [edit(file, `Add ${what} at the start of journey \`${journey.name?.value ?? path.basename(file.path)}\``, [change], true)];
}

/** A new journey, started by the exit intent, that closes the banner and the ticket. */
function exitJourney(project: BotProject, intent: string): ProjectEdit {
  const taken = new Set([...indexOf(project).journeysByName.keys()]);
  let name = 'return-to-bot';
  for (let n = 2; taken.has(name) || project.file(path.join(project.root, 'journeys', `${name}.json`)); n++) name = `return-to-bot-${n}`;
  const journey = {
    name,
    description: 'The customer left the live agent: close the banner and the ticket, and welcome them back.',
    trigger: { intent },
    start: 'close-banner',
    nodes: [
      { id: 'close-banner', type: 'sendEvent', event: BANNER_CLOSE_EVENT, next: 'close-ticket' },
      { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back-with-bot' },
      { id: 'back-with-bot', type: 'message', text: 'You are back with the bot. How can I help?' },
    ],
  };
  const file = path.join(project.root, 'journeys', `${name}.json`);
  return {
    title: `Create journey \`${name}\` (${relativePath(project.root, file)}) started by \`${intent}\``,
    changes: [{ kind: 'create', file, text: `${JSON.stringify(journey, null, 2)}\n` }],
    preferred: true,
  };
}
