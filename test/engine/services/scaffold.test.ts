import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotProject, BotWorkspace, checkProject, nodeFileSystem, applyChanges, type ProjectEdit } from '../../../server/src/engine';
import type { PhraseMatch } from '../../../server/src/engine/phrases/phraseMatch';
import {
  disconnectionContext,
  planDisconnection,
  validateDisconnectionOptions,
  type DisconnectionOptions,
  type ScaffoldPlan,
} from '../../../server/src/engine/services/scaffold';
import { exampleProject } from '../../paths';
import { ROOT } from '../support/projectFixture';

/** A project holding exactly `files` (objects are written as pretty JSON). */
function botProject(files: Record<string, object | string>): BotProject {
  const project = new BotProject(ROOT);
  for (const [rel, content] of Object.entries(files)) {
    project.setText(path.join(ROOT, rel), typeof content === 'string' ? content : JSON.stringify(content, null, 2), 1);
  }
  return project;
}

function loadExample(): Promise<BotProject> {
  return new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
}

let version = 100;

/** Applies an edit to the project in memory, as an editor would; never over a file it has. */
function apply(project: BotProject, edit: ProjectEdit): void {
  for (const change of edit.changes) {
    const file = project.file(change.file);
    if (change.kind === 'create') assert.equal(file, undefined, `${change.file} would be overwritten`);
    const text = change.kind === 'create' ? change.text : applyChanges(file!.text, change.changes);
    project.setText(change.file, text, version++);
  }
}

const rel = (project: BotProject, file: string) => path.relative(project.root, file).split(path.sep).join('/');
const text = (project: BotProject, file: string) => project.file(path.join(project.root, file))!.text;
const json = (project: BotProject, file: string) => JSON.parse(text(project, file));

function problems(project: BotProject, phraseMatch?: PhraseMatch): string[] {
  return checkProject(project, { phraseMatch }).map((f) => `${rel(project, f.file)}: ${f.code}: ${f.message}`);
}

/**
 * Plans, checks the plan is one edit with one change a file, applies it, and checks what every
 * run must give: no findings, and nothing more to do on a second run with the same options.
 */
function setUp(project: BotProject, options: Partial<DisconnectionOptions>): ScaffoldPlan {
  const plan = planDisconnection(project, options);
  assert.deepEqual(plan.conflicts, []);
  const files = plan.edit.changes.map((c) => c.file);
  assert.equal(new Set(files).size, files.length, 'one change a file');
  for (const change of plan.edit.changes) if (change.kind === 'edit') assert.equal(change.changes.length, 1);
  apply(project, plan.edit);
  assert.deepEqual(problems(project, options.phraseMatch), []);
  const again = planDisconnection(project, options);
  assert.deepEqual({ changes: again.edit.changes, steps: again.steps, conflicts: again.conflicts }, { changes: [], steps: [], conflicts: [] });
  return plan;
}

/** The changes a plan makes, as `kind file`. */
const changed = (project: BotProject, plan: ScaffoldPlan) => plan.edit.changes.map((c) => `${c.kind} ${rel(project, c.file)}`);

const nodeById = (journey: { nodes: { id: string }[] }, id: string) => journey.nodes.find((n) => n.id === id) as Record<string, unknown>;

const agentIntent = { name: 'talk_to_agent', utterances: ['talk to an agent'] };

/** A journey that raises a ticket and, once the agent is connected, says so (and shows no banner). */
const ticketJourney = {
  name: 'live-agent',
  trigger: { intent: 'talk_to_agent' },
  start: 'raise-ticket',
  nodes: [
    { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'connected', error: 'sorry' } },
    { id: 'connected', type: 'message', text: 'An agent is with you.' },
    { id: 'sorry', type: 'message', text: 'Sorry, no agent can take the chat.' },
  ],
};

const guideBanner = { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] };

describe('scaffold: add user-initiated disconnection', () => {
  it('sets up an empty project: all six steps, one edit, no findings, nothing on a second run', () => {
    const project = botProject({ 'bot.json': { name: 'x' } });
    const plan = setUp(project, {});
    assert.equal(plan.edit.title, 'Add user-initiated disconnection');
    assert.deepEqual(plan.steps, [
      'Declare and enable event `ui-event-update-promotion` in bot.json',
      'Declare and enable event `ui-event-close-promotion` in bot.json',
      'Create intent `talk_to_bot` (intents/talk_to_bot.json) trained with `talk to bot`',
      'Create intent `talk_to_agent` (intents/talk_to_agent.json) trained with `talk to agent`',
      'Create journey `live-agent` (journeys/live-agent.json), started by intent `talk_to_agent`: it raises a ticket and, once an agent is connected, shows the banner with `ui-event-close-promotion`, closed again when the agent closes the ticket',
      'Create journey `return-to-bot` (journeys/return-to-bot.json), started by intent `talk_to_bot`: it closes the banner and the ticket and welcomes the customer back',
    ]);
    assert.deepEqual(changed(project, plan), [
      'edit bot.json',
      'create intents/talk_to_bot.json',
      'create intents/talk_to_agent.json',
      'create journeys/live-agent.json',
      'create journeys/return-to-bot.json',
    ]);
    assert.deepEqual(
      json(project, 'bot.json').events.map((e: { name: string; enabled: boolean }) => [e.name, e.enabled]),
      [
        ['ui-event-update-promotion', true],
        ['ui-event-close-promotion', true],
      ],
    );
    const live = json(project, 'journeys/live-agent.json');
    const raise = nodeById(live, 'raise-ticket');
    assert.deepEqual(raise.next, {
      agentConnected: 'show-exit-banner',
      agentsUnavailable: 'no-agents',
      ticketClosed: 'close-banner',
      error: 'ticket-error',
    });
    // When the agent closes the ticket, the banner closes too (banner-outlives-ticket).
    assert.deepEqual(nodeById(live, 'close-banner'), {
      id: 'close-banner',
      type: 'sendEvent',
      event: 'ui-event-close-promotion',
      next: 'agent-left',
    });
    assert.deepEqual(nodeById(live, 'show-exit-banner'), {
      id: 'show-exit-banner',
      type: 'sendEvent',
      event: 'ui-event-close-promotion',
      data: guideBanner,
    });
    const exit = json(project, 'journeys/return-to-bot.json');
    assert.deepEqual(exit.trigger, { intent: 'talk_to_bot' });
    assert.deepEqual(
      exit.nodes.map((n: { type: string }) => n.type),
      ['sendEvent', 'closeTicket', 'message'],
    );
    assert.equal(nodeById(exit, 'close-ticket').ticketId, '{{{variables.ticketId}}}');
    assert.equal(nodeById(exit, 'back-with-bot').text, 'You are back with the bot. How can I help?');
  });

  it('writes new files as the example project is written', () => {
    const project = botProject({ 'bot.json': { name: 'x' } });
    setUp(project, {});
    assert.equal(
      text(project, 'intents/talk_to_bot.json'),
      [
        '{',
        '  "name": "talk_to_bot",',
        '  "description": "The customer wants to leave the live agent and go back to the bot.",',
        '  "utterances": ["talk to bot"]',
        '}',
        '',
      ].join('\n'),
    );
    assert.equal(
      text(project, 'journeys/return-to-bot.json'),
      [
        '{',
        '  "name": "return-to-bot",',
        '  "description": "The customer left the live agent: close the banner and the ticket, and welcome them back.",',
        '  "trigger": { "intent": "talk_to_bot" },',
        '  "start": "close-banner",',
        '  "nodes": [',
        '    { "id": "close-banner", "type": "sendEvent", "event": "ui-event-close-promotion", "next": "close-ticket" },',
        '    { "id": "close-ticket", "type": "closeTicket", "ticketId": "{{{variables.ticketId}}}", "next": "back-with-bot" },',
        '    { "id": "back-with-bot", "type": "message", "text": "You are back with the bot. How can I help?" }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    // The banner nests deeper: written out, its button on one line, as in examples/support-bot.
    assert.match(
      text(project, 'journeys/live-agent.json'),
      /\n {6}"data": \{\n {8}"title": "Do you want to exit from chat\?",\n {8}"options": \[\{ "title": "Exit", "text": "talk to bot" \}\]\n {6}\}\n/,
    );
  });

  it('creates bot.json, named after the folder, when the project has none', () => {
    const project = botProject({});
    const plan = setUp(project, {});
    assert.equal(
      plan.steps[0],
      'Create bot.json for bot `test-bot`, declaring and enabling `ui-event-update-promotion` and `ui-event-close-promotion`',
    );
    assert.equal(json(project, 'bot.json').name, 'test-bot');
  });

  it('finds nothing to do in the example project, which implements the whole guide', async () => {
    const project = await loadExample();
    for (const ticketJourney of [{ existing: 'live-agent' }, { existing: 'billing-agent' }, { create: 'live-agent' }]) {
      const plan = planDisconnection(project, { ticketJourney });
      assert.deepEqual(
        { changes: plan.edit.changes, steps: plan.steps, conflicts: plan.conflicts },
        { changes: [], steps: [], conflicts: [] },
        JSON.stringify(ticketJourney),
      );
    }
  });

  it('adds a second ticket journey to the example, typed and shown with update-promotion, reusing what it has', async () => {
    const project = await loadExample();
    const plan = setUp(project, {
      mode: 'typed',
      showEvent: 'ui-event-update-promotion',
      ticketJourney: { create: 'sales-agent', intent: 'talk_to_sales' },
    });
    assert.deepEqual(changed(project, plan), ['create intents/talk_to_sales.json', 'create journeys/sales-agent.json']);
    assert.deepEqual(json(project, 'intents/talk_to_sales.json').utterances, ['talk to sales']);
    const banner = nodeById(json(project, 'journeys/sales-agent.json'), 'show-exit-banner');
    assert.equal(banner.event, 'ui-event-update-promotion');
    assert.deepEqual(banner.data, { title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] });
  });

  it('completes a partial setup: a disabled event, an intent without the phrase, a banner and a close-ticket missing', () => {
    const project = botProject({
      'bot.json':
        '{\n  "name": "x",\n  "events": [\n    { "name": "ui-event-update-promotion", "enabled": true },\n    { "name": "ui-event-close-promotion", "enabled": false }\n  ]\n}\n',
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to bot'] },
      'intents/talk_to_agent.json': agentIntent,
      'journeys/live-agent.json': ticketJourney,
      'journeys/return-to-bot.json': {
        name: 'return-to-bot',
        trigger: { intent: 'talk_to_bot' },
        start: 'close-banner',
        nodes: [
          { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'back' },
          { id: 'back', type: 'message', text: 'Welcome back.' },
        ],
      },
    });
    const botBefore = text(project, 'bot.json');
    const plan = setUp(project, { ticketJourney: { existing: 'live-agent' } });
    assert.deepEqual(plan.steps, [
      'Enable event `ui-event-close-promotion` in bot.json',
      'Add `talk to bot` as an utterance of intent `talk_to_bot` (intents/talk_to_bot.json)',
      'Show the banner with `ui-event-close-promotion` once an agent is connected, and close it when the agent closes the ticket, in journey `live-agent` (journeys/live-agent.json)',
      'Add a close-ticket step at the start of journey `return-to-bot` (journeys/return-to-bot.json)',
    ]);
    // Merged, not rewritten: bot.json changes by one word.
    assert.equal(text(project, 'bot.json'), botBefore.replace('"enabled": false', '"enabled": true'));
    assert.deepEqual(json(project, 'intents/talk_to_bot.json').utterances, ['back to bot', 'talk to bot']);
    const live = json(project, 'journeys/live-agent.json');
    assert.deepEqual(
      live.nodes.map((n: { id: string }) => n.id),
      ['raise-ticket', 'show-exit-banner', 'close-banner', 'connected', 'sorry'],
    );
    assert.deepEqual(nodeById(live, 'raise-ticket').next, { agentConnected: 'show-exit-banner', error: 'sorry', ticketClosed: 'close-banner' });
    // Where agentConnected went before, the banner goes on to.
    assert.equal(nodeById(live, 'show-exit-banner').next, 'connected');
    const exit = json(project, 'journeys/return-to-bot.json');
    assert.equal(exit.start, 'close-ticket');
    assert.deepEqual(
      exit.nodes.map((n: { id: string; next?: string }) => [n.id, n.next]),
      [
        ['close-ticket', 'close-banner'],
        ['close-banner', 'back'],
        ['back', undefined],
      ],
    );
  });

  it('adds the closing steps an exit journey lacks, counting those it reaches by a jump, with ids it does not use yet', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot'] },
      'intents/talk_to_agent.json': agentIntent,
      'journeys/live-agent.json': ticketJourney,
      'journeys/leave.json': {
        name: 'leave',
        trigger: { intent: 'talk_to_bot' },
        start: 'close-banner',
        nodes: [{ id: 'close-banner', type: 'jumpToJourney', journey: 'goodbye' }],
      },
      'journeys/goodbye.json': {
        name: 'goodbye',
        trigger: { event: 'ticket-assigned-bot' },
        start: 'bye',
        nodes: [{ id: 'bye', type: 'message', text: 'The bot is back.' }],
      },
    });
    const plan = setUp(project, { ticketJourney: { existing: 'live-agent' } });
    assert.equal(plan.steps[plan.steps.length - 1], 'Add close-banner and close-ticket steps at the start of journey `leave` (journeys/leave.json)');
    const leave = json(project, 'journeys/leave.json');
    assert.deepEqual(
      leave.nodes.map((n: { id: string; next?: string }) => [n.id, n.next]),
      [
        ['close-banner-2', 'close-ticket'],
        ['close-ticket', 'close-banner'],
        ['close-banner', undefined],
      ],
    );
    assert.equal(leave.start, 'close-banner-2');
  });

  it('gives a Raise Ticket node without agentConnected one, and leaves a path that already shows the banner', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'intents/talk_to_agent.json': agentIntent,
      'journeys/live-agent.json': {
        ...ticketJourney,
        nodes: [
          { id: 'raise-ticket', type: 'raiseTicket', next: { error: 'retry' } },
          { id: 'retry', type: 'raiseTicket', group: 'backup', next: { agentConnected: 'banner' } },
          { id: 'banner', type: 'sendEvent', event: 'ui-event-update-promotion', data: guideBanner },
        ],
      },
    });
    setUp(project, { ticketJourney: { existing: 'live-agent' } });
    const live = json(project, 'journeys/live-agent.json');
    assert.deepEqual(
      live.nodes.map((n: { id: string }) => n.id),
      ['raise-ticket', 'show-exit-banner', 'close-banner-2', 'retry', 'close-banner', 'banner'],
    );
    assert.deepEqual(nodeById(live, 'raise-ticket').next, { error: 'retry', agentConnected: 'show-exit-banner', ticketClosed: 'close-banner-2' });
    assert.deepEqual(nodeById(live, 'retry').next, { agentConnected: 'banner', ticketClosed: 'close-banner' });
    assert.equal(nodeById(live, 'show-exit-banner').next, undefined);
  });

  it('gives a Raise Ticket node with no outcomes at all its agentConnected', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'intents/talk_to_agent.json': agentIntent,
      'journeys/live-agent.json': { ...ticketJourney, nodes: [{ id: 'raise-ticket', type: 'raiseTicket' }] },
    });
    setUp(project, { ticketJourney: { existing: 'live-agent' } });
    assert.deepEqual(nodeById(json(project, 'journeys/live-agent.json'), 'raise-ticket').next, {
      agentConnected: 'show-exit-banner',
      ticketClosed: 'close-banner',
    });
  });

  it('raises the ticket at the end of a chosen journey that raises none', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'intents/help.json': { name: 'help', utterances: ['help'] },
      'journeys/help.json': {
        name: 'help',
        trigger: { intent: 'help' },
        start: 'hello',
        nodes: [
          { id: 'hello', type: 'message', text: 'Let me find someone.', next: 'note' },
          { id: 'note', type: 'message', text: 'One moment.' },
        ],
      },
    });
    const plan = setUp(project, { ticketJourney: { existing: 'help' } });
    assert.ok(
      plan.steps.includes(
        'Raise a ticket at the end of journey `help` (after node `note`) and, once an agent is connected, show the banner with `ui-event-close-promotion`, closed again when the agent closes the ticket (journeys/help.json)',
      ),
      plan.steps.join('\n'),
    );
    const help = json(project, 'journeys/help.json');
    assert.equal(nodeById(help, 'note').next, 'raise-ticket');
    assert.deepEqual(nodeById(help, 'raise-ticket').next, {
      agentConnected: 'show-exit-banner',
      agentsUnavailable: 'no-agents',
      ticketClosed: 'close-banner',
      error: 'ticket-error',
    });
  });

  it('refuses a journey without a Raise Ticket node that has no end to add one at', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'journeys/menu.json': {
        name: 'menu',
        trigger: { event: 'bot-opened' },
        start: 'go',
        nodes: [{ id: 'go', type: 'jumpToJourney', journey: 'menu' }],
      },
    });
    const plan = planDisconnection(project, { ticketJourney: { existing: 'menu' } });
    assert.deepEqual(plan.edit.changes, []);
    assert.deepEqual(plan.steps, []);
    assert.deepEqual(plan.conflicts, [
      {
        kind: 'cannot-edit',
        field: 'ticketJourney',
        message:
          'journey `menu` raises no ticket and it ends by jumping to journey `menu`, so there is no end to raise one at: choose a journey that raises a ticket, or create one',
        suggestion: 'live-agent',
      },
    ]);
  });

  it('refuses to add closing steps to an exit journey that leads to a Raise Ticket node (issue 25)', () => {
    const project = botProject({
      'bot.json': { name: 'x' },
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot'] },
      'intents/talk_to_agent.json': agentIntent,
      'journeys/live-agent.json': ticketJourney,
      'journeys/leave.json': {
        name: 'leave',
        trigger: { intent: 'talk_to_bot' },
        start: 'go',
        nodes: [{ id: 'go', type: 'jumpToJourney', journey: 'live-agent' }],
      },
    });
    const plan = planDisconnection(project, { ticketJourney: { existing: 'live-agent' } });
    assert.deepEqual(plan.edit.changes, []);
    assert.deepEqual(plan.conflicts, [
      {
        kind: 'invalid-option',
        field: 'phrase',
        message:
          'the exit phrase `talk to bot` starts journey `leave` (intent `talk_to_bot`), but a path of journey `leave` reaches a Raise Ticket node (node `raise-ticket` of `live-agent`): closing steps before it would close the ticket and then raise a new one: choose a phrase that intent is not trained with',
      },
    ]);
  });

  describe('the banner', () => {
    const typed = (bannerTitle: string, phrase = 'talk to bot') => {
      const project = botProject({ 'bot.json': { name: 'x' } });
      setUp(project, { mode: 'typed', bannerTitle, phrase });
      return nodeById(json(project, 'journeys/live-agent.json'), 'show-exit-banner').data;
    };

    it('typed: asks to type the phrase after the title, as the guide shows', () => {
      assert.deepEqual(typed('Do you want to exit from chat?'), { title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] });
    });

    it('typed: keeps a title that already quotes the phrase, and ends a title without a full stop', () => {
      assert.deepEqual(typed('To leave the agent, type "back to bot"', 'back to bot'), {
        title: 'To leave the agent, type "back to bot"',
        options: [],
      });
      assert.deepEqual(typed('Want the bot again'), { title: "Want the bot again. Please type 'talk to bot'", options: [] });
    });

    it('shows it with ui-event-update-promotion when asked, and still enables both events', () => {
      const project = botProject({ 'bot.json': { name: 'x' } });
      setUp(project, { showEvent: 'ui-event-update-promotion', buttonLabel: 'Back to bot' });
      const banner = nodeById(json(project, 'journeys/live-agent.json'), 'show-exit-banner');
      assert.equal(banner.event, 'ui-event-update-promotion');
      assert.deepEqual(banner.data, { title: 'Do you want to exit from chat?', options: [{ title: 'Back to bot', text: 'talk to bot' }] });
      assert.equal(json(project, 'bot.json').events.length, 2);
    });

    it('button: a phrase may hold a quote mark', () => {
      const project = botProject({ 'bot.json': { name: 'x' } });
      setUp(project, { phrase: "I'm done with the agent" });
      assert.deepEqual(json(project, 'intents/talk_to_bot.json').utterances, ["I'm done with the agent"]);
    });

    it('uses an intent trained with the phrase as the project compares it', () => {
      const project = botProject({
        'bot.json': { name: 'x' },
        'handoff-kit.json': { exitPhraseMatch: 'ignoreCaseAndSpacing' },
        'intents/back.json': { name: 'back', utterances: ['Talk to  Bot'] },
      });
      const plan = setUp(project, {});
      assert.ok(!plan.steps.some((s) => s.includes('utterance')), plan.steps.join('\n'));
      assert.deepEqual(json(project, 'journeys/return-to-bot.json').trigger, { intent: 'back' });
    });
  });

  describe('conflicts: nothing changes, and the option to ask again is named', () => {
    const refused = (project: BotProject, options: Partial<DisconnectionOptions>) => {
      const plan = planDisconnection(project, options);
      assert.deepEqual(plan.edit.changes, []);
      assert.deepEqual(plan.steps, []);
      assert.ok(plan.conflicts.length);
      return plan.conflicts;
    };
    const taken = () =>
      botProject({
        'bot.json': { name: 'x' },
        'intents/talk_to_agent.json': agentIntent,
        'journeys/live-agent.json': ticketJourney,
        'journeys/faq.json': { name: 'faq', trigger: { event: 'bot-opened' }, start: 'a', nodes: [{ id: 'a', type: 'message', text: 'Hi.' }] },
        'intents/exit.json': { name: 'leave', utterances: ['leave'] },
      });

    it('an exit journey name taken by another journey: a free one is suggested', () => {
      assert.deepEqual(refused(taken(), { ticketJourney: { existing: 'live-agent' }, exitJourney: 'faq' }), [
        {
          kind: 'name-taken',
          field: 'exitJourney',
          message: 'journey `faq` already exists (journeys/faq.json): choose another name for the new journey',
          suggestion: 'faq-2',
        },
      ]);
    });

    it('an exit intent name whose file holds another intent: a free one is suggested', () => {
      assert.deepEqual(refused(taken(), { ticketJourney: { existing: 'live-agent' }, exitIntent: 'exit' }), [
        {
          kind: 'name-taken',
          field: 'exitIntent',
          message: 'intents/exit.json already exists: choose another name for the new intent',
          suggestion: 'exit_2',
        },
      ]);
    });

    it('a new ticket journey named as a journey that raises no ticket', () => {
      const [conflict] = refused(taken(), { ticketJourney: { create: 'faq' } });
      assert.deepEqual([conflict.kind, conflict.field, conflict.suggestion], ['name-taken', 'ticketJourney', 'faq-2']);
    });

    it('the default names, when taken, become free ones rather than conflicts', () => {
      const project = taken();
      project.setText(
        path.join(ROOT, 'journeys/return-to-bot.json'),
        JSON.stringify({ ...ticketJourney, name: 'return-to-bot', trigger: { intent: 'leave' } }),
        1,
      );
      const plan = setUp(project, { ticketJourney: { existing: 'live-agent' } });
      assert.ok(changed(project, plan).includes('create journeys/return-to-bot-2.json'), changed(project, plan).join('\n'));
    });

    it('a ticket journey that does not exist: the near name is suggested', () => {
      assert.deepEqual(refused(taken(), { ticketJourney: { existing: 'live-agnet' } }), [
        {
          kind: 'unknown-journey',
          field: 'ticketJourney',
          message: 'no journey is named `live-agnet`; did you mean `live-agent`?',
          suggestion: 'live-agent',
        },
      ]);
    });

    it('a new ticket journey whose intent already starts a ticket journey: that journey is suggested', async () => {
      assert.deepEqual(refused(await loadExample(), { ticketJourney: { create: 'agent-2' } }), [
        {
          kind: 'in-use',
          field: 'ticketJourney',
          message:
            'intent `talk_to_agent` already starts journey `live-agent`, which raises a ticket: use that journey, or choose another intent for the new journey',
          suggestion: 'live-agent',
        },
      ]);
    });

    it('a ticket journey whose banner offers another phrase: its phrase is suggested', async () => {
      assert.deepEqual(refused(await loadExample(), { phrase: 'leave agent', ticketJourney: { existing: 'live-agent' } }), [
        {
          kind: 'banner-differs',
          field: 'phrase',
          message:
            'journey `live-agent` already shows a banner once an agent is connected, offering `talk to bot`, not `leave agent`: use its phrase, or change that banner first',
          suggestion: 'talk to bot',
        },
      ]);
    });

    it('the exit journey chosen to raise the ticket', async () => {
      const [conflict] = refused(await loadExample(), { ticketJourney: { existing: 'return-to-bot' } });
      assert.equal(
        conflict.message,
        'journey `return-to-bot` starts from the exit intent `talk_to_bot`: the journey that raises the ticket must be another one',
      );
    });

    it('a file that is not valid JSON is not merged into', () => {
      const project = botProject({ 'bot.json': '{ "name": "x", }' });
      assert.deepEqual(refused(project, {}), [
        { kind: 'cannot-edit', message: 'bot.json is not a valid JSON object: fix it, then add the disconnection again' },
      ]);
    });

    it('a file of the wrong shape is not merged into', () => {
      const project = botProject({ 'bot.json': { name: 'x', events: {} } });
      const [conflict] = refused(project, {});
      assert.equal(conflict.kind, 'cannot-edit');
      assert.match(conflict.message, /^bot\.json does not have the shape its schema asks for/);
    });
  });

  describe('invalid options give a clear conflict, never a broken file', () => {
    const invalid = (options: Partial<DisconnectionOptions>) => {
      const plan = planDisconnection(botProject({ 'bot.json': { name: 'x' } }), options);
      assert.deepEqual(plan.edit.changes, []);
      assert.ok(plan.conflicts.every((c) => c.kind === 'invalid-option'));
      return plan.conflicts.map((c) => [c.field, c.message]);
    };

    it('an empty phrase', () => {
      assert.deepEqual(invalid({ phrase: '   ' }), [
        ['phrase', 'the exit phrase is empty: the customer needs words to click or type, such as `talk to bot`'],
      ]);
    });

    it('a quote mark in a phrase to type', () => {
      assert.deepEqual(invalid({ mode: 'typed', phrase: "I'm done" }), [
        [
          'phrase',
          "the banner's title quotes the phrase to type, so `I'm done` cannot hold quote marks: choose words without them, or a banner with a button",
        ],
      ]);
    });

    it('a template, a second line, an empty label or title, a name with spaces, an unknown event', () => {
      assert.deepEqual(
        invalid({ phrase: '{{{variables.exit}}}' }).map(([field]) => field),
        ['phrase'],
      );
      assert.deepEqual(
        invalid({ phrase: 'talk\nto bot' }).map(([field]) => field),
        ['phrase'],
      );
      assert.deepEqual(
        invalid({ buttonLabel: ' ', bannerTitle: '' }).map(([field]) => field),
        ['buttonLabel', 'bannerTitle'],
      );
      assert.deepEqual(invalid({ exitJourney: 'back to bot', exitIntent: 'talk to bot' }), [
        ['exitIntent', '`talk to bot` is not a valid intent name: use letters, digits, `_`, `-` or `.`, with no spaces'],
        ['exitJourney', '`back to bot` is not a valid journey name: use letters, digits, `_`, `-` or `.`, with no spaces'],
      ]);
      assert.deepEqual(
        invalid({ showEvent: 'ui-event-close-promotoin' as 'ui-event-close-promotion' }).map(([field]) => field),
        ['showEvent'],
      );
      assert.deepEqual(invalid({ ticketJourney: { create: ' ' } }), [['ticketJourney', 'the journey needs a name']]);
    });

    it('the same intent to leave the agent and to reach it', () => {
      assert.deepEqual(invalid({ exitIntent: 'talk_to_bot', ticketJourney: { create: 'live-agent', intent: 'talk_to_bot' } }), [
        ['ticketJourney', 'the journey that raises the ticket cannot start from the exit intent `talk_to_bot`'],
      ]);
    });

    it('is also offered alone, for input boxes, trimming what the developer typed', () => {
      assert.deepEqual(validateDisconnectionOptions({ phrase: ' talk to bot ', exitIntent: ' talk_to_bot ' }), []);
      assert.equal(validateDisconnectionOptions({ mode: 'typed', phrase: 'say "bye"' })[0].field, 'phrase');
    });
  });

  describe('disconnectionContext', () => {
    it('tells the command what the example project already has', async () => {
      const context = disconnectionContext(await loadExample());
      assert.equal(context.exitPhrase, 'talk to bot');
      assert.equal(context.exitIntent, 'talk_to_bot');
      assert.deepEqual(context.exitJourneys, ['return-to-bot']);
      assert.deepEqual(
        context.journeys.map((j) => [j.name, j.raisesTicket, j.showsBanner]),
        [
          ['billing-agent', true, true],
          ['live-agent', true, true],
        ],
      );
      assert.deepEqual(
        context.intents.find((i) => i.name === 'talk_to_agent'),
        { name: 'talk_to_agent', file: 'intents/talk_to_agent.json', journeys: ['live-agent'] },
      );
      assert.deepEqual(
        [context.freeTicketJourney, context.freeExitJourney, context.freeExitIntent],
        ['live-agent-2', 'return-to-bot-2', 'talk_to_bot_2'],
      );
    });

    it('says whether the project already has the whole disconnection, so the command can say so before asking', async () => {
      assert.equal(disconnectionContext(await loadExample()).alreadySetUp, true);
      const empty = botProject({ 'bot.json': { name: 'x' } });
      assert.equal(disconnectionContext(empty).alreadySetUp, false);
      // Set up with other answers than the defaults (a typed phrase, another ticket journey, the other event): set up all the same.
      setUp(empty, { mode: 'typed', phrase: 'back to bot', showEvent: 'ui-event-update-promotion', ticketJourney: { create: 'human' } });
      assert.equal(disconnectionContext(empty).alreadySetUp, true);
      // Half of it: the banner shown, the exit journey gone.
      const partial = botProject({ 'bot.json': { name: 'x' } });
      setUp(partial, {});
      partial.delete(path.join(ROOT, 'journeys/return-to-bot.json'));
      assert.equal(disconnectionContext(partial).alreadySetUp, false);
    });

    it('offers the default names in an empty project', () => {
      const context = disconnectionContext(botProject({ 'bot.json': { name: 'x' } }));
      assert.equal(context.exitPhrase, undefined);
      assert.equal(context.exitIntent, undefined);
      assert.deepEqual([context.journeys, context.intents, context.exitJourneys], [[], [], []]);
      assert.deepEqual([context.freeTicketJourney, context.freeExitJourney, context.freeExitIntent], ['live-agent', 'return-to-bot', 'talk_to_bot']);
    });
  });
});
