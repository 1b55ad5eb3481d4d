// Every bot project of a workspace. A file belongs to the innermost project folder that holds
// it; several projects (and workspace folders) each stand alone.
import * as path from 'node:path';
import type { BotFile } from './botFile';
import { BotProject } from './project';
import type { FileSystem, RealPath, RealPathCache } from './fileSystem';

export const BOT_FILE_PATTERNS = ['bot.json', 'handoff-kit.json', 'intents/*.json', 'journeys/*.json', 'test-reports/*.csv', 'functions/*.js'];
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/**
 * How many files a project load reads at once. Opening every file of a 30,000-file project at
 * once runs out of file descriptors (`EMFILE` over `ulimit -n`); 64 keeps the disk busy without that.
 */
export const READ_CONCURRENCY = 64;

export interface WorkspaceOptions {
  /** Files larger than this many characters are not parsed or checked. */
  maxFileSize?: number;
  /**
   * The folders files may be read from and written to (the editor's workspace folders, the
   * command line's arguments). A file, or a symbolic link, whose real path is outside every one
   * is not read: it becomes a `file-unread` finding. Undefined: no limit.
   */
  allowedRoots?: readonly string[];
}

/** Whether a file may be read or written, and if not, why (for a `file-unread` finding). */
export type Access = { readonly allowed: true; readonly realPath: string } | { readonly allowed: false; readonly reason: string };

export class BotWorkspace {
  private readonly projectsByRoot = new Map<string, BotProject>();
  maxFileSize: number;
  private roots: readonly string[] | undefined;
  private realRoots: Promise<string[]> | undefined;

  constructor(readonly fs: FileSystem, options: WorkspaceOptions = {}) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.allowedRoots = options.allowedRoots;
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
   * folder, so that a new file is never created through a link that leads outside. `folders`:
   * real paths of folders resolved during one project load (see RealPathCache), so that a
   * 3,000-file load does not resolve every component of every path again.
   */
  async access(filePath: string, folders?: RealPathCache): Promise<Access> {
    let probe = path.resolve(filePath);
    let rest = '';
    let real = await this.realPathOf(probe, folders);
    // Walk up to the nearest thing that exists (a file to create, a folder to create it in).
    while (real === undefined && path.dirname(probe) !== probe) {
      rest = path.join(path.basename(probe), rest);
      probe = path.dirname(probe);
      real = await this.realPathOf(probe);
    }
    if (real === undefined) return { allowed: true, realPath: path.resolve(filePath) };
    if ('unresolved' in real) return { allowed: false, reason: real.unresolved };
    const realPath = rest ? path.join(real.path, rest) : real.path;
    if (!this.roots) return { allowed: true, realPath };
    const roots = await (this.realRoots ??= Promise.all(this.roots.map(async (r) => {
      const resolved = await this.realPathOf(r);
      return resolved && 'path' in resolved ? resolved.path : r;
    })));
    if (roots.some((root) => isInside(root, realPath))) return { allowed: true, realPath };
    return { allowed: false, reason: `it is a symbolic link to ${realPath}, outside the folders being checked, and is not followed` };
  }

  private async realPathOf(filePath: string, folders?: RealPathCache): Promise<RealPath | undefined> {
    if (!this.fs.realPath) return { path: filePath };
    return this.fs.realPath(filePath, folders);
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
    // Links are followed here (an `intents` folder shared between bots), where the patterns are
    // shallow; access() then keeps every file inside the allowed roots.
    const files = await this.fs.glob(BOT_FILE_PATTERNS, project.root, { followLinks: true });
    const folders: RealPathCache = new Map();
    await forEachBounded(files, READ_CONCURRENCY, (file) => this.readIntoProject(project, file, folders));
    this.projectsByRoot.set(project.root, project);
    return project;
  }

  /** Finds every bot project below `folder` and loads it. */
  async loadProjectsUnder(folder: string): Promise<BotProject[]> {
    const botFiles = await this.fs.glob(['**/bot.json'], folder);
    return Promise.all(botFiles.map((f) => this.loadProject(path.dirname(f))));
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
    return project ? this.readIntoProject(project, filePath) : undefined;
  }

  delete(filePath: string): BotProject | undefined {
    const project = this.projectOf(filePath);
    return project?.delete(filePath) ? project : undefined;
  }

  private async readIntoProject(project: BotProject, filePath: string, folders?: RealPathCache): Promise<BotFile | undefined> {
    // A link that loops or leads outside the allowed roots is not followed, but it is not a
    // missing file either: recorded as unread, it gets a `file-unread` finding.
    const access = await this.access(filePath, folders);
    if (!access.allowed) return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, unreadReason: access.reason });
    // A file too large to check is not even read: a stray data dump must not stall the editor.
    // A file system error other than "not there" (EMFILE, EACCES, EIO) is thrown by size() and
    // readFile(): the file exists, so it becomes unread rather than silently missing.
    let size: number | undefined;
    let text: string | undefined;
    try {
      size = await this.fs.size(filePath);
      if (size === undefined) return undefined;
      if (size > this.maxFileSize) {
        return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, sizeOnDisk: size });
      }
      text = await this.fs.readFile(filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, unreadReason: `reading it failed (${code ?? describe(error)})` });
    }
    // A file that is there but cannot be read is recorded as unread, not taken for a missing one.
    if (text === undefined) return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, unreadReason: 'it exists but reading it failed' });
    // Editors drop a byte order mark from the text they hold; so do we, so offsets match theirs.
    const hadBom = text.charCodeAt(0) === 0xfeff;
    return project.setText(filePath, hadBom ? text.slice(1) : text, -1, { maxSize: this.maxFileSize, hadBom });
  }
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether `file` is `folder` or inside it (both absolute). */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
