import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

describe('language server: Studio test reports', () => {
  let folder: string;
  let client: LspTestClient;
  const report = 'Utterance,Predicted Journey,Journey,Status\r\ntalk to bot,live-agent,return-to-bot,failure\r\n';

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-lsp-reports-'));
    await cp(exampleProject, path.join(folder, 'support-bot'), { recursive: true });
    await mkdir(path.join(folder, 'support-bot/test-reports'));
    await writeFile(path.join(folder, 'support-bot/test-reports/run-11-30.csv'), report);
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows live-exit-misrouted on the banner; a stale report turns it into test-report-stale', async () => {
    const journey = path.join(folder, 'support-bot/journeys/live-agent.json');
    const csv = path.join(folder, 'support-bot/test-reports/run-11-30.csv');
    const journeyText = await readFile(journey, 'utf8');
    const misrouted = await client.waitFor('live-exit-misrouted on the banner', () =>
      client.diagnosticsOf(journey)?.find((d) => d.code === 'live-exit-misrouted'),
    );
    assert.equal(misrouted.severity, 1);
    assert.equal(
      misrouted.message,
      'Studio routed `talk to bot` to `live-agent` (report test-reports/run-11-30.csv, row 2); it must start `return-to-bot`',
    );
    const line = journeyText.split('\n').findIndex((l) => l.includes('"text": "talk to bot"'));
    assert.equal(misrouted.range.start.line, line);
    assert.equal(misrouted.range.start.character, journeyText.split('\n')[line].indexOf('"talk to bot"'));
    assert.equal(misrouted.relatedInformation?.[0].location.uri, uri(csv));
    assert.equal(misrouted.relatedInformation?.[0].location.range.start.line, 1);
    const onRow = await client.waitFor('the finding on the report row', () =>
      client.diagnosticsOf(csv)?.find((d) => d.code === 'live-exit-misrouted'),
    );
    assert.deepEqual(onRow.range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 'talk to bot,live-agent,return-to-bot,failure'.length },
    });

    // The intent no longer trains the phrase: the report tests a bot the files no longer describe.
    const intent = path.join(folder, 'support-bot/intents/talk_to_bot.json');
    const intentText = await readFile(intent, 'utf8');
    await client.open(intent, intentText, 1);
    await client.replace(intent, intentText, '"talk to bot", ', '', 2);
    const stale = await client.waitFor('test-report-stale on the row', () => client.diagnosticsOf(csv)?.find((d) => d.code === 'test-report-stale'));
    assert.equal(stale.message, '`talk to bot` is no longer an utterance of any intent of the project: this row tests an older bot');
    assert.equal(stale.severity, 3);
    await client.waitFor(
      'the banner without live-exit-misrouted',
      () => !client.diagnosticsOf(journey)?.some((d) => d.code === 'live-exit-misrouted'),
    );
    assert.deepEqual(
      client.diagnosticsOf(csv)?.map((d) => d.code),
      ['test-report-stale'],
    );
  });
});
