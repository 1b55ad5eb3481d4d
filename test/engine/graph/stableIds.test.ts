// The same project gives the same graph: the same ids, the same layout, the same text, whatever
// the order its files were read in and wherever it lies on disk.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { graphToDot, graphToJson, graphToMermaid, journeyGraph } from '../../../server/src/engine';
import { exampleFiles, projectOf } from './graphFixtures';

describe('stable ids and output', () => {
  const files = exampleFiles();
  const reversed = Object.fromEntries(Object.entries(files).reverse());
  const a = projectOf(files, path.resolve('/bots/a/support-bot'));
  const b = projectOf(reversed, path.resolve('/elsewhere/support-bot'));

  for (const view of ['handoff', 'project'] as const) {
    it(`${view} view: the same JSON, Mermaid and DOT for the same project, read in another order elsewhere`, () => {
      const first = journeyGraph(a, { view });
      const again = journeyGraph(a, { view });
      const moved = journeyGraph(b, { view });
      assert.equal(graphToJson(again), graphToJson(first));
      assert.equal(graphToJson(moved), graphToJson(first));
      assert.equal(graphToMermaid(moved), graphToMermaid(first));
      assert.equal(graphToDot(moved), graphToDot(first));
    });
  }

  it('ids are unique, and made of names and project-relative paths only', () => {
    const graph = journeyGraph(a, { view: 'project' });
    const ids = [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id), ...graph.clusters.map((c) => c.id)];
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.doesNotMatch(id, /bots|[\\]/);
    assert.doesNotMatch(graphToJson(graph), /\/bots\/a/);
  });

  it('a journey whose name another file took is keyed by its path', () => {
    const project = projectOf({ ...files, 'journeys/copy.json': files['journeys/live-agent.json'] });
    const graph = journeyGraph(project, { view: 'project' });
    assert.ok(graph.clusters.some((c) => c.id === 'journey:live-agent'));
    assert.ok(graph.clusters.some((c) => c.id === 'journey:journeys/copy.json' && c.journey === 'live-agent'));
    assert.ok(graph.nodes.some((n) => n.id === 'step:journeys/copy.json/raise-ticket'));
  });
});
