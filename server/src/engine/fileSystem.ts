// File access as a parameter of the engine, so that the server, the command line and tests can
// each bring their own; `nodeFileSystem` is the real one.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';

/** Where a path really leads, once every symbolic link on the way is followed. */
export type RealPath =
  | { readonly path: string }
  /** The path cannot be resolved: `reason` says why in words for a finding (a link that loops, leads nowhere). */
  | { readonly unresolved: string };

export interface FileSystem {
  /**
   * The file's text, or undefined when it cannot be read (gone, a folder, no permission). May
   * instead throw an error (with a Node `code`) for a failure worth naming, such as `EMFILE`.
   */
  readFile(filePath: string): Promise<string | undefined>;
  /**
   * The file's size in bytes, or undefined when nothing readable is there (gone, a folder).
   * Throws for any other failure (`EMFILE`, `EACCES`, `EIO`): the file exists but cannot be
   * read, which the workspace records as unread rather than leave it out.
   */
  size(filePath: string): Promise<number | undefined>;
  /**
   * Absolute paths of the files below `cwd` matching the glob patterns. With `followLinks`,
   * symbolic links (to folders and to files) are followed, and a link that leads nowhere or loops
   * is listed too (as the link's own path), so that it can be reported rather than missed.
   */
  glob(patterns: string[], cwd: string, options?: { followLinks?: boolean }): Promise<string[]>;
  /**
   * Where `filePath` really is (every symbolic link resolved); undefined when nothing is there.
   * Optional: a file system without it has no links, and every path is its own real path.
   */
  realPath?(filePath: string, folders?: RealPathCache): Promise<RealPath | undefined>;
}

/**
 * Real paths of folders already resolved, keyed by absolute folder path, shared by the
 * `realPath` calls of one project load: a file that is not itself a link is then resolved by one
 * `lstat` and its folder's cached real path, not by a walk of every component of its path.
 * Short-lived by design (a folder may become a link later).
 */
export type RealPathCache = Map<string, Promise<RealPath | undefined>>;

const IGNORE = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];

export const nodeFileSystem: FileSystem = {
  async readFile(filePath) {
    try {
      return await fsp.readFile(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
  async size(filePath) {
    try {
      const stat = await fsp.stat(filePath);
      return stat.isFile() ? stat.size : undefined;
    } catch (error) {
      // Only "not there" means no file; anything else (EMFILE, EACCES) is a file not read.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
  async glob(patterns, cwd, options = {}) {
    const base = { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE };
    if (!options.followLinks) return glob(patterns, { ...base, followSymbolicLinks: false });
    // Following links drops those that lead nowhere or loop (they cannot be stat'ed), and the
    // globber never lists a link it does not follow: such links are listed from the folders.
    const [followed, links] = await Promise.all([glob(patterns, { ...base, followSymbolicLinks: true }), linksMatching(patterns, cwd)]);
    return [...new Set([...followed, ...links])];
  },
  async realPath(filePath, folders) {
    if (folders) {
      const fromFolder = await realPathFromFolder(filePath, folders);
      if (fromFolder) return fromFolder;
    }
    return realPathOf(filePath);
  },
};

/**
 * The real path of a file that is not a link, as its folder's real path (from `folders`, or
 * resolved and put there) and its name. Undefined when that does not apply (the file is a link,
 * is not there, or its folder cannot be resolved): the caller resolves the file itself.
 */
async function realPathFromFolder(filePath: string, folders: RealPathCache): Promise<RealPath | undefined> {
  const stat = await fsp.lstat(filePath).catch(() => undefined);
  if (!stat || stat.isSymbolicLink()) return undefined;
  const folder = path.dirname(filePath);
  if (folder === filePath) return undefined;
  let real = folders.get(folder);
  if (!real) folders.set(folder, (real = realPathOf(folder)));
  const resolved = await real;
  return resolved && 'path' in resolved ? { path: path.join(resolved.path, path.basename(filePath)) } : undefined;
}

async function realPathOf(filePath: string): Promise<RealPath | undefined> {
  try {
    return { path: await fsp.realpath(filePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { unresolved: 'it is a symbolic link that loops' };
    if (code === 'ENOENT') {
      // Gone, or a link whose target is gone: only the second is worth a finding.
      const link = await fsp.lstat(filePath).then((s) => s.isSymbolicLink(), () => false);
      return link ? { unresolved: 'it is a symbolic link that leads to no file' } : undefined;
    }
    return { unresolved: `its path cannot be resolved (${code ?? 'unknown error'})` };
  }
}

/**
 * The symbolic links (of any kind, broken ones included) matching shallow patterns such as
 * `intents/*.json`: folders spelt out, `*` only in the last segment. Other patterns match none.
 */
async function linksMatching(patterns: string[], cwd: string): Promise<string[]> {
  const byFolder = new Map<string, RegExp[]>();
  for (const pattern of patterns) {
    const segments = pattern.split('/');
    const name = segments.pop() ?? '';
    if (segments.some((s) => /[*?[{]/.test(s)) || /[?[{]/.test(name)) continue;
    const folder = path.join(cwd, ...segments);
    const regex = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+^$()|\\\]]/g, '\\$&')).join('[^/]*')}$`);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), regex]);
  }
  const found: string[] = [];
  for (const [folder, regexes] of byFolder) {
    const entries = await fsp.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isSymbolicLink() && !entry.name.startsWith('.') && regexes.some((r) => r.test(entry.name))) found.push(path.join(folder, entry.name));
    }
  }
  return found;
}
