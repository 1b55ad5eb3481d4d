// "Handoff Kit: Add User-Initiated Disconnection" run as another extension or a keybinding runs it: with the project's
// folder and options, so that it asks nothing. On an empty project it writes all six steps of the guide; on a partial
// one it merges the missing steps into the files there; on a project already set up it changes nothing. Each project
// it sets up has no findings, a second run changes nothing, and the whole edit is one undo step while VS Code holds
// its files (right after the command it is not: see the pending tests). Every test puts its project back as it was:
// the files on disk, the language server's view of them, no finding left in the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from '../support/conditions';
import { waitForCode } from '../support/diagnostics';
import { waitForExtension } from '../support/language';
import {
  assertNoFindings,
  changesBetween,
  findingsOfDeletedFiles,
  jsonIn,
  projectFile,
  readProject,
  restoreProject,
  waitForProjectChecked,
  waitForServerView,
  type ProjectFiles,
  type ServerView,
} from '../support/projects';
import { fixtureFile } from '../support/workspace';

const command = 'handoffKit.addDisconnection';

/** The guide's banner (step 2), with the defaults the command's questions offer. */
const guideBanner = { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] };

/** The nodes of the exit journey the command creates (steps 5 and 6). */
const exitJourneyNodes = [
  { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
  { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back-with-bot' },
  { id: 'back-with-bot', type: 'message', text: 'You are back with the bot. How can I help?' },
];

type Node = { id: string; [key: string]: unknown };

function nodeOf(journey: { nodes: Node[] }, id: string): Node {
  const node = journey.nodes.find((n) => n.id === id);
  assert.ok(node, `no node ${id}; the journey has ${journey.nodes.map((n) => n.id).join(', ')}`);
  return node;
}

/** Runs the command on a project of the fixture workspace, as another extension would; what it returns. */
async function addDisconnection(project: string, options: Record<string, unknown>): Promise<boolean | undefined> {
  return vscode.commands.executeCommand<boolean>(command, fixtureFile(project), options);
}

/** Every document of the project with unsaved changes: the command saves what it writes. */
function unsavedIn(project: string): string[] {
  const folder = `${fixtureFile(project).toString()}/`;
  return vscode.workspace.textDocuments
    .filter((d) => d.isDirty && d.uri.toString().startsWith(folder))
    .map((d) => vscode.workspace.asRelativePath(d.uri));
}

/** Runs the command and returns the project's files after it, checking it ran, saved what it wrote and changed `expected`. */
async function runAndRead(project: string, options: Record<string, unknown>, before: ProjectFiles, expected: string[]): Promise<ProjectFiles> {
  assert.equal(await addDisconnection(project, options), true, `${command} did not apply its edit to ${project}`);
  assert.deepEqual(unsavedIn(project), [], `${command} left files of ${project} unsaved`);
  const after = await readProject(project);
  assert.deepEqual(changesBetween(before, after), expected, `the files of ${project} that ${command} changed`);
  return after;
}

/** Loads the files as an editor would: VS Code keeps the undo history of a released file but undoes it only once loaded again. */
async function loadAll(project: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) await vscode.workspace.openTextDocument(projectFile(project, path));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('add user-initiated disconnection', () => {
  before(waitForExtension);

  /** The project the test changes, as it was before: put back after each test. */
  let saved: { project: string; files: ProjectFiles; view: ServerView } | undefined;

  async function use(project: string): Promise<ProjectFiles> {
    const files = await readProject(project);
    const view = await waitForServerView(project, `the language server has loaded ${project}`, (v) => v !== undefined);
    saved = { project, files, view };
    return files;
  }

  afterEach(async () => {
    if (saved) await restoreProject(saved.project, saved.files, saved.view);
    saved = undefined;
  });

  describe('on an empty project (bot.json with a name only)', () => {
    const project = 'empty-bot';
    const created = ['intents/talk_to_agent.json', 'intents/talk_to_bot.json', 'journeys/live-agent.json', 'journeys/return-to-bot.json'];
    const expectedChanges = ['changed bot.json', ...created.map((path) => `created ${path}`)];

    // The command shows every file it wrote: VS Code keeps the undo step of a file only while it holds the file (when
    // the command saved them and let them go, undo reverted nothing). First in this describe: VS Code keeps the undo
    // history of a path after its file is deleted, and after an earlier run on the same project the undo of this one
    // would empty the files it creates again instead of deleting them (whatever the extension does).
    it('one undo right after the command reverts the whole edit', async () => {
      const before = await use(project);
      const original = Buffer.from(before.get('bot.json')!).toString('utf8');
      const bot = await vscode.window.showTextDocument(projectFile(project, 'bot.json'));
      await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      await vscode.commands.executeCommand('undo');
      const left = async () => (await Promise.all(created.map(async (path) => ((await exists(projectFile(project, path))) ? [path] : [])))).flat();
      await waitUntil(
        'one undo reverts bot.json and deletes the created files',
        async () => bot.document.getText() === original && !(await left()).length,
      ).catch(async (error) => {
        const botState = bot.document.getText() === original ? 'as it was' : 'as the command left it';
        throw new Error(
          `${(error as Error).message}: bot.json is ${botState}, and ${(await left()).join(', ') || 'none'} of the created files still exist`,
        );
      });
    });

    it('declares and enables both banner events and creates the exit intent, the ticket journey with the banner and the exit journey', async () => {
      const before = await use(project);
      const after = await runAndRead(project, { mode: 'button' }, before, expectedChanges);

      const bot = jsonIn(after, 'bot.json');
      assert.equal(bot.name, 'empty-bot', 'the bot lost its name');
      assert.deepEqual(
        bot.events.map((e: { name: string; enabled: boolean }) => [e.name, e.enabled]),
        [
          ['ui-event-update-promotion', true],
          ['ui-event-close-promotion', true],
        ],
        'the events bot.json declares',
      );

      const exitIntent = jsonIn(after, 'intents/talk_to_bot.json');
      assert.deepEqual([exitIntent.name, exitIntent.utterances], ['talk_to_bot', ['talk to bot']], 'the exit intent');
      const agentIntent = jsonIn(after, 'intents/talk_to_agent.json');
      assert.deepEqual([agentIntent.name, agentIntent.utterances], ['talk_to_agent', ['talk to agent']], 'the intent that starts the ticket journey');

      const live = jsonIn(after, 'journeys/live-agent.json');
      assert.deepEqual([live.name, live.trigger, live.start], ['live-agent', { intent: 'talk_to_agent' }, 'connecting'], 'the ticket journey');
      assert.deepEqual(
        live.nodes.map((n: Node) => `${n.id}: ${n.type}`),
        [
          'connecting: message',
          'raise-ticket: raiseTicket',
          'show-exit-banner: sendEvent',
          'close-banner: sendEvent',
          'agent-left: message',
          'no-agents: message',
          'ticket-error: message',
        ],
        'the nodes of the ticket journey',
      );
      // When the agent closes the ticket, the banner closes too (banner-outlives-ticket).
      assert.deepEqual(nodeOf(live, 'raise-ticket').next, {
        agentConnected: 'show-exit-banner',
        agentsUnavailable: 'no-agents',
        ticketClosed: 'close-banner',
        error: 'ticket-error',
      });
      assert.deepEqual(nodeOf(live, 'close-banner'), {
        id: 'close-banner',
        type: 'sendEvent',
        event: 'ui-event-close-promotion',
        next: 'agent-left',
      });
      assert.deepEqual(nodeOf(live, 'show-exit-banner'), {
        id: 'show-exit-banner',
        type: 'sendEvent',
        event: 'ui-event-close-promotion',
        data: guideBanner,
      });

      const exit = jsonIn(after, 'journeys/return-to-bot.json');
      assert.deepEqual([exit.name, exit.trigger, exit.start], ['return-to-bot', { intent: 'talk_to_bot' }, 'close-banner'], 'the exit journey');
      assert.deepEqual(exit.nodes, exitJourneyNodes, 'the nodes of the exit journey');
    });

    it('the project it sets up has no findings', async () => {
      const before = await use(project);
      await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      await waitForProjectChecked(project);
      await assertNoFindings(project);
    });

    it('a second run changes nothing: every file stays byte for byte the same', async () => {
      const before = await use(project);
      const first = await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      await runAndRead(project, { mode: 'button' }, first, []);
    });

    // The server once dropped a deleted file from its project without clearing its findings, which then stayed in
    // the Problems panel until a restart.
    it('put back by hand (bot.json restored, the new files deleted), it leaves no finding of the deleted files', async () => {
      const before = await use(project);
      await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      // The command shows the files it wrote; closed, the disk is what the server reads again.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // bot.json first, as `git checkout bot.json` would: the journeys now send events bot.json no longer declares.
      await vscode.workspace.fs.writeFile(projectFile(project, 'bot.json'), before.get('bot.json')!);
      await waitForCode(projectFile(project, 'journeys/return-to-bot.json'), 'event-not-declared');
      for (const path of created) await vscode.workspace.fs.delete(projectFile(project, path));
      await waitForServerView(
        project,
        `the language server no longer holds the files of ${project} the command created`,
        (view) => !view?.journeys.length && !view?.intents.length,
      );
      await waitUntil('no finding of a deleted file is left', () => findingsOfDeletedFiles(project, before).length === 0).catch((error: Error) => {
        throw new Error(`${error.message}: ${findingsOfDeletedFiles(project, before).join('; ')}`);
      });
    });

    it('typed mode shown with ui-event-update-promotion: the banner asks to type the phrase, and the project has no findings', async () => {
      const before = await use(project);
      const after = await runAndRead(project, { mode: 'typed', showEvent: 'ui-event-update-promotion' }, before, expectedChanges);
      const live = jsonIn(after, 'journeys/live-agent.json');
      assert.deepEqual(nodeOf(live, 'show-exit-banner'), {
        id: 'show-exit-banner',
        type: 'sendEvent',
        event: 'ui-event-update-promotion',
        data: { title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] },
      });
      // Both events are declared whichever shows the banner: the exit journey closes it with ui-event-close-promotion.
      assert.deepEqual(
        jsonIn(after, 'bot.json').events.map((e: { name: string }) => e.name),
        ['ui-event-update-promotion', 'ui-event-close-promotion'],
      );
      assert.deepEqual(jsonIn(after, 'journeys/return-to-bot.json').nodes, exitJourneyNodes, 'the nodes of the exit journey');
      await waitForProjectChecked(project);
      await assertNoFindings(project);
    });

    it('options it cannot use are refused without a question: it returns false and changes nothing', async () => {
      const before = await use(project);
      // A phrase to type cannot hold quote marks: the banner's title quotes it.
      assert.equal(await addDisconnection(project, { mode: 'typed', phrase: "talk 'to' bot" }), false, `${command} accepted a phrase with quotes`);
      assert.deepEqual(changesBetween(before, await readProject(project)), [], `${command} changed ${project} although it refused the options`);
      assert.deepEqual(unsavedIn(project), [], `${command} left edits in ${project} although it refused the options`);
    });
  });

  describe('on a project with part of the setup (an exit intent, a ticket journey without the banner)', () => {
    const project = 'partial-bot';
    const expectedChanges = ['changed bot.json', 'changed journeys/live-agent.json', 'created journeys/return-to-bot.json'];

    // First in this describe: see the pending test of empty-bot for why an earlier run on the project would break it.
    it('one undo reverts the whole edit, while VS Code holds its files: both files as they were, the exit journey deleted', async () => {
      const before = await use(project);
      await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      // Loaded as editors would load them: the command saved and released them (see the pending test of empty-bot).
      await loadAll(project, ['bot.json', 'journeys/live-agent.json', 'journeys/return-to-bot.json']);
      const live = await vscode.window.showTextDocument(projectFile(project, 'journeys/live-agent.json'));
      await vscode.commands.executeCommand('undo');
      const exit = projectFile(project, 'journeys/return-to-bot.json');
      await waitUntil(`${project}/journeys/return-to-bot.json is deleted by the undo`, async () => !(await exists(exit)));
      assert.equal(live.document.getText(), Buffer.from(before.get('journeys/live-agent.json')!).toString('utf8'), 'live-agent.json after one undo');
      const bot = await vscode.workspace.openTextDocument(projectFile(project, 'bot.json'));
      assert.equal(bot.getText(), Buffer.from(before.get('bot.json')!).toString('utf8'), 'bot.json after one undo');
    });

    it('merges the missing steps into its files: the close event, the banner once an agent is connected, the exit journey', async () => {
      const before = await use(project);
      const after = await runAndRead(project, { mode: 'button' }, before, expectedChanges);

      const events = jsonIn(after, 'bot.json').events;
      assert.deepEqual(events[0], jsonIn(before, 'bot.json').events[0], 'bot.json changed the event it had');
      assert.deepEqual(
        events.map((e: { name: string; enabled: boolean }) => [e.name, e.enabled]),
        [
          ['ui-event-update-promotion', true],
          ['ui-event-close-promotion', true],
        ],
        'bot.json declares the close event, enabled, after the one it had',
      );

      const was = jsonIn(before, 'journeys/live-agent.json');
      const live = jsonIn(after, 'journeys/live-agent.json');
      assert.deepEqual(
        live.nodes.map((n: Node) => n.id),
        ['raise-ticket', 'show-exit-banner', 'close-banner', 'connected', 'ticket-error'],
        'the banner goes after the Raise Ticket node, and the step that closes it when the agent closes the ticket',
      );
      assert.deepEqual(
        nodeOf(live, 'raise-ticket').next,
        { agentConnected: 'show-exit-banner', error: 'ticket-error', ticketClosed: 'close-banner' },
        'agentConnected now shows the banner, ticketClosed closes it',
      );
      assert.deepEqual(
        nodeOf(live, 'show-exit-banner'),
        {
          id: 'show-exit-banner',
          type: 'sendEvent',
          event: 'ui-event-close-promotion',
          data: guideBanner,
          next: 'connected',
        },
        'the banner node goes on where agentConnected went',
      );
      for (const id of ['connected', 'ticket-error']) assert.deepEqual(nodeOf(live, id), nodeOf(was, id), `node ${id} was changed`);
      assert.deepEqual({ ...live, nodes: undefined }, { ...was, nodes: undefined }, 'the ticket journey changed outside its nodes');

      const exit = jsonIn(after, 'journeys/return-to-bot.json');
      assert.deepEqual(
        [exit.trigger, exit.nodes],
        [{ intent: 'talk_to_bot' }, exitJourneyNodes],
        'the exit journey, started by the intent the project has',
      );
    });

    it('the project it completes has no findings, and a second run changes nothing', async () => {
      const before = await use(project);
      const first = await runAndRead(project, { mode: 'button' }, before, expectedChanges);
      await runAndRead(project, { mode: 'button' }, first, []);
      await waitForProjectChecked(project);
      await assertNoFindings(project);
    });
  });

  describe('on a project already set up (support-bot, the example)', () => {
    const project = 'support-bot';

    it('changes nothing, and the project keeps no findings', async () => {
      const before = await use(project);
      await runAndRead(project, { mode: 'button' }, before, []);
      await waitForProjectChecked(project);
      await assertNoFindings(project);
    });

    it('run again from the palette, says it already has the disconnection before asking anything', async () => {
      const before = await use(project);
      // No options: the questions' path. Were a question asked, the command would wait for an answer and this test time out.
      const done = vscode.commands.executeCommand<boolean>(command, fixtureFile(project));
      try {
        assert.equal(await done, true, `${command} did not end at once on ${project}`);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
      assert.deepEqual(changesBetween(before, await readProject(project)), [], `${command} changed ${project}`);
    });
  });
});
