// The handoff path: from the project alone, one run per exit of every banner sent after an agent
// connects, each ending back with the bot or stuck; for each closing check, a project with its
// finding gives a stuck run whose steps name it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, handoffPath, nodeFileSystem, simulate } from '../../../server/src/engine';
import { exampleProject } from '../../paths';
import { journeyWith, validBot } from '../support/projectFixture';
import { agentJourney, buttonBanner, exitButton, exitJourney, guideProject, transcript, typedBanner } from './simulationFixture';

/** The exit journey without its close-banner step. */
const withoutCloseBanner = { ...exitJourney, start: 'close-ticket', nodes: exitJourney.nodes.slice(1) };
/** The exit journey without its close-ticket step. */
const withoutCloseTicket = { ...exitJourney, nodes: [{ ...exitJourney.nodes[0], next: 'back' }, exitJourney.nodes[2]] };

describe('simulator: the handoff path', () => {
  it('the support-bot example: both banners, the button and the typed phrase, bring the customer back', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const { runs, notes } = handoffPath(project);
    assert.deepEqual(
      runs.map((r) => [r.title, r.outcome.summary]),
      [
        ['billing-agent: type "talk to bot"', 'back with the bot: banner hidden, ticket closed'],
        ['live-agent: click "Exit"', 'back with the bot: banner hidden, ticket closed'],
      ],
    );
    for (const run of runs) {
      assert.deepEqual([run.outcome.bannerHidden, run.outcome.ticketClosed, run.outcome.backWithBot, run.outcome.stuck], [true, true, true, false]);
    }
    const billing = runs[0];
    assert.deepEqual(billing.exit, { kind: 'typed', phrase: 'talk to bot' });
    assert.deepEqual(
      [billing.banner.journey, billing.banner.node, billing.banner.place.file],
      ['billing-agent', 'show-exit-banner', 'journeys/billing-agent.json'],
    );
    assert.deepEqual(runs[1].exit, { kind: 'option', phrase: 'talk to bot', option: 'Exit' });
    assert.match(notes[1], /functions\/\*\.js are never run.*The banners sent by functions\/show-exit-banner\.js are not in the handoff path\./);
  });

  it('one run per option that sends a text; a link is not an exit', () => {
    const payload = { title: 'Exit?', options: [{ title: 'Help', url: 'https://help.example' }, exitButton, { title: 'Back', text: 'back to bot' }] };
    const fixture = guideProject({
      'journeys/live-agent.json': agentJourney(payload),
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot', 'back to bot'] },
    });
    const { runs } = handoffPath(fixture.project);
    assert.deepEqual(
      runs.map((r) => [r.title, r.outcome.stuck]),
      [
        ['live-agent: click "Exit"', false],
        ['live-agent: click "Back"', false],
      ],
    );
    assert.deepEqual(runs[1].inputs[2], { kind: 'click', title: 'Back', banner: 0, option: 2 });
  });

  it('follows jumps after agentConnected to the banner, and starts at the Raise Ticket node when the start would not reach the banner', () => {
    const twoRaises = journeyWith(
      [
        { id: 'first', type: 'raiseTicket', next: { agentConnected: 'second' } },
        { id: 'second', type: 'raiseTicket', next: { agentConnected: 'go' } },
        { id: 'go', type: 'jumpToJourney', journey: 'show-banner' },
      ],
      { name: 'escalate', trigger: { intent: 'talk_to_agent' } },
    );
    const showBanner = journeyWith([{ id: 'banner', type: 'sendEvent', event: 'ui-event-close-promotion', data: typedBanner }], {
      name: 'show-banner',
      trigger: { event: 'bot-opened' },
    });
    const fixture = guideProject({ 'journeys/live-agent.json': twoRaises, 'journeys/show-banner.json': showBanner });
    const { runs } = handoffPath(fixture.project);
    assert.deepEqual(
      runs.map((r) => r.title),
      ['escalate (banner in show-banner): type "talk to bot"', 'escalate (banner in show-banner): type "talk to bot"'],
    );
    // After `second`, the start does not reach the banner with one agent: that run starts at `second`.
    // After `first`, nothing does (two agents are needed): that run starts at the start, and says so.
    assert.deepEqual(
      runs.map((r) => r.inputs[0]),
      [
        { kind: 'startJourney', journey: 'escalate' },
        { kind: 'startJourney', journey: 'escalate', node: 'second' },
      ],
    );
    assert.deepEqual(
      runs.map((r) => r.banner.raisedBy.node),
      ['first', 'second'],
    );
    assert.equal(runs[1].outcome.stuck, false);
    // Typing the phrase from the start reaches the exit journey, but the customer never saw the banner that asks for it.
    assert.equal(runs[0].outcome.expectedBannerShown, false);
    assert.equal(
      runs[0].outcome.summary,
      'stuck: the banner of node `banner` of journey `show-banner` was not on screen when the customer tried to leave',
    );
    assert.equal(runs[1].outcome.expectedBannerShown, true);
  });

  it('says which banners it cannot run: a payload that is a template', () => {
    const fixture = guideProject({ 'journeys/live-agent.json': agentJourney('{{{variables.banner}}}') });
    const { runs, notes } = handoffPath(fixture.project);
    assert.equal(runs.length, 0);
    assert.equal(
      notes[1],
      'The banner of node `banner` of journey `live-agent` (journeys/live-agent.json) offers no exit phrase to try (it is the template {{{variables.banner}}}).',
    );
  });

  it('only the banners of one file and node, for a code lens', () => {
    const fixture = guideProject({ 'journeys/other.json': agentJourney(typedBanner, { name: 'other' }) });
    const file = path.join(fixture.project.root, 'journeys/other.json');
    assert.deepEqual(
      handoffPath(fixture.project, { only: { file } }).runs.map((r) => r.title),
      ['other: type "talk to bot"'],
    );
    assert.deepEqual(handoffPath(fixture.project, { only: { file, node: 'nope' } }).runs, []);
    assert.equal(handoffPath(fixture.project).runs.length, 2);
  });

  it('a guide-complete project: back with the bot', () => {
    const { runs } = handoffPath(guideProject().project);
    assert.deepEqual(
      runs.map((r) => r.outcome.summary),
      ['back with the bot: banner hidden, ticket closed'],
    );
  });

  // Each closing check: a project with its finding gives a stuck run, and a step of the run names it.
  const closingCases: Record<string, { files: Record<string, object>; summary: string; namedAt: string }> = {
    'banner-not-closed': {
      files: { 'journeys/return-to-bot.json': withoutCloseBanner },
      summary: 'stuck: the banner is still shown (banner-not-closed)',
      namedAt: 'end',
    },
    'ticket-not-closed': {
      files: { 'journeys/return-to-bot.json': withoutCloseTicket },
      summary: 'stuck: the ticket is still open, the customer is still with the agent (ticket-not-closed)',
      namedAt: 'end',
    },
    'exit-intent-unlinked': {
      files: { 'journeys/return-to-bot.json': { ...exitJourney, trigger: { intent: 'talk_to_agent' }, name: 'not-the-exit' } },
      summary: 'stuck: the banner is still shown, the ticket is still open, the customer is still with the agent (exit-intent-unlinked)',
      namedAt: 'agent',
    },
    'option-text-mismatch': {
      files: { 'journeys/live-agent.json': agentJourney({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to the bot' }] }) },
      summary: 'stuck: the banner is still shown, the ticket is still open, the customer is still with the agent (option-text-mismatch)',
      namedAt: 'agent',
    },
    'event-disabled': {
      files: {
        'bot.json': {
          ...validBot,
          events: [
            { name: 'ui-event-update-promotion', enabled: true },
            { name: 'ui-event-close-promotion', enabled: false },
          ],
        },
      },
      summary: 'stuck: the banner is still shown (event-disabled)',
      namedAt: 'event',
    },
  };
  for (const [code, { files, summary, namedAt }] of Object.entries(closingCases)) {
    it(`${code}: the project's finding gives a stuck run whose steps name it`, () => {
      const fixture = guideProject(files);
      const { runs } = handoffPath(fixture.project);
      assert.equal(runs.length, 1);
      const [run] = runs;
      assert.equal(run.outcome.stuck, true);
      assert.equal(run.outcome.summary, summary);
      assert.deepEqual(run.outcome.codes, [code]);
      const naming = run.steps.filter((step) => step.why.findings.some((f) => f.code === code));
      assert.deepEqual(
        naming.map((s) => s.kind),
        [namedAt],
        transcript(run).join('\n'),
      );
      // The finding is the check's own, with its place.
      const finding = naming[0].why.findings.find((f) => f.code === code)!;
      assert.equal(fixture.findings(finding.place.path.slice(fixture.project.root.length + 1), code).length, 1);
      assert.equal(fixture.findings(finding.place.path.slice(fixture.project.root.length + 1), code)[0].offset, finding.place.offset);
    });
  }

  it('a check turned off in handoff-kit.json explains nothing, but the run is still stuck', () => {
    const fixture = guideProject({
      'journeys/return-to-bot.json': withoutCloseBanner,
      'handoff-kit.json': { rules: { 'banner-not-closed': 'off' } },
    });
    const [run] = handoffPath(fixture.project).runs;
    assert.equal(run.outcome.summary, 'stuck: the banner is still shown');
  });
});

describe('simulator: a run is a function of its inputs', () => {
  it('stepping back is running again with one input fewer: the steps are the same up to there', () => {
    const fixture = guideProject();
    const inputs = [
      { kind: 'startJourney' as const, journey: 'live-agent' },
      { kind: 'ticket' as const, outcome: 'agentConnected' as const },
      { kind: 'say' as const, text: 'talk to the bot' },
      { kind: 'click' as const, title: 'Exit' },
    ];
    const full = simulate(fixture.project, inputs);
    for (let n = 0; n < inputs.length; n++) {
      const shorter = simulate(fixture.project, inputs.slice(0, n));
      const prefix = full.steps.filter((s) => s.input !== undefined && s.input < n);
      assert.deepEqual(
        shorter.steps.slice(0, -1).map((s) => [s.kind, s.text, s.input, s.state, s.why.text]),
        prefix.map((s) => [s.kind, s.text, s.input, s.state, s.why.text]),
      );
    }
    assert.equal(full.outcome.stuck, false);
  });

  it('never changes the project, and reads a changed project on the next run', () => {
    const fixture = guideProject({ 'journeys/live-agent.json': agentJourney(buttonBanner) });
    const generation = fixture.project.generation;
    const inputs = [
      { kind: 'startJourney' as const, journey: 'live-agent' },
      { kind: 'ticket' as const, outcome: 'agentConnected' as const },
      { kind: 'click' as const, title: 'Exit' },
    ];
    assert.equal(simulate(fixture.project, inputs).outcome.stuck, false);
    assert.equal(fixture.project.generation, generation);
    fixture.set('journeys/return-to-bot.json', withoutCloseBanner);
    assert.equal(simulate(fixture.project, inputs).outcome.summary, 'stuck: the banner is still shown (banner-not-closed)');
  });
});
