// Diagnostics from the model to the editor: a pass, debounced while typing, checks the projects
// that changed and publishes only the diagnostics the client does not have yet. A pass that finds
// its project removed or reloaded meanwhile drops its results instead of publishing them.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import {
  checkFile,
  IncrementalCheck,
  type BotFile,
  type BotProject,
  type BotWorkspace,
  type CheckedFile,
  type CheckOptions,
  type Finding,
} from '../engine';
import { STATUS_NOTIFICATION } from '../../../contract/protocol';
import { toDiagnostic } from './diagnostics';
import { notify } from './handlers';
import type { HandoffKitSettings } from './settings';
import { toPath, type ClientUris } from './uris';
import type { WorkQueue } from './workQueue';
import { nowMs } from './clock';

/**
 * How many files a pass over a whole project checks between two looks at what came in: about 10
 * ms of checking (3,001 files take some 550 ms), so that hover, completion and edits are handled
 * during a first pass rather than after it.
 */
const FILES_PER_STEP = 50;

/** How long typing must pause before the touched projects are checked again (ms). */
const CHECK_DELAY_MS = 100;

/**
 * How many diagnostics notifications go out before the server waits for them to be written: a
 * pass over thousands of files then lets requests in between, and never queues all at once.
 */
const PUBLISH_CHUNK = 200;

/** The diagnostics of a file without findings: one array, so that publishing it again costs nothing. */
const NO_DIAGNOSTICS: Diagnostic[] = [];

/** What the publisher works with; the server owns all of it. */
export interface PublisherContext {
  /** Sends the diagnostics, the status notification and the timing lines. */
  readonly connection: Connection;
  readonly workspace: BotWorkspace;
  /** The documents open in the editor: an open file is owed its (empty) list of diagnostics. */
  readonly documents: TextDocuments<TextDocument>;
  /** The queue a pass runs in, and lets edits and requests in between its steps. */
  readonly queue: WorkQueue;
  readonly uris: ClientUris;
  /** Runs `callback` once after `ms` milliseconds, unless disposed first. */
  setTimeout(callback: () => void, ms: number): { dispose(): void };
  /** The editor's settings for a project (enable, rules, phrase match, minimum confidence). */
  settingsFor(project: BotProject): Promise<HandoffKitSettings>;
}

/** What a file's findings were last converted to, and from what (see diagnosticsOf). */
interface Converted {
  readonly findings: readonly Finding[];
  readonly file: BotFile;
  /** ClientUris.generation at the time: the related locations' URIs. */
  readonly uris: number;
  /** The versions of the files the findings relate to: their line positions. */
  readonly related: BotFile[];
  readonly diagnostics: Diagnostic[];
}

type RelatedFile = (path: string) => { file: BotFile; uri: string } | undefined;

export class Publisher {
  /** The projects to check in the next pass. */
  private readonly pending = new Set<BotProject>();
  private timer: { dispose(): void } | undefined;
  /** Whether a check pass is under way (it may be between steps): another waits until it ends. */
  private passUnderWay = false;
  /** Per project, the findings kept between check passes. */
  private readonly incrementalChecks = new WeakMap<BotProject, IncrementalCheck>();
  /** Per project, how many files its last pass published (counted there: allFiles() copies thousands). */
  private readonly fileCounts = new WeakMap<BotProject, number>();
  /** Per project, whether its last pass published the checks' findings (false: the checks were off). */
  private readonly publishedChecked = new WeakMap<BotProject, boolean>();
  /** Per file path with findings, the diagnostics last converted from them. */
  private readonly converted = new Map<string, Converted>();
  /** Per URI, the diagnostics last published, as JSON: what the client shows. */
  private readonly published = new Map<string, string>();
  /** Per URI, the diagnostics array last published, so that one reused is not even compared. */
  private readonly publishedArrays = new Map<string, Diagnostic[]>();
  /**
   * The server's own work for the pass after an edit (ms, `nowMs()` of clock.ts): handling the
   * document changes since the last pass, then the pass from its timer to the last diagnostics
   * handed to the connection. Logged per pass ("Checked after ..."), read by scripts/bench/lsp.mjs.
   */
  private readonly work = { changes: 0, changesMs: 0, timerFiredAt: undefined as number | undefined };

  /** Resolved at the end of every check pass (see idle). */
  private passEnded: Array<() => void> = [];

  constructor(private readonly context: PublisherContext) {}

  /**
   * Resolves once the queue has run every task queued before the call and no pass is scheduled,
   * pending or under way: the diagnostics published are those of the model as it then stands.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.context.queue.settled();
      if (!this.timer && !this.pending.size && !this.passUnderWay) return;
      await new Promise<void>((resolve) => this.passEnded.push(resolve));
    }
  }

  /** Checks `project` again once typing pauses for CHECK_DELAY_MS; each call restarts the pause. */
  schedule(project: BotProject): void {
    this.pending.add(project);
    this.timer?.dispose();
    this.timer = this.context.setTimeout(() => {
      this.timer = undefined;
      this.work.timerFiredAt ??= nowMs();
      void this.context.queue.enqueue(() => this.checkPending());
    }, CHECK_DELAY_MS);
  }

  /**
   * Queues a pass over `projects` without the pause (nobody is typing: the projects were just
   * loaded); resolves when that task has run (the pass, or nothing when another pass under way
   * takes the projects when it ends).
   */
  checkNow(projects: readonly BotProject[]): Promise<void> {
    for (const project of projects) this.pending.add(project);
    return this.context.queue.enqueue(() => this.checkPending());
  }

  /** Whether diagnostics, even an empty list, were ever sent for `uri`. */
  hasPublished(uri: string): boolean {
    return this.published.has(uri);
  }

  /** Drops a deleted file (an absolute path) from its project, and its findings from the editor; returns the project. */
  forget(file: string): BotProject | undefined {
    const project = this.context.workspace.delete(file);
    this.converted.delete(file);
    if (project) this.publish(this.context.uris.uriOf(file), []);
    this.context.uris.forget(file);
    return project;
  }

  /** Clears the editor's diagnostics of a file that left its project. */
  clear(file: string): void {
    this.publish(this.context.uris.uriOf(file), []);
  }

  /** Clears the editor's diagnostics of every file of a project that goes. */
  clearProject(project: BotProject): void {
    for (const file of project.allFiles()) {
      this.publish(this.context.uris.uriOf(file.path), NO_DIAGNOSTICS);
      this.context.uris.forget(file.path);
    }
  }

  /** Counts `ms` of handling document changes, and `changes` more changes, into the next pass's timing line. */
  noteChangeWork(ms: number, changes = 0): void {
    this.work.changes += changes;
    this.work.changesMs += ms;
  }

  /** Tells the client how much the server checks and how long the last check took (`durationMs`). */
  sendStatus(durationMs: number): void {
    const projects = this.context.workspace.projects();
    const files = projects.reduce((n, p) => n + (this.fileCounts.get(p) ?? p.allFiles().length), 0);
    notify(this.context.connection, STATUS_NOTIFICATION, { projects: projects.length, files, durationMs: Math.round(durationMs) });
  }

  private async checkPending(): Promise<void> {
    // Checked already, by a pass that took them sooner; or a pass is between steps, and checks
    // them when it ends.
    if (!this.pending.size || this.passUnderWay) return this.endPass();
    this.passUnderWay = true;
    try {
      await this.checkProjects();
    } finally {
      this.passUnderWay = false;
    }
    // Changes that came between the steps of a pass.
    if (this.pending.size) void this.context.queue.enqueue(() => this.checkPending());
    this.endPass();
  }

  /** Tells those waiting for the server to be idle that a pass ended; they look again. */
  private endPass(): void {
    const waiting = this.passEnded;
    this.passEnded = [];
    for (const resolve of waiting) resolve();
  }

  private async checkProjects(): Promise<void> {
    const { connection, workspace, queue, uris } = this.context;
    const work = this.work;
    const projects = [...this.pending];
    this.pending.clear();
    const passStarted = nowMs();
    const timerFiredAt = work.timerFiredAt ?? passStarted;
    for (const project of projects) {
      if (workspace.project(project.root) !== project) continue; // removed or reloaded meanwhile
      const settings = await this.context.settingsFor(project);
      const started = nowMs();
      const relatedFile: RelatedFile = (path) => {
        const file = project.file(path);
        return file ? { file, uri: uris.uriOf(path) } : undefined;
      };
      const options = { rules: settings.rules, phraseMatch: settings.exitPhraseMatch, minConfidence: settings.minConfidence };
      // Only the files an edit can have changed are checked again (see IncrementalCheck); the
      // others keep their findings, and their diagnostics unless a related file changed.
      let incremental = this.incrementalChecks.get(project);
      if (!incremental) {
        this.incrementalChecks.set(project, (incremental = new IncrementalCheck(project)));
        // The first pass checks every file: the ones open in the editor go first, and out,
        // before the thousands of others are even checked.
        if (settings.enable) await this.publishOpenFirst(project, options, relatedFile);
      }
      let results: ReadonlyMap<string, CheckedFile> | undefined;
      if (settings.enable) {
        // A pass over every file goes in steps, with requests and edits handled in between (the
        // edits are taken in by the pass); a keystroke's pass is one step.
        const steps = incremental.runInSteps(options, FILES_PER_STEP);
        let step = steps.next();
        while (!step.done && (await queue.letQueuedTasksRun(), workspace.project(project.root) === project)) step = steps.next();
        if (!step.done) continue; // removed or reloaded meanwhile: its results are stale
        results = step.value;
      }
      // After a pass with the checks off (or none), every file is published; after that, only
      // what can have changed (see filesToPublish): a keystroke then walks a handful of files, not 3,001.
      const all = results && this.publishedChecked.get(project) ? undefined : project.allFiles();
      const files = all ?? this.filesToPublish(project, incremental);
      const fileCount = all?.length ?? incremental.checkedCount;
      this.fileCounts.set(project, fileCount);
      this.publishedChecked.set(project, !!results);
      let sent = 0;
      for (const file of files) {
        const findings = results?.get(file.path)?.findings;
        const written = this.publish(uris.uriOf(file.path), findings ? this.diagnosticsOf(project, file, findings, relatedFile) : NO_DIAGNOSTICS);
        if (written && ++sent % PUBLISH_CHUNK === 0) await written;
      }
      // The line's form is read by scripts/bench/lsp.mjs.
      const again = results ? `, ${incremental.lastRunChecked} checked again` : '';
      connection.console.log(`Checked ${project.root} (${fileCount} files${again}) in ${Math.round(nowMs() - started)} ms.`);
    }
    const passMs = nowMs() - timerFiredAt;
    connection.console.log(
      `Checked after ${work.changes} change(s): server work ${(work.changesMs + passMs).toFixed(2)} ms (changes ${work.changesMs.toFixed(2)} ms, pass ${passMs.toFixed(2)} ms).`,
    );
    work.changes = 0;
    work.changesMs = 0;
    work.timerFiredAt = undefined;
    this.sendStatus(nowMs() - passStarted);
  }

  /**
   * The files of a project whose diagnostics can differ from those last published, after an
   * incremental run: those the run changed (`lastRunChanged`), those with findings (a related
   * location may name a file that changed, so they are converted again when it did), and the
   * open ones (a file opened gets its empty list). In the project's file order.
   */
  private filesToPublish(project: BotProject, incremental: IncrementalCheck): BotFile[] {
    const paths = new Set(incremental.lastRunChanged);
    for (const path of this.converted.keys()) paths.add(path);
    for (const [path, uri] of this.context.uris.opens()) if (this.context.documents.get(uri)) paths.add(path);
    const files: BotFile[] = [];
    for (const path of paths) {
      const file = project.file(path);
      if (file) files.push(file);
    }
    return files.sort((a, b) => (project.orderOf(a.path) ?? 0) - (project.orderOf(b.path) ?? 0));
  }

  /**
   * Checks and publishes the project's files open in the editor on their own (as IncrementalCheck
   * would: `checkFile` gives the same findings), and waits until the notifications are written.
   */
  private async publishOpenFirst(project: BotProject, options: CheckOptions, relatedFile: RelatedFile): Promise<void> {
    const written: Promise<void>[] = [];
    for (const document of this.context.documents.all()) {
      const path = toPath(document.uri);
      const file = path ? project.file(path) : undefined;
      if (!file) continue;
      const sending = this.publish(
        this.context.uris.uriOf(file.path),
        this.diagnosticsOf(project, file, checkFile(project, file, options), relatedFile),
      );
      if (sending) written.push(sending);
    }
    await Promise.all(written);
  }

  /**
   * The diagnostics of a file's findings, converted again only when the findings, the file, a
   * file a finding relates to (its line positions) or the client's URIs changed since.
   */
  private diagnosticsOf(project: BotProject, file: BotFile, findings: readonly Finding[], relatedFile: RelatedFile): Diagnostic[] {
    const uris = this.context.uris;
    if (!findings.length) {
      this.converted.delete(file.path);
      return NO_DIAGNOSTICS;
    }
    const before = this.converted.get(file.path);
    if (
      before &&
      before.findings === findings &&
      before.file === file &&
      before.uris === uris.generation &&
      before.related.every((r) => project.file(r.path) === r)
    ) {
      return before.diagnostics;
    }
    const related = findings.flatMap((f) => (f.related ?? []).map((r) => project.file(r.file))).filter((f): f is BotFile => !!f);
    const diagnostics = findings.map((finding) => toDiagnostic(finding, file, relatedFile));
    this.converted.set(file.path, { findings, file, uris: uris.generation, related, diagnostics });
    return diagnostics;
  }

  /**
   * Sends a file's diagnostics unless the client has these already; returns the promise of the
   * notification's being written, or undefined when nothing was sent. A closed file that never
   * had any gets no empty list: the client shows nothing for it either way.
   */
  private publish(uri: string, diagnostics: Diagnostic[]): Promise<void> | undefined {
    // The very array published last time: nothing to compare.
    if (this.publishedArrays.get(uri) === diagnostics) return undefined;
    // Not recorded as published: once the file is opened, its empty list goes out.
    if (!diagnostics.length && !this.published.has(uri) && !this.context.documents.get(uri)) return undefined;
    this.publishedArrays.set(uri, diagnostics);
    const key = JSON.stringify(diagnostics);
    if (this.published.get(uri) === key) return undefined;
    this.published.set(uri, key);
    return this.context.connection.sendDiagnostics({ uri, diagnostics });
  }
}
