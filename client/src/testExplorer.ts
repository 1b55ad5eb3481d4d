// The conversation tests (tests/*.json) in VS Code's Test Explorer, through the Testing API: a
// project, its test files and their tests as items, listed and run by the language server (the
// handoffKit/listTests and handoffKit/runTests requests), so the editor runs exactly what
// `handoff-kit test` runs, on the text it holds. A failure is shown at its failing step, with
// expected and actual as a diff and the transcript up to there.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIST_TESTS, RUN_TESTS, type RunTestsParams, type TestFileResult, type TestResult, type TextRange } from '../../contract/protocol';
import { PROJECT_FILES, patternOf } from '../../server/src/engine';
import { sendRequest } from './requests';

/** The id of a test's item: its file's URI and its 0-based position in the file's `tests`. */
function testId(fileUri: string, index: number): string {
  return `${fileUri}#${index}`;
}

/** What each item stands for, to turn a run request into the server's requests. */
type ItemKind = { readonly kind: 'project' | 'file'; readonly uri: string } | { readonly kind: 'test'; readonly uri: string; readonly index: number };

/** The tests of the workspace's bot projects in the Test Explorer. */
export class TestExplorer implements vscode.Disposable {
  private readonly controller: vscode.TestController;
  private readonly kinds = new WeakMap<vscode.TestItem, ItemKind>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The outcome of each test's last run, by item id: `passed`, or the failure's message (the
   * Testing API keeps results to itself; the extension's API and its tests read them here).
   */
  readonly results = new Map<string, { readonly passed: boolean; readonly message?: string; readonly line?: number }>();
  private listed: Promise<void> | undefined;

  constructor(private readonly client: LanguageClient) {
    this.controller = vscode.tests.createTestController('handoffKit.conversationTests', 'Handoff Kit conversation tests');
    // The items are listed when the Test Explorer first asks, and again after each change to a test file.
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.refresh();
    };
    this.controller.refreshHandler = () => this.refresh();
    this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const pattern = `**/${patternOf(PROJECT_FILES.find((f) => f.kind === 'test')!)}`;
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    this.disposables.push(
      this.controller,
      watcher,
      watcher.onDidCreate(() => this.refreshSoon()),
      watcher.onDidDelete(() => this.refreshSoon()),
      // An edit moves the tests' lines (and may add or rename tests): list them again once typing pauses.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (vscode.languages.match({ scheme: 'file', pattern }, event.document) > 0) this.refreshSoon();
      }),
    );
  }

  /** The tests as listed now (after the first listing): for the extension's API and its tests. */
  get items(): vscode.TestItemCollection {
    return this.controller.items;
  }

  /** Lists the tests again from the server and replaces the items. */
  async refresh(): Promise<void> {
    const listing = (async () => {
      const projects = await sendRequest(this.client, LIST_TESTS, {});
      const roots: vscode.TestItem[] = [];
      for (const project of projects) {
        if (!project.files.length) continue;
        const projectItem = this.item('project', project.uri, project.name, vscode.Uri.parse(project.uri));
        for (const file of project.files) {
          const uri = vscode.Uri.parse(file.uri);
          const fileItem = this.item('file', file.uri, vscode.workspace.asRelativePath(uri, false), uri);
          for (const test of file.tests) {
            const testItem = this.controller.createTestItem(testId(file.uri, test.index), test.name, uri);
            testItem.range = toRange(test.range);
            this.kinds.set(testItem, { kind: 'test', uri: file.uri, index: test.index });
            fileItem.children.add(testItem);
          }
          projectItem.children.add(fileItem);
        }
        roots.push(projectItem);
      }
      this.controller.items.replace(roots);
    })();
    this.listed = listing;
    await listing;
  }

  /** Resolves once the tests have been listed at least once (listing them if nobody asked yet). */
  async ready(): Promise<void> {
    await (this.listed ?? this.refresh());
  }

  private refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh().catch(() => undefined);
    }, 300);
  }

  private item(kind: 'project' | 'file', id: string, label: string, uri: vscode.Uri): vscode.TestItem {
    const item = this.controller.createTestItem(id, label, uri);
    this.kinds.set(item, { kind, uri: id });
    return item;
  }

  /**
   * What Open in Simulator replays for a test's item: its file's URI and the inputs of its run up to
   * its failing step (the whole test when it passes), run now on the text the server holds.
   * Undefined for an item that is not a test, or a test file that does not run.
   */
  async inputsOf(item: vscode.TestItem): Promise<{ readonly uri: string; readonly inputs: TestResult['inputs'] } | undefined> {
    const kind = this.kinds.get(item);
    if (kind?.kind !== 'test') return undefined;
    const [file] = await sendRequest(this.client, RUN_TESTS, { uri: kind.uri, tests: [kind.index] });
    const test = file?.tests.find((t) => t.index === kind.index);
    return test ? { uri: kind.uri, inputs: test.inputs } : undefined;
  }

  /** Runs what `request` includes (everything when it names nothing), one server request per project, file or file's tests. */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    await this.ready();
    const run = this.controller.createTestRun(request);
    try {
      const included: vscode.TestItem[] = request.include ? [...request.include] : [];
      if (!request.include) this.controller.items.forEach((item) => included.push(item));
      const excluded = new Set(request.exclude ?? []);
      for (const params of this.requestsFor(included)) {
        if (token.isCancellationRequested) break;
        const tests = this.testsUnder(params).filter((t) => !excluded.has(t));
        for (const test of tests) run.started(test);
        const results = await sendRequest(this.client, RUN_TESTS, params, token);
        for (const file of results) this.report(run, file, excluded);
      }
    } catch (error) {
      if (!token.isCancellationRequested) run.appendOutput(`Handoff Kit could not run the tests: ${String(error)}\r\n`);
    } finally {
      run.end();
    }
  }

  /** The server's requests for the items asked for: a project or a file whole, a file's tests together. */
  private requestsFor(items: readonly vscode.TestItem[]): RunTestsParams[] {
    const wholes: RunTestsParams[] = [];
    const someOfFile = new Map<string, number[]>();
    for (const item of items) {
      const kind = this.kinds.get(item);
      if (!kind) continue;
      if (kind.kind === 'test') someOfFile.set(kind.uri, [...(someOfFile.get(kind.uri) ?? []), kind.index]);
      else wholes.push({ uri: kind.uri });
    }
    for (const [uri, tests] of someOfFile) if (!wholes.some((w) => w.uri === uri)) wholes.push({ uri, tests });
    return wholes;
  }

  /** The test items a server request runs. */
  private testsUnder(params: RunTestsParams): vscode.TestItem[] {
    const found: vscode.TestItem[] = [];
    const walk = (item: vscode.TestItem) => {
      const kind = this.kinds.get(item);
      if (kind?.kind === 'test') {
        if (
          kind.uri === params.uri
            ? !params.tests || params.tests.includes(kind.index)
            : params.uri !== kind.uri && !params.tests && isInside(kind.uri, params.uri)
        )
          found.push(item);
      }
      item.children.forEach(walk);
    };
    this.controller.items.forEach(walk);
    return found;
  }

  private report(run: vscode.TestRun, file: TestFileResult, excluded: ReadonlySet<vscode.TestItem>): void {
    const uri = vscode.Uri.parse(file.uri);
    const itemOf = (index: number) => this.find(testId(file.uri, index));
    if (file.problems.length) {
      const messages = file.problems.map((p) => {
        const message = new vscode.TestMessage(`Not a valid test file: ${p.message}`);
        message.location = new vscode.Location(uri, toRange(p.range));
        return message;
      });
      const fileItem = this.find(file.uri);
      fileItem?.children.forEach((test) => {
        run.errored(test, messages);
        this.results.set(test.id, { passed: false, message: messages[0].message.toString(), line: file.problems[0].range.start.line });
      });
      return;
    }
    for (const result of file.tests) {
      const item = itemOf(result.index);
      if (!item || excluded.has(item)) continue;
      if (result.passed || !result.failure) {
        run.passed(item);
        this.results.set(item.id, { passed: true });
        continue;
      }
      const { failure } = result;
      const location = new vscode.Location(uri, toRange(failure.range));
      const diff = vscode.TestMessage.diff(failure.message, failure.expected, failure.actual);
      diff.location = location;
      const transcript = new vscode.TestMessage(`Transcript up to the failing step:\n${failure.transcript.join('\n')}`);
      transcript.location = location;
      run.failed(item, [diff, transcript]);
      this.results.set(item.id, { passed: false, message: failure.message, line: failure.range.start.line });
    }
  }

  private find(id: string): vscode.TestItem | undefined {
    let found: vscode.TestItem | undefined;
    const walk = (item: vscode.TestItem) => {
      if (found) return;
      if (item.id === id) found = item;
      else item.children.forEach(walk);
    };
    this.controller.items.forEach(walk);
    return found;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function toRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Whether the file URI `uri` is inside the folder URI `folder`. */
function isInside(uri: string, folder: string): boolean {
  return uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
