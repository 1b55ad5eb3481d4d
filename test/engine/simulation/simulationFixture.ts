// Bot projects for the simulator's tests: the guide's whole handoff (a journey that raises a
// ticket and shows a banner once an agent connects, the exit intent, and the journey it starts,
// which closes the banner and the ticket), and helpers to run inputs and read the steps.
import assert from 'node:assert/strict';
import { simulate, type SimulateOptions, type SimulationInput, type SimulationRun, type SimulationStep } from '../../../server/src/engine';
import { ProjectFixture } from '../support/projectFixture';

export const exitButton = { title: 'Exit', text: 'talk to bot' };
export const buttonBanner = { title: 'Do you want to exit from chat?', options: [exitButton] };
export const typedBanner = { title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] };

export const agentIntent = { name: 'talk_to_agent', utterances: ['talk to an agent'] };

/** The journey that raises the ticket: every outcome leads somewhere, and the banner follows `agentConnected`. */
export function agentJourney(banner: unknown = buttonBanner, extra: object = {}): object {
  return {
    name: 'live-agent',
    trigger: { intent: 'talk_to_agent' },
    start: 'hello',
    nodes: [
      { id: 'hello', type: 'message', text: 'Connecting you to an agent.', next: 'raise' },
      {
        id: 'raise',
        type: 'raiseTicket',
        group: 'support',
        next: { agentConnected: 'banner', agentsUnavailable: 'busy', ticketClosed: 'ended', error: 'sorry' },
      },
      { id: 'banner', type: 'sendEvent', event: 'ui-event-update-promotion', data: banner },
      { id: 'busy', type: 'message', text: 'All our agents are busy.' },
      { id: 'ended', type: 'message', text: 'Your chat with the agent has ended.' },
      { id: 'sorry', type: 'message', text: 'Sorry, no agent can be reached.' },
    ],
    ...extra,
  };
}

/** The exit journey of the guide's steps 5 and 6. */
export const exitJourney = {
  name: 'return-to-bot',
  trigger: { intent: 'talk_to_bot' },
  start: 'close-banner',
  nodes: [
    { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
    { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back' },
    { id: 'back', type: 'message', text: 'You are back with the bot.' },
  ],
};

/** The whole handoff of the guide, plus `files` (which may replace any of it). */
export function guideProject(files: Record<string, object | string> = {}): ProjectFixture {
  return new ProjectFixture({
    'intents/talk_to_agent.json': agentIntent,
    'journeys/live-agent.json': agentJourney(),
    'journeys/return-to-bot.json': exitJourney,
    ...files,
  });
}

/** The inputs that bring the customer to the agent with the banner on screen. */
export const toAgent: SimulationInput[] = [
  { kind: 'startJourney', journey: 'live-agent' },
  { kind: 'ticket', outcome: 'agentConnected' },
];

export function run(fixture: ProjectFixture, inputs: readonly SimulationInput[], options?: SimulateOptions): SimulationRun {
  return simulate(fixture.project, inputs, options);
}

/** The run's steps as `kind text`, one a line: what a transcript shows. */
export function transcript(run: SimulationRun): string[] {
  return run.steps.map((step) => `${step.kind} ${step.text}`);
}

/** The only step of `kind` whose text matches; fails the test when there is none or several. */
export function stepOf(run: SimulationRun, kind: SimulationStep['kind'], text?: RegExp): SimulationStep {
  const found = run.steps.filter((step) => step.kind === kind && (!text || text.test(step.text)));
  assert.equal(found.length, 1, `one ${kind} step${text ? ` matching ${text}` : ''} in\n${transcript(run).join('\n')}`);
  return found[0];
}

/** The last step before the `end` step. */
export function lastStep(run: SimulationRun): SimulationStep {
  return run.steps[run.steps.length - 2];
}

/** The codes of the findings a run's steps name, step by step. */
export function codesNamed(run: SimulationRun): string[] {
  return run.steps.flatMap((step) => step.why.findings.map((f) => f.code));
}
