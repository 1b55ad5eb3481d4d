// Drives the bundled language server (dist/server/server.js --stdio) as an editor would, over
// vscode-languageserver-protocol's node client (as test/server/lspClient.ts does), and measures:
// - initialize -> the first publishDiagnostics of an opened journey, and the server's RSS once
//   the project is loaded and checked (VmRSS/VmHWM from /proc: what the OS charges it);
// - keystrokes: an incremental didChange, then the time until the diagnostics arrive, end to end
//   and without the server's deliberate pause before checking, the server's own figure for its
//   work (the didChange handling and the pass after it, on its clock, from its log), and how many
//   notifications the server sends for other files (and how many of those carry diagnostics that
//   did not change).
// Every wait has a deadline and waits for a condition, never for a fixed time; the server is
// always shut down and killed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

export const uri = (file) => pathToFileURL(file).href;

/** The position of a string offset, as LSP counts it (UTF-16 units per line). */
function positionAt(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The Node flags the extension starts the language server with (client/src/extension.ts). */
const SERVER_EXEC_ARGV = JSON.parse(readFileSync(new URL('../../contract/serverExecArgv.json', import.meta.url), 'utf8'));

export class BenchServer {
  /** Every publishDiagnostics and log message, with the time it arrived. */
  publishes = [];
  logs = [];
  /** The last diagnostics received per URI, to tell a re-send of unchanged ones. */
  latest = new Map();
  listeners = new Set();
  texts = new Map();
  versions = new Map();

  /**
   * Starts the server as the extension does (its Node flags, SERVER_EXEC_ARGV of
   * contract/protocol.ts); `nodeArgs`: more flags for node before the script, such as `--cpu-prof`.
   */
  constructor(serverJs, nodeArgs = []) {
    this.process = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const key = JSON.stringify(params.diagnostics);
      const unchanged = this.latest.get(params.uri) === key;
      this.latest.set(params.uri, key);
      this.publishes.push({ uri: params.uri, count: params.diagnostics.length, unchanged, at: performance.now() });
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params) => {
      this.logs.push({ message: params.message, at: performance.now() });
      this.notify();
    });
    // Default settings for every scope, as a client with nothing configured answers.
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  notify() {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the first truthy value of `condition`, re-evaluated on every message. */
  waitFor(describe, condition, timeoutMs) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (!value) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** The first log line matching `pattern` that arrived after `since`. */
  logAfter(since, pattern) {
    return this.logs.find((l) => l.at >= since && pattern.test(l.message));
  }

  async initialize(folder) {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(folder),
      workspaceFolders: [{ uri: uri(folder), name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(file) {
    const text = readFileSync(file, 'utf8');
    this.texts.set(file, text);
    this.versions.set(file, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'json', version: 1, text } });
  }

  /** Replaces the first `from` in an open document with `to`, as one incremental change. */
  async replace(file, from, to) {
    const text = this.texts.get(file);
    const offset = text.indexOf(from);
    if (offset < 0) throw new Error(`${from} not in ${file}`);
    const version = this.versions.get(file) + 1;
    this.versions.set(file, version);
    this.texts.set(file, text.slice(0, offset) + to + text.slice(offset + from.length));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ range: { start: positionAt(text, offset), end: positionAt(text, offset + from.length) }, text: to }],
    });
  }

  /** What the OS says of the server's memory now: VmRSS and its peak VmHWM, in bytes. */
  memory() {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  }

  async dispose() {
    const deadline = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), deadline(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await Promise.race([this.exited, deadline(2000)]);
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** The server's line per project and pass: its files, how many it checked again, how long it took. */
const CHECKED = /^Checked .* \((\d+) files(?:, (\d+) checked again)?\) in (\d+) ms\.$/;
/** The server's last line of a pass: its own clock's figure for the work since the pass before. */
const WORK = /^Checked after (\d+) change\(s\): server work ([\d.]+) ms \(changes ([\d.]+) ms, pass ([\d.]+) ms\)\.$/;

/**
 * One edit and what follows it: sends the change, waits until every file of `affected` has
 * received diagnostics (`broken` true: some, false: none), then for the end of the check pass
 * that sent them (the server logs "Checked ... in N ms" per project and "Checked after N
 * change(s): server work ..." per pass after publishing its diagnostics, in order on the same
 * stream). Notifications for files outside `affected` in that pass are counted.
 */
async function timedEdit(server, { file, from, to, affected, broken, timeoutMs }) {
  const uris = new Set(affected.map(uri));
  const sent = performance.now();
  await server.replace(file, from, to);
  const arrived = await server.waitFor(
    `diagnostics of ${affected.length} file(s) after an edit of ${path.basename(file)}`,
    () => {
      const found = [...uris].map((u) => server.publishes.find((p) => p.at >= sent && p.uri === u && p.count > 0 === broken));
      return found.every(Boolean) && found;
    },
    timeoutMs,
  );
  const lastArrived = Math.max(...arrived.map((p) => p.at));
  const checked = await server.waitFor('the end of the check pass after an edit', () => server.logAfter(lastArrived, CHECKED), timeoutMs);
  const work = await server.waitFor("the pass's server work", () => server.logAfter(checked.at, WORK), timeoutMs);
  // The pass began after the edit and after any pass that ended before our diagnostics came.
  const passStart = Math.max(sent, ...server.logs.filter((l) => l.at < lastArrived && WORK.test(l.message)).map((l) => l.at));
  const pass = server.publishes.filter((p) => p.at >= passStart && p.at <= checked.at);
  const [, changes, workMs, changesMs, passMs] = WORK.exec(work.message).map(Number);
  const others = pass.filter((p) => !uris.has(p.uri));
  return {
    broken,
    affectedMs: lastArrived - sent,
    checkLogMs: Number(CHECKED.exec(checked.message)[3]),
    checkedAgain: Number(CHECKED.exec(checked.message)[2]),
    serverWork: { ms: workMs, changesMs, passMs, changes },
    filesChecked: Number(CHECKED.exec(checked.message)[1]),
    affectedSent: pass.length - others.length,
    otherSent: others.length,
    otherUnchanged: others.filter((p) => p.unchanged).length,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Edits come in pairs: the one that gives findings (`broken`) and the one that takes them back. */
function summarise(runs) {
  const of = (broken) => runs.filter((r) => r.broken === broken);
  const side = (list) => ({
    runs: list.length,
    affectedMs: median(list.map((r) => r.affectedMs)),
    checkLogMs: median(list.map((r) => r.checkLogMs)),
    serverWorkMs: median(list.map((r) => r.serverWork.ms)),
    // The first edit after loading runs code not yet optimised: the figure a median hides.
    firstServerWorkMs: list[0]?.serverWork.ms,
    maxServerWorkMs: Math.max(...list.map((r) => r.serverWork.ms)),
    changesMs: median(list.map((r) => r.serverWork.changesMs)),
    passMs: median(list.map((r) => r.serverWork.passMs)),
    changes: Math.max(...list.map((r) => r.serverWork.changes)),
  });
  return {
    ...side(of(true)),
    undo: side(of(false)),
    filesChecked: Math.max(...runs.map((r) => r.filesChecked)),
    checkedAgain: Math.max(...runs.map((r) => r.checkedAgain)),
    affectedSent: Math.max(...runs.map((r) => r.affectedSent)),
    // The worst edit: one unneeded notification in any run is one too many.
    otherSent: Math.max(...runs.map((r) => r.otherSent)),
    otherUnchanged: Math.max(...runs.map((r) => r.otherUnchanged)),
  };
}

/**
 * The whole language-server measurement on one project. `journey` is opened and edited (an
 * event name made wrong, then right again, `edits` times each); `intent` is opened and one of its
 * utterances that is a banner's exit phrase changed and changed back, which gives or takes
 * findings of the journeys `intentAffects`. `nodeArgs`: flags for the server's node (`--cpu-prof`).
 */
/**
 * One session of the server on `project` (initialized, its first journey opened, its first
 * diagnostics received, shut down): what writes the server's code cache after a build.
 */
export async function warmServer(serverJs, project, timeoutMs) {
  const server = new BenchServer(serverJs);
  try {
    await server.initialize(project);
    const journey = path.join(project, 'journeys', readdirSync(path.join(project, 'journeys')).sort()[0]);
    await server.open(journey);
    await server.waitFor('the first diagnostics of the warm-up', () => server.publishes.find((p) => p.uri === uri(journey)), timeoutMs);
  } finally {
    await server.dispose();
  }
}

export async function measureServer({ serverJs, nodeArgs = [], project, journey, journeyEdit, intent, intentEdit, intentAffects, edits, timeoutMs }) {
  const server = new BenchServer(serverJs, nodeArgs);
  try {
    const started = performance.now();
    await server.initialize(project);
    await server.open(journey);
    const first = await server.waitFor(
      'the first diagnostics of the opened journey',
      () => server.publishes.find((p) => p.uri === uri(journey)),
      timeoutMs,
    );
    const firstPass = await server.waitFor('the first check pass', () => server.logAfter(started, CHECKED), timeoutMs);
    const loaded = server.logs.find((l) => /^Loaded /.test(l.message));
    const memory = server.memory();
    const result = {
      firstDiagnosticsMs: first.at - started,
      firstPassMs: firstPass.at - started,
      loadLog: loaded?.message,
      firstPassLog: firstPass.message,
      initialPublishes: server.publishes.length,
      rss: memory.rss,
      hwm: memory.hwm,
    };

    const journeyRuns = [];
    for (let k = 0; k < edits; k++) {
      journeyRuns.push(await timedEdit(server, { file: journey, ...journeyEdit, affected: [journey], broken: true, timeoutMs }));
      journeyRuns.push(
        await timedEdit(server, { file: journey, from: journeyEdit.to, to: journeyEdit.from, affected: [journey], broken: false, timeoutMs }),
      );
    }
    result.journey = summarise(journeyRuns);

    // Opening a document schedules a pass of its own: let it end before the first edit.
    const opened = performance.now();
    await server.open(intent);
    await server.waitFor('the check pass after opening the intent', () => server.logAfter(opened, CHECKED), timeoutMs);
    const intentRuns = [];
    for (let k = 0; k < edits; k++) {
      const edit = { file: intent, affected: intentAffects, timeoutMs };
      intentRuns.push(await timedEdit(server, { ...edit, ...intentEdit, broken: true }));
      intentRuns.push(await timedEdit(server, { ...edit, from: intentEdit.to, to: intentEdit.from, broken: false }));
    }
    result.intent = summarise(intentRuns);
    result.memoryAfterEdits = server.memory();
    return result;
  } finally {
    await server.dispose();
  }
}
