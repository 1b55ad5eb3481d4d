// The graph of the support-bot example: its clusters, the links inside journeys and across files,
// the places a click reveals, the layout's boxes, the views and the walk overlay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GraphBox, GraphPlace, JourneyGraph } from '../../../server/src/engine';
import { edge, edgeIds, exampleWith, graphOf, node } from './graphFixtures';

const project = exampleWith();
const text = (place: GraphPlace | undefined) => {
  assert.ok(place, 'a place');
  return project.file(place.file)!.text.slice(place.offset, place.offset + place.length);
};
const overlap = (a: GraphBox, b: GraphBox) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
const inside = (inner: GraphBox, outer: GraphBox) =>
  inner.x - inner.width / 2 >= outer.x - outer.width / 2 &&
  inner.x + inner.width / 2 <= outer.x + outer.width / 2 &&
  inner.y - inner.height / 2 >= outer.y - outer.height / 2 &&
  inner.y + inner.height / 2 <= outer.y + outer.height / 2;

describe('the graph of the support-bot example', () => {
  const graph = graphOf(project);

  it('draws each journey and function file as a cluster of its nodes, in file order', () => {
    assert.equal(graph.view, 'handoff');
    assert.deepEqual(
      graph.clusters.map((c) => c.id),
      ['journey:billing-agent', 'journey:live-agent', 'journey:return-to-bot', 'function:functions/show-exit-banner.js'],
    );
    assert.deepEqual(
      graph.nodes.filter((n) => n.cluster === 'journey:live-agent').map((n) => n.id),
      [
        'step:live-agent/connecting',
        'step:live-agent/raise-ticket',
        'step:live-agent/show-exit-banner',
        'step:live-agent/close-banner',
        'step:live-agent/agent-left',
        'step:live-agent/no-agents',
        'step:live-agent/ticket-error',
        'banner:live-agent/show-exit-banner/1',
        'option:live-agent/show-exit-banner/1/1',
      ],
    );
    assert.deepEqual(graph.journeys, ['billing-agent', 'live-agent', 'return-to-bot']);
    assert.equal(node(graph, 'step:live-agent/raise-ticket').nodeType, 'raiseTicket');
  });

  it('has an edge for next, each raiseTicket outcome (labelled), and the banner with its options', () => {
    assert.deepEqual(edgeIds(graph, 'next'), [
      'next:step:live-agent/close-banner->step:live-agent/agent-left',
      'next:step:live-agent/connecting->step:live-agent/raise-ticket',
      'next:step:return-to-bot/close-banner->step:return-to-bot/close-ticket',
      'next:step:return-to-bot/close-ticket->step:return-to-bot/back-with-bot',
    ]);
    const outcomes = graph.edges.filter((e) => e.kind === 'outcome' && e.from === 'step:live-agent/raise-ticket');
    assert.deepEqual(
      outcomes.map((e) => [e.label, e.to]),
      [
        ['agentConnected', 'step:live-agent/show-exit-banner'],
        ['agentsUnavailable', 'step:live-agent/no-agents'],
        ['ticketClosed', 'step:live-agent/close-banner'],
        ['error', 'step:live-agent/ticket-error'],
      ],
    );
    assert.equal(text(outcomes[0].place), '"show-exit-banner"');
    assert.ok(edge(graph, 'shows:step:live-agent/show-exit-banner->banner:live-agent/show-exit-banner/1'));
    assert.ok(edge(graph, 'option:banner:live-agent/show-exit-banner/1->option:live-agent/show-exit-banner/1/1'));
    assert.equal(node(graph, 'option:live-agent/show-exit-banner/1/1').label, 'Exit');
    assert.equal(node(graph, 'option:live-agent/show-exit-banner/1/1').detail, 'sends “talk to bot”');
  });

  it('links across files: an option or a typed phrase to the intent trained with it, the intent to the journey it starts', () => {
    assert.deepEqual(edgeIds(graph, 'matches'), [
      'matches:option:billing-agent/show-exit-banner/1/typed->intent:talk_to_bot',
      'matches:option:functions/show-exit-banner.js/@1/1/1->intent:talk_to_bot',
      'matches:option:functions/show-exit-banner.js/@2/1/1->intent:talk_to_bot',
      'matches:option:live-agent/show-exit-banner/1/1->intent:talk_to_bot',
    ]);
    const matches = edge(graph, 'matches:option:live-agent/show-exit-banner/1/1->intent:talk_to_bot');
    assert.match(matches.place!.file, /intents[\\/]talk_to_bot\.json$/);
    assert.equal(text(matches.place), '"talk to bot"');
    const starts = edge(graph, 'starts:intent:talk_to_bot->step:return-to-bot/close-banner');
    assert.match(starts.place!.file, /journeys[\\/]return-to-bot\.json$/);
    assert.equal(text(starts.place), '"talk_to_bot"');
    assert.equal(text(node(graph, 'intent:talk_to_bot').place), '"talk_to_bot"');
    assert.equal(text(node(graph, 'option:billing-agent/show-exit-banner/1/typed').place), 'talk to bot');
    // What starts the journeys that raise the ticket is drawn too, one link away.
    assert.ok(edge(graph, 'starts:intent:talk_to_agent->step:live-agent/connecting'));
  });

  it('gives every node and edge of a file its place, and marks nothing broken in a correct project', () => {
    for (const n of graph.nodes) assert.ok(n.place, `${n.id} has a place`);
    assert.equal(text(node(graph, 'step:live-agent/no-agents').place).startsWith('{ "id": "no-agents"'), true);
    assert.deepEqual(
      [...graph.nodes, ...graph.edges].filter((e) => e.broken !== undefined || e.findings.length).map((e) => e.id),
      [],
    );
    assert.deepEqual(graph.otherFindings, []);
    assert.deepEqual(graph.notes, []);
  });

  it('lays every node out inside its cluster and the drawing, with no two nodes overlapping', () => {
    const whole = { x: graph.width / 2, y: graph.height / 2, width: graph.width, height: graph.height };
    for (const n of graph.nodes) {
      assert.ok([n.x, n.y, n.width, n.height].every(Number.isFinite), `${n.id} has a box`);
      assert.ok(inside(n, whole), `${n.id} is inside the drawing`);
      if (n.cluster)
        assert.ok(
          inside(
            n,
            graph.clusters.find((c) => c.id === n.cluster)!,
          ),
          `${n.id} is inside its cluster`,
        );
    }
    for (let i = 0; i < graph.nodes.length; i++)
      for (let j = i + 1; j < graph.nodes.length; j++)
        assert.ok(!overlap(graph.nodes[i], graph.nodes[j]), `${graph.nodes[i].id} and ${graph.nodes[j].id} overlap`);
    for (let i = 0; i < graph.clusters.length; i++)
      for (let j = i + 1; j < graph.clusters.length; j++) assert.ok(!overlap(graph.clusters[i], graph.clusters[j]), 'clusters overlap');
    for (const e of graph.edges) {
      assert.ok(e.points.length >= 2, `${e.id} has a route`);
      assert.ok(e.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
    }
    assert.ok(edge(graph, 'outcome:step:live-agent/raise-ticket->step:live-agent/no-agents#agentsUnavailable').labelAt);
  });
});

describe('the views', () => {
  it('project view: every journey; a collapsed journey is one box that the links lead to', () => {
    const graph = graphOf(project, { view: 'project', collapsed: ['journey:return-to-bot'] });
    assert.equal(graph.view, 'project');
    assert.deepEqual(
      graph.clusters.map((c) => c.id),
      ['journey:billing-agent', 'journey:live-agent', 'function:functions/show-exit-banner.js'],
    );
    const box = node(graph, 'journey:return-to-bot');
    assert.equal(box.kind, 'journey');
    assert.equal(box.detail, 'journey · 3 nodes');
    assert.equal(graph.nodes.filter((n) => n.id.startsWith('step:return-to-bot/')).length, 0);
    assert.ok(edge(graph, 'starts:intent:talk_to_bot->journey:return-to-bot'));
  });

  it('a journey in the handoff view: the handoff paths through it, what links in drawn as boxes', () => {
    const graph = graphOf(project, { journey: 'billing-agent' });
    assert.deepEqual(
      graph.clusters.map((c) => c.id),
      ['journey:billing-agent', 'journey:return-to-bot'],
    );
    assert.equal(node(graph, 'journey:live-agent').kind, 'journey');
    assert.equal(graph.journey, 'billing-agent');
  });

  it('a journey in the project view: the journey and what it links to, one link away', () => {
    const graph = graphOf(project, { view: 'project', journey: 'return-to-bot' });
    assert.deepEqual(
      graph.clusters.map((c) => c.id),
      ['journey:return-to-bot'],
    );
    assert.equal(node(graph, 'intent:talk_to_bot').kind, 'intent');
  });

  it('says why a view is empty', () => {
    assert.deepEqual(graphOf(project, { journey: 'nowhere' }).notes, ['No journey is named `nowhere`.']);
    const noBanner = exampleWith({
      'journeys/live-agent.json': (t) => t.replace(/"data": \{[\s\S]*?\]\s*\}/, '"next": "no-agents"'),
      'journeys/billing-agent.json': (t) => t.replace(/"data": \{[\s\S]*?\]\s*\}/, '"next": "ticket-error"'),
      'functions/show-exit-banner.js': '// nothing\n',
    });
    const graph = graphOf(noBanner);
    assert.equal(graph.nodes.length, 0);
    assert.match(graph.notes[0], /shows a banner/);
  });
});

describe('a walk laid over the graph', () => {
  const walk = [
    { journey: 'live-agent', node: 'connecting' },
    { journey: 'live-agent', node: 'raise-ticket' },
    { journey: 'live-agent', node: 'show-exit-banner' },
    { id: 'option:live-agent/show-exit-banner/1/1' },
    { journey: 'return-to-bot', node: 'close-banner' },
    { journey: 'return-to-bot', node: 'nowhere' },
  ];
  const graph: JourneyGraph = graphOf(project, { walk });

  it('highlights the walked nodes in order, and the way between two of them', () => {
    assert.deepEqual(node(graph, 'step:live-agent/connecting').walk, [1]);
    assert.deepEqual(node(graph, 'step:live-agent/raise-ticket').walk, [2]);
    assert.deepEqual(edge(graph, 'next:step:live-agent/connecting->step:live-agent/raise-ticket').walk, [2]);
    assert.deepEqual(node(graph, 'banner:live-agent/show-exit-banner/1').walk, [4]);
    assert.deepEqual(node(graph, 'intent:talk_to_bot').walk, [5]);
    assert.deepEqual(edge(graph, 'starts:intent:talk_to_bot->step:return-to-bot/close-banner').walk, [5]);
    assert.deepEqual(node(graph, 'step:live-agent/no-agents').walk, []);
  });

  it('says which steps landed nowhere', () => {
    assert.equal(graph.walk?.unresolved, 1);
    assert.deepEqual(graph.walk?.steps[4], { step: walk[4], node: 'step:return-to-bot/close-banner' });
    assert.deepEqual(graph.walk?.steps[5], { step: walk[5] });
  });

  it('lands on the box of a collapsed journey', () => {
    const collapsed = graphOf(project, { view: 'project', collapsed: ['journey:return-to-bot'], walk });
    assert.deepEqual(node(collapsed, 'journey:return-to-bot').walk, [5]);
  });
});

describe('a graph too large to draw whole', () => {
  const journey = (name: string, count: number) => ({
    name,
    trigger: { intent: 'talk_to_agent' },
    start: 'n0',
    nodes: Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: 'message', text: 'x', ...(i < count - 1 ? { next: `n${i + 1}` } : {}) })),
  });
  const big = exampleWith({ 'journeys/a.json': journey('a', 10), 'journeys/b.json': journey('b', 10), 'journeys/c.json': journey('c', 10) });

  it('draws the journeys past maxNodes as boxes, the first by path open, and says so', () => {
    const graph = graphOf(big, { view: 'project', maxNodes: 12 });
    assert.deepEqual(
      graph.clusters.map((c) => c.id),
      ['journey:a'],
    );
    assert.deepEqual(graph.collapsed, [
      'journey:b',
      'journey:billing-agent',
      'journey:c',
      'journey:live-agent',
      'journey:return-to-bot',
      'function:functions/show-exit-banner.js',
    ]);
    assert.equal(node(graph, 'journey:b').kind, 'journey');
    assert.match(graph.notes.at(-1)!, /^6 of 7 journeys are drawn as boxes to keep the graph under 12 nodes/);
  });

  it('keeps the journeys the reader opened, and the focus, open', () => {
    const opened = graphOf(big, { view: 'project', maxNodes: 12, expanded: ['journey:c'] });
    assert.deepEqual(
      opened.clusters.map((c) => c.id),
      ['journey:c'],
    );
    assert.ok(!opened.collapsed.includes('journey:c'));
    const focused = graphOf(big, { journey: 'live-agent', maxNodes: 1 });
    assert.ok(focused.clusters.some((c) => c.id === 'journey:live-agent'));
    assert.deepEqual(graphOf(big, { view: 'project', maxNodes: 0 }).collapsed, []);
  });
});
