// Kind: the editor honours the ignores the command line does. Over a real LSP connection: a project
// a .gitignore names and a file a handoff-kit.json `ignores` names get no diagnostics, opened or
// not, and a change to an ignore file is taken in.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

const CHANGED = 2;

async function copyWithTypo(target: string): Promise<string> {
  await cp(exampleProject, target, { recursive: true });
  const journey = path.join(target, 'journeys/return-to-bot.json');
  await writeFile(
    journey,
    (await readFile(journey, 'utf8')).replace('"trigger": { "intent": "talk_to_bot" }', '"trigger": { "intent": "talk_to_bto" }'),
  );
  return journey;
}

describe('ignored folders and files in the editor', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-ignores-'));
    client = new LspTestClient();
  });

  after(async () => {
    await client.dispose();
    await rm(root, { recursive: true, force: true });
  });

  const unknownIntentOf = (file: string) => client.diagnosticsOf(file)?.find((d) => d.code === 'unknown-intent');

  it('publishes nothing for a project a .gitignore names or a file an `ignores` list names, even opened', async () => {
    const checked = await copyWithTypo(path.join(root, 'bots/checked'));
    const fixture = await copyWithTypo(path.join(root, 'fixtures/broken'));
    const draft = await copyWithTypo(path.join(root, 'bots/drafts'));
    await writeFile(path.join(root, '.gitignore'), 'fixtures/\n');
    await writeFile(path.join(root, 'bots/drafts/handoff-kit.json'), JSON.stringify({ ignores: ['journeys/return-to-bot.json'] }));
    await client.initialize(root);
    await client.waitFor('unknown-intent in the project checked', () => unknownIntentOf(checked));
    // The drafts project is checked, without the ignored journey: no journey starts from its exit intent.
    const exitIntent = path.join(root, 'bots/drafts/intents/talk_to_bot.json');
    await client.waitFor('the drafts project checked', () => client.diagnosticsOf(exitIntent)?.find((d) => d.code === 'exit-intent-unlinked'));
    await client.open(draft, await readFile(draft, 'utf8'));
    await client.open(fixture, await readFile(fixture, 'utf8'));
    await client.roundTrip();
    assert.equal(unknownIntentOf(draft), undefined);
    assert.equal(unknownIntentOf(fixture), undefined);
    assert.deepEqual(client.diagnosticsOf(path.join(root, 'fixtures/broken/bot.json')) ?? [], []);
  });

  it('takes in a change to an ignore file: what it no longer names is checked', async () => {
    const fixture = path.join(root, 'fixtures/broken/journeys/return-to-bot.json');
    await writeFile(path.join(root, '.gitignore'), '# nothing ignored\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(path.join(root, '.gitignore')), type: CHANGED }],
    });
    await client.waitFor('unknown-intent in the fixture', () => unknownIntentOf(fixture));
  });
});
