// File paths and the URIs the client knows them by. The engine works in paths; LSP names files by
// URI, and a client may spell the URI of a document it opened differently from Node's file URL.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The paths of the URIs seen lately: every keystroke names its document's URI, and parsing a URL costs. */
const pathsOfUris = new Map<string, string | undefined>();

/** The file path of a `file:` URI; undefined for other schemes (untitled:, vscode-userdata:…) and URIs Node cannot map. */
export function toPath(uri: string): string | undefined {
  if (pathsOfUris.has(uri)) return pathsOfUris.get(uri);
  let file: string | undefined;
  try {
    file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    file = undefined;
  }
  if (pathsOfUris.size >= 1000) pathsOfUris.clear();
  pathsOfUris.set(uri, file);
  return file;
}

/** The `file:` URI of an absolute path, as Node spells it; for a file the client may have open, use ClientUris.uriOf. */
export function toUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * The URI to name each file by in what the server sends: the client's own spelling for a document
 * it opened, else the file's `file:` URI, made once and kept (a pass names every file of a
 * project, thousands of them).
 */
export class ClientUris {
  /** Per path, the URI the client uses for an open document. */
  private readonly opened = new Map<string, string>();
  /** Per path, its `file:` URI. */
  private readonly made = new Map<string, string>();
  private changes = 0;

  /** The URI the client knows `file` (an absolute path) by. */
  uriOf(file: string): string {
    const uri = this.opened.get(file) ?? this.made.get(file);
    if (uri !== undefined) return uri;
    const made = toUri(file);
    this.made.set(file, made);
    return made;
  }

  /** Records the URI the client names an open document by. */
  noteOpened(file: string, uri: string): void {
    if (this.opened.get(file) === uri) return;
    this.opened.set(file, uri);
    this.changes++;
  }

  /** Bumped whenever the client's spelling of a file changes: what was converted before may name other URIs. */
  get generation(): number {
    return this.changes;
  }

  /** Each path the client has opened a document for, with the URI it used (the document may have been closed since). */
  opens(): Iterable<[file: string, uri: string]> {
    return this.opened;
  }

  /** Drops the `file:` URI made for a path that went. */
  forget(file: string): void {
    this.made.delete(file);
  }
}
