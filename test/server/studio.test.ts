// The language server's pieces for Studio: the Copy for Studio code lenses, the export and sheet
// requests, and the checks of a function file read from disk.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };

describe('language server: Studio', () => {
  let folder: string;
  let project: string;
  let client: LspTestClient;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-studio-'));
    project = path.join(folder, 'support-bot');
    await cp(exampleProject, project, { recursive: true });
    await writeFile(
      path.join(project, 'functions/typo.js'),
      "return new Promise((resolve) => {\n  app.sendEvent({ code: 'ui-event-close-promotoin' });\n  resolve();\n});\n",
    );
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('reports unknown-event in a function file no editor has open', async () => {
    const file = path.join(project, 'functions/typo.js');
    const diagnostics = await client.waitFor('unknown-event in functions/typo.js', () => {
      const published = client.diagnosticsOf(file);
      return published?.some((d) => d.code === 'unknown-event') ? published : undefined;
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character]),
      [['unknown-event', 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?', 1, 24]],
    );
  });

  it('puts Copy for Studio lenses above a Send Event node (its data, its event) and an intent', async () => {
    const journey = path.join(project, 'journeys/live-agent.json');
    const text = await readFile(journey, 'utf8');
    await client.open(journey, text);
    const lenses = await client.request<Lens[]>('textDocument/codeLens', journey);
    const copies = lenses.filter((l) => l.command.command === 'handoffKit.copyForStudio');
    const data = JSON.parse(text).nodes.find((n: { id: string }) => n.id === 'show-exit-banner').data;
    assert.deepEqual(
      copies.map((l) => [l.command.title, l.command.arguments[0]]),
      [
        ['Copy for Studio: data of ui-event-close-promotion', JSON.stringify(data, null, 2)],
        ['Copy event name', 'ui-event-close-promotion'],
        // The node that closes the banner when the agent closes the ticket: no data, its event.
        ['Copy event name', 'ui-event-close-promotion'],
      ],
    );
    assert.equal(copies[0].range.start.line, text.split('\n').findIndex((l) => l.includes('"id": "show-exit-banner"')) - 1);

    const intent = path.join(project, 'intents/talk_to_bot.json');
    await client.open(intent, await readFile(intent, 'utf8'));
    const intentLenses = await client.request<Lens[]>('textDocument/codeLens', intent);
    assert.deepEqual(
      intentLenses.map((l) => [l.command.title, l.command.arguments[0]]),
      [['Copy for Studio: utterances', 'talk to bot\nback to bot\nend chat with agent\nबॉट से बात करें\nबॉट पर वापस जाएं']],
    );
  });

  it('answers the export and sheet requests for the project of a file', async () => {
    const bot = uri(path.join(project, 'bot.json'));
    const tests = await client.request<{ project: string; csv: string; rows: number }>('handoffKit/utteranceTests', path.join(project, 'bot.json'), {
      uri: bot,
    });
    assert.equal(tests.project, uri(project));
    assert.equal(tests.csv.split('\r\n')[0], 'Utterance,Journey,Tag');
    assert.ok(tests.rows >= 1);
    const sheet = await client.request<{ markdown: string }>('handoffKit/studioSheet', path.join(project, 'bot.json'), { uri: bot });
    assert.match(sheet.markdown, /^# Studio build sheet: support-bot\n/);
  });
});
