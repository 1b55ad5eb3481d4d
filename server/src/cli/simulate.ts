// `handoff-kit simulate`: runs the engine's simulator over a bot project and prints the runs as
// transcripts (customer, bot, agent, banner and ticket changes, each with its why) or as JSON.
// With no inputs, the runs are the project's handoff path; with inputs, one run of them.
import { InvalidArgumentError } from 'commander';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BotWorkspace,
  describeInput,
  handoffPath,
  isTicketOutcome,
  blockingNodeFileSystem,
  readJourney,
  simulate,
  TICKET_OUTCOMES,
  type BotProject,
  type HandoffRun,
  type SimulationFinding,
  type SimulationInput,
  type SimulationPlace,
  type SimulationRun,
  type SimulationState,
  type SimulationStep,
} from '../engine';
import { projectFolder } from './targets';
import { UsageError } from './usageError';
import { escapeControls } from './formats';

/** The formats `simulate --format` takes. */
export const SIMULATE_FORMATS = ['text', 'json'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

export interface SimulateRunOptions {
  /** The folder a relative project path is resolved against. */
  readonly cwd: string;
  readonly format: SimulateFormat;
  /** The inputs of one run, in the order given; empty: the handoff path. */
  readonly inputs: readonly SimulationInput[];
  /** Text format: print only the verdict line of each run, not its transcript. */
  readonly summary?: boolean;
}

/** What the command prints and its exit status: 1 when a run leaves the customer stuck. */
export interface SimulateCommandRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

/** A run as the command prints it: with a title (the handoff path's, or the inputs in words). */
type TitledRun = SimulationRun & { readonly title: string };

/**
 * The options that are inputs of a run (`--journey`, `--say`, `--click`, `--ticket`, `--event`),
 * kept in the order they are given on the command line, which commander does not keep across
 * options: each option's parser appends to one list as commander reads the arguments, left to right.
 */
export class InputOptions {
  readonly inputs: SimulationInput[] = [];

  /** The parser of one input option: appends the input, and returns the option's own list (unused). */
  parser(kind: SimulationInput['kind']): (value: string, previous: string[] | undefined) => string[] {
    return (value, previous) => {
      this.inputs.push(inputOf(kind, value));
      return [...(previous ?? []), value];
    };
  }
}

function inputOf(kind: SimulationInput['kind'], value: string): SimulationInput {
  switch (kind) {
    case 'startJourney':
      return { kind, journey: value };
    case 'say':
      return { kind, text: value };
    case 'click':
      return { kind, title: value };
    case 'event':
      return { kind, name: value };
    case 'ticket':
      if (!isTicketOutcome(value)) throw new InvalidArgumentError(`--ticket takes one of ${TICKET_OUTCOMES.join(', ')}, not "${value}"`);
      return { kind, outcome: value };
  }
}

/**
 * Runs `handoff-kit simulate` on the project at `projectPath` (relative to `cwd`; the current
 * folder when undefined). Throws UsageError when the path is not a bot project or a `--journey`
 * names no journey of it.
 */
export async function runSimulate(projectPath: string | undefined, options: SimulateRunOptions): Promise<SimulateCommandRun> {
  const given = projectPath ?? '.';
  const root = await projectFolder(projectPath, options.cwd);
  const project = await new BotWorkspace(blockingNodeFileSystem).loadProject(root);
  checkJourneys(project, options.inputs);
  // Only the verdicts are printed with --summary: the runs need not keep their steps.
  const keep = { keep: options.summary && options.format === 'text' ? ('verdict' as const) : ('steps' as const) };
  let runs: TitledRun[];
  let notes: readonly string[];
  let header: string;
  if (options.inputs.length) {
    const run = simulate(project, options.inputs, keep);
    runs = [{ ...run, title: options.inputs.map(describeInput).join(', ') }];
    notes = run.notes;
    header = `One run of ${given}: ${runs[0].title}.`;
  } else {
    const handoff = handoffPath(project, keep);
    runs = [...handoff.runs];
    notes = handoff.notes;
    header = runs.length
      ? `The handoff path of ${given}: ${runs.length} run${runs.length === 1 ? '' : 's'}, one for each exit of a banner sent after an agent connects.`
      : `The handoff path of ${given}: no banner is sent after an agent connects (the agentConnected outcome of a Raise Ticket node), so there is nothing to run.`;
  }
  const exitCode = runs.some((run) => run.outcome.stuck) ? 1 : 0;
  const places = new PlaceLocator(project);
  const stdout =
    options.format === 'json'
      ? `${JSON.stringify(
          runs.map((run) => runJson(run, places)),
          null,
          2,
        )}\n`
      : formatText(header, notes, runs, places, options.summary ?? false);
  return { stdout, stderr: '', exitCode };
}

/** A `--journey` that names no journey of the project is a usage error, not a step of a run. */
function checkJourneys(project: BotProject, inputs: readonly SimulationInput[]): void {
  const names = new Set(project.filesOfKind('journey').map((file) => readJourney(file).name?.value));
  for (const input of inputs) {
    if (input.kind !== 'startJourney' || names.has(input.journey)) continue;
    const known = [...names].filter((n): n is string => n !== undefined).sort();
    throw new UsageError(
      `--journey ${escapeControls(input.journey)}: the project has no such journey${known.length ? ` (its journeys: ${known.map(escapeControls).join(', ')})` : ''}`,
    );
  }
}

// ---- text ----------------------------------------------------------------------------------------

const KIND_WIDTH = 9;

function formatText(header: string, notes: readonly string[], runs: readonly TitledRun[], places: PlaceLocator, summary: boolean): string {
  const out: string[] = [escapeControls(header)];
  for (const note of notes) out.push(`Note: ${escapeControls(note)}`);
  if (!summary) {
    runs.forEach((run, i) => {
      out.push('', `Run ${i + 1} of ${runs.length}: ${escapeControls(run.title)}`);
      for (const step of run.steps) for (const line of stepLines(step, places)) out.push(line);
    });
  }
  if (runs.length) out.push('');
  for (const run of runs) {
    const verdict = run.outcome.stuck ? 'stuck' : 'back with the bot';
    const missing = run.outcome.stuck
      ? `: ${run.outcome.missing.join(', ')}${run.outcome.codes.length ? ` (${run.outcome.codes.join(', ')})` : ''}`
      : '';
    out.push(`${verdict.padEnd(17)}  ${escapeControls(run.title)}${escapeControls(missing)}`);
  }
  return `${out.join('\n')}\n`;
}

function stepLines(step: SimulationStep, places: PlaceLocator): string[] {
  const indent = ' '.repeat(2 + KIND_WIDTH + 1);
  const lines = [`  ${step.kind.padEnd(KIND_WIDTH)} ${escapeControls(step.text)}`];
  lines.push(`${indent}${escapeControls(step.why.text)}`);
  if (step.why.places.length) lines.push(`${indent}at ${step.why.places.map((p) => places.label(p)).join(', ')}`);
  for (const finding of step.why.findings)
    lines.push(`${indent}${finding.code}: ${escapeControls(finding.message)} (${places.label(finding.place)})`);
  return lines;
}

// ---- JSON ----------------------------------------------------------------------------------------

function runJson(run: TitledRun, places: PlaceLocator): object {
  const handoff = run as Partial<Pick<HandoffRun, 'banner' | 'exit'>>;
  const { why: _why, ...outcome } = run.outcome;
  return {
    title: run.title,
    inputs: run.inputs,
    ...(handoff.banner ? { banner: { ...handoff.banner, place: places.json(handoff.banner.place) } } : {}),
    ...(handoff.exit ? { exit: handoff.exit } : {}),
    steps: run.steps.map((step) => ({
      kind: step.kind,
      text: step.text,
      ...(step.input !== undefined ? { input: step.input } : {}),
      state: stateJson(step.state, places),
      why: {
        text: step.why.text,
        places: step.why.places.map((p) => places.json(p)),
        findings: step.why.findings.map((f) => findingJson(f, places)),
      },
    })),
    outcome: { ...outcome, why: { text: run.outcome.why.text, findings: run.outcome.why.findings.map((f) => findingJson(f, places)) } },
    phraseMatch: run.phraseMatch,
    notes: run.notes,
    ...(run.stopped ? { stopped: run.stopped } : {}),
  };
}

function stateJson(state: SimulationState, places: PlaceLocator): object {
  return { ...state, banner: state.banner.status === 'shown' ? { ...state.banner, place: places.json(state.banner.place) } : state.banner };
}

function findingJson(finding: SimulationFinding, places: PlaceLocator): object {
  return { code: finding.code, severity: finding.severity, message: finding.message, place: places.json(finding.place) };
}

/** Places as `file:line:column` (1-based) for people, and with 0-based lines and characters in JSON. */
class PlaceLocator {
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly project: BotProject) {}

  label(place: SimulationPlace): string {
    const { line, character } = this.position(place);
    return `${escapeControls(place.file)}:${line + 1}:${character + 1}`;
  }

  json(place: SimulationPlace): object {
    return { file: place.file, offset: place.offset, length: place.length, ...this.position(place) };
  }

  private position(place: SimulationPlace): { line: number; character: number } {
    let document = this.documents.get(place.path);
    if (!document) {
      document = TextDocument.create(place.path, 'json', 0, this.project.file(place.path)?.text ?? '');
      this.documents.set(place.path, document);
    }
    return document.positionAt(place.offset);
  }
}
