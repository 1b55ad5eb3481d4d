// Test files for the conversation tests' own tests: the guide's handoff (simulationFixture.ts) with
// a tests/ file, and helpers to run one test and to find where a failure is reported.
import assert from 'node:assert/strict';
import { runTestFile, type TestFileRun, type TestRun } from '../../../server/src/engine';
import { guideProject } from '../simulation/simulationFixture';
import type { ProjectFixture } from '../support/projectFixture';

export const TESTS = 'tests/handoff.json';

/** A test file with one test of these steps (and variables when given). */
export function oneTest(steps: object[], variables?: Record<string, string>): object {
  return { tests: [{ name: 'the test', ...(variables ? { variables } : {}), steps }] };
}

/** The guide's handoff with a test file of `content`, and `files` besides. */
export function testProject(content: object | string, files: Record<string, object | string> = {}): ProjectFixture {
  return guideProject({ [TESTS]: content, ...files });
}

/** Runs the test file of a fixture made by testProject. */
export function runTests(fixture: ProjectFixture): TestFileRun {
  return runTestFile(fixture.project, fixture.file(TESTS));
}

/** Runs a file of one test of `steps` over the guide's handoff, and returns that test's run. */
export function runSteps(steps: object[], options: { variables?: Record<string, string>; files?: Record<string, object | string> } = {}): TestRun {
  const result = runTests(testProject(oneTest(steps, options.variables), options.files));
  assert.deepEqual(result.problems, [], 'the test file has no problems');
  assert.equal(result.tests.length, 1);
  return result.tests[0];
}

/** The steps that bring the customer to the agent, with the banner on screen. */
export const toAgent = [{ say: 'talk to an agent' }, { ticket: 'agentConnected' }];

/** The 1-based line and column of an offset of a text, as the command line prints them. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
