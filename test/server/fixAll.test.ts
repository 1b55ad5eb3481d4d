// `source.fixAll.handoffKit` over a real LSP connection: the safe fixes `handoff-kit check --fix`
// applies, as one code action that `editor.codeActionsOnSave` can run.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('source.fixAll.handoffKit over LSP', () => {
  let folder: string;
  let journey: string;
  let client: LspTestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-fixall-'));
    const bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    journey = path.join(bot, 'journeys/live-agent.json');
    client = new LspTestClient();
    capabilities = (await client.initialize(folder)).capabilities;
    await client.waitFor('the first check', () => client.statuses.find((s) => s.projects === 1));
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('declares the kind in codeActionProvider', () => {
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.handoffKit']);
  });

  it('returns one action with every safe fix of the document, and nothing more to fix after it', async () => {
    const original = await readFile(journey, 'utf8');
    // Two problems with a safe fix in one document: a banner text one letter off, and a repeated key.
    const broken = original
      .replace('"text": "talk to bot"', '"text": "talk to bott"')
      .replace('"id": "connecting", "type": "message"', '"id": "connecting", "type": "message", "type": "message"');
    await client.open(journey, broken, 1);
    await client.waitFor('both findings', () => {
      const codes = client.diagnosticsOf(journey)?.map((d) => d.code);
      return codes?.includes('option-text-mismatch') && codes.includes('duplicate-key');
    });

    const quickFixesOnly = await client.request<CodeAction[]>('textDocument/codeAction', journey, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(quickFixesOnly, []);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', journey, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.handoffKit');
    assert.equal(actions[0].title, 'Fix all safe Handoff Kit problems');
    const changes = actions[0].edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      changes.map((c) => c.textDocument),
      [{ uri: uri(journey), version: 1 }],
    );
    assert.equal(changes[0].edits.length, 2);

    const fixed = TextDocument.applyEdits(TextDocument.create(uri(journey), 'json', 1, broken), changes[0].edits as never);
    assert.equal(fixed, original);
    await client.setText(journey, fixed, 2);
    await client.waitFor('no findings in the journey', () => client.diagnosticsOf(journey)?.length === 0 || undefined);

    const again = await client.request<CodeAction[]>('textDocument/codeAction', journey, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.handoffKit'] },
    });
    assert.deepEqual(again, []);
  });

  it('leaves a document that does not parse alone', async () => {
    const text = (await readFile(journey, 'utf8')).replace('"text": "talk to bot"', '"text": "talk to bott",,');
    await client.setText(journey, text, 3);
    await client.waitFor('json-syntax', () => client.diagnosticsOf(journey)?.some((d) => d.code === 'json-syntax'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', journey, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.handoffKit'] },
    });
    assert.deepEqual(actions, []);
  });
});
