// Every bot project of a workspace. A file belongs to the innermost project folder that holds
// it; several projects (and workspace folders) each stand alone.
import * as path from 'node:path';
import type { BotFile } from '../model/botFile';
import { BotProject } from './project';
import { readOneFile, type FileRead, type FileSystem, type RealPath } from './fileSystem';
import { BOT_FILE_PATTERNS, PROJECT_FOLDERS } from '../model/projectLayout';
import { IgnoreRules, type IgnoreOptions } from './ignores';

/** Bot files larger than this many bytes (2 MiB) are not parsed or checked, unless a setting says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/**
 * How many files a project load reads at once through a file system without `readFiles`.
 * Opening every file of a 30,000-file project at once runs out of file descriptors (`EMFILE`
 * over `ulimit -n`); 64 keeps the disk busy without that.
 */
export const READ_CONCURRENCY = 64;

/** How a BotWorkspace reads: the size over which a file is not checked, and where it may read and write. */
export interface WorkspaceOptions {
  /**
   * Files larger than this are not parsed or checked: bytes for a file on disk, UTF-16 code units
   * for an editor's text. Default DEFAULT_MAX_FILE_SIZE (2 MiB).
   */
  maxFileSize?: number;
  /**
   * The folders files may be read from and written to (the editor's workspace folders, the
   * command line's arguments). A file, or a symbolic link, whose real path is outside every one
   * is not read: it becomes a `file-unread` finding. Undefined: no limit.
   */
  allowedRoots?: readonly string[];
  /**
   * What the search for projects and each project's load leave out (`.gitignore`, the `ignores` of
   * handoff-kit.json files, patterns given): see IgnoreOptions. Undefined: nothing is ignored.
   */
  ignores?: IgnoreOptions;
}

/** Whether a file may be read or written, and if not, why (for a `file-unread` finding). */
export type Access = { readonly allowed: true; readonly realPath: string } | { readonly allowed: false; readonly reason: string };

/**
 * The bot projects an editor or a command line works on, read through a FileSystem: finds them
 * (`loadProjectsUnder` looks for every bot.json), gives a file to the innermost project that holds
 * it, and reads or writes nothing whose real path is outside `allowedRoots` (such a file gets a
 * `file-unread` finding). Paths are absolute.
 */
export class BotWorkspace {
  private readonly projectsByRoot = new Map<string, BotProject>();
  maxFileSize: number;
  private roots: readonly string[] | undefined;
  private realRoots: Promise<string[]> | undefined;
  private ignoreOptions: IgnoreOptions | undefined;
  private ignoreRules: IgnoreRules | undefined;

  constructor(
    readonly fs: FileSystem,
    options: WorkspaceOptions = {},
  ) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.allowedRoots = options.allowedRoots;
    this.ignores = options.ignores;
  }

  /**
   * See WorkspaceOptions.ignores. Setting it again (the server does when workspace folders change
   * or an ignore file changed) forgets the ignore files read; projects loaded keep what they were
   * loaded with until they are loaded again.
   */
  get ignores(): IgnoreOptions | undefined {
    return this.ignoreOptions;
  }

  set ignores(options: IgnoreOptions | undefined) {
    this.ignoreOptions = options;
    this.ignoreRules = options ? new IgnoreRules(this.fs, options) : undefined;
  }

  /**
   * Whether a folder or file is ignored (see WorkspaceOptions.ignores): a project there is not
   * searched for or loaded, a file there is not part of its project.
   */
  async isIgnored(filePath: string, isFolder = false): Promise<boolean> {
    return (await this.ignoreRules?.isIgnored(filePath, isFolder)) ?? false;
  }

  /** See WorkspaceOptions.allowedRoots; the server sets it again when workspace folders change. */
  get allowedRoots(): readonly string[] | undefined {
    return this.roots;
  }

  set allowedRoots(roots: readonly string[] | undefined) {
    this.roots = roots?.map((r) => path.resolve(r));
    this.realRoots = undefined;
  }

  /**
   * Whether `filePath` may be read or written: its real path (symbolic links followed) must lie
   * inside an allowed root. A file that does not exist yet is judged by its nearest existing
   * folder, so that a new file is never created through a link that leads outside.
   */
  async access(filePath: string): Promise<Access> {
    let probe = path.resolve(filePath);
    let rest = '';
    let real = await this.realPathOf(probe);
    // Walk up to the nearest thing that exists (a file to create, a folder to create it in).
    while (real === undefined && path.dirname(probe) !== probe) {
      rest = path.join(path.basename(probe), rest);
      probe = path.dirname(probe);
      real = await this.realPathOf(probe);
    }
    if (real === undefined) return { allowed: true, realPath: path.resolve(filePath) };
    if ('unresolved' in real) return { allowed: false, reason: real.unresolved };
    return judge(rest ? path.join(real.path, rest) : real.path, await this.realRootsOf());
  }

  /**
   * access() of many files, for a project load: resolved in one call when the file system can
   * (FileSystem.realPaths), which resolves each folder once rather than every path in full.
   */
  private async accessAll(filePaths: readonly string[]): Promise<Access[]> {
    const accesses: Access[] = [];
    if (!this.fs.realPaths) {
      await forEachBounded([...filePaths.keys()], READ_CONCURRENCY, async (i) => {
        accesses[i] = await this.access(filePaths[i]);
      });
      return accesses;
    }
    const reals = await this.fs.realPaths(filePaths);
    const roots = await this.realRootsOf();
    for (let i = 0; i < reals.length; i++) {
      const real = reals[i];
      // Gone since it was listed: judged as access() judges a file to create.
      if (real === undefined) accesses.push(await this.access(filePaths[i]));
      else accesses.push('unresolved' in real ? { allowed: false, reason: real.unresolved } : judge(real.path, roots));
    }
    return accesses;
  }

  /** The allowed roots with their links resolved (undefined: no limit). */
  private async realRootsOf(): Promise<readonly string[] | undefined> {
    if (!this.roots) return undefined;
    return (this.realRoots ??= Promise.all(
      this.roots.map(async (r) => {
        const resolved = await this.realPathOf(r);
        return resolved && 'path' in resolved ? resolved.path : r;
      }),
    ));
  }

  private async realPathOf(filePath: string): Promise<RealPath | undefined> {
    if (!this.fs.realPath) return { path: filePath };
    return this.fs.realPath(filePath);
  }

  projects(): BotProject[] {
    return [...this.projectsByRoot.values()];
  }

  project(root: string): BotProject | undefined {
    return this.projectsByRoot.get(path.resolve(root));
  }

  /** The innermost project whose bot files include `filePath`. */
  projectOf(filePath: string): BotProject | undefined {
    let best: BotProject | undefined;
    for (const project of this.projectsByRoot.values()) {
      if (project.owns(filePath) && (!best || project.root.length > best.root.length)) best = project;
    }
    return best;
  }

  /** Reads a project's files from disk into the model (again, if it was loaded before). */
  async loadProject(root: string): Promise<BotProject> {
    const project = new BotProject(path.resolve(root));
    const files = await this.projectFiles(project.root);
    const accesses = await this.accessAll(files);
    const reads = await this.readFiles(files.filter((_, i) => accesses[i].allowed));
    let next = 0;
    files.forEach((file, i) => {
      const access = accesses[i];
      this.intoProject(project, file, access.allowed ? reads[next++] : { unreadReason: access.reason });
    });
    // Set once the files are in: projectFiles left out what the same rules ignore, and asking again
    // of each file would cost what that skipped (see projectFiles).
    const rules = this.ignoreRules;
    if (rules) project.excludes = (file) => rules.ignores(file);
    this.projectsByRoot.set(project.root, project);
    return project;
  }

  /**
   * The bot files of the project whose root is `root` (absolute paths), as `loadProject` reads them,
   * ignored ones left out; reads nothing but the folders' listings and the ignore files.
   */
  async projectFiles(root: string): Promise<string[]> {
    const absolute = path.resolve(root);
    // Links are followed here (an `intents` folder shared between bots), where the patterns are
    // shallow; access() then keeps every file inside the allowed roots.
    const files = await this.fs.glob(BOT_FILE_PATTERNS, absolute, { followLinks: true });
    const rules = this.ignoreRules;
    if (!rules) return files;
    const folders = [absolute, ...PROJECT_FOLDERS.map((folder) => path.join(absolute, folder))];
    await rules.load(folders.map((folder) => path.join(folder, 'file')));
    // Bot files lie in the root or one of its folders: where no rule bears on any of those (most
    // projects), no file is asked about (some 3 µs each, 10 ms of a 3,001-file project's load).
    if (!folders.some((folder) => rules.bearsOn(folder))) return files;
    return files.filter((file) => !rules.ignores(file));
  }

  /**
   * The roots of the bot projects at or below `folder` (absolute, sorted): every folder with a
   * bot.json, but those the ignore rules leave out. Reads the folders' listings and ignore files.
   */
  async findProjects(folder: string): Promise<string[]> {
    const botFiles = await this.fs.glob(['**/bot.json'], path.resolve(folder));
    const rules = this.ignoreRules;
    if (rules) await rules.load(botFiles);
    return botFiles
      .filter((file) => !rules?.ignores(file))
      .map((file) => path.dirname(file))
      .sort();
  }

  /** Finds every bot project below `folder` (see findProjects) and loads it. */
  async loadProjectsUnder(folder: string): Promise<BotProject[]> {
    return Promise.all((await this.findProjects(folder)).map((root) => this.loadProject(root)));
  }

  removeProject(root: string): boolean {
    return this.projectsByRoot.delete(path.resolve(root));
  }

  /**
   * Drops the projects inside `folder` (a workspace folder that was closed, a folder deleted on
   * disk), except those also inside one of `keep` (another workspace folder still open, when
   * folders nest). Returns the projects dropped.
   */
  removeProjectsUnder(folder: string, keep: readonly string[] = []): BotProject[] {
    const removed = this.projects().filter((p) => isInside(path.resolve(folder), p.root) && !keep.some((k) => isInside(path.resolve(k), p.root)));
    for (const project of removed) this.projectsByRoot.delete(project.root);
    return removed;
  }

  /** Puts the text of an open document into its project. */
  setText(filePath: string, text: string, version: number): BotFile | undefined {
    return this.projectOf(filePath)?.setText(filePath, text, version, { maxSize: this.maxFileSize });
  }

  /** Reads a file from disk into its project (after a change on disk). */
  async reload(filePath: string): Promise<BotFile | undefined> {
    const project = this.projectOf(filePath);
    if (!project) return undefined;
    const access = await this.access(filePath);
    if (!access.allowed) return this.intoProject(project, filePath, { unreadReason: access.reason });
    const [read] = await this.readFiles([filePath]);
    return this.intoProject(project, filePath, read);
  }

  delete(filePath: string): BotProject | undefined {
    const project = this.projectOf(filePath);
    return project?.delete(filePath) ? project : undefined;
  }

  /** Reads files, in one call when the file system can (see FileSystem.readFiles). */
  private async readFiles(filePaths: readonly string[]): Promise<FileRead[]> {
    if (this.fs.readFiles) return this.fs.readFiles(filePaths, { maxSize: this.maxFileSize });
    const reads: FileRead[] = [];
    await forEachBounded([...filePaths.keys()], READ_CONCURRENCY, async (i) => {
      reads[i] = await readOneFile(this.fs, filePaths[i], this.maxFileSize);
    });
    return reads;
  }

  /**
   * Puts what reading a file gave into its project. A file that is there but was not read (a link
   * that loops or leads outside the allowed roots, a file system error) is recorded as unread, not
   * taken for a missing one: it gets a `file-unread` finding. A file too large to check was not
   * even read: a stray data dump must not stall the editor.
   */
  private intoProject(project: BotProject, filePath: string, read: FileRead): BotFile | undefined {
    const maxSize = this.maxFileSize;
    if (read === undefined) return undefined;
    if ('unreadReason' in read) return project.setText(filePath, '', -1, { maxSize, unreadReason: read.unreadReason });
    if ('tooLarge' in read) return project.setText(filePath, '', -1, { maxSize, sizeOnDisk: read.tooLarge });
    // Editors drop a byte order mark from the text they hold; so do we, so offsets match theirs.
    const hadBom = read.text.charCodeAt(0) === 0xfeff;
    return project.setText(filePath, hadBom ? read.text.slice(1) : read.text, -1, { maxSize, hadBom });
  }
}

/** Whether a real path lies inside one of `roots` (undefined: no limit). */
function judge(realPath: string, roots: readonly string[] | undefined): Access {
  if (!roots || roots.some((root) => isInside(root, realPath))) return { allowed: true, realPath };
  return { allowed: false, reason: `it is a symbolic link to ${realPath}, outside the folders being checked, and is not followed` };
}

/**
 * Runs `task` on every item with at most `limit` tasks under way at once, in order of the items;
 * resolves when all have settled. A task that rejects rejects the whole (after the others end).
 */
export async function forEachBounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

/** Whether `file` is `folder` or inside it (both absolute). */
export function isInside(folder: string, file: string): boolean {
  // The usual case, a path below the folder with no `.` or `..` in it, without path.relative's
  // normalizing (some 5 µs a call, for each file of a project load).
  if (
    file.length > folder.length &&
    file.startsWith(folder) &&
    file[folder.length] === path.sep &&
    path.isAbsolute(folder) &&
    !DOT_SEGMENT.test(file)
  ) {
    return true;
  }
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
