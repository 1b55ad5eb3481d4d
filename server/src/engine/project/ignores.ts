// Which folders and files the search for bot projects leaves out, for the command line and the
// editor alike: what `.gitignore` files say (read as git and Prettier read them), the `ignores` of
// handoff-kit.json files, and patterns the caller gives (`--ignore-pattern`).
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { BotFile } from '../model/botFile';
import { SETTINGS_FILE } from '../model/projectLayout';
import type { FileSystem } from './fileSystem';
import { readProjectSettings } from './settings';

/** The file of ignore patterns read in every folder, as git reads it. */
export const GITIGNORE_FILE = '.gitignore';

/**
 * What to leave out of a search for bot projects. Patterns are gitignore patterns (`fixtures/`,
 * `**\/broken-*`, `!keep`), each relative to the folder of the file that gives it.
 */
export interface IgnoreOptions {
  /**
   * The folders whose ignore files apply, with those of every folder below them: the folder the
   * command runs in (and each path it is given outside it), the editor's workspace folders. A
   * path in none of them is judged by `patterns` alone. The files of folders above are not read,
   * as Prettier reads only the `.gitignore` of the folder it runs in.
   */
  readonly roots?: readonly string[];
  /** More patterns (`--ignore-pattern`, the `ignores` of a `--config` file), relative to `base`. */
  readonly patterns?: readonly string[];
  /** The folder `patterns` are relative to (absolute); the first root when not given. */
  readonly base?: string;
  /** Whether `.gitignore` files are read (default true). */
  readonly gitignore?: boolean;
  /** Whether the `ignores` of handoff-kit.json files are read (default true; false when a `--config` file stands in for them). */
  readonly settingsIgnores?: boolean;
  /**
   * Folders named on purpose although they are ignored (a path given on the command line): such a
   * folder and what is below it are judged from it down, as if it were a root, by its own ignore
   * files and those below it, not by the rules above it that ignore it.
   */
  readonly named?: readonly string[];
  /**
   * The text of a handoff-kit.json newer than the disk's (a document open in an editor), or
   * undefined to read the disk; `file` is absolute. `.gitignore` files are always read from disk,
   * as git reads them.
   */
  readonly settingsText?: (file: string) => string | undefined;
}

/** The rules one folder gives: its `.gitignore`, then its handoff-kit.json `ignores`; undefined when it gives none. */
type FolderRules = Ignore | undefined;

/**
 * The ignore rules of a workspace, read through a FileSystem. `load` reads the ignore files that
 * bear on some paths (each folder once); `ignores` then answers synchronously from what was read,
 * so that a project's `owns` can ask it. Paths are absolute.
 *
 * As in git: a path is ignored when a folder above it is (a pattern cannot bring back a file
 * inside an ignored folder), else when the deepest rule that matches it ignores it (`!` patterns
 * bring a path back); the patterns given by the caller come last and win.
 */
export class IgnoreRules {
  private readonly roots: readonly string[];
  private readonly named: readonly string[];
  private readonly base: string | undefined;
  private readonly explicit: Ignore | undefined;
  private readonly folders = new Map<string, FolderRules>();
  private readonly judged = new Map<string, boolean>();
  /** foldersAbove of the paths in a folder, by folder. */
  private readonly chains = new Map<string, readonly string[]>();

  constructor(
    private readonly fs: FileSystem,
    private readonly options: IgnoreOptions = {},
  ) {
    this.named = (options.named ?? []).map((r) => path.resolve(r));
    this.roots = [...(options.roots ?? []).map((r) => path.resolve(r)), ...this.named];
    this.base = options.base ? path.resolve(options.base) : this.roots[0];
    const patterns = (options.patterns ?? []).filter((p) => p.trim());
    this.explicit = patterns.length ? ignore().add(patterns) : undefined;
  }

  /** Reads the ignore files of every folder from the root above each path down to the path's folder. */
  async load(paths: readonly string[]): Promise<void> {
    const wanted = new Set<string>();
    for (const p of paths) for (const folder of this.foldersAbove(path.resolve(p))) wanted.add(folder);
    for (const folder of wanted) {
      if (this.folders.has(folder)) continue;
      const rules = await this.readFolder(folder);
      this.folders.set(folder, rules);
      // What was judged before these rules were read may be judged otherwise now.
      if (rules) this.judged.clear();
    }
  }

  /**
   * Whether `filePath` is ignored, from the ignore files `load` has read (a folder not read gives
   * no rules). `isFolder`: the path is a folder (a pattern ending in `/` matches only folders).
   */
  ignores(filePath: string, isFolder = false): boolean {
    // Asked for every file of every project load: no path.resolve for a path already resolved.
    const absolute = isResolved(filePath) ? filePath : path.resolve(filePath);
    const key = isFolder ? absolute + path.sep : absolute;
    let judged = this.judged.get(key);
    if (judged === undefined) {
      judged = this.judge(absolute, isFolder);
      this.judged.set(key, judged);
    }
    return judged;
  }

  /**
   * Whether any rule read so far can ignore a path directly inside `folder` (absolute): some folder
   * from the root down to `folder` gives rules, or patterns given by the caller reach it. When
   * not, `ignores` is false for every such path, and a caller listing thousands of them (a project
   * load) need not ask of each. Answers from what `load` has read, as `ignores` does.
   */
  bearsOn(folder: string): boolean {
    const absolute = path.resolve(folder);
    if (this.explicit && this.base && (this.base === absolute || isBelow(this.base, absolute))) return true;
    return this.foldersAbove(path.join(absolute, 'file')).some((above) => this.folders.get(above) !== undefined);
  }

  /** `load` then `ignores`. */
  async isIgnored(filePath: string, isFolder = false): Promise<boolean> {
    await this.load([filePath]);
    return this.ignores(filePath, isFolder);
  }

  /** Forgets what was read, after an ignore file changed. */
  clear(): void {
    this.folders.clear();
    this.judged.clear();
    this.chains.clear();
  }

  private judge(absolute: string, isFolder: boolean): boolean {
    if (this.named.includes(absolute)) return false;
    const folders = this.foldersAbove(absolute);
    // A folder above that is ignored takes everything in it along (the root itself never is); its
    // own judgement takes in the folders above it.
    if (folders.length > 1 && this.ignores(folders[folders.length - 1], true)) return true;
    let ignored = false;
    const apply = (rules: Ignore, folder: string) => {
      const result = rules.test(relativeName(folder, absolute, isFolder));
      // The library also ignores a path whose folder its rules ignore; no folder above is ignored
      // by now (a deeper rule brought it back), so only what matches the path itself counts.
      const parent = path.dirname(absolute);
      if (result.ignored && isBelow(folder, parent) && rules.test(relativeName(folder, parent, true)).ignored) return;
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    };
    for (const folder of folders) {
      const rules = this.folders.get(folder);
      if (rules) apply(rules, folder);
    }
    if (this.explicit && this.base && isBelow(this.base, absolute)) apply(this.explicit, this.base);
    return ignored;
  }

  /**
   * The folders whose rules bear on `absolute`: from the outermost root holding it (or `base`,
   * when patterns are given) down to its own folder.
   */
  private foldersAbove(absolute: string): readonly string[] {
    // The same for every file of a folder: worked out once per folder.
    const parent = path.dirname(absolute);
    let folders = this.chains.get(parent);
    if (!folders) {
      folders = parent === absolute ? [] : this.chainTo(absolute);
      this.chains.set(parent, folders);
    }
    return folders;
  }

  /** foldersAbove, worked out. */
  private chainTo(absolute: string): string[] {
    // A folder named on purpose: judged from it down (the innermost, should they nest).
    const named = this.named.filter((folder) => isBelow(folder, absolute));
    const tops = this.explicit && this.base ? [...this.roots, this.base] : this.roots;
    const holding = tops.filter((root) => isBelow(root, absolute));
    if (!holding.length) return [];
    const top = named.length ? named.reduce((a, b) => (a.length >= b.length ? a : b)) : holding.reduce((a, b) => (a.length <= b.length ? a : b));
    const folders: string[] = [];
    for (let folder = path.dirname(absolute); isBelow(top, folder) || folder === top; folder = path.dirname(folder)) {
      folders.push(folder);
      if (folder === top || path.dirname(folder) === folder) break;
    }
    return folders.reverse();
  }

  private async readFolder(folder: string): Promise<FolderRules> {
    const patterns: string[] = [];
    if (!this.roots.some((root) => root === folder || isBelow(root, folder))) return undefined;
    if (this.options.gitignore !== false) {
      const text = await this.read(path.join(folder, GITIGNORE_FILE));
      if (text) for (const line of text.split(/\r?\n/)) patterns.push(line);
    }
    if (this.options.settingsIgnores !== false) {
      const file = path.join(folder, SETTINGS_FILE);
      const text = this.options.settingsText?.(file) ?? (await this.read(file));
      if (text !== undefined)
        for (const pattern of readProjectSettings(new BotFile(file, 'settings', text.replace(/^\ufeff/, ''), -1)).ignores ?? [])
          patterns.push(pattern);
    }
    return patterns.some((p) => p.trim() && !p.startsWith('#')) ? ignore().add(patterns) : undefined;
  }

  private async read(file: string): Promise<string | undefined> {
    try {
      return await this.fs.readFile(file);
    } catch {
      return undefined;
    }
  }
}

/** Whether `file` is strictly below `folder` (both absolute and resolved, as every path here is). */
function isBelow(folder: string, file: string): boolean {
  return file.length > folder.length && file.startsWith(folder) && (file[folder.length] === path.sep || folder.endsWith(path.sep));
}

const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

/** Whether `filePath` is absolute and already what path.resolve would make of it. */
function isResolved(filePath: string): boolean {
  return (
    path.isAbsolute(filePath) &&
    !DOT_SEGMENT.test(filePath) &&
    !filePath.includes(path.sep + path.sep) &&
    (filePath.length === 1 || !filePath.endsWith(path.sep)) &&
    (path.sep === '/' || !filePath.includes('/'))
  );
}

/** The path as the `ignore` library takes it: relative to `folder`, with `/`, a folder's ending in `/`. */
function relativeName(folder: string, absolute: string, isFolder: boolean): string {
  return path.relative(folder, absolute).split(path.sep).join('/') + (isFolder ? '/' : '');
}
