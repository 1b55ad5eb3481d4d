// A minimal LSP client for tests: spawns the bundled server over stdio and records what it
// publishes, so that tests can wait for a condition instead of a fixed time.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../paths';
import { SERVER_EXEC_ARGV } from '../../contract/protocol';

export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The URI of every publishDiagnostics, in the order they came. */
  readonly published: string[] = [];
  private readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private listeners: Array<() => void> = [];
  readonly logs: string[] = [];
  /** Every handoffKit/status notification, oldest first. */
  readonly statuses: Array<{ projects: number; files: number; durationMs: number }> = [];
  /** How many workspace/configuration requests the server has sent. */
  configurationRequests = 0;
  /** While set, the answers to workspace/configuration wait for it (see holdConfiguration). */
  private configurationHeld: Promise<void> | undefined;

  /**
   * Spawns `command` (by default the bundled server of dist/, over stdio, with the Node flags the
   * extension gives it) with its stdin and stdout as the LSP connection; its stderr goes to the test's.
   */
  constructor(command: readonly string[] = [process.execPath, ...SERVER_EXEC_ARGV, path.join(repoRoot, 'dist/server/server.js'), '--stdio']) {
    this.process = spawn(command[0], command.slice(1), {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.published.push(params.uri);
      this.notify();
    });
    this.connection.onNotification('handoffKit/status', (params: { projects: number; files: number; durationMs: number }) => {
      this.statuses.push(params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      this.configurationRequests++;
      this.notify();
      await this.configurationHeld;
      return params.items.map(() => this.settings);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  settings: unknown = {};

  /**
   * Holds the answers to `workspace/configuration` until the returned function is called. The
   * server asks for the settings before it loads a project, so documents opened meanwhile are
   * open when its first pass starts.
   */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationHeld = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.configurationHeld = undefined;
      release();
    };
  }

  /** Starts the session; returns the server's initialize result (its capabilities). */
  async initialize(folder: string): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: uri(folder),
      workspaceFolders: [{ uri: uri(folder), name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: 'json', version, text },
    });
  }

  /** Replaces the first occurrence of `from` with `to`, as an incremental change. */
  replace(file: string, text: string, from: string, to: string, version: number): Promise<void> {
    const offset = text.indexOf(from);
    const before = text.slice(0, offset).split('\n');
    const start = { line: before.length - 1, character: before[before.length - 1].length };
    const fromLines = from.split('\n');
    const end = {
      line: start.line + fromLines.length - 1,
      character: (fromLines.length === 1 ? start.character : 0) + fromLines[fromLines.length - 1].length,
    };
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ range: { start, end }, text: to }],
    });
  }

  /** Sends a request with the document's URI; for the feature tests. */
  request<R>(method: string, file: string, params: object = {}): Promise<R> {
    return this.connection.sendRequest(method, { textDocument: { uri: uri(file) }, ...params });
  }

  /**
   * Sends a request the test can cancel: `cancel()` sends `$/cancelRequest` for it, and `response`
   * settles with whatever the server answers (for a cancelled request, the RequestCancelled error).
   */
  cancellableRequest<R>(method: string, params: object): { response: Promise<R>; cancel(): void } {
    const source = new CancellationTokenSource();
    return { response: this.connection.sendRequest<R>(method, params, source.token), cancel: () => source.cancel() };
  }

  /**
   * Resolves once the server has read every message sent before: it handles messages in the order
   * they came, and answers a request for a method it does not know at once.
   */
  async roundTrip(): Promise<void> {
    await this.connection.sendRequest('handoffKit/test/noSuchMethod').then(
      () => assert.fail('the server answered a method it does not have'),
      (error: { code?: number }) => assert.equal(error.code, ErrorCodes.MethodNotFound),
    );
  }

  /** Replaces a whole open document (a full-text change). */
  setText(file: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves when `condition` holds on what the server published; rejects after `timeoutMs`. */
  waitFor<T>(describe: string, condition: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (value) {
          this.listeners = this.listeners.filter((l) => l !== check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`timed out waiting for ${describe}; published: ${JSON.stringify([...this.diagnostics])}`));
      }, timeoutMs);
      this.listeners.push(check);
      check();
    });
  }

  diagnosticsOf(file: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri(file));
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    this.process.kill();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}
