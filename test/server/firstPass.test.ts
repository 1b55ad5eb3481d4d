// The server's first pass over a project: the files open in the editor are checked and sent
// before the others, and a clean closed file gets no notification until it is opened.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('the first check pass', () => {
  let folder: string;
  let bot: string;
  let client: LspTestClient;
  const file = (rel: string) => path.join(bot, rel);

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-first-pass-'));
    bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    // A closed file with a finding: sent in the first pass, after the open one.
    await writeFile(file('intents/broken.json'), '{"name": "broken", "utterances": []}');
    client = new LspTestClient();
    // The server asks for the settings before it loads the project: answered only once the
    // journey is open, so that the open document is known when the first pass starts.
    const opened = client.holdConfiguration();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(folder),
      workspaceFolders: [{ uri: uri(folder), name: 'first-pass' }],
      capabilities: { workspace: { configuration: true } },
    });
    await client.connection.sendNotification('initialized', {});
    const journey = file('journeys/return-to-bot.json');
    const text = (await readFile(journey, 'utf8')).replace('"event": "ui-event-close-promotion"', '"event": "ui-event-close-promotoin"');
    await client.open(journey, text);
    opened();
    await client.waitFor('the first pass', () => client.statuses.find((s) => s.projects === 1));
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('sends the open journey first, then the closed files with findings', () => {
    assert.equal(client.published[0], uri(file('journeys/return-to-bot.json')));
    assert.ok(client.diagnosticsOf(file('journeys/return-to-bot.json'))?.some((d) => d.code === 'unknown-event'));
    assert.deepEqual(
      client.diagnosticsOf(file('intents/broken.json'))?.map((d) => d.code),
      ['schema'],
    );
  });

  it('sends nothing for a clean closed file, and its empty list once it is opened', async () => {
    const intent = file('intents/talk_to_bot.json');
    assert.equal(client.diagnosticsOf(intent), undefined);
    await client.open(intent, await readFile(intent, 'utf8'));
    assert.deepEqual(await client.waitFor('the opened intent', () => client.diagnosticsOf(intent)), []);
  });
});
