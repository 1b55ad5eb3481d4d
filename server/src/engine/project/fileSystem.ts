// File access as a parameter of the engine, so that the server, the command line and tests can
// each bring their own; `nodeFileSystem` is the real one.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a path really leads, once every symbolic link on the way is followed. */
export type RealPath =
  | { readonly path: string }
  /** The path cannot be resolved: `reason` says why in words for a finding (a link that loops, leads nowhere). */
  | { readonly unresolved: string };

/**
 * What reading one file gave, for `FileSystem.readFiles`: its text (decoded by `decodeText`: UTF-8,
 * or UTF-16 when the bytes say so; a byte order mark kept), its size when it is over the limit and was not read, why it could not be read (in
 * words for a `file-unread` finding), or undefined when nothing readable is there (gone, a folder).
 */
export type FileRead = { readonly text: string } | { readonly tooLarge: number } | { readonly unreadReason: string } | undefined;

/**
 * The file access the engine is given: `nodeFileSystem` in the server and the command line, an
 * in-memory fake in tests. Paths are absolute, sizes in bytes, text the file's bytes decoded as
 * UTF-8 (a byte order mark kept). `readFile`, `size` and `glob` are required; the optional
 * methods are faster ways to the same results.
 */
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
  glob(patterns: readonly string[], cwd: string, options?: { followLinks?: boolean }): Promise<string[]>;
  /**
   * Where `filePath` really is (every symbolic link resolved); undefined when nothing is there.
   * Optional: a file system without it has no links, and every path is its own real path.
   */
  realPath?(filePath: string): Promise<RealPath | undefined>;
  /**
   * `realPath` of many files at once, in the order of `filePaths`: a project load resolves each
   * folder once, and a file its folder's listing shows is not a link by its folder's real path.
   * Optional: without it, each file is resolved by `realPath`.
   */
  realPaths?(filePaths: readonly string[]): Promise<(RealPath | undefined)[]>;
  /**
   * Reads many files in one call; the results are in the order of `filePaths`. A file over
   * `maxSize` bytes is not read (`tooLarge`). Optional: without it the workspace reads file by
   * file with `size` and `readFile` (see `readOneFile`), which gives the same results.
   */
  readFiles?(filePaths: readonly string[], options: { readonly maxSize: number }): Promise<FileRead[]>;
}

/**
 * Reads one file with `size` and `readFile`: what `readFiles` gives for a file, for a file system
 * without it (and for one file changed on disk).
 */
export async function readOneFile(fileSystem: FileSystem, filePath: string, maxSize: number): Promise<FileRead> {
  // A file too large to check is not even read. A failure other than "not there" (EMFILE,
  // EACCES, EIO) is thrown by size() and readFile(): the file exists, so it is unread, not missing.
  try {
    const size = await fileSystem.size(filePath);
    if (size === undefined) return undefined;
    if (size > maxSize) return { tooLarge: size };
    const text = await fileSystem.readFile(filePath);
    return text === undefined ? { unreadReason: UNREADABLE } : { text };
  } catch (error) {
    return { unreadReason: failedBecause(error) };
  }
}

/** Why a file that is there could not be read, when the file system gives no reason. */
const UNREADABLE = 'it exists but reading it failed';

function failedBecause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return `reading it failed (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Folders never searched for bot projects, whatever the ignore rules say (and folders whose names start with a dot). */
export const IGNORED_FOLDERS: readonly string[] = ['node_modules', '.git', '.vscode-test'];
const IGNORE = IGNORED_FOLDERS.map((folder) => `**/${folder}/**`);

/**
 * The globber, loaded only for patterns the listings here do not handle (none of the engine's
 * own): loading it (with fdir, which looks for picomatch on disk as it loads) costs every start.
 */
async function globber(): Promise<typeof import('tinyglobby').glob> {
  return (await import('tinyglobby')).glob;
}

/**
 * How many files `readFiles` reads before it lets other work run (the language server answers
 * requests between slices): about 10 ms of reading.
 */
const READ_SLICE = 256;

/** Only "not there": any other failure means a file that exists and could not be read. */
const isNotThere = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * The text of a file's bytes. UTF-8 unless the bytes say UTF-16: a UTF-16 byte order mark (FF FE
 * little-endian, FE FF big-endian), or, without one, text that starts with an ASCII character and
 * a NUL byte (or a NUL and then an ASCII character), which UTF-8 text never holds. Spreadsheets
 * save CSV as UTF-16 ("Unicode text"); editors open such files as UTF-16 too, so the offsets of
 * findings match theirs. A byte order mark is kept, as the first character (U+FEFF), whatever the
 * encoding: the workspace drops it and remembers it (BotFile.hadBom).
 */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [b0, b1] = [buffer[0], buffer[1]];
  if (buffer.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 !== 0 && b0 < 0x80 && b1 === 0))) return buffer.toString('utf16le');
  if (buffer.length >= 2 && ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 !== 0 && b1 < 0x80))) {
    // Big-endian: swapped into little-endian, which Node decodes (a copy: the buffer may be shared).
    const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return buffer.toString('utf8');
}

/**
 * The FileSystem over Node's `fs`. `readFile` gives undefined on any failure (it never throws);
 * `glob` skips node_modules, .git, .vscode-test and names starting with a dot; `readFiles` reads
 * synchronously, one file open at a time, and lets other work run every 256 files.
 */
export const nodeFileSystem: FileSystem = {
  async readFile(filePath) {
    try {
      return decodeText(await fs.promises.readFile(filePath));
    } catch {
      return undefined;
    }
  },
  async size(filePath) {
    try {
      const stat = await fs.promises.stat(filePath);
      return stat.isFile() ? stat.size : undefined;
    } catch (error) {
      if (isNotThere(error)) return undefined;
      throw error;
    }
  },
  async glob(patterns, cwd, options = {}) {
    const base = { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE };
    if (!options.followLinks) {
      // `**/bot.json`, the search for projects, is a walk for one name: no globber to load and compile.
      const name = patterns.length === 1 ? /^\*\*\/([^*?[\]{}\\/!()+@]+)$/.exec(patterns[0])?.[1] : undefined;
      return name && !name.startsWith('.') ? filesNamed(name, cwd) : (await globber())(patterns, { ...base, followSymbolicLinks: false });
    }
    // A project's own patterns are shallow (`intents/*.json`): one listing of each folder finds
    // its files and its links, with no globber to load and compile.
    const shallow = shallowPatterns(patterns);
    if (shallow) return filesListed(shallow, cwd);
    // Following links drops those that lead nowhere or loop (they cannot be stat'ed), and the
    // globber never lists a link it does not follow: such links are listed from the folders.
    const glob = await globber();
    const [followed, links] = await Promise.all([glob(patterns, { ...base, followSymbolicLinks: true }), linksMatching(patterns, cwd)]);
    return [...new Set([...followed, ...links])];
  },
  realPath: (filePath) => realPathOf(filePath, false),
  realPaths: (filePaths) => realPathsOf(filePaths, false),
  async readFiles(filePaths, { maxSize }) {
    // Synchronous reads, one file open at a time: one open gives the size and the text (a
    // thousand files cost about what `readFileSync` costs them; the promise API spent several
    // times that in the thread pool), and no number of files runs out of file descriptors.
    const reads: FileRead[] = [];
    const buffer = { bytes: Buffer.allocUnsafe(64 * 1024) };
    for (let i = 0; i < filePaths.length; i++) {
      if (i > 0 && i % READ_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      reads.push(readSync(filePaths[i], maxSize, buffer));
    }
    return reads;
  },
};

/**
 * `nodeFileSystem` with `readFile`, `size`, `realPath` and `realPaths` calling `fs` synchronously
 * (their promises are settled when they return), for a process that does nothing else meanwhile:
 * the command line. The promise API costs a trip through the thread pool per call, and its first
 * use loads fs/promises, some 4 ms of every start of the command line. Not for the language
 * server: it changes the order of its work (a file read finishes before an edit that arrives
 * meanwhile), which a test of the server's picture of the disk was seen to fail on.
 */
export const blockingNodeFileSystem: FileSystem = {
  ...nodeFileSystem,
  async readFile(filePath) {
    try {
      return decodeText(fs.readFileSync(filePath));
    } catch {
      return undefined;
    }
  },
  async size(filePath) {
    try {
      const stat = fs.statSync(filePath);
      return stat.isFile() ? stat.size : undefined;
    } catch (error) {
      if (isNotThere(error)) return undefined;
      throw error;
    }
  },
  realPath: (filePath) => realPathOf(filePath, true),
  realPaths: (filePaths) => realPathsOf(filePaths, true),
};

/** `realPath` of many files at once (see FileSystem.realPaths); synchronous calls of `fs` when `blocking`. */
async function realPathsOf(filePaths: readonly string[], blocking: boolean): Promise<(RealPath | undefined)[]> {
  const folders = new Map<string, { plain: ReadonlySet<string>; real: RealPath | undefined } | undefined>();
  const reals: (RealPath | undefined)[] = [];
  for (const filePath of filePaths) {
    const cut = filePath.lastIndexOf(path.sep);
    const folder = cut > 0 ? filePath.slice(0, cut) : undefined;
    const name = filePath.slice(cut + 1);
    let known = folder === undefined ? undefined : folders.get(folder);
    if (folder !== undefined && !folders.has(folder)) folders.set(folder, (known = await folderOf(folder, blocking)));
    // A file that is not a link is where its folder really is; a link (or a file the listing
    // does not show: made since, or a path not spelt plainly) is resolved on its own.
    const real =
      known?.real && 'path' in known.real && known.plain.has(name) && name !== '.' && name !== '..'
        ? { path: joinName(known.real.path, name) }
        : undefined;
    reals.push(real ?? (await realPathOf(filePath, blocking)));
  }
  return reals;
}

// Not blocking on a named pipe or a device (which a link may lead to): they are opened, found not
// to be files and closed, never read. O_NONBLOCK is 0 where it does not exist (Windows).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Reads one file for `readFiles`; `buffer` is scratch space, grown for a larger file. */
function readSync(filePath: string, maxSize: number, buffer: { bytes: Buffer }): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(filePath, OPEN_FLAGS);
  } catch (error) {
    return isNotThere(error) ? undefined : openFailed(filePath, maxSize);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > maxSize) return { tooLarge: stat.size };
    if (stat.size > buffer.bytes.length) buffer.bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < stat.size) {
      const read = fs.readSync(fd, buffer.bytes, length, stat.size - length, null);
      if (read === 0) break;
      length += read;
    }
    return { text: decodeText(buffer.bytes.subarray(0, length)) };
  } catch {
    return { unreadReason: UNREADABLE };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A file that could not be opened: what `readOneFile` says of it, since there the size is asked
 * first (a file without read permission is still too large, or there but unreadable).
 */
function openFailed(filePath: string, maxSize: number): FileRead {
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) return undefined;
    return stat.size > maxSize ? { tooLarge: stat.size } : { unreadReason: UNREADABLE };
  } catch (error) {
    return isNotThere(error) ? undefined : { unreadReason: failedBecause(error) };
  }
}

/** A folder's real path and the names of its entries that are not symbolic links; undefined when it cannot be listed. */
async function folderOf(folder: string, blocking: boolean): Promise<{ plain: ReadonlySet<string>; real: RealPath | undefined } | undefined> {
  const entries = listing(folder);
  if (!entries) return undefined;
  return { plain: new Set(entries.filter((e) => !e.isSymbolicLink()).map((e) => e.name)), real: await realPathOf(folder, blocking) };
}

/**
 * A folder's entries, or undefined when it cannot be listed. Synchronous: the promise API takes
 * several times as long for a folder of thousands of files (some 70 ms for 30,000 entries).
 */
function listing(folder: string): fs.Dirent[] | undefined {
  try {
    return fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

/**
 * `path.join(folder, name)` for a normalized absolute folder and a name without separators, in a
 * fraction of its time (it normalizes the whole path again: some 5 µs a call on long paths).
 */
function joinName(folder: string, name: string): string {
  return folder.endsWith(path.sep) ? folder + name : folder + path.sep + name;
}

async function realPathOf(filePath: string, blocking: boolean): Promise<RealPath | undefined> {
  try {
    // When blocking, the native realpath, as fs.promises.realpath is (realpathSync alone resolves in JavaScript).
    return { path: blocking ? fs.realpathSync.native(filePath) : await fs.promises.realpath(filePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { unresolved: 'it is a symbolic link that loops' };
    if (code === 'ENOENT') {
      // Gone, or a link whose target is gone: only the second is worth a finding.
      let link = false;
      try {
        link = (blocking ? fs.lstatSync(filePath) : await fs.promises.lstat(filePath)).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      return link ? { unresolved: 'it is a symbolic link that leads to no file' } : undefined;
    }
    return { unresolved: `its path cannot be resolved (${code ?? 'unknown error'})` };
  }
}

/** A shallow pattern split up: its folder (relative, '' for the root) and a test of names. */
interface ShallowPattern {
  readonly folder: string;
  readonly matches: (name: string) => boolean;
}

/**
 * The patterns as folder and name tests when every one is shallow, such as `intents/*.json`:
 * folders spelt out, `*` only in the last segment (matching no name that starts with a dot, as
 * the globber does). Undefined when one is not.
 */
function shallowPatterns(patterns: readonly string[]): ShallowPattern[] | undefined {
  const shallow: ShallowPattern[] = [];
  for (const pattern of patterns) {
    const segments = pattern.split('/');
    const name = segments.pop() ?? '';
    if (segments.some((s) => /[*?[{\\!()+@]/.test(s) || ['.', '..', ...IGNORED_FOLDERS].includes(s)) || /[?[{\\!()+@]/.test(name) || !name)
      return undefined;
    const regex = new RegExp(`^${name.split('*').map(escapeRegex).join('[^/]*')}$`);
    const wild = name.includes('*');
    shallow.push({ folder: segments.join('/'), matches: (entry) => regex.test(entry) && !(wild && entry.startsWith('.')) });
  }
  return shallow;
}

/**
 * The files and symbolic links (of any kind: to a folder, leading nowhere or looping; reading
 * them sorts them out) that shallow patterns match below `cwd`, each folder's in name order. A
 * folder that is a link is followed; one that cannot be listed gives nothing.
 */
async function filesListed(patterns: readonly ShallowPattern[], cwd: string): Promise<string[]> {
  const byFolder = new Map<string, ShallowPattern[]>();
  for (const pattern of patterns) byFolder.set(pattern.folder, [...(byFolder.get(pattern.folder) ?? []), pattern]);
  const found: string[] = [];
  for (const [folder, inFolder] of byFolder) {
    const absolute = path.resolve(cwd, ...folder.split('/'));
    const entries = listing(absolute) ?? [];
    const names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && inFolder.some((p) => p.matches(e.name))).map((e) => e.name);
    for (const name of names.sort()) found.push(joinName(absolute, name));
  }
  return [...new Set(found)];
}

/**
 * The files named `name` at any depth below `cwd`, as the globber finds `**\/<name>` without
 * following links: no link is listed, and no folder that is a link, starts with a dot or is
 * ignored (node_modules, .git) is entered.
 */
function filesNamed(name: string, cwd: string): string[] {
  const found: string[] = [];
  const folders = [path.resolve(cwd)];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of listing(folder) ?? []) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.includes(entry.name)) folders.push(joinName(folder, entry.name));
      } else if (entry.name === name && entry.isFile()) found.push(joinName(folder, entry.name));
    }
  }
  return found;
}

/**
 * The symbolic links (of any kind, broken ones included) matching shallow patterns such as
 * `intents/*.json`: folders spelt out, `*` only in the last segment. Other patterns match none.
 */
async function linksMatching(patterns: readonly string[], cwd: string): Promise<string[]> {
  const byFolder = new Map<string, RegExp[]>();
  for (const pattern of patterns) {
    const segments = pattern.split('/');
    const name = segments.pop() ?? '';
    if (segments.some((s) => /[*?[{]/.test(s)) || /[?[{]/.test(name)) continue;
    const folder = path.join(cwd, ...segments);
    const regex = new RegExp(`^${name.split('*').map(escapeRegex).join('[^/]*')}$`);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), regex]);
  }
  const found: string[] = [];
  for (const [folder, regexes] of byFolder) {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isSymbolicLink() && !entry.name.startsWith('.') && regexes.some((r) => r.test(entry.name))) found.push(path.join(folder, entry.name));
    }
  }
  return found;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^$()|\\\]]/g, '\\$&');
}
