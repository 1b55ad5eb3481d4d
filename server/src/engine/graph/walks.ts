// The walks laid over the journey graph: a simulator run, or a conversation test's run up to the
// step that failed. Both come from the simulator's own steps, so the graph shows the very path the
// transcript tells (issue 24: "a simulator run or a failed conversation test can be laid over it").
import type { TestRun } from '../conversation/index';
import type { SimulationStep } from '../simulation/index';
import type { GraphWalk, WalkStep } from './graph';

/**
 * The walk of a run's steps: each journey node the steps ran, in order, as `{ journey, node }`
 * (journey by name, node by id); a node the run stays on for several steps is one step of the walk,
 * a node run again later is walked again. Steps outside a journey (a message to the agent) add
 * nothing. Pass `SimulationRun.steps`, or `TestRun.transcript` (see `walkOfTest`).
 */
export function walkOfSteps(steps: readonly SimulationStep[]): GraphWalk {
  const walk: WalkStep[] = [];
  let last: string | undefined;
  for (const step of steps) {
    const { journey, node } = step.state;
    if (journey === undefined || node === undefined) {
      last = undefined;
      continue;
    }
    const key = `${journey}\u0000${node}`;
    if (key === last) continue;
    last = key;
    walk.push({ journey, node });
  }
  return walk;
}

/** The walk of a conversation test: its run up to the failing step when it failed, else all of it. */
export function walkOfTest(test: TestRun): GraphWalk {
  return walkOfSteps(test.transcript);
}
