// The language server's journey graph: the custom request for the panel (with the findings the
// Problems view shows, and an edit the editor has not saved), and the code lens on a journey.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JourneyGraph } from '../../server/src/engine';
import { COMMANDS } from '../../contract/commands';
import { JOURNEY_GRAPH as JOURNEY_GRAPH_REQUEST } from '../../contract/protocol';

const JOURNEY_GRAPH = JOURNEY_GRAPH_REQUEST.method;
const SHOW_GRAPH_COMMAND = COMMANDS.showJourneyGraph;
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };

describe('language server: the journey graph', () => {
  let folder: string;
  let project: string;
  let client: LspTestClient;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-graph-'));
    project = path.join(folder, 'support-bot');
    await cp(exampleProject, project, { recursive: true });
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers handoffKit/journeyGraph for the project of a file, in both views', async () => {
    const bot = path.join(project, 'bot.json');
    const graph = await client.request<JourneyGraph>(JOURNEY_GRAPH, bot, { uri: uri(bot) });
    assert.equal(graph.view, 'handoff');
    assert.equal(graph.root, project);
    assert.ok(graph.nodes.some((n) => n.id === 'option:live-agent/show-exit-banner/1/1'));
    const whole = await client.request<JourneyGraph>(JOURNEY_GRAPH, bot, { uri: uri(project), view: 'project', journey: 'live-agent' });
    assert.deepEqual(
      whole.clusters.map((c) => c.id),
      ['journey:live-agent'],
    );
  });

  it('draws an unsaved edit, with its finding and the broken link', async () => {
    const journey = path.join(project, 'journeys/live-agent.json');
    const text = await readFile(journey, 'utf8');
    await client.open(journey, text);
    await client.setText(journey, text.replace('"text": "talk to bot"', '"text": "talk to the bot"'), 2);
    const graph = await client.request<JourneyGraph>(JOURNEY_GRAPH, journey, { uri: uri(journey) });
    const option = graph.nodes.find((n) => n.id === 'option:live-agent/show-exit-banner/1/1')!;
    assert.deepEqual(
      option.findings.map((f) => f.code),
      ['option-text-mismatch'],
    );
    assert.ok(graph.edges.some((e) => e.from === option.id && e.broken));
    await client.setText(journey, text, 3);
  });

  it('answers null outside any project, and ignores parameters of the wrong type', async () => {
    const bot = path.join(project, 'bot.json');
    assert.equal(await client.request(JOURNEY_GRAPH, bot, { uri: uri(tmpdir()) }), null);
    const graph = await client.request<JourneyGraph>(JOURNEY_GRAPH, bot, { uri: uri(bot), view: 7, journey: {}, collapsed: 'x', walk: 'y' });
    assert.equal(graph.view, 'handoff');
    assert.equal(graph.journey, undefined);
  });

  it('puts a "Show journey graph" lens on the name of a journey', async () => {
    const journey = path.join(project, 'journeys/return-to-bot.json');
    const text = await readFile(journey, 'utf8');
    await client.open(journey, text);
    const lenses = await client.request<Lens[]>('textDocument/codeLens', journey);
    const graphLens = lenses.filter((l) => l.command.command === SHOW_GRAPH_COMMAND);
    assert.deepEqual(
      graphLens.map((l) => [l.command.title, l.command.arguments]),
      [['Show journey graph', [uri(journey), 'return-to-bot']]],
    );
    assert.equal(
      graphLens[0].range.start.line,
      text.split('\n').findIndex((l) => l.includes('"name"')),
    );
  });
});
