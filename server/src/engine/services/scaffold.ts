// The scaffold behind "Handoff Kit: Add User-Initiated Disconnection": plans what a bot project
// still lacks of the guide's six steps as one project edit (one undo), merged into the files it
// already has. It never overwrites a file or a node, and a second run with the same options plans
// nothing.
//
// - planDisconnection(project, options): the edit and a summary of its steps, or, when something
//   must be decided first, conflicts (and no edit). A conflict names the option to ask again
//   (`field`) and often a `suggestion` for it: a free name, the near journey, the banner's phrase.
// - disconnectionContext(project): what the command needs to ask sensible questions.
// - validateDisconnectionOptions(options): what is wrong with options on their own, for input boxes.
// - enableEvents, closingSteps, exitJourney, freeName, freshIds: the pieces, for
//   quick fixes that write one piece of the same journey.
//
// Where the guide is silent, the scaffold decides (each decision is documented where it is made):
// both banner events are declared whichever one shows the banner; an existing journey without a
// Raise Ticket node gets one at its end; a new ticket journey starts from `talk_to_agent`; names
// the developer chose are never replaced, but a default name that is taken becomes `name-2`.
import * as path from 'node:path';
import intentSchema from '../../../../schemas/intent.schema.json';
import journeySchema from '../../../../schemas/journey.schema.json';
import { relativePath, valueOf, type BotFile, type NamedValue } from '../botFile';
import { readBotConfig } from '../botConfig';
import { exitIntentOf, reaches } from '../exitJourneys';
import { exitPhrasesOf, typedPhrase } from '../exitPhrases';
import { readJourney, type Journey, type JourneyNode } from '../journey';
import { nodesById, reachableNodes } from '../journeyGraph';
import { phraseKey, type PhraseMatch } from '../phraseMatch';
import { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, isBannerEvent, platformEvent } from '../platformEvents';
import type { BotProject } from '../project';
import { indexOf, type JourneyEntry, type ProjectIndex } from '../projectIndex';
import { closestName } from '../suggestions';
import { hasTemplate } from '../template';
import { jsonFileText, modifyJson, type FileChange, type ProjectEdit } from './edits';

/** The event that shows the banner: the guide's close-promotion, or update-promotion as other pages do. */
export type BannerShowEvent = typeof BANNER_CLOSE_EVENT | typeof BANNER_SHOW_EVENT;

/**
 * The journey that raises the live-agent ticket: one the project has, or a new one started by
 * `intent` (default `talk_to_agent`). `create` names a journey that already raises a ticket are
 * completed rather than refused, so that running the scaffold again changes nothing.
 */
export type TicketJourneyChoice = { readonly existing: string } | { readonly create: string; readonly intent?: string };

export interface DisconnectionOptions {
  /** `button`: the banner has a button that sends the phrase; `typed`: its title asks to type it. */
  readonly mode: 'button' | 'typed';
  /** What the customer clicks or types to come back to the bot. */
  readonly phrase: string;
  /** The button's label (button mode). */
  readonly buttonLabel: string;
  /** The banner's title. Typed mode appends `Please type '<phrase>'` unless the title already quotes the phrase. */
  readonly bannerTitle: string;
  readonly showEvent: BannerShowEvent;
  readonly ticketJourney: TicketJourneyChoice;
  /** The intent to extend or create; unused when an intent is already trained with the phrase. Default `talk_to_bot`. */
  readonly exitIntent?: string;
  /** The exit journey to create; unused when a journey already starts from the exit intent. Default `return-to-bot`. */
  readonly exitJourney?: string;
  /** How the phrase is compared with utterances; default: as handoff-kit.json says, else `exact`. */
  readonly phraseMatch?: PhraseMatch;
}

const DEFAULT_TICKET_JOURNEY = 'live-agent';

export const defaultDisconnectionOptions: DisconnectionOptions = Object.freeze({
  mode: 'button',
  phrase: 'talk to bot',
  buttonLabel: 'Exit',
  bannerTitle: 'Do you want to exit from chat?',
  showEvent: BANNER_CLOSE_EVENT,
  ticketJourney: Object.freeze({ create: DEFAULT_TICKET_JOURNEY }),
});

const DEFAULT_EXIT_INTENT = 'talk_to_bot';
const DEFAULT_EXIT_JOURNEY = 'return-to-bot';
const DEFAULT_TICKET_INTENT = 'talk_to_agent';
const WELCOME_BACK = 'You are back with the bot. How can I help?';

/**
 * - `invalid-option`: the value cannot be written as given (an empty phrase, quotes in a phrase to
 *   type, a name with spaces, the exit intent chosen to raise the ticket).
 * - `name-taken`: an intent, journey or file already has the name; `suggestion` is a free one.
 * - `unknown-journey`: no journey has the name; `suggestion` is the nearest one.
 * - `in-use`: the intent that would start the new ticket journey already starts another;
 *   `suggestion` is that journey when it raises a ticket (use it instead).
 * - `banner-differs`: the ticket journey already shows a banner offering another phrase;
 *   `suggestion` is that phrase.
 * - `cannot-edit`: a file to merge into is not valid JSON or not of its kind's shape, or a
 *   journey has no end to add a ticket at; fix it by hand (or, with a `field`, choose another).
 *
 * For `field: 'ticketJourney'`, a suggestion works as `{ create: suggestion }` (a journey of that
 * name that raises a ticket is completed, not created).
 */
export type ConflictKind = 'invalid-option' | 'name-taken' | 'unknown-journey' | 'in-use' | 'banner-differs' | 'cannot-edit';

export interface ScaffoldConflict {
  readonly kind: ConflictKind;
  /** The option to ask again; none when a file must be fixed by hand. */
  readonly field?: keyof DisconnectionOptions;
  readonly message: string;
  /** A value for `field` that resolves the conflict. */
  readonly suggestion?: string;
}

export interface ScaffoldPlan {
  /** One edit (one undo); no changes when there is nothing to do or there are conflicts. */
  readonly edit: ProjectEdit;
  /** What the edit does, one line a step; empty when the project is already set up. */
  readonly steps: readonly string[];
  /** When not empty, the edit is empty: ask the developer, then plan again. */
  readonly conflicts: readonly ScaffoldConflict[];
}

const TITLE = 'Add user-initiated disconnection';

/** Options not given take their defaults (`defaultDisconnectionOptions`). */
export function planDisconnection(project: BotProject, given: Partial<DisconnectionOptions> = {}): ScaffoldPlan {
  const options = withDefaults(given);
  const invalid = validateDisconnectionOptions(options);
  if (invalid.length) return { edit: { title: TITLE, changes: [] }, steps: [], conflicts: invalid };
  const draft = new Draft(project, options);
  planEvents(draft);
  // The exit intent first: the ticket journey must not start from it, and it finds the exit journey.
  const exitIntent = planExitIntent(draft);
  planTicketJourney(draft, exitIntent);
  if (exitIntent) planExitJourney(draft, exitIntent);
  return draft.plan();
}

/** Names must be what the schemas accept; the schemas are where that is written. */
const NAME_PATTERN = {
  intent: new RegExp(intentSchema.properties.name.pattern),
  journey: new RegExp(journeySchema.properties.name.pattern),
};

/** The marks a typed banner's title may quote its phrase with (see typedPhrase). */
const QUOTE_MARKS = /['"‘’“”]/;

/** What is wrong with the options on their own, before the project is looked at. */
export function validateDisconnectionOptions(given: Partial<DisconnectionOptions>): ScaffoldConflict[] {
  const options = withDefaults(given);
  const conflicts: ScaffoldConflict[] = [];
  const invalid = (field: keyof DisconnectionOptions, message: string) => conflicts.push({ kind: 'invalid-option', field, message });
  const { mode, phrase } = options;
  // Options also arrive as JSON from the extension, so the types are not taken on trust.
  if (mode !== 'button' && mode !== 'typed') invalid('mode', `the banner is \`button\` or \`typed\`, not \`${String(mode)}\``);
  if (!isBannerEvent(options.showEvent)) {
    invalid('showEvent', `the banner is shown with \`${BANNER_CLOSE_EVENT}\` or \`${BANNER_SHOW_EVENT}\`, not \`${String(options.showEvent)}\``);
  }
  if (!phrase) invalid('phrase', 'the exit phrase is empty: the customer needs words to click or type, such as `talk to bot`');
  else if (/\p{Cc}/u.test(phrase)) invalid('phrase', 'the exit phrase must be one line of plain text');
  else if (hasTemplate(phrase)) invalid('phrase', 'the exit phrase is what the customer sends, so it cannot be a template');
  else if (mode === 'typed' && QUOTE_MARKS.test(phrase)) {
    invalid('phrase', `the banner's title quotes the phrase to type, so \`${phrase}\` cannot hold quote marks: choose words without them, or a banner with a button`);
  }
  if (mode === 'button' && !options.buttonLabel) invalid('buttonLabel', 'the button needs a label, such as `Exit`');
  if (!options.bannerTitle) invalid('bannerTitle', 'the banner needs a title, such as `Do you want to exit from chat?`');
  const name = (kind: 'intent' | 'journey', field: keyof DisconnectionOptions, value: string | undefined) => {
    if (value === '') invalid(field, `the ${kind} needs a name`);
    else if (value !== undefined && !NAME_PATTERN[kind].test(value)) {
      invalid(field, `\`${value}\` is not a valid ${kind} name: use letters, digits, \`_\`, \`-\` or \`.\`, with no spaces`);
    }
  };
  const ticket = options.ticketJourney;
  if ('existing' in ticket) name('journey', 'ticketJourney', ticket.existing);
  else if ('create' in ticket) {
    name('journey', 'ticketJourney', ticket.create);
    name('intent', 'ticketJourney', ticket.intent);
    if (ticket.intent !== undefined && ticket.intent === options.exitIntent) {
      invalid('ticketJourney', `the journey that raises the ticket cannot start from the exit intent \`${ticket.intent}\``);
    }
  } else invalid('ticketJourney', 'say which journey raises the ticket: `{ "existing": <name> }` or `{ "create": <name> }`');
  name('intent', 'exitIntent', options.exitIntent);
  name('journey', 'exitJourney', options.exitJourney);
  return conflicts;
}

/** The options with defaults for what is not given, and the spaces typed around values trimmed. */
function withDefaults(given: Partial<DisconnectionOptions>): DisconnectionOptions {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const optional = (value: unknown) => (value === undefined || value === null ? undefined : text(value));
  const o = { ...defaultDisconnectionOptions, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) };
  const ticket = (typeof o.ticketJourney === 'object' && o.ticketJourney ? o.ticketJourney : {}) as Partial<{ existing: unknown; create: unknown; intent: unknown }>;
  return {
    mode: o.mode,
    phrase: text(o.phrase),
    buttonLabel: text(o.buttonLabel),
    bannerTitle: text(o.bannerTitle),
    showEvent: o.showEvent,
    ticketJourney: 'existing' in ticket
      ? { existing: text(ticket.existing) }
      : 'create' in ticket
        ? { create: text(ticket.create), intent: optional(ticket.intent) }
        : (ticket as TicketJourneyChoice),
    exitIntent: optional(o.exitIntent),
    exitJourney: optional(o.exitJourney),
    phraseMatch: o.phraseMatch,
  };
}

// ---------------------------------------------------------------------------------------------
// The plan as it is built

type JsonModification = Parameters<typeof modifyJson>[1][number];
export type NameKind = 'intent' | 'journey';

/** Which intent and journey names (and files) are taken, counting what the plan creates. */
class ProjectNames {
  private readonly planned = { intent: new Set<string>(), journey: new Set<string>() };
  private readonly plannedFiles = new Set<string>();

  constructor(private readonly project: BotProject, private readonly index: ProjectIndex) {}

  fileOf(kind: NameKind, name: string): string {
    return path.join(this.project.root, kind === 'intent' ? 'intents' : 'journeys', `${name}.json`);
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

class Draft {
  readonly index: ProjectIndex;
  readonly names: ProjectNames;
  readonly phraseMatch: PhraseMatch;
  private readonly steps: string[] = [];
  private readonly conflicts: ScaffoldConflict[] = [];
  /** Per file, in the order first touched: JSON modifications of a file the project has, or a new file's text. */
  private readonly files = new Map<string, { existing: BotFile; modifications: JsonModification[] } | { text: string }>();

  constructor(readonly project: BotProject, readonly options: DisconnectionOptions) {
    this.index = indexOf(project);
    this.names = new ProjectNames(project, this.index);
    this.phraseMatch = options.phraseMatch ?? project.phraseMatch;
  }

  conflict(conflict: ScaffoldConflict): void {
    // Two changes to one broken file are one thing to fix.
    if (!this.conflicts.some((c) => c.message === conflict.message)) this.conflicts.push(conflict);
  }

  relative(file: string): string {
    return relativePath(this.project.root, file);
  }

  /** Merges modifications into a file of the project; one that is not a valid JSON object is a conflict. */
  modify(file: BotFile, modifications: readonly JsonModification[], step: string): void {
    if (!file.root || file.root.type !== 'object' || file.syntaxProblems.length) {
      this.conflict({ kind: 'cannot-edit', message: `${this.relative(file.path)} is not a valid JSON object: fix it, then add the disconnection again` });
      return;
    }
    const entry = this.files.get(file.path);
    if (entry && 'existing' in entry) entry.modifications.push(...modifications);
    else this.files.set(file.path, { existing: file, modifications: [...modifications] });
    this.steps.push(step);
  }

  create(file: string, value: object, step: string): void {
    // Names are chosen free before this; a file the model knows is never written over.
    if (this.names.fileExists(file)) {
      this.conflict({ kind: 'name-taken', message: `${this.relative(file)} already exists` });
      return;
    }
    this.names.claimFile(file);
    this.files.set(file, { text: jsonFileText(value) });
    this.steps.push(step);
  }

  /**
   * A name for a new intent or journey. One the developer chose is used as it is or refused
   * with a free one suggested (never silently changed); our default becomes `name-2` when taken.
   */
  newName(kind: NameKind, wanted: string, chosen: boolean, field: keyof DisconnectionOptions): string | undefined {
    const name = this.names.free(kind, wanted);
    if (name !== wanted && chosen) {
      this.conflict({ kind: 'name-taken', field, message: `${this.names.takenBy(kind, wanted)}: choose another name for the new ${kind}`, suggestion: name });
      return undefined;
    }
    this.names.claim(kind, name);
    return name;
  }

  plan(): ScaffoldPlan {
    const changes: FileChange[] = [];
    for (const [file, entry] of this.files) {
      if ('text' in entry) {
        changes.push({ kind: 'create', file, text: entry.text });
        continue;
      }
      try {
        changes.push({ kind: 'edit', file, changes: [modifyJson(entry.existing.text, entry.modifications)] });
      } catch (error) {
        // jsonc-parser refuses a path through a value of another type (`nodes` that is not an
        // array, a Raise Ticket `next` that is a string): the file is not of its kind's shape.
        this.conflict({
          kind: 'cannot-edit',
          message: `${this.relative(file)} does not have the shape its schema asks for (${(error as Error).message}): fix it, then add the disconnection again`,
        });
      }
    }
    if (this.conflicts.length) return { edit: { title: TITLE, changes: [] }, steps: [], conflicts: this.conflicts };
    return { edit: { title: TITLE, changes }, steps: this.steps, conflicts: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// The guide's steps

/** Step 1: both banner events declared and enabled, whichever shows the banner (bot.json is created when missing). */
function planEvents(draft: Draft): void {
  const events = [BANNER_SHOW_EVENT, BANNER_CLOSE_EVENT];
  const bot = draft.project.botFile;
  if (!bot) {
    const name = path.basename(draft.project.root);
    draft.create(path.join(draft.project.root, 'bot.json'), { name, events: events.map(eventDeclaration) },
      `Create bot.json for bot \`${name}\`, declaring and enabling \`${BANNER_SHOW_EVENT}\` and \`${BANNER_CLOSE_EVENT}\``);
    return;
  }
  for (const { modification, title } of enableEvents(bot, events)) draft.modify(bot, [modification], title);
}

/**
 * Step 4: the intent trained with the phrase. One already trained with it (as the checks compare)
 * is used as it is, whatever `exitIntent` says, since a second would make the phrase ambiguous;
 * else the phrase is added to `exitIntent` when it exists, else that intent is created.
 */
function planExitIntent(draft: Draft): string | undefined {
  const { index, options } = draft;
  const trained = [...new Set(index.utterancesMatching(options.phrase, draft.phraseMatch).map((u) => u.intentName))];
  // Of two intents trained with the phrase (duplicate-utterance reports that), the one that starts a journey.
  if (trained.length) return trained.find((name) => index.journeysByIntent.has(name)) ?? trained[0];
  const wanted = options.exitIntent ?? DEFAULT_EXIT_INTENT;
  const existing = index.intentsByName.get(wanted)?.[0];
  if (existing) {
    draft.modify(existing.file, [{ path: ['utterances', -1], value: options.phrase }],
      `Add \`${options.phrase}\` as an utterance of intent \`${wanted}\` (${draft.relative(existing.file.path)})`);
    return wanted;
  }
  const name = draft.newName('intent', wanted, options.exitIntent !== undefined, 'exitIntent');
  if (!name) return undefined;
  const file = draft.names.fileOf('intent', name);
  draft.create(file, { name, description: 'The customer wants to leave the live agent and go back to the bot.', utterances: [options.phrase] },
    `Create intent \`${name}\` (${draft.relative(file)}) trained with \`${options.phrase}\``);
  return name;
}

/** Steps 2 and 3: the journey that raises the ticket shows the banner once an agent is connected. */
function planTicketJourney(draft: Draft, exitIntent: string | undefined): void {
  const { index, options } = draft;
  const choice = options.ticketJourney;
  if ('existing' in choice) {
    const entry = index.journeysByName.get(choice.existing)?.[0];
    if (entry) return planBannerIn(draft, entry, exitIntent);
    const near = closestName(choice.existing, index.journeysByName.keys());
    return draft.conflict({
      kind: 'unknown-journey',
      field: 'ticketJourney',
      message: `no journey is named \`${choice.existing}\`${near ? `; did you mean \`${near}\`?` : ''}`,
      ...(near ? { suggestion: near } : {}),
    });
  }
  const existing = index.journeysByName.get(choice.create)?.[0];
  // What a first run created (or a ticket journey the developer already had): completed, so
  // that a second run changes nothing. One that raises no ticket is another journey: a conflict.
  if (existing && raisesTicket(existing.journey)) return planBannerIn(draft, existing, exitIntent);
  const name = draft.newName('journey', choice.create, true, 'ticketJourney');
  const intent = planTicketIntent(draft, choice.intent, exitIntent);
  if (!name || !intent) return;
  const newId = freshIds();
  const connecting = newId('connecting');
  const handoff = handoffNodes(newId, options);
  const file = draft.names.fileOf('journey', name);
  draft.create(file, {
    name,
    description: 'Hands the chat to a live agent and, once one is connected, shows the banner that lets the customer come back to the bot.',
    trigger: { intent },
    start: connecting,
    nodes: [{ id: connecting, type: 'message', text: 'Connecting you to one of our agents.', next: handoff.first }, ...handoff.nodes],
  }, `Create journey \`${name}\` (${draft.relative(file)}), started by intent \`${intent}\`: it raises a ticket and, once an agent is connected, shows the banner with \`${options.showEvent}\``);
}

/**
 * The intent that starts a new ticket journey: `wanted` (default `talk_to_agent`), else an intent
 * already trained with its words, else a new one trained with them (`talk_to_agent` is trained
 * with `talk to agent`), so the developer has a working trigger to add utterances to. An intent
 * that already starts a journey is refused: two journeys from one intent leave the choice to the
 * platform.
 */
function planTicketIntent(draft: Draft, wanted: string | undefined, exitIntent: string | undefined): string | undefined {
  const { index, options } = draft;
  const name = wanted ?? DEFAULT_TICKET_INTENT;
  const utterance = name.replace(/[_.-]+/g, ' ').trim();
  const intent = index.intentsByName.has(name) ? name : index.utterancesMatching(utterance, draft.phraseMatch)[0]?.intentName;
  // A new intent trained with the exit phrase would be a second exit intent (the exit one may be new too, so not in the index).
  const exitTrigger = intent ? intent === exitIntent : name === exitIntent || phraseKey(utterance, draft.phraseMatch) === phraseKey(options.phrase, draft.phraseMatch);
  if (exitTrigger) {
    draft.conflict({ kind: 'invalid-option', field: 'ticketJourney', message: `the journey that raises the ticket cannot start from the exit intent \`${exitIntent ?? name}\`` });
    return undefined;
  }
  if (intent) {
    const started = index.journeysByIntent.get(intent)?.[0];
    if (!started) return intent;
    const other = started.journey.name?.value ?? draft.relative(started.file.path);
    const usable = raisesTicket(started.journey) && started.journey.name;
    draft.conflict({
      kind: 'in-use',
      field: 'ticketJourney',
      message: `intent \`${intent}\` already starts journey \`${other}\`${usable ? ', which raises a ticket: use that journey' : ''}, or choose another intent for the new journey`,
      ...(usable ? { suggestion: started.journey.name!.value } : {}),
    });
    return undefined;
  }
  const created = draft.newName('intent', name, wanted !== undefined, 'ticketJourney');
  if (!created) return undefined;
  const file = draft.names.fileOf('intent', created);
  draft.create(file, { name: created, description: 'The customer asks for a person.', utterances: [utterance] },
    `Create intent \`${created}\` (${draft.relative(file)}) trained with \`${utterance}\``);
  return created;
}

/**
 * The banner in a journey the project has: after each Raise Ticket node, `agentConnected` goes to
 * a new Send Event node that shows it, which goes on where `agentConnected` went. A path that
 * already shows a banner is left as it is. A journey with no Raise Ticket node gets one at its end.
 */
function planBannerIn(draft: Draft, entry: JourneyEntry, exitIntent: string | undefined): void {
  const { journey, file } = entry;
  const name = journey.name?.value ?? draft.relative(file.path);
  if (exitIntent && journey.triggerIntent?.value === exitIntent) {
    draft.conflict({ kind: 'invalid-option', field: 'ticketJourney', message: `journey \`${name}\` starts from the exit intent \`${exitIntent}\`: the journey that raises the ticket must be another one` });
    return;
  }
  const raises = journey.nodes.filter((n) => n.type === 'raiseTicket');
  if (!raises.length) return appendHandoff(draft, entry);
  const newId = freshIds(journey);
  const modifications: JsonModification[] = [];
  // From the last node back, so that a node inserted after one does not move those before it.
  for (const raise of [...raises].reverse()) {
    const connected = raise.next.find((n) => n.outcome === 'agentConnected');
    if (connected && showsBannerAfter(draft, entry, connected, name)) continue;
    const at = journey.nodes.indexOf(raise);
    const id = newId('show-exit-banner');
    modifications.push(
      { path: ['nodes', at, 'next', 'agentConnected'], value: id },
      { path: ['nodes', at + 1], value: bannerNode(id, draft.options, connected?.value), insert: true },
    );
  }
  if (modifications.length) {
    draft.modify(file, modifications, `Show the banner with \`${draft.options.showEvent}\` once an agent is connected, in journey \`${name}\` (${draft.relative(file.path)})`);
  }
}

/**
 * Whether some path from `agentConnected` shows a banner, in the journey or one it jumps to. A
 * banner there offering other phrases than ours is a conflict: it is the developer's, not ours to
 * change, and adding a second would show two.
 */
function showsBannerAfter(draft: Draft, entry: JourneyEntry, connected: NamedValue, name: string): boolean {
  // The journey as if it started where the agent is connected.
  const reached = reachableNodes({ ...entry.journey, start: connected });
  const banners = reached.filter(showsBanner);
  if (!banners.length) {
    return reached.some((n) => n.type === 'jumpToJourney' && n.journey &&
      (draft.index.journeysByName.get(n.journey.value) ?? []).some((target) => reaches(draft.project, target.file, showsBanner)));
  }
  const offered = exitPhrasesOf(entry.file).filter((p) => banners.includes(p.sendEvent)).map((p) => p.phrase);
  const ours = phraseKey(draft.options.phrase, draft.phraseMatch);
  if (offered.length && !offered.some((p) => phraseKey(p, draft.phraseMatch) === ours)) {
    draft.conflict({
      kind: 'banner-differs',
      field: 'phrase',
      message: `journey \`${name}\` already shows a banner once an agent is connected, offering \`${offered[0]}\`, not \`${draft.options.phrase}\`: use its phrase, or change that banner first`,
      suggestion: offered[0],
    });
  }
  return true;
}

/**
 * A journey chosen to raise the ticket that has no Raise Ticket node: the handoff goes at its end,
 * after what it does now, as a developer would add it. Without a Raise Ticket node a journey has
 * no branches, so its end is the node its single path stops at; a journey that jumps elsewhere,
 * loops or names a missing node has none, and is a conflict.
 */
function appendHandoff(draft: Draft, { journey, file }: JourneyEntry): void {
  const name = journey.name?.value ?? draft.relative(file.path);
  const end = lastNode(journey);
  if (typeof end === 'string') {
    draft.conflict({
      kind: 'cannot-edit',
      field: 'ticketJourney',
      message: `journey \`${name}\` raises no ticket and ${end}, so there is no end to raise one at: choose a journey that raises a ticket, or create one`,
      suggestion: draft.names.free('journey', DEFAULT_TICKET_JOURNEY),
    });
    return;
  }
  const handoff = handoffNodes(freshIds(journey), draft.options);
  draft.modify(file, [
    { path: ['nodes', journey.nodes.indexOf(end), 'next'], value: handoff.first },
    ...handoff.nodes.map((value) => ({ path: ['nodes', -1], value })),
  ], `Raise a ticket at the end of journey \`${name}\` (after node \`${end.id?.value}\`) and, once an agent is connected, show the banner with \`${draft.options.showEvent}\` (${draft.relative(file.path)})`);
}

/** The node the single path of a journey without branches stops at, or why there is none. */
function lastNode(journey: Journey): JourneyNode | string {
  const byId = nodesById(journey);
  const seen = new Set<JourneyNode>();
  let node = journey.start && byId.get(journey.start.value);
  while (node) {
    if (seen.has(node)) return 'its path loops';
    seen.add(node);
    if (node.type === 'jumpToJourney') return `it ends by jumping to journey \`${node.journey?.value ?? ''}\``;
    if (!node.next.length) return node;
    node = byId.get(node.next[0].value);
  }
  return 'its `start` or a `next` names no node';
}

/**
 * Steps 5 and 6: every journey the exit intent starts closes the banner and the ticket and
 * welcomes the customer back (the steps it lacks are added); with none, a new one is created.
 */
function planExitJourney(draft: Draft, exitIntent: string): void {
  const started = draft.index.journeysByIntent.get(exitIntent) ?? [];
  for (const { file, journey } of started) {
    const steps = closingSteps(draft.project, file, { welcome: true });
    if (!steps) {
      draft.conflict({ kind: 'cannot-edit', message: `journey \`${journey.name?.value ?? ''}\` (${draft.relative(file.path)}) has no \`start\` to add the closing steps before: fix it, then add the disconnection again` });
    } else if (steps.modifications.length) {
      draft.modify(file, steps.modifications, `${steps.title} (${draft.relative(file.path)})`);
    }
  }
  if (started.length) return;
  const name = draft.newName('journey', draft.options.exitJourney ?? DEFAULT_EXIT_JOURNEY, draft.options.exitJourney !== undefined, 'exitJourney');
  if (!name) return;
  const file = draft.names.fileOf('journey', name);
  draft.create(file, exitJourney(name, exitIntent),
    `Create journey \`${name}\` (${draft.relative(file)}), started by intent \`${exitIntent}\`: it closes the banner and the ticket and welcomes the customer back`);
}

// ---------------------------------------------------------------------------------------------
// The pieces, shared with the quick fixes

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

function bannerNode(id: string, options: DisconnectionOptions, next?: string): object {
  return { id, type: 'sendEvent', event: options.showEvent, data: bannerPayload(options), ...(next === undefined ? {} : { next }) };
}

function showsBanner(node: JourneyNode): boolean {
  return node.type === 'sendEvent' && isBannerEvent(node.event?.value) && node.data !== undefined;
}

function raisesTicket(journey: Journey): boolean {
  return journey.nodes.some((n) => n.type === 'raiseTicket');
}

/** Raise a ticket and, once an agent is connected, show the banner; tell the customer when none can take the chat. */
function handoffNodes(newId: (base: string) => string, options: DisconnectionOptions): { first: string; nodes: object[] } {
  const [raise, banner, busy, failed] = ['raise-ticket', 'show-exit-banner', 'no-agents', 'ticket-error'].map(newId);
  return {
    first: raise,
    nodes: [
      // Named so the exit journey's {{{variables.ticketId}}} visibly refers to it.
      { id: raise, type: 'raiseTicket', ticketIdVariable: 'ticketId', next: { agentConnected: banner, agentsUnavailable: busy, error: failed } },
      bannerNode(banner, options),
      { id: busy, type: 'message', text: 'All our agents are busy. Please try again in a few minutes.' },
      { id: failed, type: 'message', text: 'Sorry, we could not reach an agent just now.' },
    ],
  };
}

function eventDeclaration(name: string): object {
  const description = platformEvent(name)?.description;
  return { name, enabled: true, ...(description ? { description } : {}) };
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
    if (!event) return [{ modification: { path: ['events', -1], value: eventDeclaration(name) }, title: `Declare and enable event \`${name}\` in bot.json` }];
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
 * undefined when the journey has no start to insert before.
 */
export function closingSteps(project: BotProject, file: BotFile, { welcome = false } = {}): { modifications: JsonModification[]; title: string } | undefined {
  const journey = readJourney(file);
  if (!journey.start) return undefined;
  const lacking: { base: string; node: (id: string, next: string) => object }[] = [];
  if (!reaches(project, file, (n) => n.type === 'sendEvent' && n.event?.value === BANNER_CLOSE_EVENT && !n.data)) {
    lacking.push({ base: 'close-banner', node: (id, next) => ({ id, type: 'sendEvent', event: BANNER_CLOSE_EVENT, next }) });
  }
  if (!reaches(project, file, (n) => n.type === 'closeTicket')) {
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
    modifications: nodes.length ? [...nodes.map((value, i) => ({ path: ['nodes', i], value, insert: true })), { path: ['start'], value: ids[0] }] : [],
    title: `Add ${what} at the start of journey \`${journey.name?.value ?? path.basename(file.path)}\``,
  };
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

// ---------------------------------------------------------------------------------------------
// What the command asks

export interface JourneySummary {
  readonly name: string;
  /** Relative to the project, with forward slashes. */
  readonly file: string;
  /** The intent that starts it. */
  readonly intent?: string;
  readonly raisesTicket: boolean;
  readonly showsBanner: boolean;
}

export interface IntentSummary {
  readonly name: string;
  readonly file: string;
  /** The journeys it starts. */
  readonly journeys: readonly string[];
}

export interface DisconnectionContext {
  /** The phrase the project's banners already offer (the first, by file), to propose as the phrase. */
  readonly exitPhrase?: string;
  /** The intent trained with that phrase (or the default one), which the scaffold will use. */
  readonly exitIntent?: string;
  /** The journeys that intent starts, which the scaffold completes rather than creating one. */
  readonly exitJourneys: readonly string[];
  /** Every journey by name but the exit journeys, to ask which raises the ticket. */
  readonly journeys: readonly JourneySummary[];
  readonly intents: readonly IntentSummary[];
  /** Free names for what the scaffold may create. */
  readonly freeTicketJourney: string;
  readonly freeExitJourney: string;
  readonly freeExitIntent: string;
}

/** Plain JSON, so that it crosses the language server protocol as it is. */
export function disconnectionContext(project: BotProject, phraseMatch: PhraseMatch = project.phraseMatch): DisconnectionContext {
  const index = indexOf(project);
  const relative = (file: BotFile) => relativePath(project.root, file.path);
  const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
  const exitPhrase = [...index.bannerPhrases].sort((a, b) => relative(a.file).localeCompare(relative(b.file)) || a.exit.offset - b.exit.offset)[0]?.exit.phrase;
  const exitIntent = index.utterancesMatching(exitPhrase ?? defaultDisconnectionOptions.phrase, phraseMatch)[0]?.intentName;
  const exitJourneys = (exitIntent ? index.journeysByIntent.get(exitIntent) ?? [] : []).flatMap((e) => (e.journey.name ? [e.journey.name.value] : []));
  return {
    ...(exitPhrase !== undefined ? { exitPhrase } : {}),
    ...(exitIntent !== undefined ? { exitIntent } : {}),
    exitJourneys,
    // The ticket-journey question never offers an exit journey (one the exit intent, or any intent
    // trained with a banner's phrase, starts): raising the ticket there would call an agent again.
    journeys: [...index.journeysByName].filter(([name, [entry]]) => !exitJourneys.includes(name) && !exitIntentOf(project, entry, phraseMatch)).map(([name, [{ file, journey }]]) => ({
      name,
      file: relative(file),
      ...(journey.triggerIntent ? { intent: journey.triggerIntent.value } : {}),
      raisesTicket: raisesTicket(journey),
      showsBanner: journey.nodes.some(showsBanner),
    })).sort(byFile),
    intents: [...index.intentsByName].map(([name, [{ file }]]) => ({
      name,
      file: relative(file),
      journeys: (index.journeysByIntent.get(name) ?? []).flatMap((e) => (e.journey.name ? [e.journey.name.value] : [])),
    })).sort(byFile),
    freeTicketJourney: freeName(project, 'journey', DEFAULT_TICKET_JOURNEY),
    freeExitJourney: freeName(project, 'journey', DEFAULT_EXIT_JOURNEY),
    freeExitIntent: freeName(project, 'intent', DEFAULT_EXIT_INTENT),
  };
}
