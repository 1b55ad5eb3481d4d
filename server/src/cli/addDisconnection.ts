// `handoff-kit add-disconnection [project]`: the guide's six steps merged into a bot project, as
// VS Code's "Add User-Initiated Disconnection" merges them (the engine's planDisconnection), with
// an option for each of its questions and the guide's answers as defaults. Run again with the same
// options, it changes nothing.
import * as path from 'node:path';
import {
  applyChanges,
  BotWorkspace,
  defaultDisconnectionOptions,
  disconnectionContext,
  blockingNodeFileSystem,
  planDisconnection,
  type BotProject,
  type DisconnectionOptions,
  type FileChange,
  type ScaffoldConflict,
} from '../engine';
import { fixDiff, keepStyle, writeFixes, type FixResult } from './fix';
import { escapeControls } from './formats';
import { projectFolder } from './targets';

/** The options of `handoff-kit add-disconnection`, as parsed from the command line; what is not given takes the guide's default. */
export interface AddDisconnectionOptions {
  /** The folder relative paths are resolved against and printed relative to. */
  readonly cwd: string;
  readonly mode?: DisconnectionOptions['mode'];
  /** Default: the phrase the project's banners already offer, else the guide's `talk to bot`. */
  readonly phrase?: string;
  readonly buttonLabel?: string;
  readonly bannerTitle?: string;
  readonly showEvent?: DisconnectionOptions['showEvent'];
  /** A journey of the project (completed with a Raise Ticket node if it has none), or the name of one to create. */
  readonly ticketJourney?: string;
  /** The intent that starts a ticket journey to create (default `talk_to_agent`). */
  readonly ticketIntent?: string;
  readonly exitIntent?: string;
  readonly exitJourney?: string;
  /** Print the changes as a unified diff and write nothing. */
  readonly dryRun?: boolean;
}

/** What the command prints and its exit status: 0 done (or nothing to do), 1 a conflict to settle (nothing written). */
export interface AddDisconnectionRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

/**
 * Plans the disconnection in the project at `projectPath` (relative to `cwd`; the current folder
 * when undefined) and writes it, or with `dryRun` prints it as a diff. A conflict (a name taken, a
 * journey that does not exist, a file that is not valid JSON) writes nothing and names the option
 * that settles it. Throws UsageError when the path is not a bot project.
 */
export async function runAddDisconnection(projectPath: string | undefined, options: AddDisconnectionOptions): Promise<AddDisconnectionRun> {
  const root = await projectFolder(projectPath, options.cwd);
  const workspace = new BotWorkspace(blockingNodeFileSystem, { allowedRoots: [root] });
  const project = await workspace.loadProject(root);
  const name = project.config.name?.value ?? path.basename(root);
  const plan = planDisconnection(project, scaffoldOptions(project, options));
  if (plan.conflicts.length) {
    const lines = plan.conflicts.map((c) => `handoff-kit: ${escapeControls(c.message)}${settledBy(c)}\n`);
    return { stdout: '', stderr: `${lines.join('')}Nothing was changed.\n`, exitCode: 1 };
  }
  if (!plan.steps.length) {
    return { stdout: '', stderr: `${escapeControls(name)} already has the user-initiated disconnection: nothing to change.\n`, exitCode: 0 };
  }
  const result = changedFiles(project, plan.edit.changes);
  const steps = plan.steps.map((step) => `  ${escapeControls(step)}\n`).join('');
  if (options.dryRun) {
    const { diff } = fixDiff(result, options.cwd);
    return { stdout: diff, stderr: `Would add to ${escapeControls(name)}:\n${steps}`, exitCode: 0 };
  }
  const skipped = await writeFixes(result);
  const shown = (file: string) => escapeControls(path.relative(options.cwd, file));
  if (skipped.length) {
    // The other files were written: say which, so that the project is not taken to be as it was.
    const left = new Set(skipped.map((f) => f.file));
    const written = result.files.filter(({ file }) => !left.has(file)).map(({ file }) => `${shown(file)}\n`);
    const reasons = skipped.map((f) => `handoff-kit: ${shown(f.file)} was not written: ${f.reason}\n`).join('');
    const rest = written.length
      ? `The disconnection is incomplete: the ${written.length === 1 ? 'file' : `${written.length} files`} listed on stdout ${written.length === 1 ? 'was' : 'were'} written, the rest not; settle the above and run add-disconnection again.\n`
      : 'Nothing was changed; settle the above and run add-disconnection again.\n';
    return { stdout: written.join(''), stderr: reasons + rest, exitCode: 1 };
  }
  const written = result.files.map(({ file }) => `${shown(file)}\n`).join('');
  return { stdout: written, stderr: `Added to ${escapeControls(name)}:\n${steps}`, exitCode: 0 };
}

/**
 * The scaffold's options from the command line's: the ticket journey is an existing journey when
 * the project has one of that name, else one to create; the phrase defaults to the one the
 * project's banners already offer, as the editor's question proposes it.
 */
function scaffoldOptions(project: BotProject, options: AddDisconnectionOptions): Partial<DisconnectionOptions> {
  const context = disconnectionContext(project);
  const ticket = options.ticketJourney;
  const exists = ticket !== undefined && context.journeys.some((j) => j.name === ticket.trim());
  const ticketJourney: DisconnectionOptions['ticketJourney'] | undefined =
    ticket === undefined
      ? options.ticketIntent === undefined
        ? undefined
        : { ...defaultDisconnectionOptions.ticketJourney, intent: options.ticketIntent }
      : exists
        ? { existing: ticket }
        : { create: ticket, ...(options.ticketIntent === undefined ? {} : { intent: options.ticketIntent }) };
  return {
    mode: options.mode,
    phrase: options.phrase ?? context.exitPhrase,
    buttonLabel: options.buttonLabel,
    bannerTitle: options.bannerTitle,
    showEvent: options.showEvent,
    ticketJourney,
    exitIntent: options.exitIntent,
    exitJourney: options.exitJourney,
  };
}

/** The command-line option a conflict's field is set with. */
const OPTION_OF: Partial<Record<keyof DisconnectionOptions, string>> = {
  mode: '--mode',
  phrase: '--phrase',
  buttonLabel: '--button-label',
  bannerTitle: '--banner-title',
  showEvent: '--show-event',
  ticketJourney: '--ticket-journey',
  exitIntent: '--exit-intent',
  exitJourney: '--exit-journey',
};

/** ` (--exit-journey return-to-bot-2 settles it)`, or the option to change, or nothing. */
function settledBy(conflict: ScaffoldConflict): string {
  const option = conflict.field && OPTION_OF[conflict.field];
  if (!option) return '';
  if (conflict.suggestion === undefined) return ` (change ${option})`;
  const value = /^[\w.-]+$/.test(conflict.suggestion) ? conflict.suggestion : `'${conflict.suggestion.replace(/'/g, `'\\''`)}'`;
  return ` (${option} ${escapeControls(value)} settles it)`;
}

/** The plan's changes as files before and after, in the files' own style (line endings, final newline). */
function changedFiles(project: BotProject, changes: readonly FileChange[]): FixResult {
  const files: FixResult['files'][number][] = [];
  for (const change of changes) {
    if (change.kind === 'create') {
      files.push({ file: change.file, before: undefined, after: change.text });
      continue;
    }
    const before = project.file(change.file)?.text;
    if (before === undefined) throw new Error(`the scaffold edits ${change.file}, which the project does not have`);
    files.push({ file: change.file, before, after: keepStyle(before, applyChanges(before, change.changes)) });
  }
  return { fixed: files.length, fixes: files.map((f) => [f.file]), files, outside: [] };
}
