// What an `expect` step states, checked against a run: the state after the input before the step,
// and what happened since the input before that. Each fact is a typed fact of the simulator's
// state (the journey, the banner, the ticket…); only `said` reads the words of a message.
import type { ExpectedFactValue, ExpectFact, SimulationRun, SimulationState, SimulationStep } from './engineParts';

/** What a test sees after one input of its run. */
export interface Observed {
  /** The state after the input (the run's initial state before the first). */
  readonly state: SimulationState;
  /** The state before the input. */
  readonly before: SimulationState;
  /** The journey running now or the one that ran last, and the node that ran last; undefined before any ran. */
  readonly ran?: { readonly journey: string; readonly node?: string };
  /** The customer's last message (typed or clicked) up to now; undefined before any. */
  readonly lastText?: string;
  /** The steps the input led to. */
  readonly since: readonly SimulationStep[];
}

/**
 * What the test sees after input `input` (0-based; -1: before the first) of `run`, which starts
 * from `initial`. The steps of a run are in input order, so those up to an input are a prefix.
 */
export function observe(run: SimulationRun, input: number, initial: SimulationState): Observed {
  let state = initial;
  let before = initial;
  let ran: Observed['ran'];
  let lastText: string | undefined;
  const since: SimulationStep[] = [];
  for (const step of run.steps) {
    if (step.input === undefined || step.input > input) break;
    if (step.input < input) before = step.state;
    state = step.state;
    if (step.state.journey !== undefined) ran = { journey: step.state.journey, ...(step.state.node !== undefined ? { node: step.state.node } : {}) };
    if (step.kind === 'customer') lastText = step.text;
    if (step.input === input) since.push(step);
  }
  return { state, before, ...(ran ? { ran } : {}), ...(lastText !== undefined ? { lastText } : {}), since };
}

/** Whether a fact holds, with what was expected and what was found, as a person reads them (values as JSON, absences in words). */
export interface FactVerdict {
  readonly fact: ExpectFact;
  readonly holds: boolean;
  readonly expected: string;
  readonly actual: string;
}

/** How a test learns which intent a text matched: as the run compared it (the first in project order). */
export type IntentOf = (text: string) => string | undefined;

/** Whether `fact` holds in what the test sees. */
export function judgeFact(fact: ExpectedFactValue, seen: Observed, intentOf: IntentOf): FactVerdict {
  const expected = fact.value;
  const verdict = (holds: boolean, actual: string, shown = json(expected)): FactVerdict => ({ fact: fact.fact, holds, expected: shown, actual });
  const { state } = seen;
  switch (fact.fact) {
    case 'journey':
      return seen.ran ? verdict(seen.ran.journey === expected, json(seen.ran.journey)) : verdict(false, 'no journey has run');
    case 'node':
      return seen.ran?.node !== undefined
        ? verdict(seen.ran.node === expected, `${json(seen.ran.node)} (journey ${json(seen.ran.journey)})`)
        : verdict(false, 'no node has run');
    case 'intent': {
      if (seen.lastText === undefined) return verdict(false, 'the customer has sent no message');
      const intent = intentOf(seen.lastText);
      return intent === undefined
        ? verdict(false, `no intent: no utterance matches ${json(seen.lastText)}`)
        : verdict(intent === expected, json(intent));
    }
    case 'banner':
      return verdict(state.banner.status === expected, json(state.banner.status));
    case 'bannerTitle':
      if (state.banner.status !== 'shown') return verdict(false, `no banner is shown (${state.banner.status})`);
      return state.banner.title === undefined
        ? verdict(false, 'the banner has no title')
        : verdict(state.banner.title === expected, json(state.banner.title));
    case 'bannerOptions': {
      if (state.banner.status !== 'shown') return verdict(false, `no banner is shown (${state.banner.status})`);
      const titles = state.banner.options.map((o) => o.title ?? null);
      return verdict(json(titles) === json(expected), json(titles));
    }
    case 'ticket':
      return verdict(state.ticket === expected, json(state.ticket));
    case 'with':
      return verdict(state.with === expected, json(state.with));
    case 'said': {
      const said = seen.since.filter((s) => s.kind === 'bot').map((s) => s.text);
      const shown = `a message containing ${json(expected)}`;
      if (!said.length) return verdict(false, 'the bot said nothing since the last input', shown);
      return verdict(typeof expected === 'string' && said.some((text) => text.includes(expected)), said.map((text) => json(text)).join(', '), shown);
    }
    case 'eventSent': {
      const sent = state.events.slice(seen.before.events.length).filter((e) => e.by === 'bot');
      if (!sent.length) return verdict(false, 'no event sent since the last input');
      return verdict(
        sent.some((e) => e.fired && e.name === expected),
        sent.map((e) => `${json(e.name)}${e.fired ? '' : ' (did not fire)'}`).join(', '),
      );
    }
    case 'variables': {
      const wanted = typeof expected === 'object' && expected !== null && !Array.isArray(expected) ? (expected as Record<string, unknown>) : {};
      const actual: Record<string, string | null> = {};
      for (const name of Object.keys(wanted))
        actual[name] = Object.prototype.hasOwnProperty.call(state.variables, name) ? state.variables[name] : null;
      return verdict(
        Object.keys(wanted).every((name) => actual[name] === wanted[name]),
        json(actual),
      );
    }
  }
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? 'nothing';
}
