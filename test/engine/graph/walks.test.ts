// The walks laid over the graph (graph/walks.ts): a simulator run's journey nodes in order, and a
// conversation test's run up to its failure, both read from the simulator's own steps.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, journeyGraph, nodeFileSystem, runTestFile, simulate, walkOfSteps, walkOfTest } from '../../../server/src/engine';
import { exampleProject } from '../../paths';

describe('walks over the journey graph', () => {
  it("a simulator run: the Raise Ticket node, the banner, then the exit journey's steps, in order", async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const run = simulate(project, [
      { kind: 'say', text: 'talk to an agent' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'click', title: 'Exit' },
    ]);
    const walk = walkOfSteps(run.steps);
    assert.deepEqual(walk, [
      { journey: 'live-agent', node: 'connecting' },
      { journey: 'live-agent', node: 'raise-ticket' },
      { journey: 'live-agent', node: 'show-exit-banner' },
      { journey: 'return-to-bot', node: 'close-banner' },
      { journey: 'return-to-bot', node: 'close-ticket' },
      { journey: 'return-to-bot', node: 'back-with-bot' },
    ]);
    // Laid over the graph: each of those nodes carries its 1-based place in the walk.
    const graph = journeyGraph(project, { view: 'project', walk });
    assert.deepEqual(graph.nodes.find((n) => n.id === 'step:live-agent/raise-ticket')?.walk, [2]);
    assert.deepEqual(graph.nodes.find((n) => n.id === 'step:return-to-bot/back-with-bot')?.walk, [6]);
    assert.ok(
      graph.edges.some((e) => e.kind === 'outcome' && e.walk.length > 0),
      'the agentConnected outcome is walked',
    );
  });

  it('a failed conversation test: its run up to the failing step, not past it', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const file = project.file(path.join(exampleProject, 'tests/live-agent.json'))!;
    const text = file.text.replace(
      '"node": "agent-left", "said": "The agent has closed the chat", "banner": "hidden", "ticket": "closed", "with": "bot"',
      '"node": "agent-left", "said": "The agent has closed the chat", "banner": "hidden", "ticket": "closed", "with": "agent"',
    );
    assert.notEqual(text, file.text);
    const failing = project.withTexts(new Map([[file.path, text]]), () =>
      runTestFile(project, project.file(file.path)!).tests.find((t) => !t.passed)!,
    );
    assert.equal(failing.name, 'the agent closes the ticket first: the banner closes with it');
    assert.deepEqual(walkOfTest(failing), [
      { journey: 'live-agent', node: 'connecting' },
      { journey: 'live-agent', node: 'raise-ticket' },
      { journey: 'live-agent', node: 'show-exit-banner' },
      // The agent closes the ticket: the Raise Ticket node goes on from its ticketClosed outcome.
      { journey: 'live-agent', node: 'raise-ticket' },
      { journey: 'live-agent', node: 'close-banner' },
      { journey: 'live-agent', node: 'agent-left' },
    ]);
  });
});
