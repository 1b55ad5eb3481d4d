// The guide's building blocks, as the scaffold writes them: the banner payload and the typed
// title (step 2), the Raise Ticket and banner nodes (steps 2 and 3), the events bot.json enables
// (step 1), the exit journey's closing steps (steps 5 and 6), and free names and node ids. The
// planner puts them together; the quick fixes write one of them at a time, the same way.
import * as path from 'node:path';
import { relativePath, valueOf, type BotFile } from '../model/botFile';
import { readBotConfig } from '../model/botConfig';
import { reaches } from '../analysis/exitJourneys';
import { walkFrom } from '../analysis/exitPaths';
import { typedPhrase } from '../analysis/exitPhrases';
import { closesBanner, closesTicket, readJourney, type Journey } from '../model/journey';
import { nodesById } from '../model/journeyGraph';
import { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, platformEvent } from '../model/platformEvents';
import type { BotProject } from '../project/project';
import { indexOf, type ProjectIndex } from '../analysis/projectIndex';
import type { modifyJson } from '../edits/edits';
import type { DisconnectionOptions, NameKind } from './options';

export type JsonModification = Parameters<typeof modifyJson>[1][number];

const WELCOME_BACK = 'You are back with the bot. How can I help?';

/** The folder of a project that holds each kind of file, one file per intent or journey. */
export const FOLDER_OF: Readonly<Record<NameKind, string>> = Object.freeze({ intent: 'intents', journey: 'journeys' });

/** Which intent and journey names (and files) are taken, counting what the plan creates. */
export class ProjectNames {
  private readonly planned = { intent: new Set<string>(), journey: new Set<string>() };
  private readonly plannedFiles = new Set<string>();

  constructor(
    private readonly project: BotProject,
    private readonly index: ProjectIndex,
  ) {}

  fileOf(kind: NameKind, name: string): string {
    return path.join(this.project.root, FOLDER_OF[kind], `${name}.json`);
  }

  /** Why `name` cannot be used for a new intent or journey, or undefined when it is free. */
  takenBy(kind: NameKind, name: string): string | undefined {
    const entry = (kind === 'intent' ? this.index.intentsByName : this.index.journeysByName).get(name)?.[0];
    if (entry) return `${kind} \`${name}\` already exists (${relativePath(this.project.root, entry.file.path)})`;
    const file = this.fileOf(kind, name);
    if (this.fileExists(file)) return `${relativePath(this.project.root, file)} already exists`;
    if (this.planned[kind].has(name)) return `another new ${kind} is already named \`${name}\``;
    return undefined;
  }

  /** `base` when free, else the first free `base-2`, `base-3`… (`base_2` for intents, as they are written). */
  free(kind: NameKind, base: string): string {
    let name = base;
    for (let n = 2; this.takenBy(kind, name); n++) name = `${base}${kind === 'intent' ? '_' : '-'}${n}`;
    return name;
  }

  claim(kind: NameKind, name: string): void {
    this.planned[kind].add(name);
  }

  claimFile(file: string): void {
    this.plannedFiles.add(file.toLowerCase());
  }

  /** Compared without case: on the file systems of macOS and Windows, `A.json` is `a.json`. */
  fileExists(file: string): boolean {
    const wanted = file.toLowerCase();
    return this.plannedFiles.has(wanted) || this.project.allFiles().some((f) => f.path.toLowerCase() === wanted);
  }
}

/** The banner payload of step 2, exactly as the guide shows it. */
export function bannerPayload(options: Pick<DisconnectionOptions, 'mode' | 'phrase' | 'buttonLabel' | 'bannerTitle'>): object {
  return options.mode === 'button'
    ? { title: options.bannerTitle, options: [{ title: options.buttonLabel, text: options.phrase }] }
    : { title: typedBannerTitle(options.bannerTitle, options.phrase), options: [] };
}

/**
 * A typed banner's title: the guide's "Do you want to exit from chat? Please type 'talk to bot'".
 * A title that already quotes the phrase last (where the checks read it) is kept; one that does
 * not end a sentence gets a full stop before the request.
 */
export function typedBannerTitle(title: string, phrase: string): string {
  if (typedPhrase(title) === phrase) return title;
  return `${title}${/[.?!:]$/.test(title) ? '' : '.'} Please type '${phrase}'`;
}

/** A Send Event node that shows the banner, going on to `next` when given. */
export function bannerNode(id: string, options: DisconnectionOptions, next?: string): object {
  return { id, type: 'sendEvent', event: options.showEvent, data: bannerPayload(options), ...(next === undefined ? {} : { next }) };
}

/**
 * Raise a ticket and, once an agent is connected, show the banner; when the agent closes the
 * ticket, close the banner (it must not outlive the agent) and say so; tell the customer when no
 * agent can take the chat.
 */
export function handoffNodes(newId: (base: string) => string, options: DisconnectionOptions): { first: string; nodes: object[] } {
  const [raise, banner, closed, left, busy, failed] = [
    'raise-ticket',
    'show-exit-banner',
    'close-banner',
    'agent-left',
    'no-agents',
    'ticket-error',
  ].map(newId);
  return {
    first: raise,
    nodes: [
      // Named so the exit journey's {{{variables.ticketId}}} visibly refers to it.
      {
        id: raise,
        type: 'raiseTicket',
        ticketIdVariable: 'ticketId',
        next: { agentConnected: banner, agentsUnavailable: busy, ticketClosed: closed, error: failed },
      },
      bannerNode(banner, options),
      closeBannerNode(closed, left),
      { id: left, type: 'message', text: AGENT_LEFT },
      { id: busy, type: 'message', text: 'All our agents are busy. Please try again in a few minutes.' },
      { id: failed, type: 'message', text: 'Sorry, we could not reach an agent just now.' },
    ],
  };
}

const AGENT_LEFT = 'The agent has closed the chat. You are back with the bot.';

/** A Send Event node that closes the banner (step 5's event without data), going on to `next` when given. */
export function closeBannerNode(id: string, next?: string): object {
  return { id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, ...(next === undefined ? {} : { next }) };
}

/** An event's declaration in bot.json, enabled, with the platform's description when it has one. */
export function eventDeclaration(name: string): object {
  const description = platformEvent(name)?.description;
  return { name, enabled: true, ...(description ? { description } : {}) };
}

/**
 * The bot.json of a new project (step 1 done): the bot's name and both banner events declared and
 * enabled, whichever one will show the banner, since the exit journey closes it with the other.
 */
export function newBotConfig(name: string): object {
  return { name, events: [BANNER_SHOW_EVENT, BANNER_CLOSE_EVENT].map(eventDeclaration) };
}

/**
 * What bot.json needs for each event to be declared and enabled, with a title for each change: a
 * declaration for a missing event, `enabled: true` for one declared otherwise, nothing for one
 * already enabled.
 */
export function enableEvents(bot: BotFile, names: readonly string[]): { modification: JsonModification; title: string }[] {
  const declared = readBotConfig(bot).events;
  const list = valueOf(bot.root, 'events');
  return names.flatMap((name): { modification: JsonModification; title: string }[] => {
    const event = declared.get(name);
    if (!event)
      return [{ modification: { path: ['events', -1], value: eventDeclaration(name) }, title: `Declare and enable event \`${name}\` in bot.json` }];
    if (event.enabled === true) return [];
    // The name's string sits in a property of the event's object, an item of `events`.
    const at = list?.children?.indexOf(event.name.node.parent!.parent!) ?? -1;
    return [{ modification: { path: ['events', at, 'enabled'], value: true }, title: `Enable event \`${name}\` in bot.json` }];
  });
}

/**
 * The steps an exit journey lacks, inserted before its first node in the guide's order: close the
 * banner (step 5), close the ticket (step 6) and, with `welcome`, tell the customer they are back
 * with the bot. A step counts as there when some path from the start reaches it, across jumps, as
 * the banner-not-closed and ticket-not-closed checks see it. No modifications when nothing lacks;
 * undefined when the journey has no start to insert before. `refused` (and no modifications) when
 * the steps must not go there: see `closingStepsRefusal`.
 */
export function closingSteps(
  project: BotProject,
  file: BotFile,
  { welcome = false } = {},
): { modifications: JsonModification[]; title: string; refused?: string } | undefined {
  const journey = readJourney(file);
  if (!journey.start) return undefined;
  const name = journey.name?.value ?? path.basename(file.path);
  const refused = closingStepsRefusal(project, file);
  if (refused) return { modifications: [], title: `Add no closing steps to journey \`${name}\``, refused };
  const lacking: { base: string; node: (id: string, next: string) => object }[] = [];
  if (!reaches(project, file, closesBanner)) {
    lacking.push({ base: 'close-banner', node: (id, next) => ({ id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, next }) });
  }
  if (!reaches(project, file, closesTicket)) {
    lacking.push({ base: 'close-ticket', node: (id, next) => ({ id, type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next }) });
  }
  if (welcome && !reaches(project, file, (n) => n.type === 'message')) {
    lacking.push({ base: 'back-with-bot', node: (id, next) => ({ id, type: 'message', text: WELCOME_BACK, next }) });
  }
  const newId = freshIds(journey);
  const ids = lacking.map((step) => newId(step.base));
  const nodes = lacking.map((step, i) => step.node(ids[i], ids[i + 1] ?? journey.start!.value));
  const bases = lacking.map((step) => step.base);
  const what = bases.length === 1 ? `a ${bases[0]} step` : `${bases.slice(0, -1).join(', ')} and ${bases[bases.length - 1]} steps`;
  return {
    modifications: nodes.length
      ? [...nodes.map((value, i) => ({ path: ['nodes', i], value, insert: true })), { path: ['start'], value: ids[0] }]
      : [],
    title: `Add ${what} at the start of journey \`${name}\``,
  };
}

/**
 * Why the closing steps must not be added at the start of the journey in `file`, or undefined
 * when they may: the journey raises a live-agent ticket itself (it is the journey that hands the
 * customer to the agent, not the one back), or a path from its start reaches a Raise Ticket node,
 * across jumps (closing steps before it would close the old ticket and then raise a new one).
 */
export function closingStepsRefusal(project: BotProject, file: BotFile): string | undefined {
  const index = indexOf(project);
  const entry = index.journeyOf(file);
  if (!entry) return undefined;
  const name = entry.journey.name?.value ?? path.basename(file.path);
  const raise = entry.journey.nodes.find((n) => n.type === 'raiseTicket');
  if (raise)
    return `journey \`${name}\` raises a live-agent ticket (node \`${raise.id?.value ?? ''}\`): it hands the customer to an agent, and closing steps there would end that ticket before it starts`;
  const reached = walkFrom(project, index, [entry], { pastRaise: false, until: 'raise' }).raises[0];
  if (reached) {
    return `a path of journey \`${name}\` reaches a Raise Ticket node (node \`${reached.node.id?.value ?? ''}\` of \`${reached.journey.journey.name?.value ?? ''}\`): closing steps before it would close the ticket and then raise a new one`;
  }
  return undefined;
}

/** A new exit journey (steps 5 and 6): started by the exit intent, it closes the banner and the ticket and welcomes the customer back. */
export function exitJourney(name: string, intent: string): object {
  return {
    name,
    description: 'The customer left the live agent: close the banner and the ticket, and welcome them back.',
    trigger: { intent },
    start: 'close-banner',
    nodes: [
      { id: 'close-banner', type: 'sendEvent', event: BANNER_CLOSE_EVENT, next: 'close-ticket' },
      { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back-with-bot' },
      { id: 'back-with-bot', type: 'message', text: WELCOME_BACK },
    ],
  };
}

/** The first free name for a new intent or journey: `base`, else `base-2`, `base-3`… (`base_2` for intents). */
export function freeName(project: BotProject, kind: NameKind, base: string): string {
  return new ProjectNames(project, indexOf(project)).free(kind, base);
}

/** A maker of node ids the journey does not use yet: `base`, else `base-2`, `base-3`… */
export function freshIds(journey?: Journey): (base: string) => string {
  const ids = new Set(journey ? nodesById(journey).keys() : []);
  return (base) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
}
