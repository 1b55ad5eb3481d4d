// The custom requests and notifications between the extension and the language server, one
// descriptor each, compiled by both sides so that neither writes them again. Each descriptor carries
// its method with its params and result types, so a call site cannot pair them wrongly: the client
// sends with `sendRequest(client, SCAFFOLD, params)` (client/src/requests.ts), the server answers
// with `handle(connection, SCAFFOLD, handler)` (server/src/lsp/handlers.ts). Plain method names on
// the wire: the client and the server libraries each bring their own copy of the protocol package
// (vscode-jsonrpc 10 and 9), whose RequestType classes do not mix.
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type {
  BannerPreview,
  DisconnectionContext,
  DisconnectionOptions,
  GraphView,
  GraphWalk,
  HandoffRun,
  JourneyGraph,
  ScaffoldConflict,
  SimulationInput,
  SimulationRun,
} from '../server/src/engine';
import serverExecArgv from './serverExecArgv.json';

/**
 * A custom request: its JSON-RPC method, with `Params` and `Result` carried in the type only (the
 * two phantom fields are never set).
 */
export interface RequestType<Params, Result> {
  readonly method: string;
  readonly _params?: Params;
  readonly _result?: Result;
}

/** A custom notification: its JSON-RPC method, with `Params` carried in the type only. */
export interface NotificationType<Params> {
  readonly method: string;
  readonly _params?: Params;
}

const request = <Params, Result>(method: string): RequestType<Params, Result> => ({ method });
const notification = <Params>(method: string): NotificationType<Params> => ({ method });

/**
 * The Node flags the extension starts the language server with (its `execArgv`); the bench
 * (scripts/bench/lsp.mjs) and the server tests read serverExecArgv.json to start it the same way.
 * A young generation of at most 4 MiB a semi-space: loading a project keeps nearly everything it
 * allocates, so a larger one (up to 16 MiB by default) only copies the same objects once more and
 * keeps its pages; on the 3,001-file bench project the server's RSS after loading is some 25 MiB
 * lower (147 -> 123 MiB), with no slower first pass or keystroke (docs/performance.md).
 */
export const SERVER_EXEC_ARGV: readonly string[] = serverExecArgv;

export interface ProjectSummary {
  /** The project folder, as a URI. */
  readonly uri: string;
  readonly name: string;
  readonly context: DisconnectionContext;
}

/** The bot projects of the workspace, with what the scaffold needs to ask sensible questions. */
export type ScaffoldContextResult = ProjectSummary[];
export const SCAFFOLD_CONTEXT = request<Record<string, never>, ScaffoldContextResult>('handoffKit/scaffoldContext');

export interface ScaffoldParams {
  readonly project: string;
  /** What is not given takes the defaults (the guide's banner, phrase and event). */
  readonly options: Partial<DisconnectionOptions>;
}

export interface ScaffoldResult {
  readonly edit: WorkspaceEdit;
  readonly steps: readonly string[];
  readonly conflicts: readonly ScaffoldConflict[];
}

/** Plans the disconnection journey in a project: one workspace edit, or the conflicts to resolve. */
export const SCAFFOLD = request<ScaffoldParams, ScaffoldResult>('handoffKit/scaffold');

export interface BannerPreviewParams {
  readonly uri: string;
  /** An offset in the document: the payload around it (else the file's first). */
  readonly offset?: number;
}

/** What the banner at a place in a journey looks like, for the preview. */
export type BannerPreviewResult = BannerPreview | null;
export const BANNER_PREVIEW = request<BannerPreviewParams, BannerPreviewResult>('handoffKit/bannerPreview');

/** The intents a banner's exit phrase could be added to, best first (for "choose an intent…"). */
export const INTENTS_TO_TRAIN = request<IntentsToTrainParams, IntentsToTrainResult>('handoffKit/intentsToTrain');
export interface IntentsToTrainParams {
  /** A file of the project, as a URI (the journey with the banner). */
  readonly uri: string;
}
export type IntentsToTrainResult = { readonly name: string; readonly uri: string }[];

/** The edit that adds `phrase` as an utterance of `intent` in the project of `uri`; null when it cannot be made. */
export const ADD_UTTERANCE = request<AddUtteranceParams, AddUtteranceResult>('handoffKit/addUtterance');
export interface AddUtteranceParams {
  readonly uri: string;
  readonly intent: string;
  readonly phrase: string;
}
export type AddUtteranceResult = WorkspaceEdit | null;

/**
 * Runs the simulator (docs/simulator.md) for the panel: one run of `inputs`, or the handoff path.
 * Each answer reads the project as the server holds it then, open documents' unsaved text included.
 */
export const SIMULATE = request<SimulateParams, SimulateResult>('handoffKit/simulate');
export interface SimulateParams {
  /** A file or folder of the bot project, as a URI; the workspace's first project when absent. */
  readonly uri?: string;
  /** The inputs of one run, in order; ignored with `handoffOf`. */
  readonly inputs?: readonly SimulationInput[];
  /**
   * Instead of `inputs`, the handoff path: with `offset`, of the banner whose Send Event node (or
   * `app.sendEvent` call) is around that UTF-16 offset of the file `uri` (the "Simulate exit" code
   * lens); without, of every banner of the project of `uri` (a file or folder; else the
   * workspace's first project). Its runs keep only their verdict (their `stop` and `end` steps):
   * a client runs one's `inputs` to show its transcript.
   */
  readonly handoffOf?: { readonly uri?: string; readonly offset?: number };
}
/**
 * A run as it travels: the engine's run as plain JSON (every place with its `path`, every `why`
 * and `state` made), with a title (the handoff path's, or the inputs in words) and, for a run of
 * the handoff path, the banner it leaves and the exit it tries.
 */
export type SimulatedRun = SimulationRun & {
  readonly title: string;
  readonly banner?: HandoffRun['banner'];
  readonly exit?: HandoffRun['exit'];
};
/** The simulator's answer for one project. */
export interface ProjectSimulation {
  /** The project folder, as a URI. */
  readonly project: string;
  /** bot.json's `name`, else the folder's. */
  readonly name: string;
  /** The project's journeys, by name in project order: a run may start at any. */
  readonly journeys: readonly string[];
  /** The events to offer for firing: the platform's and those bot.json declares. */
  readonly events: readonly string[];
  /** The one run of `inputs`, or the handoff path's runs (none when no banner follows an agent). */
  readonly runs: readonly SimulatedRun[];
  /** What the runs do not cover, each said once. */
  readonly notes: readonly string[];
}
export type SimulateResult = ProjectSimulation | null;

/**
 * Answers (with null) once the server has taken in every message sent before the request and
 * published the diagnostics they lead to: no model update queued, no check pass scheduled, under
 * way or pending. For tests and scripts, which then read the diagnostics without waiting a fixed time.
 */
export const IDLE = request<Record<string, never>, null>('handoffKit/idle');

/**
 * Sent by the server after each check of the projects an edit or a file event touched, and once
 * the workspace is loaded: how much it checks and how long that last check took.
 */
export const STATUS_NOTIFICATION = notification<StatusParams>('handoffKit/status');
export interface StatusParams {
  /** Bot projects (folders with a bot.json) the server holds. */
  readonly projects: number;
  /** Bot files of those projects (every kind of PROJECT_FILES: bot.json, intents/*.json, translations/*.csv…). */
  readonly files: number;
  /** Wall time of the last check, in milliseconds (0 before the first). */
  readonly durationMs: number;
}

/**
 * The CSV of Studio's bulk utterance test for the project of `uri` (a file or the folder of a
 * project; the first project when undefined), from the engine's writer: one text per file
 * (`--max-rows` style splitting is not used here, so one text). Null when there is no project.
 */
export const UTTERANCE_TESTS = request<UtteranceTestsParams, UtteranceTestsResult>('handoffKit/utteranceTests');
export interface UtteranceTestsParams {
  readonly uri?: string;
  /** Also every utterance of every intent that starts a journey (the command line's `--all`). */
  readonly all?: boolean;
}
export type UtteranceTestsResult = {
  readonly project: string;
  readonly csv: string;
  readonly rows: number;
  /** The banner exit phrases left out, one line each: `file:line \`phrase\`: why` (paths relative to the project). */
  readonly leftOut?: readonly string[];
  /** How many errors the checks find in the project (with the editor's rule settings). */
  readonly errors?: number;
} | null;

/** The Studio build sheet (Markdown) of the project of `uri`, as UTTERANCE_TESTS finds it. */
export const STUDIO_SHEET = request<StudioSheetParams, StudioSheetResult>('handoffKit/studioSheet');
export interface StudioSheetParams {
  readonly uri?: string;
}
export type StudioSheetResult = { readonly project: string; readonly markdown: string } | null;

/**
 * The laid-out journey graph of a project (engine/graph/), with the findings on it: for the
 * graph panel. Computed on request only, from the model as it is once every change is in.
 */
export const JOURNEY_GRAPH = request<JourneyGraphParams, JourneyGraphResult>('handoffKit/journeyGraph');
export interface JourneyGraphParams {
  /** A file or folder of the project, as a URI; the workspace's first project when undefined. */
  readonly uri?: string;
  /** `handoff` (default) or `project`. */
  readonly view?: GraphView;
  /** Only what concerns this journey (by name). */
  readonly journey?: string;
  /** Cluster ids to draw as one box each (the project view's collapsed journeys). */
  readonly collapsed?: readonly string[];
  /** Cluster ids to draw open even when the graph is over its size limit (journeys the reader opened). */
  readonly expanded?: readonly string[];
  /** A walk to highlight in order: `{ journey, node }` or `{ id }` steps (see WalkStep). */
  readonly walk?: GraphWalk;
}
export type JourneyGraphResult = JourneyGraph | null;
/** A range of a document: 0-based lines and UTF-16 characters, as LSP counts them. */
export interface TextRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/**
 * The conversation tests (tests/*.json) of the workspace's projects, for the Test Explorer: each
 * project with its test files and their tests, where each test's name is. Tests are listed from
 * the text the server holds (an open document's, unsaved edits included), without running them.
 */
export const LIST_TESTS = request<ListTestsParams, ListTestsResult>('handoffKit/listTests');
export interface ListTestsParams {
  /** A project's folder or a file of one, as a URI: only that project (every project when undefined). */
  readonly uri?: string;
}
export type ListTestsResult = readonly ProjectTests[];
export interface ProjectTests {
  /** The project's folder, as a URI. */
  readonly uri: string;
  /** The bot's name (bot.json), else the folder's. */
  readonly name: string;
  readonly files: readonly { readonly uri: string; readonly tests: readonly ListedTest[] }[];
}
export interface ListedTest {
  /** 0-based position in the file's `tests`. */
  readonly index: number;
  readonly name: string;
  /** The test's name (else its object) in the file. */
  readonly range: TextRange;
}

/**
 * Runs conversation tests: every test file of a project (`uri` its folder), one test file (`uri`
 * the file), or some tests of it (`tests`, their 0-based positions). Runs on the text the server
 * holds, unsaved edits included. Each failure comes with the range of its failing step.
 */
export const RUN_TESTS = request<RunTestsParams, RunTestsResult>('handoffKit/runTests');
export interface RunTestsParams {
  readonly uri: string;
  /** With a test file's `uri`: only the tests at these 0-based positions. */
  readonly tests?: readonly number[];
}
export type RunTestsResult = readonly TestFileResult[];
export interface TestFileResult {
  readonly uri: string;
  /** Why no test of the file ran: it does not parse or fit schemas/test.schema.json. */
  readonly problems: readonly { readonly message: string; readonly range: TextRange }[];
  readonly tests: readonly TestResult[];
}
export interface TestResult {
  readonly index: number;
  readonly name: string;
  readonly passed: boolean;
  /** The inputs of the test's run up to its failing step (all of them when it passed): what Open in Simulator replays. */
  readonly inputs: readonly SimulationInput[];
  readonly failure?: {
    /** One line: `expect journey: expected "return-to-bot", actual "live-agent"`. */
    readonly message: string;
    readonly expected: string;
    readonly actual: string;
    /** The failing fact's property, or the failing input's step. */
    readonly range: TextRange;
    /** The run up to the failure, one line per step (`say "talk to an agent"`, then `customer  talk to an agent`…). */
    readonly transcript: readonly string[];
  };
}
