// The simulator over the language server: handoffKit/simulate runs inputs or the handoff path on the
// project as the server holds it (unsaved edits included), and answers with plain data; a
// "Simulate exit" code lens stands above each banner's Send Event node and app.sendEvent call.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulateParams, SimulateResult } from '../../contract/protocol';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from './lspClient';

type Lens = { range: { start: { line: number; character: number } }; command: { title: string; command: string; arguments: unknown[] } };

describe('language server: the simulator', () => {
  let folder: string;
  let project: string;
  let client: LspTestClient;

  const simulate = (params: SimulateParams) => client.connection.sendRequest<SimulateResult>('handoffKit/simulate', params);
  const exitRun = [
    { kind: 'startJourney' as const, journey: 'live-agent' },
    { kind: 'ticket' as const, outcome: 'agentConnected' as const },
    { kind: 'click' as const, title: 'Exit' },
  ];

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-simulate-'));
    project = path.join(folder, 'support-bot');
    await cp(exampleProject, project, { recursive: true });
    client = new LspTestClient();
    await client.initialize(folder);
  });

  after(async () => {
    await client.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it("runs the project's handoff path, each run with its verdict and inputs", async () => {
    const result = await simulate({ handoffOf: { uri: uri(project) } });
    assert.ok(result);
    assert.equal(result.project, uri(project));
    assert.equal(result.name, 'support-bot');
    assert.deepEqual(result.journeys, ['billing-agent', 'live-agent', 'return-to-bot']);
    assert.ok(result.events.includes('ticket-closed') && result.events.includes('ui-event-close-promotion'));
    assert.deepEqual(
      result.runs.map((r) => [r.title, r.outcome.summary, r.steps.map((s) => s.kind)]),
      [
        ['billing-agent: type "talk to bot"', 'back with the bot: banner hidden, ticket closed', ['end']],
        ['live-agent: click "Exit"', 'back with the bot: banner hidden, ticket closed', ['end']],
      ],
    );
    assert.deepEqual(result.runs[1].inputs, [...exitRun.slice(0, 2), { kind: 'click', title: 'Exit', banner: 0, option: 0 }]);
    assert.deepEqual(result.runs[1].exit, { kind: 'option', phrase: 'talk to bot', option: 'Exit' });
    const journey = path.join(project, 'journeys/live-agent.json');
    const banner = result.runs[1].banner;
    assert.deepEqual(banner && [banner.journey, banner.node, banner.place.path, banner.raisedBy], [
      'live-agent',
      'show-exit-banner',
      journey,
      { journey: 'live-agent', node: 'raise-ticket' },
    ]);
    assert.match(result.notes[0], /^Phrases are compared with the utterances/);
  });

  it('runs inputs, every step with its state and why, and every place with its path and offsets', async () => {
    const result = await simulate({ uri: uri(path.join(project, 'bot.json')), inputs: exitRun });
    assert.ok(result);
    const [run] = result.runs;
    assert.equal(run.title, 'journey live-agent, ticket agentConnected, click "Exit"');
    assert.equal(run.outcome.stuck, false);
    for (const step of run.steps) {
      assert.equal(typeof step.why.text, 'string', `${step.kind} ${step.text} has a why`);
      assert.ok(step.state && typeof step.state.ticket === 'string', `${step.kind} ${step.text} has a state`);
    }
    const click = run.steps.find((s) => s.kind === 'customer')!;
    assert.equal(click.text, 'talk to bot');
    const [place] = click.why.places;
    const journey = path.join(project, 'journeys/live-agent.json');
    assert.deepEqual(
      { ...place, offset: typeof place.offset },
      { file: 'journeys/live-agent.json', path: journey, offset: 'number', length: place.length },
    );
    const text = await readFile(journey, 'utf8');
    assert.equal(text.slice(place.offset, place.offset + place.length), '{ "title": "Exit", "text": "talk to bot" }');
    const shown = run.steps.find((s) => s.kind === 'banner')!.state.banner;
    assert.equal(shown.status, 'shown');
    assert.equal(shown.status === 'shown' && shown.place.path, journey);
    assert.deepEqual(
      run.steps.map((s) => s.kind),
      ['journey', 'bot', 'ticket', 'ticket', 'banner', 'journey', 'customer', 'journey', 'banner', 'ticket', 'bot', 'journey', 'end'],
    );
  });

  it('puts "Simulate exit" above each banner\'s Send Event node, and runs that banner\'s handoff path', async () => {
    const journey = path.join(project, 'journeys/live-agent.json');
    const text = await readFile(journey, 'utf8');
    await client.open(journey, text);
    const lenses = (await client.request<Lens[]>('textDocument/codeLens', journey)).filter((l) => l.command.command === 'handoffKit.simulateHandoff');
    const node = text.lastIndexOf('{', text.indexOf('"id": "show-exit-banner"'));
    assert.deepEqual(
      lenses.map((l) => [l.command.title, l.range.start.line, l.command.arguments]),
      [['Simulate exit', text.slice(0, node).split('\n').length - 1, [uri(journey), node]]],
    );
    const result = await simulate({ handoffOf: { uri: uri(journey), offset: node } });
    assert.deepEqual(
      result?.runs.map((r) => [r.title, r.outcome.stuck]),
      [['live-agent: click "Exit"', false]],
    );
  });

  it('puts "Simulate exit" above the app.sendEvent banners of a function file, run from the journey that connects an agent', async () => {
    const file = path.join(project, 'functions/show-exit-banner.js');
    const text = await readFile(file, 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: 'javascript', version: 1, text },
    });
    const lenses = (await client.request<Lens[]>('textDocument/codeLens', file)).filter((l) => l.command.command === 'handoffKit.simulateHandoff');
    const calls = [text.indexOf('app.sendEvent('), text.lastIndexOf('app.sendEvent(')];
    assert.deepEqual(
      lenses.map((l) => l.command.arguments),
      calls.map((offset) => [uri(file), offset]),
    );
    const result = await simulate({ handoffOf: { uri: uri(file), offset: calls[1] } });
    assert.deepEqual(
      result?.runs.map((r) => [r.title, r.outcome.stuck, r.inputs[0]]),
      [
        [
          'billing-agent (banner of functions/show-exit-banner.js): "Exit" sends "talk to bot"',
          false,
          { kind: 'startJourney', journey: 'billing-agent', node: 'raise-ticket' },
        ],
      ],
    );
  });

  it('reads the files as they are edited: the next run uses the unsaved text', async () => {
    const exit = path.join(project, 'journeys/return-to-bot.json');
    const text = await readFile(exit, 'utf8');
    await client.open(exit, text);
    assert.equal((await simulate({ uri: uri(project), inputs: exitRun }))?.runs[0].outcome.stuck, false);
    await client.replace(exit, text, '"start": "close-banner"', '"start": "close-ticket"', 2);
    const after = await simulate({ uri: uri(project), inputs: exitRun });
    assert.equal(after?.runs[0].outcome.summary, 'stuck: the banner is still shown (banner-not-closed)');
    await client.setText(exit, text, 3);
  });

  it('answers null for a folder that holds no bot project', async () => {
    assert.equal(await simulate({ uri: uri(tmpdir()), inputs: [] }), null);
  });
});
