// A bot project: the folder holding bot.json, and its parsed intent and journey files. It is
// updated one file at a time; what other files derive from it (indexes) is rebuilt lazily.
import * as path from 'node:path';
import { BotFile, fileKindOf, relativePath, SETTINGS_FILE } from './botFile';
import { readBotConfig, type BotConfig } from './botConfig';
import type { PhraseMatch } from './phraseMatch';
import { readProjectSettings, type ProjectSettings } from './projectSettings';

export class BotProject {
  private readonly files = new Map<string, BotFile>();
  private generationCounter = 0;
  /** unreadFiles() per kind, for `unreadGeneration`: every file's checks ask, so it is worked out once per generation. */
  private readonly unreadByKind = new Map<BotFile['kind'], readonly string[]>();
  private unreadGeneration = -1;

  constructor(readonly root: string) {}

  /** Bumped by every change; lets callers cache what they derive from the whole project. */
  get generation(): number {
    return this.generationCounter;
  }

  get botFile(): BotFile | undefined {
    return this.files.get(path.join(this.root, 'bot.json'));
  }

  get config(): BotConfig {
    return readBotConfig(this.botFile);
  }

  /** How this project compares exit phrases: as its handoff-kit.json says, `exact` by default. */
  get phraseMatch(): PhraseMatch {
    return this.settings.phraseMatch ?? 'exact';
  }

  /** What the project's handoff-kit.json says (nothing when it has none). */
  get settings(): ProjectSettings {
    return readProjectSettings(this.files.get(path.join(this.root, SETTINGS_FILE)));
  }

  file(filePath: string): BotFile | undefined {
    return this.files.get(filePath);
  }

  allFiles(): BotFile[] {
    return [...this.files.values()];
  }

  filesOfKind(kind: BotFile['kind']): BotFile[] {
    return this.allFiles().filter((f) => f.kind === kind);
  }

  /**
   * The files of a kind whose content is unknown, as paths relative to the project: too large or
   * unreadable, or not valid JSON (then the path is followed by ` (not valid JSON)`, since the
   * parser's recovery may have dropped what the file defines). Checks that would conclude
   * something from what no file defines say less instead: one cause, one finding (`json-syntax`).
   */
  unreadFiles(kind: BotFile['kind']): readonly string[] {
    if (this.unreadGeneration !== this.generationCounter) {
      this.unreadByKind.clear();
      this.unreadGeneration = this.generationCounter;
    }
    let unread = this.unreadByKind.get(kind);
    if (!unread) {
      unread = this.filesOfKind(kind)
        .filter((f) => !f.readable || f.syntaxProblems.length > 0)
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
    const bot = this.botFile;
    return !!bot && (!bot.readable || bot.syntaxProblems.length > 0);
  }

  /** Whether `filePath` is one of this project's bot files (bot.json, intents/*, journeys/*). */
  owns(filePath: string): boolean {
    return fileKindOf(this.root, filePath) !== undefined || this.files.has(filePath);
  }

  /**
   * Adds a test report that lives outside the project's `test-reports/` folder (the command
   * line's `--test-report`), checked like one inside it. Returns the file.
   */
  addTestReport(filePath: string, text: string, limits: { maxSize?: number } = {}): BotFile {
    const file = new BotFile(filePath, 'report', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, -1, limits);
    this.files.set(filePath, file);
    this.generationCounter++;
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
    if (!kind) return undefined;
    const existing = this.files.get(filePath);
    if (existing && existing.version === version && existing.text === text && existing.size === (limits.sizeOnDisk ?? text.length) && existing.unreadReason === limits.unreadReason && existing.hadBom === (limits.hadBom ?? false)) {
      return existing;
    }
    const file = new BotFile(filePath, kind, text, version, limits);
    this.files.set(filePath, file);
    this.generationCounter++;
    return file;
  }

  delete(filePath: string): boolean {
    const deleted = this.files.delete(filePath);
    if (deleted) this.generationCounter++;
    return deleted;
  }
}
