// Save as test (conversation/fromRun.ts): a simulator run written as a conversation test, whose
// expectations are the typed state after each input, passes when run again.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, conversationTestFromRun, nodeFileSystem, runTestFile, simulate } from '../../../server/src/engine';
import { exampleProject } from '../../paths';

describe('a conversation test from a simulator run', () => {
  it('writes each input, then the typed state after it; run again, the test passes', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const run = simulate(project, [
      { kind: 'say', text: 'talk to an agent' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'click', title: 'Exit' },
    ]);
    const test = conversationTestFromRun(run, 'saved from the simulator');
    assert.deepEqual(test, {
      name: 'saved from the simulator',
      steps: [
        { say: 'talk to an agent' },
        { expect: { journey: 'live-agent', banner: 'none', ticket: 'raised', with: 'bot' } },
        { ticket: 'agentConnected' },
        { expect: { journey: 'live-agent', banner: 'shown', ticket: 'agentConnected', with: 'agent' } },
        { click: 'Exit' },
        { expect: { journey: 'return-to-bot', banner: 'hidden', ticket: 'closed', with: 'bot' } },
      ],
    });
    const file = path.join(exampleProject, 'tests/saved.json');
    const result = project.withTexts(new Map([[file, JSON.stringify({ tests: [test] }, null, 2)]]), () => {
      const saved = project.file(file);
      assert.ok(saved, 'the new test file is part of the project');
      return runTestFile(project, saved);
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.tests.map((t) => [t.name, t.passed]),
      [['saved from the simulator', true]],
    );
  });
});
