// `handoff-kit graph`: the journey graph of a bot project (engine/graph/) as Mermaid, DOT or JSON,
// on standard output.
import * as path from 'node:path';
import {
  BotWorkspace,
  graphToDot,
  graphToJson,
  graphToMermaid,
  journeyGraph,
  blockingNodeFileSystem,
  runTestFile,
  simulate,
  walkOfSteps,
  walkOfTest,
  type BotProject,
  type GraphFormat,
  type GraphView,
  type GraphWalk,
  type SimulationInput,
} from '../engine';
import { InvalidArgumentError } from 'commander';
import { projectFolder } from './targets';
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
  /** A simulator run to lay over the graph: these inputs, in order (as `handoff-kit simulate` takes them). */
  readonly inputs?: readonly SimulationInput[];
  /** A conversation test file (relative to `cwd`) whose test to lay over the graph, up to its failure. */
  readonly test?: string;
  /** The test of `test` by name; its first failing test (else its first) when undefined. */
  readonly testName?: string;
}

/**
 * The graph of the project at `projectPath` (relative to `cwd`; the current folder when
 * undefined) as text in `format`. Throws UsageError when the path is not a bot project or no
 * journey has the name `journey`.
 */
export async function runGraph(projectPath: string | undefined, options: GraphRunOptions): Promise<string> {
  const root = await projectFolder(projectPath, options.cwd);
  const project = await new BotWorkspace(blockingNodeFileSystem).loadProject(root);
  const walk = walkOf(project, options);
  const graph = journeyGraph(project, {
    view: options.view,
    ...(options.journey !== undefined ? { journey: options.journey } : {}),
    ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
    ...(walk ? { walk } : {}),
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

/**
 * The walk to lay over the graph: the simulator's run of `inputs`, or a conversation test's run up
 * to its failure. Throws UsageError for both at once, a file that is not a test file of the
 * project, a test name it does not have, or a test file that does not parse.
 */
function walkOf(project: BotProject, options: GraphRunOptions): GraphWalk | undefined {
  const inputs = options.inputs ?? [];
  if (inputs.length && options.test !== undefined)
    throw new UsageError('give either inputs (--say, --click, --ticket, --event, --start) or --test, not both');
  if (inputs.length) return walkOfSteps(simulate(project, inputs, { phraseMatch: project.phraseMatch }).steps);
  if (options.test === undefined) {
    if (options.testName !== undefined) throw new UsageError('--test-name needs --test <file>');
    return undefined;
  }
  const file = project.file(path.resolve(options.cwd, options.test));
  if (!file || file.kind !== 'test') throw new UsageError(`${options.test} is not a test file (tests/*.json) of ${project.root}`);
  const run = runTestFile(project, file);
  if (run.problems.length) throw new UsageError(`${options.test}: not a valid test file: ${run.problems[0].message}`);
  const test =
    options.testName !== undefined ? run.tests.find((t) => t.name === options.testName) : (run.tests.find((t) => !t.passed) ?? run.tests[0]);
  if (!test) {
    const names = run.tests.map((t) => `"${t.name}"`).join(', ');
    throw new UsageError(
      `${options.test} has no test${options.testName !== undefined ? ` named "${options.testName}"` : ''}${names ? `; its tests are ${names}` : ''}`,
    );
  }
  return walkOfTest(test);
}

/** Parses `--max-nodes`: a whole number, 0 for no limit. */
export function parseMaxNodes(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError(`--max-nodes takes a whole number of nodes (0: no limit), not "${value}"`);
  return n;
}
