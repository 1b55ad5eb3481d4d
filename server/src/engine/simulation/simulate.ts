// One deterministic run of a conversation over a bot project: the inputs are applied in order,
// the journeys run node by node, and every step records what happened, the state after it and
// why. Semantics (docs/simulator.md): a customer's text starts the journey of the intent trained
// with it, compared as the project's `exitPhraseMatch` says; while an agent holds the chat, a text
// that starts no journey reaches the agent; a disabled or undeclared event does not fire.
// Nothing here executes function code, and a run is bounded in steps.
import type * as jsonc from 'jsonc-parser';
import {
  BANNER_CLOSE_EVENT,
  closesBanner,
  closesTicket,
  describeDifference,
  hasTemplate,
  indexOf,
  isBannerEvent,
  nodesById,
  phraseDifference,
  readBannerPayload,
  readIntent,
  type BannerPayloadModel,
  type BotFile,
  type BotProject,
  type JourneyEntry,
  type JourneyNode,
  type PhraseMatch,
} from './engineParts';
import type { SimulationInput, TicketOutcome } from './inputs';
import { eventVerdict } from './events';
import { judge, type SimulationOutcome } from './outcome';
import {
  INITIAL_STATE,
  type ShownOption,
  type BannerState,
  type ShownBanner,
  type SentEvent,
  type SimulationState,
  type TicketStatus,
} from './state';
import { NO_FINDINGS, Step, type SharedState, type SimulationStep, type SimulationStepKind } from './step';
import { fillTemplates } from './templates';
import { CheckedFindings, placeOf, relativeFile, why, type Explanation, type SimulationFinding, type SimulationPlace } from './why';

/** The bound on a run's steps when none is given. */
export const DEFAULT_MAX_STEPS = 1000;

/** A whole run. */
export interface SimulationRun {
  /** The inputs given, in order. */
  readonly inputs: readonly SimulationInput[];
  /** Every step, in order; the last is the `end` step with the verdict. */
  readonly steps: readonly SimulationStep[];
  /** The verdict on the state the run ends in. */
  readonly outcome: SimulationOutcome;
  /** How phrases were compared with utterances. */
  readonly phraseMatch: PhraseMatch;
  /** What the run does not do, said once per run (matching is the project's rule, not the platform's NLU…). */
  readonly notes: readonly string[];
  /** Set when the run stopped before its inputs were all applied: a loop, or the bound on steps. */
  readonly stopped?: 'loop' | 'maxSteps';
}

/** How a run is made. */
export interface SimulateOptions {
  /** How phrases are compared with utterances; default: the project's `exitPhraseMatch` (`exact` when it says nothing). */
  readonly phraseMatch?: PhraseMatch;
  /** The most steps a run takes before it stops with a `stop` step (default 1,000). */
  readonly maxSteps?: number;
  /**
   * The checks' findings, shared by the runs of one project version (see CheckedFindings); made
   * for the run when not given. Its way of comparing phrases should be the run's.
   */
  readonly findings?: CheckedFindings;
  /**
   * The banner the customer must see before an input (the handoff path's exit): when the banner
   * shown just before input `beforeInput` (0-based) is not the one the node `node` of journey
   * `journey` sent, the run is judged stuck, whatever follows.
   */
  readonly expectBanner?: { readonly beforeInput: number; readonly journey: string; readonly node: string };
  /**
   * `steps` (the default): the run keeps every step. `verdict`: it keeps only its `stop` and `end`
   * steps, for judging many runs when nobody reads the transcripts (`simulate --summary`); the
   * outcome is the same, and the bound on steps still counts every step.
   */
  readonly keep?: 'steps' | 'verdict';
  /**
   * Variables set before the first input, by name (values are strings, as the run's own): a
   * conversation test's fixtures. Templates such as `{{{variables.name}}}` read them.
   */
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * Runs `inputs` over `project` and returns the run: every step with the state after it and why,
 * and the verdict. Never throws on inputs that do not fit the project (an unknown journey or
 * option, a click with no banner shown): such an input becomes an `error` step and the run goes
 * on with the next one. Reads the project as it is; the project is not changed.
 */
export function simulate(project: BotProject, inputs: readonly SimulationInput[], options: SimulateOptions = {}): SimulationRun {
  return new Simulation(project, options).run(inputs);
}

/** The note every run carries on how phrases are matched. */
export function matchingNote(phraseMatch: PhraseMatch): string {
  const how = phraseMatch === 'exact' ? 'exactly, character for character' : 'ignoring case and spacing';
  return `Phrases are compared with the utterances of intents/*.json ${how}, as this project's exitPhraseMatch says: that is the project's rule, not the platform's NLU, which may match phrases this does not, or miss some it does.`;
}

/** The note on function code, for a project that has some. */
export const FUNCTIONS_NOTE = 'functions/*.js are never run: what they do (such as a banner sent with app.sendEvent) is not part of any run.';

/** The node a step runs, with its words and place made only when a why is read. */
class NodeAt {
  constructor(
    private readonly names: { nameOf(entry: JourneyEntry): string; readonly project: BotProject },
    private readonly entry: JourneyEntry,
    private readonly node: JourneyNode,
  ) {}

  /** `Node \`id\` of journey \`name\` (journeys/file.json)`. */
  where(): string {
    const { file } = this.entry;
    return `Node \`${this.node.id?.value}\` of journey \`${this.names.nameOf(this.entry)}\` (${relativeFile(this.names.project, file)})`;
  }

  place(): SimulationPlace {
    return placeOf(this.names.project, this.entry.file, this.node.node);
  }
}

/** Where a journey goes after a node: another node, a wait for the ticket, its end, or nowhere (already said). */
type Next = { readonly entry: JourneyEntry; readonly id: string } | 'wait' | 'end' | 'halt';

const EVENT_CODES = ['event-disabled', 'event-not-declared', 'unknown-event'];

class Simulation {
  private readonly index;
  private readonly phraseMatch: PhraseMatch;
  private readonly maxSteps: number;
  private readonly findings: CheckedFindings;
  private readonly expectBanner: SimulateOptions['expectBanner'];
  private readonly steps: Step[] = [];
  /** Whether every step is kept (SimulateOptions.keep), and how many there were. */
  private readonly keepSteps: boolean;
  private stepCount = 0;
  /** The findings the steps named, in order. */
  private readonly named: SimulationFinding[] = [];
  private inputIndex = 0;
  private inputCount = 0;
  private stopped: 'loop' | 'maxSteps' | undefined;

  // The state, changed as nodes run; each step copies it.
  private journey: string | undefined;
  private node: string | undefined;
  private waiting: { readonly entry: JourneyEntry; readonly node: JourneyNode } | undefined;
  /** The Raise Ticket node whose ticket an agent holds: its `ticketClosed` outcome runs when the agent closes it. */
  private heldBy: { readonly entry: JourneyEntry; readonly node: JourneyNode } | undefined;
  private variables: Readonly<Record<string, string>> = {};
  private ticket: TicketStatus = 'none';
  private ticketId: string | undefined;
  private ticketCount = 0;
  private banner: BannerState = INITIAL_STATE.banner;
  /** The payload of the banner shown, as the banner reader read it, and its file. */
  private bannerModel: { readonly payload: BannerPayloadModel; readonly file: BotFile } | undefined;
  private events: readonly SentEvent[] = [];
  private holder: 'bot' | 'agent' = 'bot';
  private lastShared: SharedState | undefined;
  /** The journeys a customer's message started (in order): where a closing step was to be. */
  private readonly startedByIntent: JourneyEntry[] = [];

  constructor(
    readonly project: BotProject,
    options: SimulateOptions,
  ) {
    this.index = indexOf(project);
    this.phraseMatch = options.phraseMatch ?? project.phraseMatch;
    this.maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
    this.findings = options.findings ?? new CheckedFindings(project, this.phraseMatch);
    this.expectBanner = options.expectBanner;
    this.keepSteps = options.keep !== 'verdict';
    if (options.variables) this.variables = { ...options.variables };
  }

  run(inputs: readonly SimulationInput[]): SimulationRun {
    this.inputCount = inputs.length;
    const expected = this.expectBanner;
    // Not shown unless the run gets to that input and the banner is on screen then.
    let shown = false;
    for (let i = 0; i < inputs.length && !this.stopped; i++) {
      this.inputIndex = i;
      if (i === expected?.beforeInput) shown = this.shows(expected);
      this.apply(inputs[i]);
    }
    const outcome = judge(
      this.state(),
      this.named,
      () => this.closingFindings(),
      expected && { shown, journey: expected.journey, node: expected.node },
    );
    this.steps.push(
      new Step('end', outcome.summary, undefined, this.journey, this.node, this.sharedState(), () => outcome.why, outcome.why.findings),
    );
    const notes = [matchingNote(this.phraseMatch)];
    if (hasFunctions(this.project)) notes.push(FUNCTIONS_NOTE);
    return { inputs, steps: this.steps, outcome, phraseMatch: this.phraseMatch, notes, ...(this.stopped ? { stopped: this.stopped } : {}) };
  }

  /** Whether the banner on screen is the one node `node` of journey `journey` sent. */
  private shows(banner: { readonly journey: string; readonly node: string }): boolean {
    return this.banner.status === 'shown' && this.banner.journey === banner.journey && this.banner.node === banner.node;
  }

  // ---- the steps -----------------------------------------------------------------------------

  private state(): SimulationState {
    return { journey: this.journey, node: this.node, ...this.sharedState() };
  }

  /**
   * The state but the journey and node, as the last step had it when nothing in it changed: a
   * run keeps a state per step, and most steps (a message, a journey's end) change only the node.
   * The variables, the banner and the events are replaced, never changed, so comparing them is enough.
   */
  private sharedState(): SharedState {
    const last = this.lastShared;
    const waitingFor = this.waiting ? 'ticket' : undefined;
    if (
      last &&
      last.waitingFor === waitingFor &&
      last.variables === this.variables &&
      last.ticket === this.ticket &&
      last.banner === this.banner &&
      last.events === this.events &&
      last.with === this.holder
    ) {
      return last;
    }
    return (this.lastShared = {
      waitingFor,
      variables: this.variables,
      ticket: this.ticket,
      banner: this.banner,
      events: this.events,
      with: this.holder,
    });
  }

  /**
   * Adds a step; past the bound, adds the `stop` step instead and stops the run. `explain` makes
   * the step's why when it is first read: it must read only what it captured, never the run's
   * state as it is later. `findings` are the checks' findings that explain the step.
   */
  private emit(kind: SimulationStepKind, text: string, explain: () => Explanation, findings: readonly SimulationFinding[] = NO_FINDINGS): void {
    if (this.stopped) return;
    if (this.stepCount >= this.maxSteps) {
      const left = this.notApplied();
      this.stop('maxSteps', `the run stops: it reached its bound of ${this.maxSteps} steps`, () =>
        why(`A run is bounded in steps so that it always ends; ${left}.`),
      );
      return;
    }
    this.stepCount++;
    for (const finding of findings) this.named.push(finding);
    if (this.keepSteps) this.steps.push(new Step(kind, text, this.inputIndex, this.journey, this.node, this.sharedState(), explain, findings));
  }

  private stop(reason: 'loop' | 'maxSteps', text: string, explain: () => Explanation): void {
    this.steps.push(new Step('stop', text, this.inputIndex, this.journey, this.node, this.sharedState(), explain, NO_FINDINGS));
    this.stopped = reason;
  }

  private notApplied(): string {
    const left = this.inputCount - this.inputIndex - 1;
    return left > 0
      ? `the ${left} input${left === 1 ? '' : 's'} after this one ${left === 1 ? 'is' : 'are'} not applied`
      : 'no input is left to apply';
  }

  private apply(input: SimulationInput): void {
    switch (input.kind) {
      case 'startJourney':
        return this.startJourney(input.journey, input.node);
      case 'say':
        return this.say(input.text);
      case 'click':
        return this.click(input);
      case 'ticket':
        return this.ticketOutcome(input.outcome);
      case 'event':
        return this.fireEvent(input.name);
      default: {
        const unknown = input as { kind?: unknown };
        this.emit('error', `unknown input ${JSON.stringify(unknown.kind)}`, () =>
          why('An input is one of say, click, ticket, event or startJourney.'),
        );
      }
    }
  }

  // ---- inputs --------------------------------------------------------------------------------

  private startJourney(name: string, nodeId: string | undefined): void {
    const entry = this.index.journeysByName.get(name)?.[0];
    if (!entry) {
      const names = [...this.index.journeysByName.keys()].sort();
      this.emit('error', `no journey is named \`${name}\``, () =>
        why(`The project's journeys are ${names.length ? names.map((n) => `\`${n}\``).join(', ') : 'none'}.`),
      );
      return;
    }
    const rel = this.rel(entry.file);
    const start = nodeId ?? entry.journey.start?.value;
    if (nodeId !== undefined && !this.nodesOf(entry.file).has(nodeId)) {
      this.emit('error', `journey \`${name}\` has no node \`${nodeId}\``, () =>
        why(`No node of journey \`${name}\` (${rel}) has the id \`${nodeId}\`.`, [this.journeyPlace(entry)]),
      );
      return;
    }
    this.dropWait();
    this.emit('journey', `journey \`${name}\` starts${nodeId !== undefined ? ` at node \`${nodeId}\`` : ''}`, () =>
      why(`The run starts journey \`${name}\` (${rel})${nodeId !== undefined ? ` at node \`${nodeId}\`` : ''}.`, [this.journeyPlace(entry)]),
    );
    this.drive(entry, start);
  }

  private say(text: string): void {
    const typed = this.bannerModel?.payload.exitPhrases.find((exit) => exit.kind === 'typed' && exit.phrase === text);
    const model = this.bannerModel;
    const reason =
      typed && model
        ? () =>
            why(`The customer types \`${text}\`, as the banner shown (${this.rel(model.file)}) asks.`, [
              placeOf(this.project, model.file, typed.node),
            ])
        : () => why(`The customer types \`${text}\`.`);
    this.emit('customer', text, reason);
    this.customerMessage(text);
  }

  private click(input: Extract<SimulationInput, { kind: 'click' }>): void {
    const shown = this.banner;
    const model = this.bannerModel;
    if (shown.status !== 'shown' || !model) {
      const state = shown.status === 'hidden' ? 'the banner was hidden' : 'no banner has been shown in this run';
      this.emit('error', `no banner is shown: there is no \`${input.title}\` to click`, () => why(`Nothing to click: ${state}.`));
      return;
    }
    const { payload, file } = model;
    let found: { option: BannerPayloadModel['banners'][number]['options'][number]; view: ShownOption } | undefined;
    for (const banner of payload.banners) {
      if (input.banner !== undefined && banner.position !== input.banner) continue;
      banner.options.forEach((option, i) => {
        if (found || (input.option !== undefined && i !== input.option)) return;
        const view = this.optionView(file, option);
        if (input.option !== undefined || view.title === input.title) found = { option, view };
      });
    }
    if (!found) {
      const titles = shown.banners.flatMap((b) => b.options.map((o) => o.title)).filter((t): t is string => t !== undefined);
      this.emit('error', `the banner has no option titled \`${input.title}\``, () =>
        why(
          `The banner shown (${shown.place.file}) has ${titles.length ? `the options ${titles.map((t) => `\`${t}\``).join(', ')}` : 'no options to click'}.`,
          [shown.place],
        ),
      );
      return;
    }
    const { option, view } = found;
    const label = view.title ?? input.title;
    const optionPlace = placeOf(this.project, file, option.node);
    if (view.text === undefined) {
      if (view.url !== undefined) {
        this.emit('link', `opens ${view.url}`, () =>
          why(`Option \`${label}\` of the banner (${this.rel(file)}) has a \`url\`: a click opens the link and sends nothing.`, [optionPlace]),
        );
      } else {
        const findings = this.findings.of(
          file,
          ['banner-schema'],
          (f) => f.offset >= option.node.offset && f.offset <= option.node.offset + option.node.length,
        );
        this.emit(
          'error',
          `option \`${label}\` does nothing`,
          () => why(`Option \`${label}\` of the banner (${this.rel(file)}) has neither \`text\` nor \`url\`: a click sends nothing.`, [optionPlace]),
          findings,
        );
      }
      return;
    }
    const template = hasTemplate(view.text) ? ` Its text is a template whose value is known only on the platform.` : '';
    this.emit('customer', view.text, () =>
      why(
        `The customer clicks option \`${label}\` of the banner (${this.rel(file)}): it sends its text \`${view.text}\` as the customer's message.${template}`,
        [optionPlace],
      ),
    );
    this.customerMessage(view.text);
  }

  private ticketOutcome(outcome: TicketOutcome): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      const { entry, node } = waiting;
      const name = this.nameOf(entry);
      const raiseId = node.id?.value ?? '?';
      this.setTicket(outcome);
      this.heldBy = outcome === 'agentConnected' ? waiting : undefined;
      this.emit('ticket', ticketChange(outcome, this.ticketId), () =>
        why(
          `The ticket raised by node \`${raiseId}\` of journey \`${name}\` (${this.rel(entry.file)}) takes the outcome \`${outcome}\`${outcome === 'agentConnected' ? ': an agent holds the chat' : ''}; the journey goes on from that outcome's \`next\`.`,
          [placeOf(this.project, entry.file, node.node)],
        ),
      );
      const next = node.next.find((n) => n.outcome === outcome);
      if (!next) {
        this.journeyEnds(entry, `node \`${raiseId}\` has no \`${outcome}\` outcome in its \`next\``, placeOf(this.project, entry.file, node.node));
        return;
      }
      this.drive(entry, next.value);
      return;
    }
    const open = this.ticket === 'raised' || this.ticket === 'agentConnected';
    if (!open) {
      const status = describeTicket(this.ticket);
      this.emit('error', `no ticket is open: the outcome \`${outcome}\` changes nothing`, () => why(`The ticket is ${status}.`));
      return;
    }
    if (this.ticket === 'agentConnected' && outcome !== 'ticketClosed') {
      this.emit('error', `an agent already holds the chat: the outcome \`${outcome}\` changes nothing`, () =>
        why('Only `ticketClosed` changes a ticket an agent holds.'),
      );
      return;
    }
    // The agent closes the ticket: the Raise Ticket node that connected the agent goes on from its
    // `ticketClosed` outcome (what banner-outlives-ticket reads).
    const held = this.ticket === 'agentConnected' ? this.heldBy : undefined;
    this.heldBy = undefined;
    const heldNext = held?.node.next.find((n) => n.outcome === 'ticketClosed');
    this.setTicket(outcome);
    if (held && heldNext) {
      const raiseId = held.node.id?.value ?? '?';
      // The step stands at the Raise Ticket node, whose `ticketClosed` outcome the journey follows.
      this.journey = this.nameOf(held.entry);
      this.node = held.node.id?.value;
      this.emit('ticket', ticketChange(outcome, this.ticketId), () =>
        why(
          `The agent closes the ticket raised by node \`${raiseId}\` of journey \`${this.nameOf(held.entry)}\` (${this.rel(held.entry.file)}): the journey goes on from its \`ticketClosed\` outcome's \`next\`.`,
          [placeOf(this.project, held.entry.file, held.node.node)],
        ),
      );
      this.drive(held.entry, heldNext.value);
      this.startEventJourneys('ticket-closed', 'the platform sends `ticket-closed` when a ticket is closed');
      return;
    }
    this.emit('ticket', ticketChange(outcome, this.ticketId), () =>
      why(
        held
          ? `The ticket takes the outcome \`${outcome}\`; node \`${held.node.id?.value ?? '?'}\` of journey \`${this.nameOf(held.entry)}\` has no \`ticketClosed\` outcome in its \`next\`, so no journey continues.`
          : `The ticket takes the outcome \`${outcome}\`; no Raise Ticket node waits on it, so no journey continues.`,
      ),
    );
    if (outcome === 'ticketClosed') this.startEventJourneys('ticket-closed', 'the platform sends `ticket-closed` when a ticket is closed');
  }

  private fireEvent(name: string): void {
    const verdict = eventVerdict(this.project, name);
    if (!verdict.fires) {
      this.events = [...this.events, { name, fired: false, by: 'input' }];
      this.emit('event', `\`${name}\` does not fire`, () => why(verdict.text, verdict.places()));
      return;
    }
    this.events = [...this.events, { name, fired: true, by: 'input' }];
    if (name === 'ym_closed_promotion' || name === BANNER_CLOSE_EVENT) {
      const what =
        name === BANNER_CLOSE_EVENT
          ? `\`${BANNER_CLOSE_EVENT}\` without data closes the banner`
          : '`ym_closed_promotion`: the customer closed the banner';
      if (this.banner.status === 'shown') {
        this.hideBanner();
        this.emit('banner', 'banner hidden', () => why(`${capitalize(what)}.`, verdict.places()));
      } else {
        this.emit('event', `\`${name}\` fires`, () => why(`${capitalize(what)}; no banner is shown.`, verdict.places()));
      }
    } else if ((name === 'ticket-closed' || name === 'ticket-assigned-bot') && (this.ticket === 'raised' || this.ticket === 'agentConnected')) {
      this.dropWait();
      this.ticket = 'closed';
      this.holder = 'bot';
      const what = name === 'ticket-closed' ? 'the ticket was closed' : 'the ticket was handed back to the bot';
      this.emit('ticket', `ticket ${this.ticketId} closed`, () => why(`\`${name}\`: ${what}; the customer is with the bot.`));
    } else {
      this.emit('event', `\`${name}\` fires`, () => why(verdict.text, verdict.places()));
    }
    this.startEventJourneys(name, `\`${name}\` fired`);
  }

  // ---- the customer's message ----------------------------------------------------------------

  /**
   * A message from the customer (typed, or sent by a click): the journey of the intent trained
   * with it starts; else it reaches the agent, or, with the bot, starts nothing.
   */
  private customerMessage(text: string): void {
    const matches = this.index.utterancesMatching(text, this.phraseMatch);
    if (!matches.length) {
      const places: SimulationPlace[] = [];
      let reason = `no intent is trained with \`${text}\``;
      const like = this.phraseMatch === 'exact' ? this.index.utterancesLike(text)[0] : undefined;
      const difference = like && phraseDifference(text, like.utterance.value);
      if (like && difference) {
        reason += ` (it looks like \`${like.utterance.value}\`, an utterance of intent \`${like.intentName}\` (${this.rel(like.file)}), but ${describeDifference(difference)}, and this project compares phrases exactly)`;
        places.push(placeOf(this.project, like.file, like.utterance.node));
      }
      const findings = this.bannerPhraseFindings(text);
      if (this.holder === 'agent') this.emit('agent', text, () => why(`${capitalize(reason)}: the message goes to the agent.`, places), findings);
      else
        this.emit(
          'journey',
          'no journey starts',
          () => why(`${capitalize(reason)}: no journey starts (the bot's fallback reply is not simulated).`, places),
          findings,
        );
      return;
    }
    const first = matches[0];
    const position = readIntent(first.file).utterances.findIndex((u) => u.value === first.utterance.value) + 1;
    const utterancePlace = placeOf(this.project, first.file, first.utterance.node);
    const same = first.utterance.value === text;
    let trained = same
      ? `\`${text}\` is utterance ${position} of intent \`${first.intentName}\` (${this.rel(first.file)})`
      : `\`${text}\` matches utterance ${position}, \`${first.utterance.value}\`, of intent \`${first.intentName}\` (${this.rel(first.file)}) when case and spacing are ignored`;
    const others = [...new Set(matches.map((m) => m.intentName))].filter((n) => n !== first.intentName);
    if (others.length) trained += ` (it also trains ${others.map((n) => `\`${n}\``).join(', ')}: the first in project order is taken here)`;
    const journeys = this.index.journeysByIntent.get(first.intentName) ?? [];
    if (!journeys.length) {
      const findings = this.findings.of(first.file, ['exit-intent-unlinked'], (f) => f.data?.intent === first.intentName);
      if (this.holder === 'agent')
        this.emit('agent', text, () => why(`${trained}, which starts no journey: the message goes to the agent.`, [utterancePlace]), findings);
      else this.emit('journey', 'no journey starts', () => why(`${trained}, which starts no journey.`, [utterancePlace]), findings);
      return;
    }
    const target = journeys[0];
    const name = this.nameOf(target);
    let reason = `${trained} which starts journey \`${name}\` (${this.rel(target.file)})`;
    if (journeys.length > 1) reason += `, the first of the ${journeys.length} journeys it triggers`;
    if (this.holder === 'agent') reason += ': the platform starts it while the agent holds the chat, and the message does not reach the agent';
    this.startedByIntent.push(target);
    this.dropWait();
    this.emit('journey', `journey \`${name}\` starts`, () => why(`${reason}.`, [utterancePlace, this.journeyPlace(target)]));
    this.drive(target, target.journey.start?.value);
  }

  /** The option-text-mismatch findings on the banner shown for `text`, its exit phrase. */
  private bannerPhraseFindings(text: string): SimulationFinding[] {
    if (!this.bannerModel || this.banner.status !== 'shown') return [];
    return this.findings.of(this.bannerModel.file, ['option-text-mismatch'], (f) => f.data?.phrase === text);
  }

  // ---- journeys ------------------------------------------------------------------------------

  /** Runs a journey from node `startId` until it ends, waits for a ticket, or the run stops. */
  private drive(entry: JourneyEntry, startId: string | undefined): void {
    let current = entry;
    let id = startId;
    // The nodes run for this input: one that runs again is a loop the bot never leaves (nodes do
    // not branch on anything but a ticket's outcome, which is an input).
    const ran = new Set<JourneyNode>();
    const trail: string[] = [];
    while (!this.stopped) {
      const name = this.nameOf(current);
      if (trail[trail.length - 1] !== name) trail.push(name);
      if (id === undefined) {
        this.journeyEnds(current, 'it has no `start`', this.journeyPlace(current));
        return;
      }
      const node = this.nodesOf(current.file).get(id);
      if (!node) {
        const findings = this.findings.of(current.file, ['unknown-node'], (f) => f.data?.name === id);
        this.journeyEnds(current, `it has no node \`${id}\``, this.journeyPlace(current), findings);
        return;
      }
      if (ran.has(node)) {
        this.stop('loop', `the run stops: node \`${id}\` of journey \`${name}\` would run again`, () =>
          why(
            `Node \`${id}\` of journey \`${name}\` (${this.rel(current.file)}) already ran for this input (${trail.map((t) => `\`${t}\``).join(' -> ')}): the bot would loop forever. ${capitalize(this.notApplied())}.`,
            [placeOf(this.project, current.file, node.node)],
          ),
        );
        return;
      }
      ran.add(node);
      this.journey = name;
      this.node = id;
      const next = this.runNode(current, node);
      if (next === 'wait' || next === 'halt') return;
      if (next === 'end') {
        this.journeyEnds(current, `node \`${id}\` has no \`next\``, placeOf(this.project, current.file, node.node));
        return;
      }
      current = next.entry;
      id = next.id;
    }
  }

  private journeyEnds(entry: JourneyEntry, because: string, place: SimulationPlace, findings: readonly SimulationFinding[] = []): void {
    const name = this.nameOf(entry);
    this.journey = undefined;
    this.node = undefined;
    this.emit('journey', `journey \`${name}\` ends`, () => why(`Journey \`${name}\` (${this.rel(entry.file)}) ends: ${because}.`, [place]), findings);
  }

  private runNode(entry: JourneyEntry, node: JourneyNode): Next {
    const { file } = entry;
    const value = objectValue(file, node);
    const at = new NodeAt(this, entry, node);
    // Step 6 of the guide, as the closing check reads it (exitJourneys.ts).
    if (closesTicket(node)) {
      this.closeTicket(value, at);
      return this.nextOf(entry, node);
    }
    switch (node.type) {
      case 'message': {
        const text = typeof value.text === 'string' ? fillTemplates(value.text, this.variables) : undefined;
        this.emit('bot', text ?? '', () => why(`${at.where()} says it${text === undefined ? ' (it has no `text`)' : ''}.`, [at.place()]));
        return this.nextOf(entry, node);
      }
      case 'sendEvent':
        this.sendEvent(entry, node, at);
        return this.nextOf(entry, node);
      case 'raiseTicket': {
        const variable = typeof value.ticketIdVariable === 'string' && value.ticketIdVariable ? value.ticketIdVariable : 'ticketId';
        const group = typeof value.group === 'string' ? value.group : undefined;
        this.dropWait();
        this.ticketId = `ticket-${++this.ticketCount}`;
        this.variables = { ...this.variables, [variable]: this.ticketId };
        this.ticket = 'raised';
        this.holder = 'bot';
        this.waiting = { entry, node };
        this.emit('ticket', `ticket ${this.ticketId} raised${group ? ` for the group \`${group}\`` : ''}; waiting for its outcome`, () =>
          why(
            `${at.where()} raises a live-agent ticket and waits for its outcome; the ticket's id (simulated) is kept in variable \`${variable}\`.`,
            [at.place()],
          ),
        );
        return 'wait';
      }
      case 'jumpToJourney': {
        const target = node.journey?.value;
        const found = target === undefined ? undefined : this.index.journeysByName.get(target)?.[0];
        if (!found) {
          const findings = this.findings.of(file, ['unknown-journey'], (f) => f.data?.name === target);
          this.emit(
            'journey',
            `jump to \`${target ?? ''}\` goes nowhere`,
            () =>
              why(
                `${at.where()} jumps to ${target === undefined ? 'no journey (it has no `journey`)' : `journey \`${target}\`, which no journey file defines`}: the run's journey ends.`,
                [at.place()],
              ),
            findings,
          );
          this.journey = undefined;
          this.node = undefined;
          return 'halt';
        }
        this.emit('journey', `jumps to journey \`${target}\``, () =>
          why(`${at.where()} continues in journey \`${target}\` (${this.rel(found.file)}).`, [at.place(), this.journeyPlace(found)]),
        );
        const start = found.journey.start?.value;
        if (start === undefined) {
          this.journeyEnds(found, 'it has no `start`', this.journeyPlace(found));
          return 'halt';
        }
        return { entry: found, id: start };
      }
      default:
        this.emit('error', `node type \`${node.type ?? ''}\` is not simulated`, () =>
          why(`${at.where()} has the type \`${node.type ?? '(none)'}\`, which the simulator does not run: the journey stops here.`, [at.place()]),
        );
        this.journey = undefined;
        this.node = undefined;
        return 'halt';
    }
  }

  private nextOf(entry: JourneyEntry, node: JourneyNode): Next {
    const next = node.next[0];
    return next && next.outcome === undefined ? { entry, id: next.value } : 'end';
  }

  private sendEvent(entry: JourneyEntry, node: JourneyNode, at: NodeAt): void {
    const { file } = entry;
    if (!node.event) {
      this.emit('error', 'a Send Event node without an event', () => why(`${at.where()} names no event: nothing is sent.`, [at.place()]));
      return;
    }
    const name = fillTemplates(node.event.value, this.variables);
    const data = node.data ? file.valueAt(node.data) : undefined;
    const verdict = eventVerdict(this.project, name);
    if (!verdict.fires) {
      const eventPlace = placeOf(this.project, file, node.event.node);
      this.events = [...this.events, { name, ...(node.data ? { data } : {}), fired: false, by: 'bot' }];
      const findings = this.findings.of(file, EVENT_CODES, (f) => f.offset === node.event!.node.offset);
      this.emit(
        'event',
        `\`${name}\` not sent: it does not fire`,
        () => why(`${at.where()} sends \`${name}\`, but ${verdict.text}`, [eventPlace, ...verdict.places()]),
        findings,
      );
      return;
    }
    this.events = [...this.events, { name, ...(node.data ? { data } : {}), fired: true, by: 'bot' }];
    if (isBannerEvent(name) && node.data) {
      const payload = readBannerPayload(node.data, file.text);
      const replaced = this.banner.status === 'shown';
      this.showBanner(entry, node, payload, name, data, at.place());
      const title = this.banner.status === 'shown' ? this.banner.title : undefined;
      this.emit('banner', `banner ${replaced ? 'replaced' : 'shown'}${title !== undefined ? `: ${JSON.stringify(title)}` : ''}`, () =>
        why(`${at.where()} sends \`${name}\` (${verdict.text}) with a banner payload (${describeShape(payload)}).`, [
          at.place(),
          ...verdict.places(),
        ]),
      );
      return;
    }
    if (closesBanner(node)) {
      if (this.banner.status === 'shown') {
        this.hideBanner();
        this.emit('banner', 'banner hidden', () =>
          why(`${at.where()} sends \`${name}\` without data (${verdict.text}), which closes the banner.`, [at.place(), ...verdict.places()]),
        );
      } else {
        this.emit('event', `\`${name}\` sent; no banner is shown`, () =>
          why(`${at.where()} sends \`${name}\` without data, which closes the banner; none is shown.`, [at.place()]),
        );
      }
      return;
    }
    const carries = isBannerEvent(name)
      ? ' without data: it carries no banner, so the banner does not change'
      : data === undefined
        ? ''
        : ' with its data';
    this.emit('event', `\`${name}\` sent`, () =>
      why(`${at.where()} sends \`${name}\` (${verdict.text})${carries}.`, [at.place(), ...verdict.places()]),
    );
  }

  private closeTicket(value: Record<string, unknown>, at: NodeAt): void {
    const target = describeTicketClose(this.project);
    if (this.ticket !== 'raised' && this.ticket !== 'agentConnected') {
      const status = describeTicket(this.ticket);
      this.emit('ticket', 'no ticket is open: nothing to close', () =>
        why(`${at.where()} closes the ticket ${target}, but the ticket is ${status}.`, [at.place()]),
      );
      return;
    }
    const written = typeof value.ticketId === 'string' ? value.ticketId : undefined;
    const filled = written === undefined ? undefined : fillTemplates(written, this.variables);
    if (filled !== undefined && !hasTemplate(filled) && filled !== this.ticketId) {
      const open = this.ticketId;
      this.emit('ticket', `ticket \`${filled}\` is not the open ticket: ${open} stays open`, () =>
        why(`${at.where()} closes the ticket \`${filled}\` (from \`${written}\`), but the open ticket is ${open}.`, [at.place()]),
      );
      return;
    }
    const unknownId =
      filled !== undefined && hasTemplate(filled) ? ` Its ticket id \`${written}\` is not set in this run; it is taken to be the open ticket.` : '';
    this.dropWait();
    this.ticket = 'closed';
    this.holder = 'bot';
    this.emit('ticket', `ticket ${this.ticketId} closed`, () =>
      why(`${at.where()} closes the ticket ${target}: the customer is with the bot.${unknownId}`, [at.place()]),
    );
  }

  // ---- events, banner, ticket ----------------------------------------------------------------

  private showBanner(
    entry: JourneyEntry,
    node: JourneyNode,
    payload: BannerPayloadModel,
    event: string,
    data: unknown,
    place: SimulationPlace,
  ): void {
    const { file } = entry;
    const banners: ShownBanner[] = payload.banners.map((banner) => ({
      kind: banner.kind,
      ...optional('title', this.stringAt(file, banner.title)),
      options: banner.options.map((option) => this.optionView(file, option)),
    }));
    const first = banners.find((b) => b.kind === 'text');
    this.banner = {
      status: 'shown',
      event,
      payload: data,
      shape: payload.shape,
      banners,
      ...optional('title', first?.title),
      options: first?.options ?? [],
      journey: this.nameOf(entry),
      ...optional('node', node.id?.value),
      place,
    };
    this.bannerModel = { payload, file };
  }

  private hideBanner(): void {
    this.banner = { status: 'hidden' };
    this.bannerModel = undefined;
  }

  private optionView(file: BotFile, option: BannerPayloadModel['banners'][number]['options'][number]): ShownOption {
    return {
      ...optional('title', this.stringAt(file, option.title)),
      ...optional('text', this.stringAt(file, option.text)),
      ...optional('url', this.stringAt(file, option.url)),
    };
  }

  /** A string of a banner as the customer sees it: templates filled from the run's variables. */
  private stringAt(file: BotFile, node: jsonc.Node | undefined): string | undefined {
    const value = node ? file.valueAt(node) : undefined;
    return typeof value === 'string' ? fillTemplates(value, this.variables) : undefined;
  }

  private setTicket(outcome: TicketOutcome): void {
    // No agent took the ticket (agentsUnavailable), or it could not be raised (error): the customer stays with the bot.
    this.ticket = outcome === 'agentConnected' ? 'agentConnected' : outcome === 'error' ? 'none' : 'closed';
    this.holder = outcome === 'agentConnected' ? 'agent' : 'bot';
  }

  private dropWait(): void {
    this.waiting = undefined;
  }

  /** Starts the first journey whose trigger is the event `name`, if any. */
  private startEventJourneys(name: string, because: string): void {
    if (this.stopped) return;
    for (const file of this.project.filesOfKind('journey')) {
      const entry = this.index.journeyOf(file);
      if (entry?.journey.triggerEvent?.value !== name) continue;
      this.dropWait();
      const journeyName = this.nameOf(entry);
      this.emit('journey', `journey \`${journeyName}\` starts`, () =>
        why(`${capitalize(because)}, and journey \`${journeyName}\` (${this.rel(file)}) is triggered by it.`, [this.journeyPlace(entry)]),
      );
      this.drive(entry, entry.journey.start?.value);
      return;
    }
  }

  // ---- the project ---------------------------------------------------------------------------

  /** The steps that explain an ending where the banner or the ticket was left: the closing checks of the journeys the customer started. */
  private closingFindings(): { banner: SimulationFinding[]; ticket: SimulationFinding[] } {
    const files = [...new Set(this.startedByIntent.map((e) => e.file))];
    return {
      banner: files.flatMap((f) => this.findings.of(f, ['banner-not-closed'])),
      ticket: files.flatMap((f) => this.findings.of(f, ['ticket-not-closed'])),
    };
  }

  private nodesOf(file: BotFile): ReadonlyMap<string, JourneyNode> {
    const entry = this.index.journeyOf(file);
    return entry ? journeyNodes(entry) : new Map();
  }

  nameOf(entry: JourneyEntry): string {
    return entry.journey.name?.value ?? this.rel(entry.file);
  }

  private journeyPlace(entry: JourneyEntry): SimulationPlace {
    const node = entry.journey.triggerIntent?.node ?? entry.journey.name?.node ?? entry.file.root;
    return node ? placeOf(this.project, entry.file, node) : { file: this.rel(entry.file), path: entry.file.path, offset: 0, length: 0 };
  }

  private rel(file: BotFile): string {
    return relativeFile(this.project, file);
  }
}

const nodesByJourney = new WeakMap<BotFile, ReadonlyMap<string, JourneyNode>>();

/** A journey's nodes by id (the first of each id), worked out once per file version: every run reads them. */
export function journeyNodes(entry: JourneyEntry): ReadonlyMap<string, JourneyNode> {
  let byId = nodesByJourney.get(entry.file);
  if (!byId) nodesByJourney.set(entry.file, (byId = nodesById(entry.journey)));
  return byId;
}

const functionsByProject = new WeakMap<BotProject, { generation: number; has: boolean }>();

/** Whether the project has function files (asked by every run; worked out once per project version). */
function hasFunctions(project: BotProject): boolean {
  let known = functionsByProject.get(project);
  if (known?.generation !== project.generation) {
    functionsByProject.set(project, (known = { generation: project.generation, has: project.filesOfKind('function').length > 0 }));
  }
  return known.has;
}

/** The node's value as an object (a node that is not an object reads as an empty one). */
function objectValue(file: BotFile, node: JourneyNode): Record<string, unknown> {
  const value = file.valueAt(node.node);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function describeTicket(status: TicketStatus): string {
  return { none: 'not raised', raised: 'raised and waiting for an agent', agentConnected: 'with an agent', closed: 'closed' }[status];
}

function ticketChange(outcome: TicketOutcome, id: string | undefined): string {
  switch (outcome) {
    case 'agentConnected':
      return `an agent takes ticket ${id}: the customer is with the agent`;
    case 'agentsUnavailable':
      return `no agent is available for ticket ${id}: the customer stays with the bot`;
    case 'ticketClosed':
      return `ticket ${id} closed: the customer is with the bot`;
    case 'error':
      return `ticket ${id} could not be raised: the customer stays with the bot`;
  }
}

function describeShape(payload: BannerPayloadModel): string {
  const count = payload.banners.length;
  switch (payload.shape) {
    case 'banner':
      return 'one banner';
    case 'array':
      return `an array of ${count} banner${count === 1 ? '' : 's'}`;
    case 'legacy':
      return `the legacy quickReplies shape, ${count} banner${count === 1 ? '' : 's'}`;
    case 'dynamic':
      return `dynamic banners, ${count} banner${count === 1 ? '' : 's'}`;
    case 'template':
      return `a template, ${payload.template ?? ''}, whose banners are known only on the platform`;
  }
}

/** Where a closeTicket step closes the ticket, as bot.json's `ticketClose` says. */
function describeTicketClose(project: BotProject): string {
  const bot = project.botFile;
  const value = bot?.readable && !bot.syntaxProblems.length ? (bot.value as Record<string, unknown> | undefined) : undefined;
  const close = value && typeof value.ticketClose === 'object' && value.ticketClose !== null ? (value.ticketClose as Record<string, unknown>) : {};
  return close.target === 'api'
    ? `through the ticket close API${typeof close.url === 'string' ? ` at ${close.url}` : ''} (bot.json ticketClose)`
    : 'in the inbox';
}
