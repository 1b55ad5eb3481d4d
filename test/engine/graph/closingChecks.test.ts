// Each closing check's failing project, drawn: the finding on the element that holds it, and the
// link that leads nowhere marked broken. The same for the other links the graph can find broken.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GraphEdge, GraphNode, JourneyGraph } from '../../../server/src/engine';
import { edge, exampleWith, graphOf, node } from './graphFixtures';

const codes = (e: GraphNode | GraphEdge) => e.findings.map((f) => f.code);
const broken = (graph: JourneyGraph) => [...graph.nodes, ...graph.edges].filter((e) => e.broken !== undefined).map((e) => e.id);

const returnToBot = (nodes: object[], start: string) =>
  JSON.stringify({ name: 'return-to-bot', trigger: { intent: 'talk_to_bot' }, start, nodes }, null, 2);

describe('the closing checks on the graph', () => {
  it('banner-not-closed: the exit journey lacks the close step, drawn as a broken link from its last step', () => {
    const graph = graphOf(
      exampleWith({
        'journeys/return-to-bot.json': returnToBot(
          [
            { id: 'close-ticket', type: 'closeTicket', next: 'back-with-bot' },
            { id: 'back-with-bot', type: 'message', text: 'Back.' },
          ],
          'close-ticket',
        ),
      }),
    );
    const missing = node(graph, 'missing:close-banner:return-to-bot');
    assert.equal(missing.kind, 'missing');
    assert.equal(missing.cluster, 'journey:return-to-bot');
    assert.match(missing.broken!, /ui-event-close-promotion/);
    assert.deepEqual(codes(missing), ['banner-not-closed']);
    assert.equal(missing.severity, 'error');
    const lacks = edge(graph, 'lacks:step:return-to-bot/back-with-bot->missing:close-banner:return-to-bot');
    assert.ok(lacks.broken);
    assert.deepEqual(codes(edge(graph, 'starts:intent:talk_to_bot->step:return-to-bot/close-ticket')), ['banner-not-closed']);
    assert.deepEqual(broken(graph), ['missing:close-banner:return-to-bot', lacks.id]);
  });

  it('ticket-not-closed: the missing closeTicket drawn the same way', () => {
    const graph = graphOf(
      exampleWith({
        'journeys/return-to-bot.json': returnToBot(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'back-with-bot' },
            { id: 'back-with-bot', type: 'message', text: 'Back.' },
          ],
          'close-banner',
        ),
      }),
    );
    assert.deepEqual(codes(node(graph, 'missing:close-ticket:return-to-bot')), ['ticket-not-closed']);
    assert.deepEqual(broken(graph), [
      'missing:close-ticket:return-to-bot',
      'lacks:step:return-to-bot/back-with-bot->missing:close-ticket:return-to-bot',
    ]);
  });

  it('exit-intent-unlinked: the exit intent starts no journey, a broken link from the intent', () => {
    const graph = graphOf(
      exampleWith({ 'journeys/return-to-bot.json': (t) => t.replace('"intent": "talk_to_bot"', '"intent": "billing_question"') }),
    );
    const starts = edge(graph, 'starts:intent:talk_to_bot->missing:journey-for:talk_to_bot');
    assert.match(starts.broken!, /no journey starts from intent `talk_to_bot`/);
    assert.deepEqual(codes(starts), ['exit-intent-unlinked']);
    assert.deepEqual(codes(node(graph, 'intent:talk_to_bot')), ['exit-intent-unlinked']);
    assert.ok(broken(graph).includes('missing:journey-for:talk_to_bot'));
  });

  it('option-text-mismatch: the option whose text no intent is trained with leads to a missing intent', () => {
    const graph = graphOf(exampleWith({ 'journeys/live-agent.json': (t) => t.replace('"text": "talk to bot"', '"text": "talk to the bot"') }));
    const option = node(graph, 'option:live-agent/show-exit-banner/1/1');
    assert.deepEqual(codes(option), ['option-text-mismatch']);
    const matches = edge(graph, 'matches:option:live-agent/show-exit-banner/1/1->missing:intent:live-agent/show-exit-banner/1/1');
    assert.match(matches.broken!, /no intent is trained with “talk to the bot”/);
    assert.deepEqual(codes(matches), ['option-text-mismatch']);
    assert.equal(node(graph, 'missing:intent:live-agent/show-exit-banner/1/1').label, 'no intent for “talk to the bot”');
    assert.deepEqual(broken(graph), ['missing:intent:live-agent/show-exit-banner/1/1', matches.id]);
  });

  it('event-disabled: the banner is never shown, a broken link from the Send Event node to its banner', () => {
    const graph = graphOf(exampleWith({ 'bot.json': (t) => t.replace(/("name": "ui-event-close-promotion",\s*"enabled": )true/, '$1false') }));
    const shows = edge(graph, 'shows:step:live-agent/show-exit-banner->banner:live-agent/show-exit-banner/1');
    assert.match(shows.broken!, /disabled in bot.json/);
    assert.deepEqual(codes(shows), ['event-disabled']);
    assert.deepEqual(codes(node(graph, 'step:return-to-bot/close-banner')), ['event-disabled']);
    assert.deepEqual(broken(graph), [shows.id]);
  });
});

describe('other links to nowhere', () => {
  it('a jump to an unknown journey, a next to an unknown node, an unreachable node', () => {
    const graph = graphOf(
      exampleWith({
        'journeys/return-to-bot.json': returnToBot(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
            { id: 'close-ticket', type: 'closeTicket', next: 'goodbye' },
            { id: 'orphan', type: 'message', text: 'Never said.' },
            { id: 'go', type: 'jumpToJourney', journey: 'farewell' },
          ],
          'close-banner',
        ),
      }),
      { view: 'project' },
    );
    assert.deepEqual(codes(edge(graph, 'next:step:return-to-bot/close-ticket->missing:step:return-to-bot/goodbye')), ['unknown-node']);
    assert.equal(node(graph, 'missing:step:return-to-bot/goodbye').cluster, 'journey:return-to-bot');
    assert.match(node(graph, 'step:return-to-bot/orphan').broken!, /unreachable/);
    assert.deepEqual(codes(node(graph, 'step:return-to-bot/orphan')), ['unreachable-node']);
    const jump = edge(graph, 'jump:step:return-to-bot/go->missing:journey:farewell');
    assert.match(jump.broken!, /no journey file defines `farewell`/);
    assert.ok(codes(jump).includes('unknown-journey'));
  });

  it('an event that triggers a journey, and the Send Event node that sends it', () => {
    const graph = graphOf(
      exampleWith({
        'journeys/cleanup.json': JSON.stringify({
          name: 'cleanup',
          trigger: { event: 'ticket-closed' },
          start: 'bye',
          nodes: [{ id: 'bye', type: 'message', text: 'Bye.' }],
        }),
        'journeys/return-to-bot.json': (t) =>
          t
            .replace('"type": "message",', '"type": "sendEvent", "event": "ticket-closed",')
            .replace(', "text": "You are back with the bot. How can I help?"', ''),
      }),
    );
    assert.equal(node(graph, 'event:ticket-closed').detail, 'platform event');
    assert.ok(edge(graph, 'triggers:event:ticket-closed->step:cleanup/bye'));
    assert.ok(edge(graph, 'sends:step:return-to-bot/back-with-bot->event:ticket-closed'));
    // The handoff path follows the event into the journey it triggers.
    assert.ok(graph.clusters.some((c) => c.id === 'journey:cleanup'));
  });

  it('a journey triggered by an intent no file defines', () => {
    const graph = graphOf(exampleWith({ 'journeys/live-agent.json': (t) => t.replace('"intent": "talk_to_agent"', '"intent": "talk_to_agnet"') }), {
      view: 'project',
    });
    const intent = node(graph, 'intent:talk_to_agnet');
    assert.match(intent.broken!, /no intent file defines/);
    assert.deepEqual(codes(edge(graph, 'starts:intent:talk_to_agnet->step:live-agent/connecting')), ['unknown-intent']);
  });
});
