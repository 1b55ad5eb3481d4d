// The one way Handoff Kit writes a file on the user's disk (the utterance-tests CSV, the Studio
// sheet, the files `--fix` changes, the editor's Export Utterance Tests): a cloned repository
// chooses what is in the project folder, so a file the tool writes there must not be turned
// against the user. A write never goes through a symbolic link (a repository's
// `utterance-tests.csv -> ~/.bashrc`), never lands outside the folder it is meant for, and never
// replaces a file the tool did not make unless the user asked.
import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** Why writeOutputFile refused a path, in the user's words for a message. */
export type OutputRefusal =
  /** The path is a symbolic link: the link is not followed and not replaced. */
  | 'link'
  /** Something other than a regular file is there (a folder, a device, a pipe). */
  | 'not-a-file'
  /** A file the tool did not make is there, and `overwrite` was not given. */
  | 'not-ours'
  /** The file's folder, links resolved, is outside the folder it must be in. */
  | 'outside'
  /** The file is there but its permissions say it may not be written. */
  | 'unwritable';

/** A path writeOutputFile or removeOutputFile would not touch; `reason` says why, `message` says it in a sentence. */
export class OutputFileRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: OutputRefusal,
  ) {
    super(`${file} ${REASONS[reason]}`);
    this.name = 'OutputFileRefused';
  }
}

const REASONS: Record<OutputRefusal, string> = {
  link: 'is a symbolic link: Handoff Kit writes no file through a link (remove the link, or write elsewhere)',
  'not-a-file': 'is not a regular file: nothing was written',
  'not-ours': 'already exists and was not written by Handoff Kit: it was left as it is (ask to overwrite it, or write elsewhere)',
  outside: 'is outside the folder it is written into (a symbolic link on the way leads out of it): nothing was written',
  unwritable: 'may not be written (its permissions say so): nothing was written',
};

/** How writeOutputFile treats the folder it writes into and a file already there. */
export interface OutputFileOptions {
  /**
   * Whether the text of a file already at the path is one the tool wrote (its header, its first
   * line), so that it may be replaced. Not asked when `overwrite` is true.
   */
  readonly ours?: (existing: string) => boolean;
  /** Replace a regular file already there whatever it holds: the user asked (`--force`, `--fix`). */
  readonly overwrite?: boolean;
  /**
   * A folder the file must be in once every link on the way is resolved (the project folder):
   * a folder of the path that is a link out of it refuses the write. Undefined: the file's own folder.
   */
  readonly inside?: string;
}

/** How many bytes of an existing file `ours` is shown: enough for a header line. */
const SNIFF_BYTES = 4096;

/**
 * Writes `text` (UTF-8) to `file`, creating its folder. The file is written whole to a new
 * temporary file beside it and renamed over the path, so a link at the path is replaced, never
 * followed, and a reader never sees half a file; an existing file keeps its permissions.
 * Throws OutputFileRefused (`link`, `not-a-file`, `not-ours`, `outside`, `unwritable`) without
 * writing anything; other failures (no space, a read-only disk) are thrown as Node's errors.
 */
export async function writeOutputFile(file: string, text: string, options: OutputFileOptions = {}): Promise<void> {
  const folder = path.dirname(file);
  await fsp.mkdir(folder, { recursive: true });
  await checkFolder(file, options.inside);
  const existing = await fsp.lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) {
    if (existing.isSymbolicLink()) throw new OutputFileRefused(file, 'link');
    if (!existing.isFile()) throw new OutputFileRefused(file, 'not-a-file');
    if (!(await writable(file, existing.mode))) throw new OutputFileRefused(file, 'unwritable');
    if (!options.overwrite && !(options.ours && options.ours(await sniff(file)))) throw new OutputFileRefused(file, 'not-ours');
  }
  const temporary = path.join(folder, `.${path.basename(file)}.${randomName()}.tmp`);
  // `wx`: O_CREAT | O_EXCL, which fails on anything already there, a link included.
  const handle = await fsp.open(temporary, 'wx', 0o666);
  try {
    if (existing) await handle.chmod(existing.mode & 0o7777);
    await handle.writeFile(text, 'utf8');
    await handle.close();
    await fsp.rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Removes `file` when it is a regular file whose text `ours` recognises (a file the tool wrote on
 * an earlier run); a link, a folder or a file the tool did not make is left alone. Returns whether
 * it removed the file. Never follows a link; throws OutputFileRefused (`outside`) as writeOutputFile does.
 */
export async function removeOutputFile(
  file: string,
  options: { readonly ours: (existing: string) => boolean; readonly inside?: string },
): Promise<boolean> {
  const existing = await fsp.lstat(file).catch(() => undefined);
  if (!existing?.isFile()) return false;
  await checkFolder(file, options.inside);
  if (!options.ours(await sniff(file))) return false;
  await fsp.rm(file);
  return true;
}

/** Refuses a file whose folder, links resolved, is not inside `inside` (when given). */
async function checkFolder(file: string, inside: string | undefined): Promise<void> {
  if (inside === undefined) return;
  const [folder, root] = await Promise.all([fsp.realpath(path.dirname(file)), fsp.realpath(inside)]);
  const relative = path.relative(root, folder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new OutputFileRefused(file, 'outside');
}

/** The first SNIFF_BYTES of a file, as UTF-8, read without following a link. */
async function sniff(file: string): Promise<string> {
  const handle = await fsp.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Whether the file may be written by its permissions. `access` says yes to root whatever the
 * mode, and the rename would replace a read-only file anyway: a file nobody may write (no `w`
 * bit) is refused for everyone, as an editor asks before it saves over one.
 */
async function writable(file: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return fsp.access(file, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/**
 * 12 random hexadecimal digits, for a temporary file's name. node:crypto is loaded here, on first
 * use: loading it costs some 3 ms of every start of the command line, which mostly writes nothing.
 */
function randomName(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import` would load it at start
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(6).toString('hex');
}
