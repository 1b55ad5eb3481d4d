// Requests the client cancels: answered at once with RequestCancelled, even while the server's
// work queue is held up, and without stopping the work that comes after them.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSPErrorCodes, type Hover } from 'vscode-languageserver-protocol';
import { BANNER_PREVIEW, INTENTS_TO_TRAIN, SCAFFOLD_CONTEXT, STUDIO_SHEET } from '../../contract/protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('cancelled requests over LSP', () => {
  let folder: string;
  let journey: string;
  let text: string;
  let client: LspTestClient;
  let release: () => void;

  /** The position of the first character inside `snippet` in the journey. */
  const inside = (snippet: string) => TextDocument.create('x', 'json', 1, text).positionAt(text.indexOf(snippet) + 1);

  /** Every request that waits for the model, with the params it takes. */
  const requests = (): Array<[method: string, params: object]> => {
    const textDocument = { uri: uri(journey) };
    const position = inside('"talk_to_bot"');
    return [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/prepareRename', { textDocument, position }],
      ['textDocument/rename', { textDocument, position, newName: 'talk_to_the_bot' }],
      ['textDocument/documentSymbol', { textDocument }],
      [SCAFFOLD_CONTEXT.method, {}],
      [BANNER_PREVIEW.method, { uri: uri(journey) }],
      [INTENTS_TO_TRAIN.method, { uri: uri(journey) }],
      [STUDIO_SHEET.method, { uri: uri(journey) }],
    ];
  };

  const isCancelled = (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-cancel-'));
    await cp(exampleProject, path.join(folder, 'support-bot'), { recursive: true });
    journey = path.join(folder, 'support-bot/journeys/return-to-bot.json');
    text = await readFile(journey, 'utf8');
    client = new LspTestClient();
    // The server loads the projects once it has the settings: held, they keep its work queue (and
    // every request that waits for the model) waiting until release().
    release = client.holdConfiguration();
    await client.initialize(folder);
    await client.open(journey, text, 1);
    await client.waitFor('the server to ask for its settings', () => client.configurationRequests > 0);
  });

  after(async () => {
    release();
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  // Without cancellation the answers would come only after release(): the timeout fails the test.
  it('answers RequestCancelled to a request cancelled while it waits for the model', { timeout: 20_000 }, async () => {
    for (const [method, params] of requests()) {
      const request = client.cancellableRequest(method, params);
      // The server has read the request and waits for the model.
      await client.roundTrip();
      request.cancel();
      await assert.rejects(request.response, isCancelled, method);
    }
    assert.equal(client.statuses.length, 0, 'the model was still waiting: no check pass has run');
  });

  it('answers RequestCancelled to a request cancelled as soon as it was sent', { timeout: 20_000 }, async () => {
    for (const [method, params] of requests()) {
      const request = client.cancellableRequest(method, params);
      request.cancel();
      await assert.rejects(request.response, isCancelled, method);
    }
  });

  it('answers the requests after them once the model is ready, and checks as before', async () => {
    const waiting = client.request<Hover | null>('textDocument/hover', journey, { position: inside('"talk_to_bot"') });
    release();
    await client.waitFor('the first pass', () => client.statuses.find((s) => s.projects === 1));
    const hover = await waiting;
    assert.match(JSON.stringify(hover?.contents), /\*\*intent\*\* `talk_to_bot`/);
    await client.waitFor('the open journey is published', () => client.diagnosticsOf(journey));
  });
});
