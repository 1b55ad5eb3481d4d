// A step of a run: what happened, the state after it, and why. The why is made when first read
// and the state shares what did not change with the steps before it: a run keeps every step, and
// the handoff path of a large project has tens of thousands, most of which nobody reads.
import type { SimulationState } from './state';
import type { Explanation, SimulationFinding, SimulationWhy } from './why';

/**
 * What a step is: the customer's message or click (`customer`), what the bot says (`bot`), a
 * message that reaches the agent (`agent`), a change of the banner (`banner`) or of the ticket
 * (`ticket`), an event sent or fired (`event`), a journey that starts, jumps or ends (`journey`),
 * a link opened (`link`), an input that does not fit the run (`error`), the run stopped by a loop
 * or its bound (`stop`), and the verdict that ends every run (`end`).
 */
export type SimulationStepKind = 'customer' | 'bot' | 'agent' | 'banner' | 'ticket' | 'event' | 'journey' | 'link' | 'error' | 'stop' | 'end';

/** One step of a run. */
export interface SimulationStep {
  readonly kind: SimulationStepKind;
  /** What the transcript shows: the words said, or the change in a few words. */
  readonly text: string;
  /** The 0-based index of the input that led to the step; undefined for the `end` step. */
  readonly input?: number;
  /** The state after the step. */
  readonly state: SimulationState;
  readonly why: SimulationWhy;
}

/** No findings: one list for every step that names none. */
export const NO_FINDINGS: readonly SimulationFinding[] = [];

/** The part of the state that most steps do not change: one object shared by the steps in a row that keep it. */
export type SharedState = Omit<SimulationState, 'journey' | 'node'>;

/** A step whose why and state are made when first read (see the top of this file). */
export class Step implements SimulationStep {
  private made: SimulationWhy | undefined;
  private composed: SimulationState | undefined;

  constructor(
    readonly kind: SimulationStepKind,
    readonly text: string,
    readonly input: number | undefined,
    /** The journey and node after the step; the rest of the state is shared by the steps that did not change it. */
    private readonly journey: string | undefined,
    private readonly node: string | undefined,
    private readonly shared: SharedState,
    private explain: (() => Explanation) | undefined,
    /** The checks' findings, found as the step ran (they must be those of the project version run). */
    readonly findings: readonly SimulationFinding[],
  ) {}

  /** The state after the step, made when first read. */
  get state(): SimulationState {
    return (this.composed ??= { journey: this.journey, node: this.node, ...this.shared });
  }

  get why(): SimulationWhy {
    if (!this.made) {
      const { text, places } = this.explain!();
      this.made = { text, places, findings: this.findings };
      this.explain = undefined;
    }
    return this.made;
  }

  toJSON(): SimulationStep {
    return { kind: this.kind, text: this.text, ...(this.input !== undefined ? { input: this.input } : {}), state: this.state, why: this.why };
  }
}
