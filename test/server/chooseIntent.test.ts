// option-text-mismatch in a project of many intents: the code action menu offers a handful of
// intents (the exit intent first) and a "choose an intent…" command, whose requests the server
// answers over a real LSP connection.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { exampleProject } from '../paths';
import { LspTestClient } from './lspClient';

describe('choosing the intent a banner phrase trains', () => {
  let folder: string;
  let bot: string;
  let client: LspTestClient;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-choose-'));
    bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    // Thirty intents that sort before the exit intent by name.
    for (let i = 0; i < 30; i++) {
      await writeFile(path.join(bot, 'intents', `aa_${i}.json`), JSON.stringify({ name: `aa_${i}`, utterances: [`question ${i}`] }));
    }
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('offers at most five intents, the exit intent first, and a command for the rest', async () => {
    const journey = path.join(bot, 'journeys', 'live-agent.json');
    const text = (await readFile(journey, 'utf8')).replace('"text": "talk to bot"', '"text": "leave the agent"');
    await client.open(journey, text, 1);
    const diagnostic = await client.waitFor('option-text-mismatch', () =>
      client.diagnosticsOf(journey)?.find((d) => d.code === 'option-text-mismatch'),
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', journey, {
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const adds = actions.filter((a) => a.title.startsWith('Add `leave the agent` as an utterance of intent'));
    assert.equal(adds.length, 5);
    assert.equal(adds[0].title, 'Add `leave the agent` as an utterance of intent `talk_to_bot`');
    const choose = actions.find((a) => a.command?.command === 'handoffKit.addUtteranceToIntent');
    assert.ok(choose, 'a "choose an intent…" action');
    assert.equal(choose.edit, undefined);
    const [uri, phrase] = choose.command!.arguments!;
    assert.equal(phrase, 'leave the agent');

    const intents = await client.request<{ name: string; uri: string }[]>('handoffKit/intentsToTrain', journey, { uri });
    // The example's exit intent and the thirty: never talk_to_agent or billing_question, whose
    // journeys raise a ticket (Exit would hand the customer to an agent again).
    assert.equal(intents.length, 31);
    assert.equal(intents[0].name, 'talk_to_bot');
    assert.ok(!intents.some((i) => i.name === 'talk_to_agent' || i.name === 'billing_question'));
    assert.equal(await client.request<WorkspaceEdit | null>('handoffKit/addUtterance', journey, { uri, intent: 'talk_to_agent', phrase }), null);
    const edit = await client.request<WorkspaceEdit | null>('handoffKit/addUtterance', journey, { uri, intent: 'aa_17', phrase });
    const change = edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.ok(change.textDocument.uri.endsWith('/intents/aa_17.json'));
    assert.match(change.edits.map((e) => ('newText' in e ? e.newText : '')).join(''), /"leave the agent"/);
  });
});
