// Projects for the graph's tests: the support-bot example read into memory (so that each test can
// break one thing of it), and lookups of the graph's elements by id.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BotProject, journeyGraph, type GraphEdge, type GraphNode, type GraphOptions, type JourneyGraph } from '../../../server/src/engine';
import { exampleProject } from '../../paths';

/** The example's files, by project-relative path (forward slashes), as text. */
export function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(exampleProject, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(exampleProject);
  return files;
}

/** A project at `root` holding `files` (text, or objects written as JSON), added in the order given. */
export function projectOf(files: Record<string, string | object>, root = path.resolve('/bots/support-bot')): BotProject {
  const project = new BotProject(root);
  let version = 1;
  for (const [rel, content] of Object.entries(files)) {
    project.setText(path.join(root, rel), typeof content === 'string' ? content : JSON.stringify(content, null, 2), version++);
  }
  return project;
}

/** The example with some of its files replaced (a string is the new text; `edit` changes the old text). */
export function exampleWith(changes: Record<string, string | object | ((text: string) => string)> = {}): BotProject {
  const files: Record<string, string | object> = exampleFiles();
  for (const [rel, change] of Object.entries(changes)) files[rel] = typeof change === 'function' ? change(files[rel] as string) : change;
  return projectOf(files);
}

export function graphOf(project: BotProject, options?: GraphOptions): JourneyGraph {
  return journeyGraph(project, options);
}

export function node(graph: JourneyGraph, id: string): GraphNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}; nodes: ${graph.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

export function edge(graph: JourneyGraph, id: string): GraphEdge {
  const found = graph.edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id}; edges: ${graph.edges.map((e) => e.id).join(', ')}`);
  return found;
}

/** The ids of the edges of a kind, sorted. */
export function edgeIds(graph: JourneyGraph, kind: GraphEdge['kind']): string[] {
  return graph.edges
    .filter((e) => e.kind === kind)
    .map((e) => e.id)
    .sort();
}
