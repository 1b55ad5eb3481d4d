// Test files (tests/*.json) are bot files of their own kind, read into tests and steps with the
// places of what they name.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_FILES, fileKindOf, patternOf } from '../../../server/src/engine';
import { expectAfter, readConversationTests } from '../../../server/src/engine/model/conversationTest';
import { ProjectFixture, ROOT } from '../support/projectFixture';

describe('test files', () => {
  it('are the .json files directly inside tests/, in the bot-file set', () => {
    assert.equal(fileKindOf(ROOT, path.join(ROOT, 'tests/handoff.json')), 'test');
    assert.equal(fileKindOf(ROOT, path.join(ROOT, 'tests/deep/handoff.json')), undefined);
    assert.equal(fileKindOf(ROOT, path.join(ROOT, 'tests/notes.md')), undefined);
    assert.ok(PROJECT_FILES.some((f) => f.kind === 'test' && patternOf(f) === 'tests/*.json' && f.editorLanguage === 'json'));
  });

  it('are read into tests, variables and steps, each with its place', () => {
    const fixture = new ProjectFixture({
      'tests/t.json': {
        tests: [
          {
            name: 'exit',
            variables: { customer: 'Ada', count: 3 },
            steps: [
              { startJourney: 'live-agent', node: 'raise' },
              { expect: { journey: 'live-agent', unknownFact: 1, ticket: 'raised' } },
              { click: 'Exit', banner: 0, option: 1 },
              { say: 'talk to bot' },
              { bogus: true },
            ],
          },
          'not a test',
        ],
      },
    });
    const file = fixture.file('tests/t.json');
    const tests = readConversationTests(file);
    assert.equal(tests.length, 1);
    const [test] = tests;
    assert.equal(test.name?.value, 'exit');
    assert.deepEqual(
      test.variables.map((v) => [v.name, v.value.value]),
      [['customer', 'Ada']],
    );
    assert.deepEqual(
      test.steps.map((s) => s.kind),
      ['input', 'expect', 'input', 'input', 'other'],
    );
    const [start, expect, click] = test.steps;
    assert.ok(start.kind === 'input' && expect.kind === 'expect' && click.kind === 'input');
    assert.equal(start.input, 'startJourney');
    assert.equal(start.value?.value, 'live-agent');
    assert.equal(start.startNode?.value, 'raise');
    assert.equal(start.node.offset, fixture.offsetOf('tests/t.json', '{\n          "startJourney"'));
    assert.deepEqual(
      expect.facts.map((f) => [f.fact, f.value]),
      [
        ['journey', 'live-agent'],
        ['ticket', 'raised'],
      ],
    );
    // A fact is placed on its property, `"ticket": "raised"`.
    assert.equal(file.text.slice(expect.facts[1].node.offset, expect.facts[1].node.offset + expect.facts[1].node.length), '"ticket": "raised"');
    assert.deepEqual([click.input, click.value?.value, click.banner, click.option], ['click', 'Exit', 0, 1]);
    assert.equal(expectAfter(test, 0), expect);
    assert.equal(expectAfter(test, 2), undefined);
  });

  it('read nothing from a file that holds no tests', () => {
    for (const text of ['', '[]', '{"tests": 3}', '{"tests": [']) {
      const fixture = new ProjectFixture({ 'tests/t.json': text });
      assert.deepEqual(readConversationTests(fixture.file('tests/t.json')), []);
    }
  });
});
