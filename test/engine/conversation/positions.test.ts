// Where a failure is reported (the failing fact's property, or the input's step, as 0-based
// UTF-16 offsets the front ends turn into lines and columns), which tests run, and why a test
// file that does not parse or fit its schema runs none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runProjectTests, runTestFile } from '../../../server/src/engine';
import { lineColumn, runTests, testProject, TESTS } from './conversationFixture';

const text = `{
  "tests": [
    {
      "name": "passes",
      "steps": [{ "say": "talk to an agent" }, { "expect": { "journey": "live-agent" } }]
    },
    {
      "name": "fails at a fact",
      "steps": [
        { "say": "talk to an agent" },
        { "expect": { "ticket": "raised", "journey": "return-to-bot" } }
      ]
    },
    {
      "name": "fails at an input",
      "steps": [
        { "say": "talk to an agent" },
        { "click": "Exit" }
      ]
    },
    { "name": "an event", "steps": [{ "event": "bot-opened" }] }
  ]
}
`;

describe('conversation tests: places and files', () => {
  it('reports a failing fact at its property and a failing input at its step', () => {
    const fixture = testProject(text);
    const result = runTests(fixture);
    assert.deepEqual(result.problems, []);
    assert.equal(result.relative, TESTS);
    assert.deepEqual(
      result.tests.map((t) => [t.index, t.name, t.passed, lineColumn(text, t.range.offset)]),
      [
        [0, 'passes', true, '4:15'],
        [1, 'fails at a fact', false, '8:15'],
        [2, 'fails at an input', false, '15:15'],
        [3, 'an event', true, '21:15'],
      ],
    );
    const fact = result.tests[1].failure!;
    assert.equal(lineColumn(text, fact.offset), '11:43');
    assert.equal(text.slice(fact.offset, fact.offset + fact.length), '"journey": "return-to-bot"');
    const input = result.tests[2].failure!;
    assert.equal(lineColumn(text, input.offset), '18:9');
    assert.equal(text.slice(input.offset, input.offset + input.length), '{ "click": "Exit" }');
  });

  it('runs only the tests asked for', () => {
    const fixture = testProject(text);
    const result = runTestFile(fixture.project, fixture.file(TESTS), { only: [1, 3] });
    assert.deepEqual(
      result.tests.map((t) => t.name),
      ['fails at a fact', 'an event'],
    );
  });

  it('a file that does not parse, or does not fit the schema, runs no test and says why, where', () => {
    const broken = '{ "tests": [ { "name": "x", "steps": [ { "say": "hi" }, ] } ] }';
    const syntax = runTests(testProject(broken));
    assert.deepEqual(syntax.tests, []);
    assert.deepEqual(
      syntax.problems.map((p) => [p.message, p.offset]),
      [['not valid JSON: value expected', broken.indexOf('] } ] }')]],
    );
    const misspelt = runTests(testProject({ tests: [{ name: 'x', steps: [{ say: 'hi' }, { expect: { baner: 'shown' } }] }] }));
    assert.deepEqual(misspelt.tests, []);
    assert.deepEqual(
      misspelt.problems.map((p) => p.message),
      ['unknown property `baner` in expect; did you mean `banner`?'],
    );
    const empty = runTests(testProject(''));
    assert.deepEqual(
      empty.problems.map((p) => p.message),
      ['the file is empty: expected {"tests": [...]}'],
    );
    const twoInputs = runTests(testProject({ tests: [{ name: 'x', steps: [{ say: 'hi', click: 'Exit' }] }] }));
    assert.deepEqual(
      twoInputs.problems.map((p) => p.message),
      ['a step has exactly one of `say`, `click`, `ticket`, `event`, `startJourney` or `expect`'],
    );
  });

  it('a project’s test files run in project order: by path, not in the order they were read', () => {
    const fixture = testProject(text, { 'tests/another.json': { tests: [{ name: 'more', steps: [{ say: 'talk to bot' }] }] } });
    assert.deepEqual(
      runProjectTests(fixture.project).map((f) => [f.relative, f.tests.map((t) => t.name)]),
      [
        ['tests/another.json', ['more']],
        [TESTS, ['passes', 'fails at a fact', 'fails at an input', 'an event']],
      ],
    );
  });

  it('a file that was not read runs no test', () => {
    const fixture = testProject('{}');
    fixture.set(TESTS, '{"tests": []}', { unreadReason: 'permission denied' });
    assert.deepEqual(
      runTests(fixture).problems.map((p) => p.message),
      ['the file was not read: permission denied'],
    );
  });
});
