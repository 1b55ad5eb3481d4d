// A bot project: the folder holding bot.json, and its parsed intent and journey files. It is
// updated one file at a time; what other files derive from it (indexes) is updated lazily. Its
// accessors record the facts they answer (dependencies.ts), so incremental checks see what they read.
import * as path from 'node:path';
import { BotFile, relativePath } from '../model/botFile';
import { fileKindOf, SETTINGS_FILE } from '../model/projectLayout';
import { readBotConfig, type BotConfig } from '../model/botConfig';
import { factKey, readFact, wholeKey } from './dependencies';
import type { PhraseMatch } from '../phrases/phraseMatch';
import { readProjectSettings, type ProjectSettings } from './settings';

/** How many changes `changedSince` remembers at most. */
const MAX_CHANGE_LOG = 4096;

/**
 * One bot project: `root`, the absolute path of the folder holding bot.json, and its bot files by
 * absolute path, each the latest BotFile. Updated one file at a time (`setText`, `delete`), each
 * change bumping `generation`. Its accessors record the facts a check reads (dependencies.ts):
 * checks read other files only through them and ProjectIndex, or their findings go stale.
 */
export class BotProject {
  /**
   * The files by path, in path order (`comparePaths`) but for the paths in `outOfOrder`, which
   * were added after a greater one and are put in their place by `sorted()` when next asked.
   */
  private files = new Map<string, BotFile>();
  /** Per path, the file's place in `allFiles()` order: a number that grows with the path. */
  private readonly order = new Map<string, number>();
  private nextOrder = 0;
  /** The greatest path ever added (a deleted one may stay: it only makes a later add look out of order). */
  private greatestPath = '';
  private readonly outOfOrder = new Set<string>();
  private generationCounter = 0;
  /** The path each generation after `changeLogStart` changed, oldest first (the latest `MAX_CHANGE_LOG`). */
  private changeLog: string[] = [];
  private changeLogStart = 0;
  /** The paths of the files that were not read or are not valid JSON (usually none), kept up to date by put and delete. */
  private readonly unreadPaths = new Set<string>();
  /** unreadFiles() per kind, for `unreadGeneration`: every file's checks ask, so it is worked out once per generation. */
  private readonly unreadByKind = new Map<BotFile['kind'], readonly string[]>();
  private unreadGeneration = -1;

  /**
   * The files of the project's folders that are left out (ignores.ts): not its files, so neither
   * read nor checked, even when an editor opens one. Set by the workspace that loads the project.
   */
  excludes: ((filePath: string) => boolean) | undefined;

  /** Absolute paths of bot.json and handoff-kit.json, joined once: checks ask for them per file. */
  private readonly botPath: string;
  private readonly settingsPath: string;

  constructor(readonly root: string) {
    this.botPath = path.join(root, 'bot.json');
    this.settingsPath = path.join(root, SETTINGS_FILE);
  }

  /** Bumped by every change; lets callers cache what they derive from the whole project. */
  get generation(): number {
    return this.generationCounter;
  }

  /**
   * The paths of the files added, changed or deleted since `generation`, so that what is derived
   * from the project can be updated without looking at every file; undefined when that is too far
   * back to tell (then compare every file).
   */
  changedSince(generation: number): ReadonlySet<string> | undefined {
    if (generation < this.changeLogStart || generation > this.generationCounter) return undefined;
    return new Set(this.changeLog.slice(generation - this.changeLogStart));
  }

  private changed(filePath: string): void {
    this.generationCounter++;
    this.changeLog.push(filePath);
    if (this.changeLog.length > MAX_CHANGE_LOG) {
      const dropped = this.changeLog.length - MAX_CHANGE_LOG / 2;
      this.changeLog = this.changeLog.slice(dropped);
      this.changeLogStart += dropped;
    }
  }

  /** bot.json (fact `config`). */
  get botFile(): BotFile | undefined {
    readFact(factKey('config'));
    return this.files.get(this.botPath);
  }

  /** What bot.json declares (fact `config`). */
  get config(): BotConfig {
    return readBotConfig(this.botFile);
  }

  /** How this project compares exit phrases: as its handoff-kit.json says, `exact` by default. */
  get phraseMatch(): PhraseMatch {
    return this.settings.phraseMatch ?? 'exact';
  }

  /** What the project's handoff-kit.json says (nothing when it has none; fact `settings`). */
  get settings(): ProjectSettings {
    readFact(factKey('settings'));
    return readProjectSettings(this.files.get(this.settingsPath));
  }

  /** The file at `filePath` (fact `file` of the path). */
  file(filePath: string): BotFile | undefined {
    readFact(factKey('file', filePath));
    return this.files.get(filePath);
  }

  /**
   * Every file, in path order (reads every `files` fact). The order is the paths' alone, not the
   * order files were read or created in, so that what checks say of "the first" or "the other"
   * file is the same in the editor, after any sequence of events, as in a fresh `check`.
   */
  allFiles(): BotFile[] {
    readFact(wholeKey('files'));
    return [...this.sorted().values()];
  }

  /** The files of a kind, in `allFiles()` order (fact `files` of the kind). */
  filesOfKind(kind: BotFile['kind']): BotFile[] {
    readFact(factKey('files', kind));
    return this.ofKind(kind);
  }

  /**
   * Where the file at `filePath` stands in `allFiles()` order, as a number that grows with it (not
   * a 0-based index: deleted files leave gaps). Undefined for a path that is not a file of the project.
   */
  orderOf(filePath: string): number | undefined {
    this.sorted();
    return this.order.get(filePath);
  }

  private ofKind(kind: BotFile['kind']): BotFile[] {
    // Not a copy of every file filtered: live-result checks ask for the reports on each keystroke.
    const found: BotFile[] = [];
    for (const file of this.sorted().values()) if (file.kind === kind) found.push(file);
    return found;
  }

  /**
   * `files`, with the paths added out of order put in their place (and every file's `order`
   * numbered again) first: once after files are created in the middle of the path order, not on
   * every add, so a project read in any order costs one sort.
   */
  private sorted(): Map<string, BotFile> {
    if (this.outOfOrder.size) {
      this.files = new Map([...this.files].sort(([a], [b]) => comparePaths(a, b)));
      this.order.clear();
      this.nextOrder = 0;
      for (const filePath of this.files.keys()) this.order.set(filePath, this.nextOrder++);
      this.outOfOrder.clear();
    }
    return this.files;
  }

  /**
   * The files of a kind whose content is unknown, as paths relative to the project: too large or
   * unreadable, or not valid JSON (then the path is followed by ` (not valid JSON)`, since the
   * parser's recovery may have dropped what the file defines; fact `unread` of the kind). Checks that would conclude
   * something from what no file defines say less instead: one cause, one finding (`json-syntax`).
   */
  unreadFiles(kind: BotFile['kind']): readonly string[] {
    readFact(factKey('unread', kind));
    if (this.unreadGeneration !== this.generationCounter) {
      this.unreadByKind.clear();
      this.unreadGeneration = this.generationCounter;
    }
    let unread = this.unreadByKind.get(kind);
    if (!unread) {
      // From the few unread files, not from all: a keystroke asks again after every edit.
      const files: BotFile[] = [];
      for (const unreadPath of this.unreadPaths) {
        const file = this.files.get(unreadPath);
        if (file?.kind === kind) files.push(file);
      }
      unread = files
        .sort((a, b) => comparePaths(a.path, b.path))
        .map((f) => relativePath(this.root, f.path) + (f.readable ? ' (not valid JSON)' : ''));
      this.unreadByKind.set(kind, unread);
    }
    return unread;
  }

  /**
   * Whether what bot.json declares is unknown: it exists but was not read or is not valid JSON.
   * The event checks then say nothing rather than report events it may well declare.
   */
  get configUnknown(): boolean {
    const bot = this.botFile; // fact `config`
    return !!bot && (!bot.readable || bot.syntaxProblems.length > 0);
  }

  /** Whether `filePath` is one of this project's bot files (see PROJECT_FILES in projectLayout.ts). */
  owns(filePath: string): boolean {
    if (this.files.has(filePath)) return true;
    return fileKindOf(this.root, filePath) !== undefined && !this.excludes?.(filePath);
  }

  /**
   * Adds a test report that lives outside the project's `test-reports/` folder (the command
   * line's `--test-report`), checked like one inside it. Returns the file. `limits` as setText
   * takes them: a file over `maxSize` is given as `sizeOnDisk` with no text (it was not read), one
   * that could not be read with its `unreadReason`.
   */
  addTestReport(filePath: string, text: string, limits: { maxSize?: number; sizeOnDisk?: number; unreadReason?: string } = {}): BotFile {
    const file = new BotFile(filePath, 'report', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, -1, limits);
    this.put(file);
    this.changed(filePath);
    return file;
  }

  /**
   * Puts the text of one file into the model. A file whose version and text did not change is
   * kept as it is, parsed tree and cached findings included. Returns the file, or undefined when
   * the path is not a bot file of this project.
   */
  setText(
    filePath: string,
    text: string,
    version: number,
    limits: { maxSize?: number; sizeOnDisk?: number; unreadReason?: string; hadBom?: boolean } = {},
  ): BotFile | undefined {
    const kind = fileKindOf(this.root, filePath);
    if (!kind || this.excludes?.(filePath)) return undefined;
    const existing = this.files.get(filePath);
    if (
      existing &&
      existing.version === version &&
      existing.text === text &&
      existing.size === (limits.sizeOnDisk ?? text.length) &&
      existing.unreadReason === limits.unreadReason &&
      existing.hadBom === (limits.hadBom ?? false)
    ) {
      return existing;
    }
    const file = new BotFile(filePath, kind, text, version, limits);
    this.put(file);
    this.changed(filePath);
    return file;
  }

  /**
   * Runs `body` on the project as it would be with `texts` (absolute path -> the file's whole new
   * text; a path the project has no file at is added), then puts the very same file objects back
   * and removes the files added, whatever `body` does or throws. What is derived from a file
   * (its parse, its cached findings) is kept, so that a caller that tracks the project by file
   * objects (IncrementalCheck, the project index) sees nothing changed; only `generation` moves on.
   * For judging an edit before it is offered (services/fixJudgement.ts). Paths that are not bot
   * files of this project are ignored.
   */
  withTexts<T>(texts: ReadonlyMap<string, string>, body: () => T): T {
    const originals = new Map<string, BotFile | undefined>();
    try {
      for (const [filePath, text] of texts) {
        if (!fileKindOf(this.root, filePath)) continue;
        const original = this.files.get(filePath);
        originals.set(filePath, original);
        this.setText(filePath, text, -1, { maxSize: original?.maxSize });
      }
      return body();
    } finally {
      for (const [filePath, original] of originals) {
        if (original) {
          this.put(original);
          this.changed(filePath);
        } else {
          this.delete(filePath);
        }
      }
    }
  }

  delete(filePath: string): boolean {
    const deleted = this.files.delete(filePath);
    if (deleted) {
      this.order.delete(filePath);
      // The paths added in order after it are greater than it: without it, the rest may be in order again.
      this.outOfOrder.delete(filePath);
      this.unreadPaths.delete(filePath);
      this.changed(filePath);
    }
    return deleted;
  }

  /** Puts a new version of a file in (an edited file keeps its place in `allFiles()` order). */
  private put(file: BotFile): void {
    if (!this.files.has(file.path)) {
      if (comparePaths(file.path, this.greatestPath) > 0) this.greatestPath = file.path;
      else this.outOfOrder.add(file.path);
      this.order.set(file.path, this.nextOrder++);
    }
    this.files.set(file.path, file);
    if (!file.readable || file.syntaxProblems.length > 0) this.unreadPaths.add(file.path);
    else this.unreadPaths.delete(file.path);
  }
}

/**
 * The project's file order: by UTF-16 code units of the absolute path, as `<` compares strings (not
 * `localeCompare`, whose answer depends on the locale the tool runs in). Returns < 0, 0 or > 0.
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
