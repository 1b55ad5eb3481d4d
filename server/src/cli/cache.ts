// `handoff-kit check --cache`, as ESLint's: each project's findings kept in a cache file with what
// they were computed from (every bot file's size, modification time and content hash, and the
// run's settings), so that a run on an unchanged project reads no bot file. The checks read across
// files (an utterance in an intent, the banner in a journey), so a project is one entry: a change
// to any of its files, or a file added or removed, checks the whole project again.
import { promises as fsp, statSync } from 'node:fs';
import * as path from 'node:path';
import { blockingNodeFileSystem, type BotProject, type Finding } from '../engine';
import type { LocatedFinding } from './formats';

/** The cache file's name: in the current folder unless `--cache-location` says otherwise. */
export const DEFAULT_CACHE_FILE = '.handoff-kit-cache';

/** The layout of the cache file; another layout (an older release's) is dropped whole. */
const CACHE_FORMAT = 1;

/** What one bot file was when its project was checked: bytes and milliseconds since the epoch, and a hash of its text. */
interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-1 of the text as checked (byte order mark dropped); empty for a file that was not read (too large, unreadable). */
  readonly hash: string;
}

/** A finding as it was printed: the finding, and its range and related ranges in 0-based lines and characters. */
interface CachedFinding {
  readonly finding: Finding;
  readonly start: LocatedFinding['start'];
  readonly end: LocatedFinding['end'];
  readonly related: readonly { readonly start: LocatedFinding['start']; readonly end: LocatedFinding['end'] }[];
}

/** One project's entry: the settings key and files it was checked with, and its findings. */
interface ProjectEntry {
  readonly settings: string;
  /** By absolute path. */
  readonly files: Readonly<Record<string, FileState>>;
  readonly findings: readonly CachedFinding[];
}

interface CacheContents {
  readonly format: number;
  /** The tool's version: a release may check differently, so another version's cache is dropped. */
  readonly version: string;
  /** By project root (absolute). */
  readonly projects: Record<string, ProjectEntry>;
}

/** The stat of each file, before it is read: a change made while the project is read is seen by the next run. */
export type FileStats = ReadonlyMap<string, { size: number; mtimeMs: number } | undefined>;

/**
 * The cache of a run: `read` it, ask `lookup` for each project (giving the files the project load
 * would read), `store` what was checked, then `write` it back. Everything the findings depend on
 * besides the bot files goes into `settingsKey`: the version, the rule options, the `--config`
 * file's text, the size limit, the folders links may lead into.
 */
export class CheckCache {
  private contents: CacheContents;
  private changed = false;

  private constructor(
    readonly file: string,
    version: string,
    private readonly settingsKey: string,
    contents: CacheContents | undefined,
  ) {
    this.contents = contents?.format === CACHE_FORMAT && contents.version === version ? contents : { format: CACHE_FORMAT, version, projects: {} };
    if (this.contents !== contents) this.changed = true;
  }

  /**
   * The cache at `location` (a file, or a folder to hold DEFAULT_CACHE_FILE: one that exists, or a
   * path ending in a separator), relative to `cwd`. A file that is missing, unreadable or not a
   * cache of this version starts an empty cache. `settings`: every input but the bot files.
   */
  static async read(location: string | undefined, cwd: string, version: string, settings: unknown): Promise<CheckCache> {
    const file = await cacheFileOf(location, cwd);
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    let contents: CacheContents | undefined;
    try {
      contents = text === undefined ? undefined : (JSON.parse(text) as CacheContents);
    } catch {
      contents = undefined;
    }
    const settingsKey = hashOf(JSON.stringify(settings));
    return new CheckCache(file, version, settingsKey, contents && typeof contents === 'object' && contents.projects ? contents : undefined);
  }

  /**
   * The findings of the project at `root` when nothing they depend on changed: the same settings,
   * the same `files` (absolute paths, as the project load lists them), each with the size and
   * modification time recorded, or else, read again, the same text. Undefined otherwise.
   */
  async lookup(root: string, files: readonly string[], stats: FileStats): Promise<CachedFinding[] | undefined> {
    const entry = this.contents.projects[root];
    if (!entry || entry.settings !== this.settingsKey) return undefined;
    const recorded = Object.keys(entry.files);
    if (recorded.length !== files.length || files.some((file) => !entry.files[file])) return undefined;
    const touched: [string, FileState][] = [];
    for (const file of files) {
      const now = stats.get(file);
      const then = entry.files[file];
      if (!now) return undefined;
      if (now.size === then.size && now.mtimeMs === then.mtimeMs) continue;
      // Touched (a checkout, a save without change): the same text is as good.
      if (!then.hash || now.size !== then.size) return undefined;
      const text = await blockingNodeFileSystem.readFile(file);
      if (text === undefined || hashOf(text.replace(/^\ufeff/, '')) !== then.hash) return undefined;
      touched.push([file, { ...then, mtimeMs: now.mtimeMs }]);
    }
    if (touched.length) {
      this.contents.projects[root] = { ...entry, files: { ...entry.files, ...Object.fromEntries(touched) } };
      this.changed = true;
    }
    return [...entry.findings];
  }

  /** Records the project's findings, located, with the stats its files had before they were read. */
  store(project: BotProject, located: readonly LocatedFinding[], stats: FileStats): void {
    const files: Record<string, FileState> = {};
    for (const file of project.allFiles()) {
      const stat = stats.get(file.path);
      // A file the listing did not show (made since): the next run checks the project again.
      if (!stat) return;
      files[file.path] = { ...stat, hash: file.readable && !file.oversized ? hashOf(file.text) : '' };
    }
    const findings = located.map(({ finding, start, end, related }) => ({
      finding,
      start,
      end,
      related: related.map((r) => ({ start: r.start, end: r.end })),
    }));
    this.contents.projects[project.root] = { settings: this.settingsKey, files, findings };
    this.changed = true;
  }

  /** Writes the cache back when it changed: to a file beside it, then renamed over it, so that no run reads half a cache. */
  async write(): Promise<void> {
    if (!this.changed) return;
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await fsp.writeFile(temporary, JSON.stringify(this.contents));
    await fsp.rename(temporary, this.file);
  }
}

/** The size and modification time of each file, undefined for one that is gone or is no file. */
export function statFiles(files: readonly string[]): FileStats {
  const stats = new Map<string, { size: number; mtimeMs: number } | undefined>();
  for (const file of files) {
    try {
      const stat = statSync(file);
      stats.set(file, stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined);
    } catch {
      stats.set(file, undefined);
    }
  }
  return stats;
}

let crypto: typeof import('node:crypto') | undefined;

/** The SHA-1 of `text`, in hexadecimal. node:crypto is loaded on first use (some 3 ms of a start without --cache). */
function hashOf(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import` would load it at start
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(text).digest('hex');
}

async function cacheFileOf(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (await fsp.stat(absolute).catch(() => undefined))?.isDirectory();
  return isFolder ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}
