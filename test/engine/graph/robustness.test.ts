// Bad input never crashes the graph: files that do not parse or hold the wrong types, links in
// circles, journeys too deep for one dagre run, walks that are not walks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphToDot, graphToMermaid, journeyGraph, type GraphWalk, type JourneyGraph } from '../../../server/src/engine';
import { exampleFiles, projectOf } from './graphFixtures';

const bot = { name: 'b', events: [{ name: 'ui-event-close-promotion', enabled: true }] };

function assertDrawn(graph: JourneyGraph): void {
  for (const n of graph.nodes) assert.ok([n.x, n.y, n.width, n.height].every(Number.isFinite), `${n.id} has a box`);
  for (const e of graph.edges)
    assert.ok(e.points.length >= 2 && e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)), `${e.id} has a route`);
  assert.ok(Number.isFinite(graph.width) && Number.isFinite(graph.height));
  graphToMermaid(graph);
  graphToDot(graph);
}

/** A journey of `count` message nodes in a row, the last back to the first when `loop`. */
function chain(count: number, loop = false): object {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    type: 'message',
    text: `step ${i}`,
    ...(i < count - 1 ? { next: `n${i + 1}` } : loop ? { next: 'n0' } : {}),
  }));
  return { name: 'long', trigger: { intent: 'x' }, start: 'n0', nodes };
}

describe('the graph of broken projects', () => {
  const cases: [string, Record<string, string | object>][] = [
    ['a journey that is not valid JSON', { 'bot.json': bot, 'journeys/j.json': '{ "name": "j", "nodes": [ { "id": "a", ' }],
    ['a journey whose fields have the wrong types', { 'bot.json': bot, 'journeys/j.json': { name: 5, trigger: 'x', start: [], nodes: 7 } }],
    ['nodes that are not objects', { 'bot.json': bot, 'journeys/j.json': { name: 'j', start: 'a', nodes: [null, 3, 'a', [], { id: 7, next: {} }] } }],
    [
      'banners of every wrong shape',
      {
        'bot.json': bot,
        'journeys/j.json': {
          name: 'j',
          start: 'a',
          nodes: [
            { id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion', data: 'not a banner', next: 'b' },
            { id: 'b', type: 'sendEvent', event: 'ui-event-close-promotion', data: [null, { title: 3, options: 'x' }], next: 'c' },
            { id: 'c', type: 'sendEvent', event: 'ui-event-close-promotion', data: { quickReplies: '{{{variables.b}}}' }, next: 'd' },
            {
              id: 'd',
              type: 'sendEvent',
              event: 'ui-event-close-promotion',
              data: { title: 'x', options: [7, { title: {}, text: 9 }, { title: 'u', url: 'https://x' }] },
            },
          ],
        },
      },
    ],
    [
      'a node that leads to itself, and two journeys that jump to each other',
      {
        'bot.json': bot,
        'journeys/a.json': {
          name: 'a',
          trigger: { event: 'bot-opened' },
          start: 's',
          nodes: [
            { id: 's', type: 'message', text: 'x', next: 's' },
            { id: 'j', type: 'jumpToJourney', journey: 'b' },
          ],
        },
        'journeys/b.json': { name: 'b', trigger: { intent: 'i' }, start: 'j', nodes: [{ id: 'j', type: 'jumpToJourney', journey: 'a' }] },
      },
    ],
    [
      'a function file that does not parse',
      { 'bot.json': bot, 'functions/f.js': 'app.sendEvent({ code: "ui-event-close-promotion", data: { title: "x", options: [ ' },
    ],
    ['no bot.json at all', { 'journeys/j.json': { name: 'j', start: 'a', nodes: [{ id: 'a', type: 'message', text: 'x' }] } }],
  ];
  for (const [name, files] of cases) {
    it(`${name}: drawn in both views, as Mermaid and DOT`, () => {
      const project = projectOf(files);
      for (const view of ['handoff', 'project'] as const) assertDrawn(journeyGraph(project, { view }));
    });
  }

  it('a journey too deep for one dagre run (400 nodes in a row, and in a circle) is laid out in bands', () => {
    for (const loop of [false, true]) {
      const graph = journeyGraph(projectOf({ 'bot.json': bot, 'journeys/long.json': chain(400, loop) }), { view: 'project' });
      assert.equal(graph.nodes.filter((n) => n.kind === 'step').length, 400);
      assertDrawn(graph);
      const ys = graph.nodes.filter((n) => n.kind === 'step').map((n) => n.y);
      assert.ok(ys[399] > ys[0], 'the chain goes down');
    }
  });

  it('a walk of anything lands nowhere, without an error', () => {
    const walk = [null, 3, 'x', {}, { journey: 5, node: [] }, { id: {} }, { journey: 'live-agent', node: 'connecting' }] as unknown as GraphWalk;
    const graph = journeyGraph(projectOf(exampleFiles()), { walk });
    assert.equal(graph.walk?.unresolved, 6);
    assert.equal(graph.walk?.steps[6].node, 'step:live-agent/connecting');
  });
});
