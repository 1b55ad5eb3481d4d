// Conversation tests (tests/*.json) through a real LSP connection to the bundled server: a name the
// project does not have is a finding with a quick fix, a rename reaches the tests, and the Test
// Explorer's requests list the tests and run them on the text the editor holds.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Position, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LIST_TESTS, RUN_TESTS, type ListTestsResult, type RunTestsResult } from '../../contract/protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('conversation tests over LSP', () => {
  let folder: string;
  let bot: string;
  let client: LspTestClient;
  const open = new Map<string, { text: string; version: number }>();
  const file = (rel: string) => path.join(bot, rel);

  async function openFile(rel: string): Promise<string> {
    const text = await readFile(file(rel), 'utf8');
    open.set(file(rel), { text, version: 1 });
    await client.open(file(rel), text, 1);
    return text;
  }

  async function setText(rel: string, text: string): Promise<void> {
    const doc = open.get(file(rel))!;
    doc.text = text;
    doc.version++;
    await client.setText(file(rel), text, doc.version);
  }

  /** The position of the n-th occurrence of `snippet` in an open file, one character into it. */
  function positionOf(rel: string, snippet: string, occurrence = 1): Position {
    const text = open.get(file(rel))!.text;
    let offset = -1;
    for (let i = 0; i < occurrence; i++) offset = text.indexOf(snippet, offset + 1);
    assert.ok(offset >= 0, `${snippet} in ${rel}`);
    return TextDocument.create('x', 'json', 1, text).positionAt(offset + 1);
  }

  function textAt(rel: string, range: Range): string {
    const document = TextDocument.create('x', 'json', 1, open.get(file(rel))!.text);
    return document.getText(range);
  }

  /** Applies a workspace edit as an editor would: to open documents, then tells the server. */
  async function applyEdit(workspaceEdit: WorkspaceEdit): Promise<string[]> {
    const touched: string[] = [];
    for (const change of workspaceEdit.documentChanges ?? []) {
      if (!('textDocument' in change)) continue;
      const target = fileURLToPath((change as TextDocumentEdit).textDocument.uri);
      const rel = path.relative(bot, target);
      if (!open.has(target)) await openFile(rel);
      const doc = open.get(target)!;
      await setText(
        rel,
        TextDocument.applyEdits(TextDocument.create('x', 'json', doc.version, doc.text), (change as TextDocumentEdit).edits as never),
      );
      touched.push(rel.split(path.sep).join('/'));
    }
    return touched.sort();
  }

  const diagnostic = (rel: string, code: string) =>
    client.waitFor(`${code} in ${rel}`, () => client.diagnosticsOf(file(rel))?.find((d) => d.code === code));
  const cleared = (rel: string, code: string) =>
    client.waitFor(`no ${code} in ${rel}`, () => !client.diagnosticsOf(file(rel))?.some((d) => d.code === code));

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-conversation-'));
    bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    client = new LspTestClient();
    await client.initialize(folder);
    await client.waitFor('the first check', () => client.statuses.find((s) => s.projects === 1));
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('an unknown intent in a test file is a finding with a quick fix, which removes it', async () => {
    const rel = 'tests/live-agent.json';
    const text = await openFile(rel);
    await setText(rel, text.replace('"intent": "talk_to_bot"', '"intent": "talk_to_bto"'));
    const found = await diagnostic(rel, 'test-unknown-name');
    assert.equal(found.message, 'unknown intent `talk_to_bto`; did you mean `talk_to_bot`?');
    assert.equal(found.severity, 1);
    assert.equal(textAt(rel, found.range), '"talk_to_bto"');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', file(rel), {
      range: found.range,
      context: { diagnostics: [found] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Change to `talk_to_bot`');
    assert.deepEqual(await applyEdit(fix.edit!), [rel]);
    await cleared(rel, 'test-unknown-name');
    assert.equal(open.get(file(rel))!.text, text);
  });

  it('renaming an intent edits the test files that name it', async () => {
    const rel = 'intents/talk_to_bot.json';
    await openFile(rel);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', file(rel), {
      position: positionOf(rel, '"talk_to_bot"'),
      newName: 'back_to_bot',
    });
    assert.deepEqual(await applyEdit(edit), [
      'intents/talk_to_bot.json',
      'journeys/return-to-bot.json',
      'tests/billing-agent.json',
      'tests/live-agent.json',
    ]);
    const tests = JSON.parse(open.get(file('tests/live-agent.json'))!.text).tests;
    assert.equal(tests[0].steps[5].expect.intent, 'back_to_bot');
    await client.roundTrip();
    // Nothing is left unknown: the test files name the new intent.
    await cleared('tests/live-agent.json', 'test-unknown-name');
    await cleared('tests/billing-agent.json', 'test-unknown-name');
  });

  it('lists the tests of the workspace for the Test Explorer, with where each is', async () => {
    const projects = await client.connection.sendRequest<ListTestsResult>(LIST_TESTS.method, {});
    assert.equal(projects.length, 1);
    assert.equal(projects[0].name, 'support-bot');
    assert.deepEqual(
      projects[0].files.map((f) => [path.relative(bot, fileURLToPath(f.uri)), f.tests.length]),
      [
        [path.join('tests', 'billing-agent.json'), 3],
        [path.join('tests', 'live-agent.json'), 6],
      ],
    );
    const first = projects[0].files[1].tests[0];
    assert.equal(first.name, 'the Exit button brings the customer back to the bot');
    assert.equal(textAt('tests/live-agent.json', first.range), JSON.stringify(first.name));
  });

  it('runs a test file on the text the editor holds, a failure at its step with expected and actual', async () => {
    const rel = 'tests/live-agent.json';
    const passing = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS.method, { uri: uri(file(rel)) });
    assert.deepEqual(
      passing[0].tests.map((t) => t.passed),
      [true, true, true, true, true, true],
    );
    // Unsaved: the agent's closing of the ticket expected to leave the customer with the agent.
    const text = open.get(file(rel))!.text;
    await setText(
      rel,
      text.replace('"banner": "hidden", "ticket": "closed", "with": "bot" } }', '"banner": "hidden", "ticket": "closed", "with": "agent" } }'),
    );
    const failing = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS.method, { uri: uri(file(rel)), tests: [4] });
    assert.equal(failing.length, 1);
    assert.deepEqual(failing[0].problems, []);
    const [result] = failing[0].tests;
    assert.equal(result.index, 4);
    assert.equal(result.passed, false);
    assert.equal(result.failure?.message, 'expect with: expected "agent", actual "bot"');
    assert.deepEqual([result.failure?.expected, result.failure?.actual], ['"agent"', '"bot"']);
    assert.equal(textAt(rel, result.failure!.range), '"with": "agent"');
    assert.equal(result.failure?.transcript[0], '> say "talk to an agent"');
    // What Open in Simulator replays: the inputs up to the failing step.
    assert.deepEqual(result.inputs, [
      { kind: 'say', text: 'talk to an agent' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'ticket', outcome: 'ticketClosed' },
    ]);
    // The whole project: both files.
    const all = await client.connection.sendRequest<RunTestsResult>(RUN_TESTS.method, { uri: uri(bot) });
    assert.deepEqual(
      all.map((f) => f.tests.filter((t) => !t.passed).length),
      [0, 1],
    );
    await setText(rel, text);
  });
});
