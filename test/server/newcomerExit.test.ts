// Issue 25, the newcomer in the editor: in a scaffolded project, the banner's option text is
// changed to a phrase no intent has, and the quick fixes are applied as offered. The fixes must
// never train the agent's intent or add closing steps before the Raise Ticket node, and a
// project whose Exit hands the customer to an agent must not end with "No problems".
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyChanges, BotProject, planDisconnection, planNewProject } from '../../server/src/engine';
import { LspTestClient } from './lspClient';

/** The codes whose findings say the exit goes to an agent or back to the banner, or that closing steps are missing. */
const HANDOFF_CODES = ['exit-raises-ticket', 'exit-shows-banner', 'banner-not-closed', 'ticket-not-closed'];

describe('the newcomer of issue 25, over LSP', () => {
  let folder: string;
  let bot: string;
  let client: LspTestClient;
  /** What the "editor" holds: text and version of each open document. */
  const open = new Map<string, { text: string; version: number }>();
  const file = (rel: string) => path.join(bot, rel);

  /** Writes a scaffolded project, as New Bot Project and Add User-Initiated Disconnection make it. */
  async function scaffold(root: string): Promise<void> {
    const project = new BotProject(root);
    for (const change of planNewProject(root, 'newcomer-bot').edit.changes)
      if (change.kind === 'create') project.setText(change.file, change.text, 1);
    const plan = planDisconnection(project, {});
    assert.deepEqual(plan.conflicts, []);
    for (const change of plan.edit.changes) {
      const text = change.kind === 'create' ? change.text : applyChanges(project.file(change.file)!.text, change.changes);
      project.setText(change.file, text, 2);
    }
    for (const f of project.allFiles()) {
      await mkdir(path.dirname(f.path), { recursive: true });
      await writeFile(f.path, f.text);
    }
  }

  async function openFile(rel: string): Promise<void> {
    if (open.has(file(rel))) return;
    const text = await readFile(file(rel), 'utf8');
    open.set(file(rel), { text, version: 1 });
    await client.open(file(rel), text, 1);
  }

  /** Sets a document's text and waits until the server has checked the project again. */
  async function setText(rel: string, text: string): Promise<void> {
    await openFile(rel);
    const doc = open.get(file(rel))!;
    doc.text = text;
    doc.version++;
    const checks = client.statuses.length;
    await client.setText(file(rel), text, doc.version);
    await client.waitFor(`the check after editing ${rel}`, () => client.statuses.length > checks);
  }

  async function edit(rel: string, from: string, to: string): Promise<void> {
    await openFile(rel);
    const text = open.get(file(rel))!.text;
    assert.ok(text.includes(from), `${rel} has no ${from}`);
    await setText(rel, text.replace(from, to));
  }

  /** Applies a workspace edit as an editor would: to the documents, then tells the server. */
  async function applyEdit(workspaceEdit: WorkspaceEdit): Promise<string[]> {
    const touched: string[] = [];
    for (const change of workspaceEdit.documentChanges ?? []) {
      assert.ok('textDocument' in change, 'quick fixes here only edit documents');
      const rel = path.relative(bot, fileURLToPath((change as TextDocumentEdit).textDocument.uri));
      await openFile(rel);
      const doc = open.get(file(rel))!;
      await setText(
        rel,
        TextDocument.applyEdits(TextDocument.create('x', 'json', doc.version, doc.text), (change as TextDocumentEdit).edits as never),
      );
      touched.push(rel);
    }
    return touched;
  }

  const diagnosticsOf = (rel: string): Diagnostic[] => client.diagnosticsOf(file(rel)) ?? [];
  const codesOf = (rel: string) => diagnosticsOf(rel).map((d) => String(d.code));

  /** The quick fixes the editor offers for a diagnostic. */
  const actionsFor = (rel: string, diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', file(rel), { range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  /** The project's texts, to put back between the fixes tried. */
  const snapshot = () => new Map([...open].map(([f, doc]) => [f, doc.text]));
  async function restore(texts: Map<string, string>): Promise<void> {
    for (const [f, text] of texts) if (open.get(f)!.text !== text) await setText(path.relative(bot, f), text);
  }

  /** Whether a workspace edit would train the agent's intent, or add steps to the journey that raises the ticket. */
  function sendsToAgent(action: CodeAction): string | undefined {
    for (const change of (action.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
      const rel = path.relative(bot, fileURLToPath(change.textDocument.uri));
      const doc = open.get(file(rel));
      const after = doc ? TextDocument.applyEdits(TextDocument.create('x', 'json', 1, doc.text), change.edits as never) : '';
      if (rel === path.join('intents', 'talk_to_agent.json') && after.includes('"back to bot"')) return 'trains talk_to_agent with the exit phrase';
      if (rel === path.join('journeys', 'live-agent.json')) {
        const journey = JSON.parse(after) as { start: string; nodes: { id: string; type: string }[] };
        if (journey.nodes.find((n) => n.id === journey.start)?.type !== 'message') return 'adds steps before the Raise Ticket node of live-agent';
        if (journey.nodes.filter((n) => n.type === 'closeTicket').length) return 'closes a ticket in live-agent';
      }
    }
    return undefined;
  }

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-newcomer-'));
    bot = path.join(folder, 'newcomer-bot');
    await scaffold(bot);
    client = new LspTestClient();
    await client.initialize(folder);
    await client.waitFor('the first check', () => client.statuses.find((s) => s.projects === 1));
    for (const rel of ['journeys/live-agent.json', 'intents/talk_to_agent.json', 'intents/talk_to_bot.json', 'journeys/return-to-bot.json'])
      await openFile(rel);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('the scaffolded project has no findings', () => {
    for (const f of open.keys()) assert.deepEqual(codesOf(path.relative(bot, f)), [], f);
  });

  it('a phrase no intent has: the fixes offered never train talk_to_agent, and each one applied leaves the exit going back to the bot', async () => {
    await edit('journeys/live-agent.json', '"text": "talk to bot"', '"text": "back to bot"');
    const mismatch = diagnosticsOf('journeys/live-agent.json').find((d) => d.code === 'option-text-mismatch');
    assert.ok(mismatch, codesOf('journeys/live-agent.json').join(', '));
    const actions = await actionsFor('journeys/live-agent.json', mismatch);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Add `back to bot` as an utterance of intent `talk_to_bot`'), titles.join('; '));
    assert.ok(!titles.some((t) => t.includes('`talk_to_agent`')), titles.join('; '));
    const state = snapshot();
    for (const action of actions) {
      assert.equal(sendsToAgent(action), undefined, action.title);
      await applyEdit(action.edit!);
      for (const rel of ['journeys/live-agent.json', 'journeys/return-to-bot.json']) {
        assert.deepEqual(
          codesOf(rel).filter((c) => HANDOFF_CODES.includes(c) || c === 'option-text-mismatch'),
          [],
          `after "${action.title}": ${rel}`,
        );
      }
      await restore(state);
    }
  });

  it('the phrase trained into talk_to_agent by hand: the new finding, no closing steps before the Raise Ticket node, no fix to an agent', async () => {
    // What the newcomer's first fix did, typed by hand now that it is no longer offered.
    await edit('intents/talk_to_agent.json', '"talk to agent"', '"talk to agent", "back to bot"');
    const live = 'journeys/live-agent.json';
    assert.deepEqual(codesOf(live), ['exit-raises-ticket']);
    const [finding] = diagnosticsOf(live);
    assert.match(
      String(finding.message),
      /^the exit phrase `back to bot` starts `live-agent` \(intent `talk_to_agent`\), the very journey that shows this banner/,
    );
    assert.equal(
      open
        .get(file(live))!
        .text.slice(
          TextDocument.create('x', 'json', 1, open.get(file(live))!.text).offsetAt(finding.range.start),
          TextDocument.create('x', 'json', 1, open.get(file(live))!.text).offsetAt(finding.range.end),
        ),
      '"back to bot"',
    );

    // Every quick fix of every diagnostic of the project, applied as offered.
    const state = snapshot();
    const offered: CodeAction[] = [];
    for (const f of open.keys()) for (const d of diagnosticsOf(path.relative(bot, f))) offered.push(...(await actionsFor(path.relative(bot, f), d)));
    assert.ok(offered.length > 0, 'the finding has fixes');
    for (const action of offered) {
      assert.equal(sendsToAgent(action), undefined, action.title);
      assert.notEqual(action.isPreferred, true, `"${action.title}" is not applied by fix-all or --fix: the team decides`);
      await applyEdit(action.edit!);
      for (const f of open.keys()) {
        const rel = path.relative(bot, f);
        assert.ok(!codesOf(rel).includes('exit-raises-ticket'), `after "${action.title}", ${rel}: ${codesOf(rel).join(', ')}`);
      }
      await restore(state);
    }

    // Fix all (what saving with codeActionsOnSave does) changes nothing here: no safe fix sends the exit anywhere.
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', file(live), {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.handoffKit'] },
    });
    assert.deepEqual(fixAll, []);
    // The Problems panel does not say "No problems" while Exit hands the customer to an agent.
    assert.deepEqual(codesOf(live), ['exit-raises-ticket']);
  });
});
