// A conversation test written from a simulator run: the simulator panel's "Save as test" (issue
// 23). Each input becomes its step, followed by an `expect` of the state after it, in typed facts
// only (the journey, the banner, the ticket, who holds the chat): a test saved this way does not
// break when a message is reworded.
import type { SimulationInput, SimulationState } from '../simulation/index';

/** The part of a simulator run a test is written from: its inputs, and each step's input and state. */
export interface RunToSave {
  readonly inputs: readonly SimulationInput[];
  readonly steps: readonly { readonly input?: number; readonly state: SimulationState }[];
}

/** One entry of a test file's `tests`, as schemas/test.schema.json describes it. */
export interface SavedTest {
  readonly name: string;
  readonly steps: readonly Readonly<Record<string, unknown>>[];
}

/**
 * The test of `run` named `name`: for each input (in order), its step (`say`, `click`, `ticket`,
 * `event`, or `startJourney` with its `node`), then `expect` with the state after it: `journey`
 * (the one running or last started, when one has run), `banner` (`none`, `shown`, `hidden`), `ticket` and `with`. An input that
 * led to no step keeps the state before it.
 */
export function conversationTestFromRun(run: RunToSave, name: string): SavedTest {
  const steps: Record<string, unknown>[] = [];
  let state: SimulationState | undefined;
  // The journey now running or last started: a journey that ended leaves no journey in the state.
  let journey: string | undefined;
  run.inputs.forEach((input, i) => {
    for (const step of run.steps) {
      if (step.input !== i) continue;
      state = step.state;
      if (step.state.journey !== undefined) journey = step.state.journey;
    }
    steps.push(stepOf(input));
    if (!state) return;
    steps.push({
      expect: {
        ...(journey !== undefined ? { journey } : {}),
        banner: state.banner.status,
        ticket: state.ticket,
        with: state.with,
      },
    });
  });
  return { name, steps };
}

function stepOf(input: SimulationInput): Record<string, unknown> {
  switch (input.kind) {
    case 'say':
      return { say: input.text };
    case 'click':
      return {
        click: input.title,
        ...(input.banner !== undefined ? { banner: input.banner } : {}),
        ...(input.option !== undefined ? { option: input.option } : {}),
      };
    case 'ticket':
      return { ticket: input.outcome };
    case 'event':
      return { event: input.name };
    case 'startJourney':
      return { startJourney: input.journey, ...(input.node !== undefined ? { node: input.node } : {}) };
  }
}
