// The whole project as a graph, before any view is chosen or anything is laid out: every journey's
// nodes and their `next`, outcome and jump links, every banner and its options, and the handoff's
// links across files (an option to the intent trained with its text, an intent to the journey it
// starts, an event to the journeys it triggers), each with its place in its file. It reads through
// the engine's own readers (journey.ts, journeyGraph.ts, exitPhrases.ts, projectIndex.ts,
// exitJourneys.ts), so the graph cannot disagree with the checks about what links to what.
import { type BotFile, type NamedValue, relativePath } from '../model/botFile';
import { closesBanner, closesTicket, readJourney, type Journey, type JourneyNode } from '../model/journey';
import { nodesById, reachableNodeIds } from '../model/journeyGraph';
import type { BannerModel, BannerPayloadModel } from '../model/bannerPayload';
import { sendEventNodesOf } from '../model/functionCode';
import { BANNER_CLOSE_EVENT, platformEvent } from '../model/platformEvents';
import { hasTemplate } from '../model/template';
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { bannerPayloadsOf } from '../analysis/exitPhrases';
import { exitJourneyLacking } from '../analysis/exitJourneys';
import { indexOf, type ProjectIndex } from '../analysis/projectIndex';
import type { GraphEdgeKind, GraphNodeKind, GraphPlace } from './graph';

/** A node before the view is chosen and the layout is made. */
export interface DraftNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  readonly detail?: string;
  readonly cluster?: string;
  readonly nodeType?: string;
  readonly place?: GraphPlace;
  readonly broken?: string;
}

/** An edge before the view is chosen. */
export interface DraftEdge {
  readonly id: string;
  readonly kind: GraphEdgeKind;
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly place?: GraphPlace;
  readonly broken?: string;
}

/** A journey or function file, as the box around its nodes. */
export interface DraftCluster {
  readonly id: string;
  readonly kind: 'journey' | 'function';
  readonly label: string;
  readonly journey?: string;
  readonly file: string;
  readonly place: GraphPlace;
  /** Its nodes' ids, in file order (missing nodes last). */
  readonly nodes: string[];
}

/** The whole project's graph: nodes and clusters by id (in the order made), edges in order. */
export interface DraftGraph {
  readonly nodes: Map<string, DraftNode>;
  readonly edges: DraftEdge[];
  readonly clusters: Map<string, DraftCluster>;
  /** Every journey name, sorted. */
  readonly journeys: string[];
}

/** Labels longer than this many characters are cut with an ellipsis. */
const MAX_LABEL = 36;

/** Builds the graph of every journey and function file of `project`; exit phrases are compared as `mode` says. */
export function buildProjectGraph(project: BotProject, mode: PhraseMatch): DraftGraph {
  return new Builder(project, mode).build();
}

/** A journey file with the key its ids are made from. */
interface JourneyUnit {
  readonly file: BotFile;
  readonly journey: Journey;
  /** The journey's name, or its file's project-relative path when it has none or another file took it. */
  readonly key: string;
  readonly clusterId: string;
  /** Step ids by the journey node they stand for. */
  readonly steps: Map<JourneyNode, string>;
  /** Step ids by node id (the first node with each id, as the platform and nodesById read it). */
  readonly byNodeId: Map<string, string>;
}

class Builder {
  private readonly nodes = new Map<string, DraftNode>();
  private readonly edges: DraftEdge[] = [];
  private readonly edgeIds = new Set<string>();
  private readonly clusters = new Map<string, DraftCluster>();
  private readonly index: ProjectIndex;
  private readonly units: JourneyUnit[] = [];
  private readonly unitsByFile = new Map<BotFile, JourneyUnit>();
  /** Steps by the Send Event node they stand for, journeys and function files alike. */
  private readonly sendSteps = new Map<JourneyNode, string>();
  /** Intents whose node was made by an option's link, with no journey to start (checked at the end). */
  private readonly exitIntents = new Set<string>();

  constructor(
    private readonly project: BotProject,
    private readonly mode: PhraseMatch,
  ) {
    this.index = indexOf(project);
  }

  build(): DraftGraph {
    const journeyFiles = this.sorted(this.project.filesOfKind('journey').filter((f) => f.readable));
    // A name two files hold goes to the one whose file is named after it (else the first by path),
    // so that adding a copy does not change the ids of the original.
    const owner = new Map<string, BotFile>();
    for (const file of journeyFiles) {
      const name = readJourney(file).name?.value;
      if (!name || name.includes('/')) continue;
      const held = owner.get(name);
      if (!held || (!namedAfter(held, name) && namedAfter(file, name))) owner.set(name, file);
    }
    for (const file of journeyFiles) {
      const journey = readJourney(file);
      const name = journey.name?.value;
      const key = name && owner.get(name) === file ? name : this.rel(file);
      const unit: JourneyUnit = { file, journey, key, clusterId: `journey:${key}`, steps: new Map(), byNodeId: new Map() };
      this.units.push(unit);
      this.unitsByFile.set(file, unit);
    }
    for (const unit of this.units) this.addJourney(unit);
    for (const file of this.sorted(this.project.filesOfKind('function').filter((f) => f.readable))) this.addFunctionFile(file);
    for (const unit of this.units) this.addLinks(unit);
    for (const unit of this.units) this.addTriggers(unit);
    this.addEvents();
    for (const unit of this.units) this.addMissingCloseSteps(unit);
    for (const intent of this.exitIntents) this.addUnlinkedIntent(intent);
    const journeys = [...new Set(this.units.flatMap((u) => (u.journey.name ? [u.journey.name.value] : [])))].sort();
    return { nodes: this.nodes, edges: this.edges, clusters: this.clusters, journeys };
  }

  private sorted(files: BotFile[]): BotFile[] {
    return files.sort((a, b) => (this.rel(a) < this.rel(b) ? -1 : this.rel(a) > this.rel(b) ? 1 : 0));
  }

  private rel(file: BotFile): string {
    return relativePath(this.project.root, file.path);
  }

  // --- nodes and edges ---

  private addNode(node: DraftNode): DraftNode {
    const existing = this.nodes.get(node.id);
    if (existing) return existing;
    this.nodes.set(node.id, node);
    if (node.cluster) this.clusters.get(node.cluster)?.nodes.push(node.id);
    return node;
  }

  private addEdge(edge: Omit<DraftEdge, 'id'>): void {
    const base = `${edge.kind}:${edge.from}->${edge.to}${edge.label !== undefined ? `#${edge.label}` : ''}`;
    let id = base;
    for (let n = 2; this.edgeIds.has(id); n++) id = `${base}~${n}`;
    this.edgeIds.add(id);
    this.edges.push({ id, ...edge });
  }

  private placeOf(file: BotFile, value: { node: { offset: number; length: number } } | undefined): GraphPlace | undefined {
    return value ? { file: file.path, offset: value.node.offset, length: value.node.length } : undefined;
  }

  // --- journeys ---

  private addJourney(unit: JourneyUnit): void {
    const { file, journey, key } = unit;
    const name = journey.name?.value;
    this.clusters.set(unit.clusterId, {
      id: unit.clusterId,
      kind: 'journey',
      label: name ?? this.rel(file),
      ...(name !== undefined ? { journey: name } : {}),
      file: file.path,
      place: this.placeOf(file, journey.name) ?? { file: file.path, offset: 0, length: 0 },
      nodes: [],
    });
    const byId = nodesById(journey);
    const reached = journey.start && byId.has(journey.start.value) ? reachableNodeIds(journey, byId) : undefined;
    journey.nodes.forEach((node, position) => {
      const nodeId = node.id?.value;
      const first = nodeId !== undefined && byId.get(nodeId) === node;
      const stepId = `step:${key}/${first ? nodeId : `#${position + 1}`}`;
      unit.steps.set(node, stepId);
      if (first) unit.byNodeId.set(nodeId, stepId);
      if (node.type === 'sendEvent') this.sendSteps.set(node, stepId);
      const unreachable = reached && first && !reached.has(nodeId);
      this.addNode({
        id: stepId,
        kind: 'step',
        label: nodeId ?? `node ${position + 1}`,
        detail: stepDetail(node, file),
        cluster: unit.clusterId,
        ...(node.type !== undefined ? { nodeType: node.type } : {}),
        place: { file: file.path, offset: node.node.offset, length: node.node.length },
        ...(unreachable ? { broken: `unreachable: no path from \`start\` leads to \`${nodeId}\`` } : {}),
        ...(nodeId !== undefined && !first ? { broken: `another node of this journey has the id \`${nodeId}\`: nothing leads here` } : {}),
      });
    });
  }

  /** The step a journey starts at; a missing node in its box when `start` names no node. */
  private entryOf(unit: JourneyUnit): string {
    const start = unit.journey.start;
    const step = start && unit.byNodeId.get(start.value);
    if (step) return step;
    const name = start?.value ?? '';
    return this.addNode({
      id: `missing:step:${unit.key}/${name || '(start)'}`,
      kind: 'missing',
      label: name ? `no node “${clip(name)}”` : 'no start',
      detail: 'missing start',
      cluster: unit.clusterId,
      ...(start ? { place: this.placeOf(unit.file, start) } : { place: this.clusters.get(unit.clusterId)!.place }),
      broken: name ? `\`start\` names \`${name}\`, which no node of this journey has` : 'the journey has no `start`',
    }).id;
  }

  /** `next`, outcomes, jumps and banners of one journey. */
  private addLinks(unit: JourneyUnit): void {
    const { file, journey } = unit;
    for (const node of journey.nodes) {
      const from = unit.steps.get(node)!;
      for (const next of node.next) {
        const to = unit.byNodeId.get(next.value) ?? this.missingStep(unit, next);
        const broken = unit.byNodeId.has(next.value) ? undefined : `no node of this journey has the id \`${next.value}\``;
        this.addEdge({
          kind: next.outcome !== undefined ? 'outcome' : 'next',
          from,
          to,
          ...(next.outcome !== undefined ? { label: next.outcome } : {}),
          place: this.placeOf(file, next),
          ...(broken ? { broken } : {}),
        });
      }
      if (node.type === 'jumpToJourney' && node.journey) this.addJump(unit, from, node.journey);
    }
    this.addBanners(file, unit.steps);
  }

  private missingStep(unit: JourneyUnit, reference: NamedValue): string {
    return this.addNode({
      id: `missing:step:${unit.key}/${reference.value}`,
      kind: 'missing',
      label: `no node “${clip(reference.value)}”`,
      detail: 'missing node',
      cluster: unit.clusterId,
      place: this.placeOf(unit.file, reference),
      broken: `no node of this journey has the id \`${reference.value}\``,
    }).id;
  }

  private addJump(unit: JourneyUnit, from: string, target: NamedValue): void {
    const targets = this.index.journeysByName.get(target.value) ?? [];
    const place = this.placeOf(unit.file, target);
    for (const entry of targets) {
      const targetUnit = this.unitsByFile.get(entry.file);
      if (targetUnit) this.addEdge({ kind: 'jump', from, to: this.entryOf(targetUnit), place });
    }
    if (targets.some((t) => this.unitsByFile.has(t.file))) return;
    const unread = this.project.unreadFiles('journey');
    const broken = unread.length
      ? `no journey file that was read defines \`${target.value}\` (${unread.join(', ')} was not read)`
      : `no journey file defines \`${target.value}\``;
    const to = this.addNode({
      id: `missing:journey:${target.value}`,
      kind: 'missing',
      label: `no journey “${clip(target.value)}”`,
      detail: 'unknown journey',
      place,
      broken,
    }).id;
    this.addEdge({ kind: 'jump', from, to, place, broken });
  }

  // --- function files ---

  private addFunctionFile(file: BotFile): void {
    const sends = sendEventNodesOf(file);
    if (!sends.length) return;
    const rel = this.rel(file);
    const clusterId = `function:${rel}`;
    this.clusters.set(clusterId, {
      id: clusterId,
      kind: 'function',
      label: rel,
      file: file.path,
      place: { file: file.path, offset: 0, length: 0 },
      nodes: [],
    });
    const steps = new Map<JourneyNode, string>();
    sends.forEach((send, position) => {
      const id = `step:${rel}/@${position + 1}`;
      steps.set(send, id);
      this.sendSteps.set(send, id);
      this.addNode({
        id,
        kind: 'step',
        label: 'app.sendEvent',
        detail: send.event ? clip(send.event.value) : undefined,
        cluster: clusterId,
        nodeType: 'sendEvent',
        place: { file: file.path, offset: send.node.offset, length: send.node.length },
      });
    });
    this.addBanners(file, steps);
  }

  // --- banners and their options ---

  private addBanners(file: BotFile, steps: ReadonlyMap<JourneyNode, string>): void {
    for (const { sendEvent, payload } of bannerPayloadsOf(file)) {
      const stepId = steps.get(sendEvent);
      if (!stepId) continue;
      const cluster = this.nodes.get(stepId)!.cluster;
      const stepKey = stepId.slice('step:'.length);
      const event = sendEvent.event!.value;
      const disabled = this.eventDisabled(event);
      const shows = (to: string) =>
        this.addEdge({ kind: 'shows', from: stepId, to, place: this.placeOf(file, sendEvent.event), ...(disabled ? { broken: disabled } : {}) });
      if (!payload.banners.length) {
        const id = this.addNode({
          id: `banner:${stepKey}/1`,
          kind: 'banner',
          label: payload.template !== undefined ? clip(payload.template) : 'no banner',
          detail: payload.template !== undefined ? 'template, filled in when sent' : 'banner payload',
          cluster,
          place: { file: file.path, offset: payload.node.offset, length: payload.node.length },
        }).id;
        shows(id);
        continue;
      }
      for (const banner of payload.banners) this.addBanner(file, stepKey, cluster, banner, payload, shows);
    }
  }

  private addBanner(
    file: BotFile,
    stepKey: string,
    cluster: string | undefined,
    banner: BannerModel,
    payload: BannerPayloadModel,
    shows: (to: string) => void,
  ): void {
    const bannerKey = `${stepKey}/${banner.position + 1}`;
    const title = stringOf(banner.title);
    const several = payload.banners.length > 1 ? ` ${banner.position + 1} of ${payload.banners.length}` : '';
    const bannerId = this.addNode({
      id: `banner:${bannerKey}`,
      kind: 'banner',
      label: banner.kind === 'image' ? 'image banner' : title ? clip(title) : 'no title',
      detail: `banner${several}`,
      cluster,
      place: { file: file.path, offset: banner.node.offset, length: banner.node.length },
    }).id;
    shows(bannerId);
    const phrases = payload.exitPhrases;
    banner.options.forEach((option, o) => {
      const text = stringOf(option.text);
      const url = stringOf(option.url);
      const label = stringOf(option.title);
      const optionId = this.addNode({
        id: `option:${bannerKey}/${o + 1}`,
        kind: 'option',
        label: label ? clip(label) : 'no label',
        detail:
          text !== undefined
            ? hasTemplate(text)
              ? 'sends a template'
              : `sends “${clip(text)}”`
            : url !== undefined
              ? 'opens a link'
              : 'does nothing',
        cluster,
        place: this.placeOf(file, option.text ? { node: option.text } : { node: option.node }),
      }).id;
      this.addEdge({ kind: 'option', from: bannerId, to: optionId });
      const exit = phrases.find((p) => p.node === option.text && p.kind === 'option');
      if (exit) this.addMatches(optionId, exit.phrase, { file: file.path, offset: exit.offset, length: exit.length });
    });
    const typed = phrases.find((p) => p.banner === banner && p.kind === 'typed');
    if (typed) {
      const place = { file: file.path, offset: typed.offset, length: typed.length };
      const optionId = this.addNode({
        id: `option:${bannerKey}/typed`,
        kind: 'option',
        label: `“${clip(typed.phrase)}”`,
        detail: 'typed by the customer',
        cluster,
        place,
      }).id;
      this.addEdge({ kind: 'option', from: bannerId, to: optionId });
      this.addMatches(optionId, typed.phrase, place);
    }
  }

  /** The option's phrase to each intent trained with it, or to a missing node. */
  private addMatches(optionId: string, phrase: string, place: GraphPlace): void {
    const utterances = this.index.utterancesMatching(phrase, this.mode);
    const seen = new Set<string>();
    for (const u of utterances) {
      if (seen.has(u.intentName)) continue;
      seen.add(u.intentName);
      const to = this.intentNode(u.intentName);
      this.exitIntents.add(u.intentName);
      this.addEdge({
        kind: 'matches',
        from: optionId,
        to,
        place: { file: u.file.path, offset: u.utterance.node.offset, length: u.utterance.node.length },
      });
    }
    if (seen.size) return;
    const unread = this.project.unreadFiles('intent');
    const broken = unread.length
      ? `no intent file that was read is trained with “${phrase}” (${unread.join(', ')} was not read)`
      : `no intent is trained with “${phrase}”: clicking or typing it starts no journey`;
    const to = this.addNode({
      id: `missing:intent:${optionId.slice('option:'.length)}`,
      kind: 'missing',
      label: `no intent for “${clip(phrase, 24)}”`,
      detail: 'untrained phrase',
      place,
      broken,
    }).id;
    this.addEdge({ kind: 'matches', from: optionId, to, place, broken });
  }

  private intentNode(name: string): string {
    const entry = this.index.intentsByName.get(name)?.[0];
    return this.addNode({
      id: `intent:${name}`,
      kind: 'intent',
      label: clip(name),
      detail: 'intent',
      ...(entry ? { place: this.placeOf(entry.file, entry.intent.name) } : {}),
      ...(entry ? {} : { broken: `no intent file defines \`${name}\`` }),
    }).id;
  }

  // --- what starts journeys ---

  private addTriggers(unit: JourneyUnit): void {
    const { file, journey } = unit;
    if (journey.triggerIntent) {
      const from = this.intentNode(journey.triggerIntent.value);
      this.addEdge({ kind: 'starts', from, to: this.entryOf(unit), place: this.placeOf(file, journey.triggerIntent) });
    }
  }

  /** Event nodes for the events that trigger journeys, the journeys they trigger, and the steps that send them. */
  private addEvents(): void {
    const triggered = new Map<string, JourneyUnit[]>();
    for (const unit of this.units) {
      const event = unit.journey.triggerEvent?.value;
      if (event) triggered.set(event, [...(triggered.get(event) ?? []), unit]);
    }
    const declared = this.project.configUnknown ? undefined : this.project.config.events;
    const bot = this.project.botFile;
    for (const [event, units] of [...triggered].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const declaration = declared?.get(event);
      const from = this.addNode({
        id: `event:${event}`,
        kind: 'event',
        label: clip(event),
        detail: platformEvent(event) ? 'platform event' : 'custom event',
        ...(declaration && bot ? { place: this.placeOf(bot, declaration.name) } : {}),
      }).id;
      for (const unit of units) {
        this.addEdge({ kind: 'triggers', from, to: this.entryOf(unit), place: this.placeOf(unit.file, unit.journey.triggerEvent) });
      }
    }
    for (const [send, stepId] of this.sendSteps) {
      const event = send.event?.value;
      if (!event || !triggered.has(event)) continue;
      const step = this.nodes.get(stepId)!;
      const disabled = this.eventDisabled(event);
      this.addEdge({
        kind: 'sends',
        from: stepId,
        to: `event:${event}`,
        place: step.place && send.event ? { file: step.place.file, offset: send.event.node.offset, length: send.event.node.length } : undefined,
        ...(disabled ? { broken: disabled } : {}),
      });
    }
  }

  private eventDisabled(event: string): string | undefined {
    if (this.project.configUnknown) return undefined;
    return this.project.config.events.get(event)?.enabled === false ? `event \`${event}\` is disabled in bot.json: it does not fire` : undefined;
  }

  // --- what the exit path lacks ---

  /** The close steps an exit journey never reaches, as missing nodes its last steps lead to. */
  private addMissingCloseSteps(unit: JourneyUnit): void {
    const lacks: [string, string, (node: JourneyNode) => boolean, string][] = [
      ['close-banner', 'never closes the banner', closesBanner, `no path sends \`${BANNER_CLOSE_EVENT}\` without data: the banner stays on screen`],
      ['close-ticket', 'never closes the ticket', closesTicket, 'no path reaches a `closeTicket` node: the ticket stays open'],
    ];
    for (const [what, label, has, broken] of lacks) {
      const lacking = exitJourneyLacking(this.project, unit.file, this.mode, has);
      if (!lacking) continue;
      const place = { file: unit.file.path, ...lacking.trigger };
      const to = this.addNode({
        id: `missing:${what}:${unit.key}`,
        kind: 'missing',
        label,
        detail: `exit journey of \`${clip(lacking.intent, 24)}\``,
        cluster: unit.clusterId,
        place,
        broken,
      }).id;
      for (const from of this.lastSteps(unit)) this.addEdge({ kind: 'lacks', from, to, place, broken });
    }
  }

  /** The reachable steps a journey ends at (no `next`, no jump); its entry when it has none. */
  private lastSteps(unit: JourneyUnit): string[] {
    const byId = nodesById(unit.journey);
    const reached = reachableNodeIds(unit.journey, byId);
    const last = unit.journey.nodes.filter(
      (n) => n.id && reached.has(n.id.value) && byId.get(n.id.value) === n && !n.next.length && n.type !== 'jumpToJourney',
    );
    return last.length ? last.map((n) => unit.steps.get(n)!) : [this.entryOf(unit)];
  }

  /** An exit intent (an option's phrase reaches it) that starts no journey: a link to nowhere. */
  private addUnlinkedIntent(intent: string): void {
    if (this.index.journeysByIntent.has(intent) || this.project.unreadFiles('journey').length) return;
    const from = `intent:${intent}`;
    const place = this.nodes.get(from)?.place;
    const broken = `no journey starts from intent \`${intent}\`: the customer stays with the agent`;
    const to = this.addNode({
      id: `missing:journey-for:${intent}`,
      kind: 'missing',
      label: 'no journey starts',
      detail: `from \`${clip(intent, 24)}\``,
      ...(place ? { place } : {}),
      broken,
    }).id;
    this.addEdge({ kind: 'starts', from, to, ...(place ? { place } : {}), broken });
  }
}

/** Whether the file's name is `<name>.json`. */
function namedAfter(file: BotFile, name: string): boolean {
  return file.path.endsWith(`${name}.json`) && /[\\/]$/.test(file.path.slice(0, -`${name}.json`.length));
}

/** The second line of a step: its type and what it does. */
function stepDetail(node: JourneyNode, file: BotFile): string | undefined {
  switch (node.type) {
    case 'message': {
      const text = file.valueAt(node.node) as { text?: unknown } | undefined;
      return typeof text?.text === 'string' ? `message: ${clip(text.text, 28)}` : 'message';
    }
    case 'sendEvent':
      return node.event ? `send ${clip(node.event.value, 30)}` : 'sendEvent';
    case 'raiseTicket':
      return 'raise ticket';
    case 'closeTicket':
      return 'close ticket';
    case 'jumpToJourney':
      return node.journey ? `jump to ${clip(node.journey.value, 28)}` : 'jumpToJourney';
    default:
      return node.type;
  }
}

function stringOf(node: { type: string; value?: unknown } | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function clip(text: string, max = MAX_LABEL): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
