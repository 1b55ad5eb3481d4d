// What the command line prints, written to file descriptors 1 and 2 with `fs.writeSync` when they
// are files or pipes (what a pre-commit hook, CI or `| head` gives it), rather than through
// process.stdout and process.stderr: the first use of either loads Node's streams and `net`,
// some 4 ms of every start, for text Node would write synchronously to a file or pipe anyway.
// A terminal, or a descriptor that would block, goes through the stream as before.
import { fstatSync, writeSync } from 'node:fs';

type Descriptor = 1 | 2;

/** Per descriptor: written directly, or through its stream (decided at the first write, then kept, so the order holds). */
const direct = new Map<Descriptor, boolean>();

/** Writes `text` (UTF-8) to standard output. A closed pipe (EPIPE) ends the process with the status set so far. */
export function writeOut(text: string): void {
  write(1, text);
}

/** Writes `text` (UTF-8) to standard error. A closed pipe (EPIPE) ends the process with the status set so far. */
export function writeErr(text: string): void {
  write(2, text);
}

/**
 * A closed stdout or stderr, for what goes through the streams (a terminal, a full non-blocking
 * pipe): the run ends quietly with the status the findings gave (`handoff-kit check | head -1` is
 * not a failure). Attached when a stream is first used, so that none is made for nothing.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function write(fd: Descriptor, text: string): void {
  if (!text) return;
  if (!isDirect(fd)) {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw error;
      // A non-blocking pipe that is full: the stream waits for it; what follows goes there too.
      direct.set(fd, false);
      streamOf(fd).write(bytes.subarray(offset));
      return;
    }
  }
}

function isDirect(fd: Descriptor): boolean {
  let known = direct.get(fd);
  if (known === undefined) {
    try {
      const stat = fstatSync(fd);
      known = stat.isFile() || stat.isFIFO();
    } catch {
      known = false;
    }
    direct.set(fd, known);
  }
  return known;
}

const handled = new Set<Descriptor>();

function streamOf(fd: Descriptor): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!handled.has(fd)) {
    handled.add(fd);
    endQuietlyOnClosedPipe(stream);
  }
  return stream;
}
