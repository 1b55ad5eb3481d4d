// Runs conversation tests: each test's inputs go through the simulator as one run, from its
// variables, and each `expect` is checked against what the run shows after the input before it.
// A test fails at the first step that does not hold: a fact that does not hold, an input the run
// could not apply (a click with no banner shown), or a run that stopped (a loop). Runs are
// offline and deterministic, so a test that passes once passes until a file changes.
import {
  CheckedFindings,
  describeInput,
  indexOf,
  INITIAL_STATE,
  readConversationTests,
  relativePath,
  schemaProblems,
  simulate,
  validateAgainst,
  type BotFile,
  type BotProject,
  type ConversationTest,
  type ExpectFact,
  type SimulationInput,
  type SimulationRun,
  type SimulationState,
  type SimulationStep,
  type TestInputStep,
} from './engineParts';
import { judgeFact, observe, type FactVerdict } from './facts';

/** A range of a test file's text: 0-based UTF-16 `offset` and `length`. */
export interface TestRange {
  readonly offset: number;
  readonly length: number;
}

/** One fact of the failing `expect` that does not hold: what was expected and what was found, as a person reads them. */
export interface FailedFact extends TestRange {
  readonly fact: ExpectFact;
  /** The value stated (JSON). */
  readonly expected: string;
  /** What the run shows (JSON, or an absence in words). */
  readonly actual: string;
}

/**
 * Why a test failed, at one of its steps: `fact`, an `expect` whose facts do not all hold (the
 * first of `facts` is the one reported); `input`, an input the run could not apply (a click with
 * no banner shown, an outcome with no ticket open); `stopped`, a run stopped by a loop or its bound.
 */
export interface TestFailure extends TestRange {
  readonly kind: 'fact' | 'input' | 'stopped';
  /** The 0-based index of the failing step in the test's `steps`. */
  readonly step: number;
  /** One line: `expect journey: expected "return-to-bot", actual "live-agent"`. */
  readonly message: string;
  /** What was expected and what was found, as in `message` (for a diff). */
  readonly expected: string;
  readonly actual: string;
  /** Every fact of the failing `expect` that does not hold, in the order written (empty for `input` and `stopped`). */
  readonly facts: readonly FailedFact[];
}

/** One test, run. */
export interface TestRun {
  /** The test file's absolute path. */
  readonly file: string;
  /** 0-based position of the test in the file's `tests`. */
  readonly index: number;
  /** The test's name (`test <n>`, 1-based, when it has none). */
  readonly name: string;
  /** Where the test is: its name, else its object. */
  readonly range: TestRange;
  readonly passed: boolean;
  readonly failure?: TestFailure;
  /** The simulator's run of the test's inputs. */
  readonly run: SimulationRun;
  /** For each input of `run`, the 0-based index of its step in the test's `steps`. */
  readonly inputSteps: readonly number[];
  /** The run's steps up to the failure (those of the failing step's input included), or all but the `end` step when it passed. */
  readonly transcript: readonly SimulationStep[];
}

/** Why a test file's tests were not run: a problem of its syntax or schema, at a range of the file. */
export interface TestFileProblem extends TestRange {
  readonly message: string;
}

/** The tests of one file, run, or the problems that kept them from running. */
export interface TestFileRun {
  /** The file's absolute path. */
  readonly file: string;
  /** The file's path relative to its project, with `/`. */
  readonly relative: string;
  /** Set when the file does not parse, was not read, or does not fit schemas/test.schema.json: then no test ran. */
  readonly problems: readonly TestFileProblem[];
  readonly tests: readonly TestRun[];
}

/** How tests are run. */
export interface RunTestsOptions {
  /** Only the tests at these 0-based positions of the file's `tests` (all when undefined). */
  readonly only?: readonly number[];
  /**
   * The checks' findings the runs' steps name, shared by the runs of one project version (see
   * CheckedFindings); made for the file when not given.
   */
  readonly findings?: CheckedFindings;
}

/** The problems that keep a test file from running: unread, not valid JSON, or not fitting its schema (unknown properties included: a misspelt fact must not pass unchecked). */
export function testFileProblems(file: BotFile): TestFileProblem[] {
  if (!file.readable) {
    const why = file.oversized ? `it is larger than the size limit (${file.maxSize} bytes)` : (file.unreadReason ?? 'it could not be read');
    return [{ offset: 0, length: 0, message: `the file was not read: ${why}` }];
  }
  if (file.text.trim() === '') return [{ offset: 0, length: 0, message: 'the file is empty: expected {"tests": [...]}' }];
  if (file.syntaxProblems.length)
    return file.syntaxProblems.map((p) => ({ offset: p.offset, length: p.length, message: `not valid JSON: ${p.message}` }));
  if (file.deepValues.length) return [{ offset: file.deepValues[0].offset, length: 0, message: 'a value is nested too deep to read' }];
  const errors = validateAgainst('test', file.value);
  if (!errors.length || !file.place) return [];
  return schemaProblems(errors, file.place.node).map((p) => ({ offset: p.offset, length: p.length, message: p.message }));
}

/**
 * Runs the tests of `file`, a test file of `project` (`tests/*.json`). A file with problems
 * (testFileProblems) runs no test and says why; otherwise every test (or those of `options.only`)
 * is run, in file order. Never throws on what the file holds.
 */
export function runTestFile(project: BotProject, file: BotFile, options: RunTestsOptions = {}): TestFileRun {
  const relative = relativePath(project.root, file.path);
  const problems = testFileProblems(file);
  if (problems.length) return { file: file.path, relative, problems, tests: [] };
  const findings = options.findings ?? new CheckedFindings(project, project.phraseMatch);
  const tests = readConversationTests(file).filter((t) => !options.only || options.only.includes(t.index));
  return { file: file.path, relative, problems, tests: tests.map((test) => runTest(project, file, test, findings)) };
}

/** Runs every test file of `project`, in project order, sharing one CheckedFindings. */
export function runProjectTests(project: BotProject): TestFileRun[] {
  const findings = new CheckedFindings(project, project.phraseMatch);
  return project.filesOfKind('test').map((file) => runTestFile(project, file, { findings }));
}

/** One test: its inputs as one run, then its steps in order against that run. */
function runTest(project: BotProject, file: BotFile, test: ConversationTest, findings: CheckedFindings): TestRun {
  const inputs: SimulationInput[] = [];
  const inputSteps: number[] = [];
  for (const step of test.steps) {
    if (step.kind !== 'input') continue;
    inputs.push(inputOf(step));
    inputSteps.push(step.index);
  }
  const variables: Record<string, string> = {};
  for (const variable of test.variables) variables[variable.name] = variable.value.value;
  const run = simulate(project, inputs, { findings, variables });
  const initial: SimulationState = { ...INITIAL_STATE, variables };
  const index = indexOf(project);
  const intentOf = (text: string) => index.utterancesMatching(text, run.phraseMatch)[0]?.intentName;
  const name = test.name?.value ?? `test ${test.index + 1}`;
  const range = rangeOf(test.name?.node ?? test.node);
  const base = { file: file.path, index: test.index, name, range, run, inputSteps };

  let applied = -1;
  for (const step of test.steps) {
    if (step.kind === 'input') {
      applied++;
      const produced = run.steps.filter((s) => s.input === applied);
      const input = describeInput(inputs[applied]);
      if (produced[0]?.kind === 'error') {
        const failure = inputFailure(step, 'input', input, produced[0].text);
        return { ...base, passed: false, failure, transcript: upTo(run, applied) };
      }
      const stop = produced.find((s) => s.kind === 'stop');
      if (stop) return { ...base, passed: false, failure: inputFailure(step, 'stopped', input, stop.text), transcript: upTo(run, applied) };
      continue;
    }
    if (step.kind !== 'expect') continue;
    const seen = observe(run, applied, initial);
    const failed: (FactVerdict & TestRange)[] = [];
    for (const fact of step.facts) {
      const verdict = judgeFact(fact, seen, intentOf);
      if (!verdict.holds) failed.push({ ...verdict, ...rangeOf(fact.node) });
    }
    if (!failed.length) continue;
    const [first] = failed;
    const failure: TestFailure = {
      kind: 'fact',
      step: step.index,
      offset: first.offset,
      length: first.length,
      message: `expect ${first.fact}: expected ${first.expected}, actual ${first.actual}`,
      expected: first.expected,
      actual: first.actual,
      facts: failed.map(({ fact, expected, actual, offset, length }) => ({ fact, expected, actual, offset, length })),
    };
    return { ...base, passed: false, failure, transcript: upTo(run, applied) };
  }
  return { ...base, passed: true, transcript: run.steps.filter((s) => s.kind !== 'end') };
}

/** How wide a step's kind is padded in a transcript line. */
const KIND_WIDTH = 9;

/**
 * The transcript of a test's run up to where it stopped: a line per input (`> say "talk to an
 * agent"`), then a line per step it led to (`  customer  talk to an agent`). Texts are as the bot
 * files hold them: a front end escapes what its output cannot show.
 */
export function transcriptLines(test: TestRun): string[] {
  const lines: string[] = [];
  let input: number | undefined;
  for (const step of test.transcript) {
    if (step.input !== input && step.input !== undefined) {
      input = step.input;
      lines.push(`> ${describeInput(test.run.inputs[input])}`);
    }
    lines.push(`  ${step.kind.padEnd(KIND_WIDTH)} ${step.text}`);
  }
  return lines;
}

function inputFailure(step: TestInputStep, kind: 'input' | 'stopped', input: string, text: string): TestFailure {
  return {
    kind,
    step: step.index,
    ...rangeOf(step.node),
    message: `${input}: ${text}`,
    expected: kind === 'input' ? `${input} applies` : 'the run goes on',
    actual: text,
    facts: [],
  };
}

/** The simulator's input for a test's input step (its value as written; the schema says it is a string). */
function inputOf(step: TestInputStep): SimulationInput {
  const value = step.value?.value ?? '';
  switch (step.input) {
    case 'say':
      return { kind: 'say', text: value };
    case 'click':
      return {
        kind: 'click',
        title: value,
        ...(step.banner !== undefined ? { banner: step.banner } : {}),
        ...(step.option !== undefined ? { option: step.option } : {}),
      };
    case 'ticket':
      return { kind: 'ticket', outcome: value as Extract<SimulationInput, { kind: 'ticket' }>['outcome'] };
    case 'event':
      return { kind: 'event', name: value };
    case 'startJourney':
      return { kind: 'startJourney', journey: value, ...(step.startNode ? { node: step.startNode.value } : {}) };
  }
}

/** The run's steps up to input `input` (0-based; -1: none), its own included. */
function upTo(run: SimulationRun, input: number): SimulationStep[] {
  return run.steps.filter((s) => s.input !== undefined && s.input <= input);
}

function rangeOf(node: { readonly offset: number; readonly length: number }): TestRange {
  return { offset: node.offset, length: node.length };
}
