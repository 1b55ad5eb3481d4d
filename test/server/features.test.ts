// Every editor feature through a real LSP connection to the bundled server.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Range,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('editor features over LSP', () => {
  let folder: string;
  let bot: string;
  let client: LspTestClient;
  /** What the "editor" holds: text and version of each open document. */
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

  async function edit(rel: string, from: string, to: string): Promise<void> {
    const text = open.get(file(rel))!.text;
    assert.ok(text.includes(from), `${rel} has no ${from}`);
    await setText(rel, text.replace(from, to));
  }

  function rangeOf(rel: string, snippet: string, inner = 0): Range {
    const document = TextDocument.create('x', 'json', 1, open.get(file(rel))!.text);
    const offset = document.getText().indexOf(snippet) + inner;
    return { start: document.positionAt(offset), end: document.positionAt(offset + snippet.length - 2 * inner) };
  }

  const position = (rel: string, snippet: string) => rangeOf(rel, snippet, 1).start;

  /** Applies a workspace edit as an editor would: to open documents, then tells the server. */
  async function applyEdit(workspaceEdit: WorkspaceEdit): Promise<string[]> {
    const touched: string[] = [];
    for (const change of workspaceEdit.documentChanges ?? []) {
      if (!('textDocument' in change)) continue;
      const target = fileURLToPath((change as TextDocumentEdit).textDocument.uri);
      const rel = path.relative(bot, target);
      if (!open.has(target)) await openFile(rel);
      const doc = open.get(target)!;
      const document = TextDocument.create('x', 'json', doc.version, doc.text);
      await setText(rel, TextDocument.applyEdits(document, (change as TextDocumentEdit).edits as never));
      touched.push(rel);
    }
    return touched;
  }

  const diagnostics = (rel: string, code: string) =>
    client.waitFor(`${code} in ${rel}`, () => client.diagnosticsOf(file(rel))?.find((d) => d.code === code));
  const cleared = (rel: string, code: string) =>
    client.waitFor(`no ${code} in ${rel}`, () => !client.diagnosticsOf(file(rel))?.some((d) => d.code === code));

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-features-'));
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

  it('shows the banner diagnostic in a journey appear and disappear as the intent file changes', async () => {
    const intent = await openFile('intents/talk_to_bot.json');
    await edit('intents/talk_to_bot.json', '"talk to bot"', '"talk to the bot"');
    const diagnostic = await diagnostics('journeys/live-agent.json', 'option-text-mismatch');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.relatedInformation?.[0].message, 'the near utterance of intent `talk_to_bot`');
    assert.match(String(diagnostic.message), /did you mean `talk to the bot` \(intent `talk_to_bot`/);
    await setText('intents/talk_to_bot.json', intent);
    await cleared('journeys/live-agent.json', 'option-text-mismatch');
  });

  it('applies the option-text quick fix and the finding goes', async () => {
    await openFile('journeys/live-agent.json');
    await edit('journeys/live-agent.json', '"text": "talk to bot"', '"text": "Talk to bot"');
    const diagnostic = await diagnostics('journeys/live-agent.json', 'option-text-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', file('journeys/live-agent.json'), {
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Change to `talk to bot` (intent `talk_to_bot`)');
    // talk_to_agent starts the journey that raises the ticket: never offered (issue 25).
    assert.ok(actions.some((a) => a.title === 'Add `Talk to bot` as an utterance of intent `talk_to_bot`'));
    assert.ok(!actions.some((a) => a.title.includes('intent `talk_to_agent`')), actions.map((a) => a.title).join('; '));
    assert.deepEqual(await applyEdit(preferred.edit!), [path.join('journeys', 'live-agent.json')]);
    await cleared('journeys/live-agent.json', 'option-text-mismatch');
  });

  it('applies "add as an utterance" to the intent file the developer picks', async () => {
    await edit('journeys/live-agent.json', '"text": "talk to bot"', '"text": "leave the agent"');
    const diagnostic = await diagnostics('journeys/live-agent.json', 'option-text-mismatch');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', file('journeys/live-agent.json'), {
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const add = actions.find((a) => a.title === 'Add `leave the agent` as an utterance of intent `talk_to_bot`')!;
    assert.deepEqual(await applyEdit(add.edit!), [path.join('intents', 'talk_to_bot.json')]);
    await cleared('journeys/live-agent.json', 'option-text-mismatch');
    assert.ok(open.get(file('intents/talk_to_bot.json'))!.text.includes('"leave the agent"'));
  });

  it('declares a missing event in bot.json', async () => {
    await openFile('bot.json');
    const botText = open.get(file('bot.json'))!.text;
    const without = JSON.parse(botText);
    without.events = without.events.filter((e: { name: string }) => e.name !== 'ui-event-update-promotion');
    await setText('bot.json', JSON.stringify(without, null, 2));
    const diagnostic = await diagnostics('journeys/billing-agent.json', 'event-not-declared');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', file('journeys/billing-agent.json'), {
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(await applyEdit(actions[0].edit!), ['bot.json']);
    await cleared('journeys/billing-agent.json', 'event-not-declared');
  });

  it('completes event names with their documentation', async () => {
    await openFile('journeys/return-to-bot.json');
    const items = await client.request<CompletionItem[]>('textDocument/completion', file('journeys/return-to-bot.json'), {
      position: position('journeys/return-to-bot.json', '"ui-event-close-promotion"'),
    });
    const close = items.find((i) => i.label === 'ui-event-close-promotion')!;
    assert.equal(close.textEdit && 'newText' in close.textEdit && close.textEdit.newText, '"ui-event-close-promotion"');
    assert.match(JSON.stringify(close.documentation), /Closes the callout banner/);
    assert.ok(items.some((i) => i.label === 'ticket-closed'));
  });

  it('answers on the text just sent, even while the server is busy (a settings change, a closed file)', async () => {
    const rel = 'journeys/return-to-bot.json';
    const text = open.get(file(rel))!.text;
    // The settings round trip and the disk read of a closed file hold the queue for a moment.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file('intents/talk_to_agent.json')) } });
    await setText(rel, text.replace('"event": "ui-event-close-promotion"', '"event": ""'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', file(rel), { position: position(rel, '""') });
    const edit = items[0].textEdit as { range: Range };
    assert.deepEqual(edit.range, rangeOf(rel, '""'), 'the completion replaces the empty string, not the text that was there');
    await setText(rel, text);
  });

  it('hovers over an intent with its utterances and journeys', async () => {
    const hover = await client.request<Hover>('textDocument/hover', file('journeys/return-to-bot.json'), {
      position: position('journeys/return-to-bot.json', '"talk_to_bot"'),
    });
    assert.match(JSON.stringify(hover.contents), /\*\*intent\*\* `talk_to_bot`/);
    assert.match(JSON.stringify(hover.contents), /Starts: `return-to-bot`/);
  });

  it('goes to the intent from a trigger, and finds its references', async () => {
    const definitions = await client.request<Location[]>('textDocument/definition', file('journeys/return-to-bot.json'), {
      position: position('journeys/return-to-bot.json', '"talk_to_bot"'),
    });
    assert.deepEqual(
      definitions.map((d) => path.relative(bot, fileURLToPath(d.uri))),
      [path.join('intents', 'talk_to_bot.json')],
    );
    const references = await client.request<Location[]>('textDocument/references', file('journeys/return-to-bot.json'), {
      position: position('journeys/return-to-bot.json', '"talk_to_bot"'),
      context: { includeDeclaration: true },
    });
    // The conversation tests that expect the intent are references too.
    assert.deepEqual(references.map((d) => path.relative(bot, fileURLToPath(d.uri))).sort(), [
      path.join('intents', 'talk_to_bot.json'),
      path.join('journeys', 'return-to-bot.json'),
      path.join('tests', 'billing-agent.json'),
      path.join('tests', 'live-agent.json'),
      path.join('tests', 'live-agent.json'),
    ]);
  });

  it('renames a node id across start and next', async () => {
    const at = position('journeys/return-to-bot.json', '"close-ticket"');
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', file('journeys/return-to-bot.json'), {
      position: at,
    });
    assert.equal(prepared.placeholder, 'close-ticket');
    const renamed = await client.request<WorkspaceEdit>('textDocument/rename', file('journeys/return-to-bot.json'), {
      position: at,
      newName: 'end-ticket',
    });
    await applyEdit(renamed);
    const text = open.get(file('journeys/return-to-bot.json'))!.text;
    assert.ok(!text.includes('"close-ticket"') && (text.match(/"end-ticket"/g) ?? []).length === 2, text);
    await client.waitFor('no findings after the rename', () => client.diagnosticsOf(file('journeys/return-to-bot.json'))?.length === 0);
  });

  it('refuses a rename to a name with spaces, with a reason', async () => {
    await assert.rejects(
      client.request('textDocument/rename', file('journeys/return-to-bot.json'), {
        position: position('journeys/return-to-bot.json', '"end-ticket"'),
        newName: 'end ticket',
      }),
      /not a valid node id/,
    );
  });

  it("lists a journey's nodes as document symbols", async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', file('journeys/return-to-bot.json'));
    assert.equal(symbols[0].name, 'return-to-bot');
    assert.deepEqual(
      symbols[0].children?.map((c) => c.name),
      ['close-banner', 'end-ticket', 'back-with-bot'],
    );
  });

  it('leaves no finding behind in the project', async () => {
    for (const f of open.keys()) {
      await client.waitFor(`no findings in ${f}`, () => (client.diagnosticsOf(f) as Diagnostic[] | undefined)?.length === 0);
    }
  });
});
