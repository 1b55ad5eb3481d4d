// The one place where a quick fix is judged by the conversation rather than by the finding it
// clears (issue 25): before a fix is offered, or applied by `--fix` and "fix all", the project is
// tried with the fix applied and the handoff paths are compared with those of the project as it
// is. A fix that makes a path worse (Exit now raises a ticket, shows the banner again, or no
// longer closes the banner or the ticket; closing steps now run before a Raise Ticket node; a
// banner now outlives the ticket) is not offered.
//
// The judge is a parameter. `staticJudge` reads the paths from the project model (analysis/);
// `simulatorJudge`, the default, runs the simulator's handoff path (simulation/, issue 22) and
// takes each banner exit's outcome from the conversation, where the simulator reaches it (banners
// sent after an agent connects); the static walk judges the rest and the node-level outcomes, and
// all of it while a journey file does not parse (the checks leave it unread; the simulator would
// run a loose parse of it).
import type { PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { exitPhrasesOf } from '../analysis/exitPhrases';
import { exitPathOf, walkFrom, type ExitPath } from '../analysis/exitPaths';
import { indexOf } from '../analysis/projectIndex';
import { bannersOutlivingTicket, startingAt } from '../analysis/ticketClosing';
import { reachableNodes } from '../model/journeyGraph';
import { closesBanner, closesTicket } from '../model/journey';
import { applyChanges, type ProjectEdit } from '../edits/edits';
import { handoffPath, type HandoffRun } from '../simulation/index';

/** What can go wrong on the way back from the agent, for the customer. */
export type HandoffProblem =
  /** Exit starts no journey: the customer stays with the agent. */
  | 'starts-nothing'
  /** Exit raises a new live-agent ticket. */
  | 'raises-ticket'
  /** Exit shows a banner offering to exit again. */
  | 'shows-banner'
  /** No path of the exit closes the banner. */
  | 'banner-stays'
  /** No path of the exit closes the ticket. */
  | 'ticket-stays';

/**
 * What the handoff paths of a project come to. Keys name places that survive an edit of other
 * parts of their file: `<file>#<n>` for the n-th (0-based) exit phrase of a file's banners,
 * `<file>#<node id>` for a node.
 */
export interface HandoffOutcomes {
  /** Per banner exit phrase, the problems its path has (an empty set: the customer is back with the bot). */
  readonly exits: ReadonlyMap<string, ReadonlySet<HandoffProblem>>;
  /** Close-banner and close-ticket nodes from which a path reaches a Raise Ticket node. */
  readonly closesBeforeRaise: ReadonlySet<string>;
  /** Raise Ticket nodes whose banner stays when the agent closes the ticket. */
  readonly bannersOutliving: ReadonlySet<string>;
}

/** Tells what a project's handoff paths come to; `judgeFix` asks it before and after a fix. */
export interface HandoffJudge {
  /**
   * The outcomes of `project`'s handoff paths. `touched` (absolute paths) are the files the fix
   * edits or creates: node-level outcomes may be limited to them, while every banner's exit is
   * judged (an intent or a jump elsewhere changes where it leads).
   */
  outcomes(project: BotProject, touched: ReadonlySet<string>, mode: PhraseMatch): HandoffOutcomes;
}

/** The judge that reads the paths from the files (analysis/exitPaths.ts): what the checks read. */
export const staticJudge: HandoffJudge = {
  outcomes(project, touched, mode) {
    const exits = exitOutcomes(project, mode);
    const closesBeforeRaise = new Set<string>();
    const bannersOutliving = new Set<string>();
    const index = indexOf(project);
    for (const filePath of touched) {
      const file = project.file(filePath);
      const entry = file && index.journeyOf(file);
      if (!entry) continue;
      const closing = [...reachableNodes(entry.journey)].filter((node) => node.id && (closesBanner(node) || closesTicket(node)));
      const toRaise = { pastRaise: false, until: 'raise' } as const;
      // One walk from all of them first: when none reaches a Raise Ticket node (the usual case),
      // no walk per node is needed, which in a journey of thousands of closing nodes costs their square.
      const starts = closing.map((node) => startingAt(entry, node.id!.value));
      const any = starts.length > 0 && walkFrom(project, index, starts, { ...toRaise, anyStart: true }).raises.length > 0;
      for (const node of any ? closing : []) {
        if (walkFrom(project, index, [startingAt(entry, node.id!.value)], toRaise).raises.length)
          closesBeforeRaise.add(`${filePath}#${node.id!.value}`);
      }
      for (const { raise } of bannersOutlivingTicket(project, entry)) bannersOutliving.add(`${filePath}#${raise.id?.value ?? ''}`);
    }
    return { exits, closesBeforeRaise, bannersOutliving };
  },
};

/**
 * The judge that runs the conversation: the simulator's handoff path (every exit of every banner
 * sent after an agent connects), each run's verdict turned into the problems of its banner exit.
 * Exits the handoff path does not reach, and the node-level outcomes, come from `staticJudge`.
 */
export const simulatorJudge: HandoffJudge = {
  outcomes(project, touched, mode) {
    const base = staticJudge.outcomes(project, touched, mode);
    // A journey file the checks cannot read (a syntax error) leaves where an exit leads unknown to
    // them; the simulator would run the loose parse of it. Then the static verdicts stand, so that
    // both judge the same project.
    if (project.unreadFiles('journey').length) return base;
    const exits = new Map(base.exits);
    const index = indexOf(project);
    for (const run of handoffPath(project, { phraseMatch: mode }).runs) {
      const file = index.journeysByName.get(run.banner.journey)?.[0]?.file;
      if (!file) continue;
      const n = exitPhrasesOf(file).findIndex(
        (e) => e.sendEvent.id?.value === run.banner.node && e.phrase === run.exit.phrase && e.kind === run.exit.kind,
      );
      if (n >= 0) exits.set(`${file.path}#${n}`, runProblems(run));
    }
    return { ...base, exits };
  },
};

/** The problems a handoff run's exit shows: what the customer's exit input led to, and how the run ends. */
function runProblems(run: HandoffRun): Set<HandoffProblem> {
  const exitInput = run.inputs.length - 1;
  const after = run.steps.filter((s) => s.input === exitInput);
  const problems = new Set<HandoffProblem>();
  if (!after.some((s) => s.kind === 'journey')) problems.add('starts-nothing');
  if (after.some((s) => s.kind === 'ticket' && s.state.ticket === 'raised')) problems.add('raises-ticket');
  else if (after.some((s) => s.kind === 'banner' && s.state.banner.status === 'shown')) problems.add('shows-banner');
  if (!run.outcome.bannerHidden) problems.add('banner-stays');
  if (!run.outcome.ticketClosed) problems.add('ticket-stays');
  return problems;
}

/** The last project generation whose exit outcomes were worked out, per project: a code action judges several fixes against it. */
const lastExits = new WeakMap<BotProject, { generation: number; mode: PhraseMatch; exits: ReadonlyMap<string, ReadonlySet<HandoffProblem>> }>();

/** The problems of every banner exit phrase of the project (journeys and function files), one walk per distinct phrase. */
function exitOutcomes(project: BotProject, mode: PhraseMatch): ReadonlyMap<string, ReadonlySet<HandoffProblem>> {
  const last = lastExits.get(project);
  if (last && last.generation === project.generation && last.mode === mode) return last.exits;
  const paths = new Map<string, ExitPath>();
  const exits = new Map<string, ReadonlySet<HandoffProblem>>();
  const banners = [...indexOf(project).bannerPhrases.map((b) => b.file), ...project.filesOfKind('function')];
  for (const file of new Set(banners)) {
    exitPhrasesOf(file).forEach((exit, n) => {
      let path = paths.get(exit.phrase);
      // Past a Raise Ticket node nothing makes the path better: the walk stops there.
      if (!path) paths.set(exit.phrase, (path = exitPathOf(project, exit.phrase, mode, { pastRaise: false })));
      exits.set(`${file.path}#${n}`, problemsOf(path));
    });
  }
  lastExits.set(project, { generation: project.generation, mode, exits });
  return exits;
}

function problemsOf(path: ExitPath): Set<HandoffProblem> {
  const problems = new Set<HandoffProblem>();
  if (!path.starts.length) problems.add('starts-nothing');
  if (path.raises.length) problems.add('raises-ticket');
  if (path.shows.length && !path.raises.length) problems.add('shows-banner');
  if (path.closesBanner === 'no') problems.add('banner-stays');
  if (path.closesTicket === 'no') problems.add('ticket-stays');
  return problems;
}

/** Whether a fix may be offered, and if not, what it would make worse (for messages and tests). */
export interface FixJudgement {
  readonly safe: boolean;
  /** One line per path made worse, such as `journeys/live-agent.json#0: raises-ticket`. */
  readonly worse: readonly string[];
}

/** How `judgeFix` and `isSafeFix` judge: the phrase comparison, and the judge of handoff outcomes. */
export interface JudgeOptions {
  /** How exit phrases are compared; the project's setting by default. */
  readonly phraseMatch?: PhraseMatch;
  /** Who judges; `simulatorJudge` by default. */
  readonly judge?: HandoffJudge;
  /**
   * Offer the fixes without judging them: the caller judges those it applies together, as one
   * edit (chooseSafeFixes, for a file of many fixes). Judging each costs a parse of its file.
   */
  readonly unjudged?: boolean;
}

/**
 * Judges `fix` by the conversation: the handoff outcomes of the project with the fix applied
 * against those of the project as it is. Safe when no outcome gets a problem it did not have.
 * A fix that changes nothing (a command that asks the user) is safe here: what it leads to is
 * judged when its edit is made. Never throws and leaves the project as it was; a fix that cannot
 * be tried (an edit of a file the project lacks) is not safe.
 */
export function judgeFix(project: BotProject, fix: ProjectEdit, options: JudgeOptions = {}): FixJudgement {
  if (!fix.changes.length) return { safe: true, worse: [] };
  const judge = options.judge ?? simulatorJudge;
  const mode = options.phraseMatch ?? project.phraseMatch;
  try {
    const texts = new Map<string, string>();
    for (const change of fix.changes) {
      if (change.kind === 'create') {
        texts.set(change.file, change.text);
        continue;
      }
      const text = texts.get(change.file) ?? project.file(change.file)?.text;
      if (text === undefined) return { safe: false, worse: [`${change.file}: not in the project`] };
      texts.set(change.file, applyChanges(text, change.changes));
    }
    const touched = new Set(texts.keys());
    const before = judge.outcomes(project, touched, mode);
    const after = project.withTexts(texts, () => judge.outcomes(project, touched, mode));
    const worse = compare(before, after);
    return { safe: worse.length === 0, worse };
  } catch (error) {
    return { safe: false, worse: [`the fix could not be judged: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** Whether `fix` may be offered and applied: `judgeFix`'s verdict. */
export function isSafeFix(project: BotProject, fix: ProjectEdit, options: JudgeOptions = {}): boolean {
  return judgeFix(project, fix, options).safe;
}

/** The places whose outcome `after` makes worse than `before`, one line each. */
function compare(before: HandoffOutcomes, after: HandoffOutcomes): string[] {
  const worse: string[] = [];
  for (const [key, problems] of after.exits) {
    const was = before.exits.get(key);
    // A banner the fix adds is judged against a phrase that starts nothing.
    const added = [...problems].filter((p) => !(was ? was.has(p) : p === 'starts-nothing' || p === 'banner-stays' || p === 'ticket-stays'));
    if (added.length) worse.push(`${key}: ${added.join(', ')}`);
  }
  for (const key of after.closesBeforeRaise) if (!before.closesBeforeRaise.has(key)) worse.push(`${key}: closes before a Raise Ticket node`);
  for (const key of after.bannersOutliving) if (!before.bannersOutliving.has(key)) worse.push(`${key}: the banner outlives the ticket`);
  return worse;
}
