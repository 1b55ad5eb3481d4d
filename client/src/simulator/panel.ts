// The simulator panel beside the editor: it keeps the inputs of the run, asks the language server
// to run them (handoffKit/simulate) on every input, and shows the answer through render.ts. A run
// is a function of the project and its inputs, so a step back is a run with one input fewer, and
// an edit of the files is read by the next step; the panel marks the run shown as stale meanwhile
// and offers to replay it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { conversationTestFromRun, isTicketOutcome, modifyJson, walkOfSteps, type SimulationInput } from '../../../server/src/engine';
import { COMMANDS } from '../../../contract/commands';
import type { ProjectSimulation, SimulateParams, SimulateResult } from '../../../contract/protocol';
import type { FromWebview, ToWebview } from './messages';
import { renderSimulator, renderSimulatorDocument, type SimulatorView } from './render';
import { newNonce } from '../webview/markup';

/** Sends handoffKit/simulate to the language server. */
export type RunSimulation = (params: SimulateParams) => Promise<SimulateResult>;

/** What the panel opens on: the project of `uri` (a file or folder; else the first), or with `offset`, the banner there. */
export interface SimulationTarget {
  readonly uri?: string;
  readonly offset?: number;
  /** Replay these inputs (a conversation test's, from the Test Explorer) on the project of `uri`. */
  readonly inputs?: readonly SimulationInput[];
}

const VIEW_TYPE = 'handoffKit.simulator';
/** Long enough for a burst of keystrokes to mark the run stale once. */
const STALE_DELAY_MS = 200;

export class SimulatorPanel implements vscode.Disposable {
  private static current: SimulatorPanel | undefined;

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** The inputs of the run shown (or being run). */
  private inputs: SimulationInput[] = [];
  private simulation: ProjectSimulation | undefined;
  private handoff: SimulatorView['handoff'];
  private message: string | undefined;
  private stale = false;
  /** The project's folder as the server names it, and its path: edits inside it make the run stale. */
  private project: string | undefined;
  private projectRoot: string | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private staleTimer: NodeJS.Timeout | undefined;
  /** Bumped by each request; an answer to any but the newest is dropped. */
  private latest = 0;
  private ready = false;
  private disposed = false;
  /** The content last sent to the webview, and whether the next one should scroll to the transcript's end. */
  private scrollNext = false;

  /** Opens the panel beside the editor (or reveals it) on `target`. Resolves once the first run is shown. */
  static async show(context: vscode.ExtensionContext, simulate: RunSimulation, target: SimulationTarget): Promise<SimulatorPanel> {
    let simulator = SimulatorPanel.current;
    if (simulator) {
      simulator.simulate = simulate;
      simulator.panel.reveal(simulator.panel.viewColumn, true);
    } else {
      simulator = new SimulatorPanel(context, simulate);
      SimulatorPanel.current = simulator;
      context.subscriptions.push(simulator);
    }
    await simulator.open(target);
    return simulator;
  }

  private constructor(
    context: vscode.ExtensionContext,
    private simulate: RunSimulation,
  ) {
    const scripts = vscode.Uri.joinPath(context.extensionUri, 'dist', 'client');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Simulate Handoff',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      // The page's one script is the bundle next to the extension's; nothing else is loaded.
      { enableScripts: true, localResourceRoots: [scripts] },
    );
    this.panel.webview.html = renderSimulatorDocument({
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'simulatorView.js')).toString(),
      title: 'Simulate Handoff',
    });
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.isProjectFile(e.document.uri)) this.markStale();
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.staleTimer);
    if (SimulatorPanel.current === this) SimulatorPanel.current = undefined;
    this.watcher?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  // ---- what the panel runs --------------------------------------------------------------------

  /**
   * Loads the handoff path of `target` and runs its first run: up to the customer's exit for a
   * project (so that the customer can click or type it), whole for a banner's code lens.
   */
  private async open(target: SimulationTarget): Promise<void> {
    if (target.inputs) {
      // A test to replay: the project of its file, and its inputs; the handoff path stays unloaded.
      const answer = await this.ask({ uri: target.uri, inputs: [] });
      if (this.disposed || answer === undefined) return;
      if (!answer) {
        this.message = 'No bot project here: the simulator runs the project of a folder with a `bot.json`.';
        this.render();
        return;
      }
      this.project = answer.project;
      this.handoff = undefined;
      return this.run([...target.inputs], 'The conversation test, replayed up to its failing step (the whole test when it passes).');
    }
    const request = ++this.latest;
    const answer = await this.ask({ handoffOf: { uri: target.uri, offset: target.offset } });
    if (request !== this.latest || this.disposed || answer === undefined) return;
    if (!answer) {
      this.simulation = undefined;
      this.handoff = undefined;
      this.message = 'No bot project here: the simulator runs the project of a folder with a `bot.json`.';
      this.render();
      return;
    }
    this.project = answer.project;
    this.watch(answer.project);
    // Opened from a file (the one in the editor), the first run of a banner that file sends.
    const from = target.uri === undefined ? undefined : vscode.Uri.parse(target.uri).fsPath;
    const index = Math.max(
      0,
      answer.runs.findIndex((run) => run.banner?.place.path === from),
    );
    const first = answer.runs[index];
    this.handoff = {
      title: target.offset === undefined ? 'Handoff path' : 'Handoff path of this banner',
      runs: answer.runs,
      notes: answer.notes,
      ...(first ? { loaded: index } : {}),
    };
    // A banner's lens without a run: the last note says why (not sent after an agent, no exit phrase…).
    const why = first
      ? undefined
      : target.offset !== undefined
        ? answer.notes[answer.notes.length - 1]
        : 'No banner is sent after an agent connects (the `agentConnected` outcome of a Raise Ticket node), so the handoff path has no run: start a journey instead.';
    const inputs = first ? (target.offset === undefined ? first.inputs.slice(0, -1) : first.inputs) : [];
    await this.run([...inputs], why);
  }

  /** Runs `inputs` and shows the run; `message` is said above it. */
  private async run(inputs: SimulationInput[], message?: string): Promise<void> {
    const request = ++this.latest;
    const answer = await this.ask({ uri: this.project, inputs });
    if (request !== this.latest || this.disposed || answer === undefined) return;
    if (!answer) {
      this.message = 'The bot project is gone: its `bot.json` was deleted or moved.';
      this.render();
      return;
    }
    this.watch(answer.project);
    this.simulation = answer;
    this.inputs = inputs;
    this.stale = false;
    this.message = message;
    this.scrollNext = true;
    this.render();
  }

  /** The server's answer; undefined when the request failed (said in the panel). */
  private async ask(params: SimulateParams): Promise<SimulateResult | undefined> {
    try {
      return await this.simulate(params);
    } catch (error) {
      if (this.disposed) return undefined;
      this.message = `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
      this.render();
      return undefined;
    }
  }

  // ---- what the user does ---------------------------------------------------------------------

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.scrollNext = true;
        this.render();
        return;
      case 'form':
        return this.form(message.form, message.value);
      case 'action':
        return this.act(message.action, message.data);
    }
  }

  private form(form: string, value: string): void {
    if (!value.trim()) return;
    if (form === 'say') void this.run([...this.inputs, { kind: 'say', text: value }]);
    else if (form === 'event') void this.run([...this.inputs, { kind: 'event', name: value.trim() }]);
    else if (form === 'start') {
      this.setLoaded(undefined);
      void this.run([{ kind: 'startJourney', journey: value }]);
    }
  }

  private act(action: string, data: Readonly<Record<string, string | undefined>>): void {
    switch (action) {
      case 'click': {
        const banner = Number(data.banner);
        const option = Number(data.option);
        const input: SimulationInput = {
          kind: 'click',
          title: data.title ?? '',
          ...(Number.isInteger(banner) ? { banner } : {}),
          ...(Number.isInteger(option) ? { option } : {}),
        };
        return void this.run([...this.inputs, input]);
      }
      case 'ticket':
        if (data.outcome !== undefined && isTicketOutcome(data.outcome)) void this.run([...this.inputs, { kind: 'ticket', outcome: data.outcome }]);
        return;
      case 'back':
        return void this.run(this.inputs.slice(0, -1));
      case 'restart':
        this.setLoaded(undefined);
        return void this.run([]);
      case 'replay':
        return void this.run([...this.inputs]);
      case 'run': {
        const index = Number(data.index);
        const run = this.handoff?.runs[index];
        if (!run) return;
        this.setLoaded(index);
        return void this.run([...run.inputs]);
      }
      case 'open':
        return void this.openPlace(data.path, Number(data.offset), Number(data.length));
      case 'saveTest':
        return void this.saveAsTest();
      case 'graph': {
        // The journey graph of the whole project, with this run's journey nodes highlighted in order.
        const run = this.simulation?.runs[0];
        if (run && this.project)
          void vscode.commands.executeCommand(COMMANDS.showJourneyGraph, this.project, undefined, 'project', walkOfSteps(run.steps));
        return;
      }
    }
  }

  /**
   * Save as test: the conversation so far, each input followed by the typed state after it (engine's
   * conversationTestFromRun), added to a test file of the project (tests/*.json) the user picks, or
   * to a new one. The file is opened at the test, unsaved, so that the user reviews it before saving.
   */
  private async saveAsTest(): Promise<void> {
    const run = this.simulation?.runs[0];
    if (!run || !this.projectRoot || !this.inputs.length) return;
    const name = await vscode.window.showInputBox({
      title: 'Save as test: its name',
      prompt: 'What the test shows (it names the test in every report)',
      value: run.title || 'a conversation from the simulator',
      validateInput: (value) => (value.trim() ? undefined : 'A test needs a name'),
    });
    if (name === undefined) return;
    const test = conversationTestFromRun(run, name.trim());
    const testsFolder = vscode.Uri.file(path.join(this.projectRoot, 'tests'));
    const existing = (await vscode.workspace.findFiles(new vscode.RelativePattern(testsFolder, '*.json'))).sort((a, b) =>
      a.fsPath.localeCompare(b.fsPath),
    );
    const NEW = 'New test file…';
    const picked = await vscode.window.showQuickPick([NEW, ...existing.map((uri) => path.basename(uri.fsPath))], {
      title: 'Save as test: into which file of tests/?',
    });
    if (picked === undefined) return;
    let target: vscode.Uri;
    let document: vscode.TextDocument;
    const edit = new vscode.WorkspaceEdit();
    if (picked === NEW) {
      const file = await vscode.window.showInputBox({
        title: 'Save as test: the new file in tests/',
        value: 'simulated.json',
        validateInput: (value) =>
          /^[^\\/]+\.json$/.test(value.trim()) && !existing.some((uri) => path.basename(uri.fsPath) === value.trim())
            ? undefined
            : 'A new file name ending in .json, not one tests/ already has',
      });
      if (file === undefined) return;
      target = vscode.Uri.joinPath(testsFolder, file.trim());
      edit.createFile(target, { ignoreIfExists: false, contents: Buffer.from(`${JSON.stringify({ tests: [test] }, null, 2)}\n`, 'utf8') });
      if (!(await vscode.workspace.applyEdit(edit))) return void this.say('The test file could not be created.');
      document = await vscode.workspace.openTextDocument(target);
    } else {
      target = existing.find((uri) => path.basename(uri.fsPath) === picked)!;
      document = await vscode.workspace.openTextDocument(target);
      const count = (() => {
        try {
          const value = JSON.parse(document.getText()) as { tests?: unknown };
          return Array.isArray(value.tests) ? value.tests.length : undefined;
        } catch {
          return undefined;
        }
      })();
      if (count === undefined) return void this.say(`${picked} is not a test file the simulator can add to: it has no \`tests\` list.`);
      const change = modifyJson(document.getText(), [{ path: ['tests', count], value: test, insert: true }]);
      edit.replace(target, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.newText);
      if (!(await vscode.workspace.applyEdit(edit))) return void this.say(`The test could not be added to ${picked}.`);
    }
    const at = document.getText().lastIndexOf(JSON.stringify(test.name));
    const position = document.positionAt(Math.max(at, 0));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    this.say(`Saved the conversation as the test "${test.name}" in tests/${path.basename(target.fsPath)}.`);
  }

  /** Says `message` above the run. */
  private say(message: string): void {
    this.message = message;
    this.render();
  }

  private setLoaded(index: number | undefined): void {
    if (!this.handoff) return;
    const { loaded: _loaded, ...rest } = this.handoff;
    this.handoff = index === undefined ? rest : { ...rest, loaded: index };
  }

  /** Opens a file of the project at a place of a why: the offset becomes a position through the document. */
  private async openPlace(file: string | undefined, offset: number, length: number): Promise<void> {
    if (!file || !Number.isInteger(offset) || !this.isInProject(file)) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const start = document.positionAt(offset);
    const end = document.positionAt(offset + (Number.isInteger(length) ? length : 0));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(start, end) });
  }

  // ---- following edits ------------------------------------------------------------------------

  /** Watches the files of the project at `uri` (on disk: created, deleted, changed by another program). */
  private watch(uri: string): void {
    const root = vscode.Uri.parse(uri).fsPath;
    if (root === this.projectRoot) return;
    this.projectRoot = root;
    this.watcher?.dispose();
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*'));
    const onDisk = (changed: vscode.Uri) => {
      // A document open in the editor was seen changing as it was edited; its save is the same text.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === changed.toString())) return;
      this.markStale();
    };
    this.watcher.onDidCreate(onDisk);
    this.watcher.onDidChange(onDisk);
    this.watcher.onDidDelete(onDisk);
  }

  private isProjectFile(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.isInProject(uri.fsPath);
  }

  private isInProject(file: string): boolean {
    const root = this.projectRoot;
    return root !== undefined && (file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }

  private markStale(): void {
    if (!this.simulation) return;
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => {
      if (this.stale || this.disposed) return;
      this.stale = true;
      this.render();
    }, STALE_DELAY_MS);
  }

  // ---- the webview ----------------------------------------------------------------------------

  private render(): void {
    if (this.disposed) return;
    const name = this.simulation?.name;
    this.panel.title = name ? `Simulate: ${name}` : 'Simulate Handoff';
    // Until the page's script has loaded, it asks for the content itself ('ready').
    if (!this.ready) return;
    const html = renderSimulator({ simulation: this.simulation, handoff: this.handoff, stale: this.stale, message: this.message });
    const message: ToWebview = { type: 'render', html, scroll: this.scrollNext };
    this.scrollNext = false;
    void this.panel.webview.postMessage(message);
  }
}
