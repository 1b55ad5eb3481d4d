// The custom requests between the extension and the language server, shared by both sides so
// that neither writes them again. Plain method names: the client and the server libraries each
// bring their own copy of the protocol package, whose request types do not mix.
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { BannerPreview } from './engine/services/bannerPreview';
import type { DisconnectionContext, DisconnectionOptions, ScaffoldConflict } from './engine/services/scaffold';
import serverExecArgv from './serverExecArgv.json';

/**
 * The Node flags the extension starts the language server with (its `execArgv`); the bench
 * (scripts/bench/lsp.mjs) and the server tests read serverExecArgv.json to start it the same way.
 * A young generation of at most 4 MiB a semi-space: loading a project keeps nearly everything it
 * allocates, so a larger one (up to 16 MiB by default) only copies the same objects once more and
 * keeps its pages; on the 3,001-file bench project the server's RSS after loading is some 25 MiB
 * lower (147 -> 123 MiB), with no slower first pass or keystroke (README, "Performance").
 */
export const SERVER_EXEC_ARGV: readonly string[] = serverExecArgv;

export interface ProjectSummary {
  /** The project folder, as a URI. */
  readonly uri: string;
  readonly name: string;
  readonly context: DisconnectionContext;
}

/** The bot projects of the workspace, with what the scaffold needs to ask sensible questions. */
export const SCAFFOLD_CONTEXT = 'handoffKit/scaffoldContext';
export type ScaffoldContextResult = ProjectSummary[];

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
export const SCAFFOLD = 'handoffKit/scaffold';

export interface BannerPreviewParams {
  readonly uri: string;
  /** An offset in the document: the payload around it (else the file's first). */
  readonly offset?: number;
}

/** What the banner at a place in a journey looks like, for the preview. */
export const BANNER_PREVIEW = 'handoffKit/bannerPreview';
export type BannerPreviewResult = BannerPreview | null;

export const PREVIEW_COMMAND = 'handoffKit.previewBanner';

/** The intents a banner's exit phrase could be added to, best first (for "choose an intent…"). */
export const INTENTS_TO_TRAIN = 'handoffKit/intentsToTrain';
export interface IntentsToTrainParams {
  /** A file of the project, as a URI (the journey with the banner). */
  readonly uri: string;
}
export type IntentsToTrainResult = { readonly name: string; readonly uri: string }[];

/** The edit that adds `phrase` as an utterance of `intent` in the project of `uri`; null when it cannot be made. */
export const ADD_UTTERANCE = 'handoffKit/addUtterance';
export interface AddUtteranceParams {
  readonly uri: string;
  readonly intent: string;
  readonly phrase: string;
}
export type AddUtteranceResult = WorkspaceEdit | null;

/**
 * Sent by the server after each check of the projects an edit or a file event touched, and once
 * the workspace is loaded: how much it checks and how long that last check took.
 */
export const STATUS_NOTIFICATION = 'handoffKit/status';
export interface StatusParams {
  /** Bot projects (folders with a bot.json) the server holds. */
  readonly projects: number;
  /** Bot files of those projects (bot.json, handoff-kit.json, intents/*.json, journeys/*.json). */
  readonly files: number;
  /** Wall time of the last check, in milliseconds (0 before the first). */
  readonly durationMs: number;
}

/**
 * The CSV of Studio's bulk utterance test for the project of `uri` (a file or the folder of a
 * project; the first project when undefined), from the engine's writer: one text per file
 * (`--max-rows` style splitting is not used here, so one text). Null when there is no project.
 */
export const UTTERANCE_TESTS = 'handoffKit/utteranceTests';
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
export const STUDIO_SHEET = 'handoffKit/studioSheet';
export interface StudioSheetParams {
  readonly uri?: string;
}
export type StudioSheetResult = { readonly project: string; readonly markdown: string } | null;

/** The client command a "Copy for Studio" code lens runs: puts `text` on the clipboard. */
export const COPY_FOR_STUDIO_COMMAND = 'handoffKit.copyForStudio';
