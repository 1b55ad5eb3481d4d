// The parts of a test file (`tests/*.json`, schemas/test.schema.json) that running, checking and
// editing tests read: each test's name, its variables and its steps, with their places (read
// through JsonPlace, so offsets are found in the tree only when asked for). What the steps mean
// (running them through the simulator) is the conversation layer's; this is the file as written.
import type * as jsonc from 'jsonc-parser';
import type { BotFile, JsonPlace, NamedValue } from './botFile';

/** The inputs a step may give, as the simulator takes them; a step holds one of them, or `expect`. */
export const TEST_INPUTS = ['say', 'click', 'ticket', 'event', 'startJourney'] as const;
/** One input of a test's step: the key a step names it by (`{ "say": "talk to bot" }`). */
export type TestInput = (typeof TEST_INPUTS)[number];

/** The facts an `expect` may hold, in the order reports list them. */
export const EXPECT_FACTS = [
  'journey',
  'intent',
  'node',
  'banner',
  'bannerTitle',
  'bannerOptions',
  'ticket',
  'with',
  'said',
  'eventSent',
  'variables',
] as const;
/** A fact of an `expect`, such as `journey` or `banner`. */
export type ExpectFact = (typeof EXPECT_FACTS)[number];

/** A step that is an input: `{ "say": … }`, `{ "click": …, "banner"?, "option"? }`, `{ "ticket": … }`, `{ "event": … }`, `{ "startJourney": …, "node"? }`. */
export interface TestInputStep {
  readonly kind: 'input';
  /** The step's object (0-based UTF-16 offsets into the file's text). */
  readonly node: jsonc.Node;
  /** 0-based position in the test's `steps`. */
  readonly index: number;
  readonly input: TestInput;
  /** The input's value with its node: the text, the option's title, the outcome, the event's or the journey's name. Undefined when it is not a string. */
  readonly value?: NamedValue;
  /** `click`: the 0-based position of the banner in the payload's list. */
  readonly banner?: number;
  /** `click`: the 0-based position of the option in the banner's `options`. */
  readonly option?: number;
  /** `startJourney`: the id of the node to start at. */
  readonly startNode?: NamedValue;
}

/** One fact of an `expect`, as written. */
export interface ExpectedFactValue {
  readonly fact: ExpectFact;
  /** The value as written (plain JSON). */
  readonly value: unknown;
  /** The property `"fact": value` (0-based UTF-16 offsets): where a failure of the fact is reported. */
  readonly node: jsonc.Node;
  /** The value's place (for names: its string node). */
  readonly place: JsonPlace;
}

/** A step that says what must hold after the input before it: `{ "expect": { … } }`. */
export interface TestExpectStep {
  readonly kind: 'expect';
  readonly node: jsonc.Node;
  readonly index: number;
  /** The facts it holds, in the order written; unknown keys are left out (the schema reports them). */
  readonly facts: readonly ExpectedFactValue[];
  /** The `expect` object's node. */
  readonly expectNode: jsonc.Node;
}

/** A step of a test: an input, an expectation, or (`other`) something neither (the schema reports it). */
export type TestStep = TestInputStep | TestExpectStep | { readonly kind: 'other'; readonly node: jsonc.Node; readonly index: number };

/** A variable a test sets before its first step. */
export interface TestVariable {
  readonly name: string;
  /** Its value (strings only; other values are left out, the schema reports them). */
  readonly value: NamedValue;
}

/** One test of a test file. */
export interface ConversationTest {
  /** The test's object. */
  readonly node: jsonc.Node;
  /** 0-based position in the file's `tests`. */
  readonly index: number;
  readonly name?: NamedValue;
  readonly variables: readonly TestVariable[];
  readonly steps: readonly TestStep[];
}

const TESTS = Symbol('conversation tests');

/**
 * The tests `file` (a `tests/*.json` file) holds, read once per file version. Does not throw on
 * bad content: what is not a test or a step is left out or read as `other`, for the schema to report.
 */
export function readConversationTests(file: BotFile): readonly ConversationTest[] {
  return file.derived(TESTS, () => (file.place?.child('tests')?.items() ?? []).filter((p) => p.type === 'object').map(readTest));
}

function readTest(place: JsonPlace, index: number): ConversationTest {
  const variables: TestVariable[] = [];
  for (const [name, value] of place.child('variables')?.entries() ?? []) {
    const text = place.child('variables')?.named(name);
    if (typeof value.json === 'string' && text) variables.push({ name, value: text });
  }
  return {
    // A getter: the node (and the tree) is found only when a place is asked for.
    get node() {
      return place.node;
    },
    index,
    name: place.named('name'),
    variables,
    steps: (place.child('steps')?.items() ?? []).map(readStep),
  };
}

function readStep(place: JsonPlace, index: number): TestStep {
  const expect = place.child('expect');
  if (expect) {
    const facts: ExpectedFactValue[] = [];
    if (expect.type === 'object') {
      for (const [key, value] of expect.entries()) {
        if (!(EXPECT_FACTS as readonly string[]).includes(key)) continue;
        facts.push({
          fact: key as ExpectFact,
          value: value.json,
          place: value,
          get node() {
            return value.node.parent ?? value.node;
          },
        });
      }
    }
    return {
      kind: 'expect',
      get node() {
        return place.node;
      },
      index,
      facts,
      get expectNode() {
        return expect.node;
      },
    };
  }
  for (const input of TEST_INPUTS) {
    if (place.child(input) === undefined) continue;
    const banner = place.child('banner')?.json;
    const option = place.child('option')?.json;
    return {
      kind: 'input',
      get node() {
        return place.node;
      },
      index,
      input,
      value: place.named(input),
      ...(input === 'click' && isIndex(banner) ? { banner } : {}),
      ...(input === 'click' && isIndex(option) ? { option } : {}),
      ...(input === 'startJourney' && place.named('node') ? { startNode: place.named('node') } : {}),
    };
  }
  return {
    kind: 'other',
    get node() {
      return place.node;
    },
    index,
  };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * The `expect` step that says what must hold after the input step at `index`: the first `expect`
 * after it, before the next input. Undefined when the next step is another input (or none).
 */
export function expectAfter(test: ConversationTest, index: number): TestExpectStep | undefined {
  for (let i = index + 1; i < test.steps.length; i++) {
    const step = test.steps[i];
    if (step.kind === 'expect') return step;
    if (step.kind === 'input') return undefined;
  }
  return undefined;
}
