import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('several workspace folders and projects', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-folders-'));
    // Folder one holds two projects; folder two, one. The same intent name in two projects is no duplicate.
    await cp(exampleProject, path.join(root, 'one/sales-bot'), { recursive: true });
    await cp(exampleProject, path.join(root, 'one/support-bot'), { recursive: true });
    await cp(exampleProject, path.join(root, 'two/billing-bot'), { recursive: true });
    const journey = path.join(root, 'two/billing-bot/journeys/return-to-bot.json');
    await writeFile(
      journey,
      (await readFile(journey, 'utf8')).replace('"trigger": { "intent": "talk_to_bot" }', '"trigger": { "intent": "talk_to_bto" }'),
    );
    client = new LspTestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: ['one', 'two'].map((f) => ({ uri: uri(path.join(root, f)), name: f })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(async () => {
    await client.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('checks every project of every folder, each on its own', async () => {
    const broken = path.join(root, 'two/billing-bot/journeys/return-to-bot.json');
    const diagnostic = await client.waitFor('unknown-intent in folder two', () =>
      client.diagnosticsOf(broken)?.find((d) => d.code === 'unknown-intent'),
    );
    assert.match(String(diagnostic.message), /did you mean `talk_to_bot`/);
    // A file without findings that never had any gets no notification: the status says when all are checked.
    await client.waitFor('every project checked', () => client.statuses.find((s) => s.projects === 3));
    for (const project of ['one/sales-bot', 'one/support-bot']) {
      const intent = path.join(root, project, 'intents/talk_to_bot.json');
      assert.deepEqual(client.diagnosticsOf(intent) ?? [], [], `${project} sees no duplicate of the other project's intent`);
    }
  });
});
