// Kind: a file that was not read is not a missing file; and nothing outside the workspace
// reaches the user. Over a real LSP connection: folders deleted and renamed outside the editor,
// nested workspace folders, and file events that name a link leading outside the workspace.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

const DELETED = 3;
const CREATED = 1;

async function copyWithTypo(target: string): Promise<string> {
  await cp(exampleProject, target, { recursive: true });
  const journey = path.join(target, 'journeys/return-to-bot.json');
  await writeFile(
    journey,
    (await readFile(journey, 'utf8')).replace('"trigger": { "intent": "talk_to_bot" }', '"trigger": { "intent": "talk_to_bto" }'),
  );
  return journey;
}

describe('folder events', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-folder-events-'));
    client = new LspTestClient();
  });

  after(async () => {
    await client.dispose();
    await rm(root, { recursive: true, force: true });
  });

  const unknownIntentOf = (file: string) => client.diagnosticsOf(file)?.find((d) => d.code === 'unknown-intent');

  it('clears the findings of every file of a deleted journeys folder, and loads it again when it is renamed back', async () => {
    const journey = await copyWithTypo(path.join(root, 'ws/bot-a'));
    await copyWithTypo(path.join(root, 'ws/bot-b'));
    await client.initialize(path.join(root, 'ws'));
    const diagnostic = await client.waitFor('unknown-intent', () => unknownIntentOf(journey));
    assert.match(String(diagnostic.message), /did you mean `talk_to_bot`/);

    const folder = path.join(root, 'ws/bot-a/journeys');
    await rename(folder, path.join(root, 'ws/bot-a/journeys-old'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(folder), type: DELETED }] });
    await client.waitFor('the journey findings cleared', () => client.diagnosticsOf(journey)?.length === 0);

    await rename(path.join(root, 'ws/bot-a/journeys-old'), folder);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(folder), type: CREATED }] });
    const again = await client.waitFor('unknown-intent again', () => unknownIntentOf(journey));
    assert.equal(again.range.start.line, diagnostic.range.start.line);
  });

  it('clears the findings of every file of a deleted project folder', async () => {
    const journey = path.join(root, 'ws/bot-b/journeys/return-to-bot.json');
    await client.waitFor('unknown-intent in bot-b', () => unknownIntentOf(journey));
    await rm(path.join(root, 'ws/bot-b'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(path.join(root, 'ws/bot-b')), type: DELETED }],
    });
    await client.waitFor('bot-b findings cleared', () => client.diagnosticsOf(journey)?.length === 0);
  });

  it('does not read a file outside the workspace that a file event names through a link', async () => {
    const secret = path.join(root, 'outside/secret.json');
    await mkdir(path.dirname(secret), { recursive: true });
    await writeFile(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    const link = path.join(root, 'ws/bot-a/intents/passwd.json');
    await symlink(secret, link);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(link), type: CREATED }] });
    const diagnostics = await client.waitFor('the link reported', () => {
      const found = client.diagnosticsOf(link);
      return found?.length ? found : undefined;
    });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['file-unread'],
    );
    assert.match(String(diagnostics[0].message), /symbolic link to .*secret\.json, outside the folders being checked/);
    assert.doesNotMatch(JSON.stringify(diagnostics), /root:x/);
  });
});

describe('nested workspace folders', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-nested-folders-'));
    client = new LspTestClient();
  });

  after(async () => {
    await client.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps a project that another open folder still holds when a folder is removed', async () => {
    const journey = await copyWithTypo(path.join(root, 'outer/inner/bot'));
    const folders = [path.join(root, 'outer'), path.join(root, 'outer/inner')];
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: uri(f), name: path.basename(f) })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.waitFor('unknown-intent', () => unknownIntentOf(journey));

    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uri(folders[0]), name: 'outer' }] },
    });
    // The project stays: editing its journey still gives findings.
    const text = await readFile(journey, 'utf8');
    await client.open(journey, text.replace('talk_to_bto', 'talk_to_bta'));
    const diagnostic = await client.waitFor('unknown-intent on the edited text', () =>
      client.diagnosticsOf(journey)?.find((d) => d.code === 'unknown-intent' && /talk_to_bta/.test(String(d.message))),
    );
    assert.match(String(diagnostic.message), /did you mean `talk_to_bot`/);
  });

  const unknownIntentOf = (file: string) => client.diagnosticsOf(file)?.find((d) => d.code === 'unknown-intent');
});
