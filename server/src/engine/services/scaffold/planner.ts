// The scaffold behind "Handoff Kit: Add User-Initiated Disconnection": plans what a bot project
// still lacks of the guide's six steps as one project edit (one undo), merged into the files it
// already has. It never overwrites a file or a node, and a second run with the same options plans
// nothing.
//
// Where the guide is silent, the scaffold decides (each decision is documented where it is made):
// both banner events are declared whichever one shows the banner; an existing journey without a
// Raise Ticket node gets one at its end; a new ticket journey starts from `talk_to_agent`; names
// the developer chose are never replaced, but a default name that is taken becomes `name-2`.
import * as path from 'node:path';
import { relativePath, type BotFile, type NamedValue } from '../../model/botFile';
import { reaches } from '../../analysis/exitJourneys';
import { exitPhrasesOf } from '../../analysis/exitPhrases';
import { raisesTicket, showsBanner, type Journey, type JourneyNode } from '../../model/journey';
import { ticketClosedJourneys } from '../../analysis/ticketClosing';
import { nodesById, reachableNodes } from '../../model/journeyGraph';
import { phraseKey, type PhraseMatch } from '../../phrases/phraseMatch';
import { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT } from '../../model/platformEvents';
import type { BotProject } from '../../project/project';
import { indexOf, type JourneyEntry, type ProjectIndex } from '../../analysis/projectIndex';
import { closestName } from '../../phrases/suggestions';
import { jsonFileText, modifyJson, type FileChange, type ProjectEdit } from '../../edits/edits';
import {
  DEFAULT_EXIT_INTENT,
  DEFAULT_EXIT_JOURNEY,
  DEFAULT_TICKET_INTENT,
  DEFAULT_TICKET_JOURNEY,
  validateDisconnectionOptions,
  withDefaults,
  type DisconnectionOptions,
  type NameKind,
  type ScaffoldConflict,
} from '../../guide/options';
import {
  bannerNode,
  closeBannerNode,
  closingSteps,
  enableEvents,
  exitJourney,
  freshIds,
  handoffNodes,
  newBotConfig,
  ProjectNames,
  type JsonModification,
} from '../../guide/pieces';

/**
 * What planDisconnection plans: one edit (one undo) merging what the project lacks of the guide's six
 * steps into its files, a line per step, and the conflicts to settle first. With conflicts, the edit
 * has no changes.
 */
export interface ScaffoldPlan {
  /** One edit (one undo); no changes when there is nothing to do or there are conflicts. */
  readonly edit: ProjectEdit;
  /** What the edit does, one line a step; empty when the project is already set up. */
  readonly steps: readonly string[];
  /** When not empty, the edit is empty: ask the developer, then plan again. */
  readonly conflicts: readonly ScaffoldConflict[];
}

const TITLE = 'Add user-initiated disconnection';

/**
 * Plans what `project` lacks of the guide's six steps, with `given` options; options not given
 * take their defaults (`defaultDisconnectionOptions`). Never throws and never writes: it returns
 * one edit (files created or merged into, never overwritten) with a line per step, or, when
 * something must be decided first, conflicts and an empty edit. A project already set up gives an
 * empty edit and no steps.
 */
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

// ---------------------------------------------------------------------------------------------
// The plan as it is built

class Draft {
  readonly index: ProjectIndex;
  readonly names: ProjectNames;
  readonly phraseMatch: PhraseMatch;
  private readonly steps: string[] = [];
  private readonly conflicts: ScaffoldConflict[] = [];
  /** Per file, in the order first touched: JSON modifications of a file the project has, or a new file's text. */
  private readonly files = new Map<string, { existing: BotFile; modifications: JsonModification[] } | { text: string }>();

  constructor(
    readonly project: BotProject,
    readonly options: DisconnectionOptions,
  ) {
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
      this.conflict({
        kind: 'cannot-edit',
        message: `${this.relative(file.path)} is not a valid JSON object: fix it, then add the disconnection again`,
      });
      return;
    }
    const entry = this.files.get(file.path);
    if (entry && 'existing' in entry) for (const modification of modifications) entry.modifications.push(modification);
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
      this.conflict({
        kind: 'name-taken',
        field,
        message: `${this.names.takenBy(kind, wanted)}: choose another name for the new ${kind}`,
        suggestion: name,
      });
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
  const bot = draft.project.botFile;
  if (!bot) {
    const name = path.basename(draft.project.root);
    draft.create(
      path.join(draft.project.root, 'bot.json'),
      newBotConfig(name),
      `Create bot.json for bot \`${name}\`, declaring and enabling \`${BANNER_SHOW_EVENT}\` and \`${BANNER_CLOSE_EVENT}\``,
    );
    return;
  }
  for (const { modification, title } of enableEvents(bot, [BANNER_SHOW_EVENT, BANNER_CLOSE_EVENT])) draft.modify(bot, [modification], title);
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
    draft.modify(
      existing.file,
      [{ path: ['utterances', -1], value: options.phrase }],
      `Add \`${options.phrase}\` as an utterance of intent \`${wanted}\` (${draft.relative(existing.file.path)})`,
    );
    return wanted;
  }
  const name = draft.newName('intent', wanted, options.exitIntent !== undefined, 'exitIntent');
  if (!name) return undefined;
  const file = draft.names.fileOf('intent', name);
  draft.create(
    file,
    { name, description: 'The customer wants to leave the live agent and go back to the bot.', utterances: [options.phrase] },
    `Create intent \`${name}\` (${draft.relative(file)}) trained with \`${options.phrase}\``,
  );
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
  draft.create(
    file,
    {
      name,
      description: 'Hands the chat to a live agent and, once one is connected, shows the banner that lets the customer come back to the bot.',
      trigger: { intent },
      start: connecting,
      nodes: [{ id: connecting, type: 'message', text: 'Connecting you to one of our agents.', next: handoff.first }, ...handoff.nodes],
    },
    `Create journey \`${name}\` (${draft.relative(file)}), started by intent \`${intent}\`: it raises a ticket and, once an agent is connected, shows the banner with \`${options.showEvent}\`, closed again when the agent closes the ticket`,
  );
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
  const exitTrigger = intent
    ? intent === exitIntent
    : name === exitIntent || phraseKey(utterance, draft.phraseMatch) === phraseKey(options.phrase, draft.phraseMatch);
  if (exitTrigger) {
    draft.conflict({
      kind: 'invalid-option',
      field: 'ticketJourney',
      message: `the journey that raises the ticket cannot start from the exit intent \`${exitIntent ?? name}\``,
    });
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
  draft.create(
    file,
    { name: created, description: 'The customer asks for a person.', utterances: [utterance] },
    `Create intent \`${created}\` (${draft.relative(file)}) trained with \`${utterance}\``,
  );
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
    draft.conflict({
      kind: 'invalid-option',
      field: 'ticketJourney',
      message: `journey \`${name}\` starts from the exit intent \`${exitIntent}\`: the journey that raises the ticket must be another one`,
    });
    return;
  }
  const raises = journey.nodes.filter((n) => n.type === 'raiseTicket');
  if (!raises.length) return appendHandoff(draft, entry);
  const newId = freshIds(journey);
  const modifications: JsonModification[] = [];
  let banners = 0;
  let closes = 0;
  // When the agent closes the ticket, the banner must close too (banner-outlives-ticket): on the
  // `ticketClosed` outcome, unless a journey triggered by `ticket-closed` closes it already.
  const closedByEvent = ticketClosedClosesBanner(draft);
  // From the last node back, so that a node inserted after one does not move those before it.
  for (const raise of [...raises].reverse()) {
    const at = journey.nodes.indexOf(raise);
    const inserted: object[] = [];
    const connected = raise.next.find((n) => n.outcome === 'agentConnected');
    if (!(connected && showsBannerAfter(draft, entry, connected, name))) {
      const id = newId('show-exit-banner');
      modifications.push({ path: ['nodes', at, 'next', 'agentConnected'], value: id });
      inserted.push(bannerNode(id, draft.options, connected?.value));
      banners++;
    }
    if (!closedByEvent && !raise.next.some((n) => n.outcome === 'ticketClosed')) {
      const id = newId('close-banner');
      modifications.push({ path: ['nodes', at, 'next', 'ticketClosed'], value: id });
      inserted.push(closeBannerNode(id));
      closes++;
    }
    inserted.forEach((value, i) => modifications.push({ path: ['nodes', at + 1 + i], value, insert: true }));
  }
  if (banners) {
    draft.modify(
      file,
      modifications,
      `Show the banner with \`${draft.options.showEvent}\` once an agent is connected, and close it when the agent closes the ticket, in journey \`${name}\` (${draft.relative(file.path)})`,
    );
  } else if (closes) {
    draft.modify(file, modifications, `Close the banner when the agent closes the ticket, in journey \`${name}\` (${draft.relative(file.path)})`);
  }
}

/** Whether a journey triggered by the inbox event `ticket-closed` closes the banner. */
function ticketClosedClosesBanner(draft: Draft): boolean {
  return ticketClosedJourneys(draft.project, draft.index).closesBanner === 'yes';
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
    return reached.some(
      (n) =>
        n.type === 'jumpToJourney' &&
        n.journey &&
        (draft.index.journeysByName.get(n.journey.value) ?? []).some((target) => reaches(draft.project, target.file, showsBanner)),
    );
  }
  const offered = exitPhrasesOf(entry.file)
    .filter((p) => banners.includes(p.sendEvent))
    .map((p) => p.phrase);
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
  draft.modify(
    file,
    [
      { path: ['nodes', journey.nodes.indexOf(end), 'next'], value: handoff.first },
      ...handoff.nodes.map((value) => ({ path: ['nodes', -1], value })),
    ],
    `Raise a ticket at the end of journey \`${name}\` (after node \`${end.id?.value}\`) and, once an agent is connected, show the banner with \`${draft.options.showEvent}\`, closed again when the agent closes the ticket (${draft.relative(file.path)})`,
  );
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
      draft.conflict({
        kind: 'cannot-edit',
        message: `journey \`${journey.name?.value ?? ''}\` (${draft.relative(file.path)}) has no \`start\` to add the closing steps before: fix it, then add the disconnection again`,
      });
    } else if (steps.refused) {
      // The exit intent starts the agent's journey: the phrase must go to another intent.
      draft.conflict({
        kind: 'invalid-option',
        field: 'phrase',
        message: `the exit phrase \`${draft.options.phrase}\` starts journey \`${journey.name?.value ?? draft.relative(file.path)}\` (intent \`${exitIntent}\`), but ${steps.refused}: choose a phrase that intent is not trained with`,
      });
    } else if (steps.modifications.length) {
      draft.modify(file, steps.modifications, `${steps.title} (${draft.relative(file.path)})`);
    }
  }
  if (started.length) return;
  const name = draft.newName('journey', draft.options.exitJourney ?? DEFAULT_EXIT_JOURNEY, draft.options.exitJourney !== undefined, 'exitJourney');
  if (!name) return;
  const file = draft.names.fileOf('journey', name);
  draft.create(
    file,
    exitJourney(name, exitIntent),
    `Create journey \`${name}\` (${draft.relative(file)}), started by intent \`${exitIntent}\`: it closes the banner and the ticket and welcomes the customer back`,
  );
}
