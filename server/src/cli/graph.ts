// `handoff-kit graph`: the journey graph of a bot project (engine/graph/) as Mermaid, DOT or JSON,
// on standard output.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { BotWorkspace, graphToDot, graphToJson, graphToMermaid, journeyGraph, nodeFileSystem, type GraphFormat, type GraphView } from '../engine';
import { InvalidArgumentError } from 'commander';
import { UsageError } from './usageError';

export interface GraphRunOptions {
  /** The folder a relative project path is resolved against. */
  readonly cwd: string;
  readonly format: GraphFormat;
  readonly view: GraphView;
  /** Only what concerns this journey (by name). */
  readonly journey?: string;
  /** Journeys past this many nodes are drawn as boxes (0: no limit); the engine's default when undefined. */
  readonly maxNodes?: number;
}

/**
 * The graph of the project at `projectPath` (relative to `cwd`; the current folder when
 * undefined) as text in `format`. Throws UsageError when the path is not a bot project or no
 * journey has the name `journey`.
 */
export async function runGraph(projectPath: string | undefined, options: GraphRunOptions): Promise<string> {
  const root = path.resolve(options.cwd, projectPath ?? '.');
  if (!(await fsp.stat(path.join(root, 'bot.json')).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${projectPath ?? '.'} is not a bot project: it has no bot.json`);
  }
  const project = await new BotWorkspace(nodeFileSystem).loadProject(root);
  const graph = journeyGraph(project, {
    view: options.view,
    ...(options.journey !== undefined ? { journey: options.journey } : {}),
    ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
  });
  if (options.journey !== undefined && !graph.journeys.includes(options.journey)) {
    const known = graph.journeys.length ? `; its journeys are ${graph.journeys.map((j) => `"${j}"`).join(', ')}` : '; it has none';
    throw new UsageError(`no journey of ${projectPath ?? '.'} is named "${options.journey}"${known}`);
  }
  switch (options.format) {
    case 'dot':
      return graphToDot(graph);
    case 'json':
      return graphToJson(graph);
    default:
      return graphToMermaid(graph);
  }
}

/** Parses `--max-nodes`: a whole number, 0 for no limit. */
export function parseMaxNodes(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError(`--max-nodes takes a whole number of nodes (0: no limit), not "${value}"`);
  return n;
}
