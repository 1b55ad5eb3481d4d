import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('language server over stdio', () => {
  let folder: string;
  let client: LspTestClient;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-lsp-'));
    await cp(exampleProject, path.join(folder, 'support-bot'), { recursive: true });
    // A file with a problem that no editor has open: the server must report it from disk.
    await writeFile(path.join(folder, 'support-bot/intents/broken.json'), '{"name": "broken", "utterances": []}');
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('tells the client after a check how many projects and files it checks, and how long it took', async () => {
    const status = await client.waitFor('a handoffKit/status with the project', () => client.statuses.find((s) => s.projects === 1));
    // The example's 12 files (its function, translations, FAQs and two test files included) and the broken intent.
    assert.equal(status.files, 13);
    assert.ok(Number.isInteger(status.durationMs) && status.durationMs >= 0, `durationMs: ${status.durationMs}`);
  });

  it('reports problems in files that are not open, read from disk', async () => {
    const file = path.join(folder, 'support-bot/intents/broken.json');
    const diagnostics = await client.waitFor('diagnostics of broken.json', () => {
      const published = client.diagnosticsOf(file);
      return published?.length ? published : undefined;
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.source, d.code, d.message]),
      [['handoff-kit', 'schema', 'an intent needs at least one utterance']],
    );
  });

  it('publishes a diagnostic for an opened journey, and clears it after an incremental fix', async () => {
    const file = path.join(folder, 'support-bot/journeys/return-to-bot.json');
    const original = await readFile(file, 'utf8');
    const broken = original.replace('"event": "ui-event-close-promotion"', '"event": "ui-event-close-promotoin"');
    await client.open(file, broken, 1);

    const diagnostics = await client.waitFor(
      'unknown-event',
      () => client.diagnosticsOf(file)?.some((d) => d.code === 'unknown-event') && client.diagnosticsOf(file),
    );
    const diagnostic = diagnostics.find((d) => d.code === 'unknown-event')!;
    assert.equal(diagnostic.source, 'handoff-kit');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.message, 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?');
    const line = broken.split('\n').findIndex((l) => l.includes('promotoin'));
    assert.equal(diagnostic.range.start.line, line);
    assert.equal(diagnostic.range.start.character, broken.split('\n')[line].indexOf('"ui-event-close-promotoin"'));
    assert.deepEqual(diagnostic.data, {
      messageId: 'didYouMean',
      data: { name: 'ui-event-close-promotoin', suggestion: 'ui-event-close-promotion' },
    });
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/handoff-kit/handoff-kit/blob/main/docs/rules/unknown-event.md');

    await client.replace(file, broken, 'promotoin', 'promotion', 2);
    await client.waitFor('diagnostics cleared', () => client.diagnosticsOf(file)?.length === 0);
  });

  it('re-checks journeys when bot.json changes in the editor', async () => {
    const bot = path.join(folder, 'support-bot/bot.json');
    const journey = path.join(folder, 'support-bot/journeys/live-agent.json');
    const text = await readFile(journey, 'utf8');
    const custom = text.replace('"ui-event-close-promotion"', '"exit-banner-shown"');
    await client.open(journey, custom, 1);
    await client.waitFor('unknown custom event', () => client.diagnosticsOf(journey)?.some((d) => d.code === 'unknown-event'));

    const botText = await readFile(bot, 'utf8');
    await client.open(bot, botText, 1);
    await client.replace(bot, botText, '"events": [', '"events": [{ "name": "exit-banner-shown", "enabled": true },', 2);
    await client.waitFor('journey cleared after declaring the event', () => client.diagnosticsOf(journey)?.length === 0);
  });

  it('turns a rule off through workspace/configuration', async () => {
    const file = path.join(folder, 'support-bot/journeys/billing-agent.json');
    const text = (await readFile(file, 'utf8')).replace('"ui-event-update-promotion"', '"ui-event-updte-promotion"');
    await client.open(file, text, 1);
    await client.waitFor('unknown-event', () => client.diagnosticsOf(file)?.some((d) => d.code === 'unknown-event'));
    client.settings = { rules: { 'unknown-event': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('rule turned off', () => client.diagnosticsOf(file)?.length === 0);
    client.settings = {};
  });

  it('does not parse a huge file, and says why', async () => {
    const file = path.join(folder, 'support-bot/intents/dump.json');
    const huge = JSON.stringify({ name: 'dump', utterances: Array.from({ length: 120_000 }, (_, i) => `utterance number ${i}`) });
    assert.ok(huge.length > 2 * 1024 * 1024);
    await client.open(file, huge, 1);
    const [diagnostic] = await client.waitFor('file-too-large', () => {
      const published = client.diagnosticsOf(file);
      return published?.length ? published : undefined;
    });
    assert.equal(diagnostic.code, 'file-too-large');
    assert.match(String(diagnostic.message), /^the file is 2\.\d MB, over the 2\.0 MB limit for bot files \(maxFileSize\); it was not checked$/);
  });

  it('logs how long a check took', async () => {
    await client.waitFor('a timing line', () => client.logs.some((l) => /^Checked .* in \d+ ms\.$/.test(l)));
  });

  it('answers for a file outside any bot project with nothing', async () => {
    const stray = path.join(folder, 'notes.json');
    await client.open(stray, '{ not json', 1);
    // A later file's diagnostics prove the server handled the stray one first.
    const file = path.join(folder, 'support-bot/intents/talk_to_bot.json');
    await client.open(file, '{"name": "talk_to_bot", "utterances": ["talk to bot",]}', 1);
    await client.waitFor('json-syntax', () => client.diagnosticsOf(file)?.some((d) => d.code === 'json-syntax'));
    assert.equal(client.diagnostics.get(uri(stray)), undefined);
  });
});
