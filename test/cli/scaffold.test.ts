// `handoff-kit init` and `handoff-kit add-disconnection` as processes: the files VS Code's New Bot
// Project and Add User-Initiated Disconnection write (the engine's planners), an option for each
// question, a second run that changes nothing, and conflicts that write nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, nodeFileSystem, planDisconnection, planNewProject } from '../../server/src/engine';
import { repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below `folder` with its text, by path relative to it (`/`-separated). */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file).split(path.sep).join('/')] = await readFile(file, 'utf8');
  }
  return files;
}

describe('handoff-kit init and add-disconnection', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-scaffold-'));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('init writes the new project VS Code writes, and a second run changes nothing', async () => {
    const first = run(['init', 'support-bot'], folder);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(first.stdout.trim().split('\n').sort(), ['support-bot', 'support-bot/bot.json', 'support-bot/intents', 'support-bot/journeys']);
    assert.match(first.stderr, /^Created the bot project support-bot\. Next: handoff-kit add-disconnection support-bot\n$/);
    const root = path.join(folder, 'support-bot');
    const plan = planNewProject(root, 'support-bot');
    const change = plan.edit.changes[0];
    assert.equal(change.kind, 'create');
    assert.equal(await readFile(path.join(root, 'bot.json'), 'utf8'), change.kind === 'create' ? change.text : '');
    assert.deepEqual((await readdir(root)).sort(), ['bot.json', 'intents', 'journeys']);

    const again = run(['init', 'support-bot'], folder);
    assert.equal(again.code, 0);
    assert.equal(again.stdout, '');
    assert.equal(again.stderr, 'support-bot is already a bot project (it has bot.json): nothing to change.\n');
  });

  it('init names the bot with --name, refuses a name that is no folder name, and a folder inside another project', async () => {
    assert.equal(run(['init', 'named', '--name', 'sales_bot'], folder).code, 0);
    assert.equal(JSON.parse(await readFile(path.join(folder, 'named/bot.json'), 'utf8')).name, 'sales_bot');
    const bad = run(['init', 'two words'], folder);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not a valid project name.*--name/);
    const nested = run(['init', 'support-bot/inner'], folder);
    assert.equal(nested.code, 2);
    assert.match(nested.stderr, /inside the bot project support-bot.*--nested/);
    assert.equal(run(['init', 'support-bot/inner', '--nested'], folder).code, 0);
  });

  it('add-disconnection writes what the engine plans with the defaults, the project then passes, and a second run changes nothing', async () => {
    const root = path.join(folder, 'support-bot');
    const planned = planDisconnection(await new BotWorkspace(nodeFileSystem).loadProject(root), {});
    const dry = run(['add-disconnection', 'support-bot', '--dry-run'], folder);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^\+\+\+ b\/support-bot\/journeys\/return-to-bot\.json$/m);
    assert.deepEqual(Object.keys(await snapshot(root)).sort(), ['bot.json', 'inner/bot.json']);

    const added = run(['add-disconnection', 'support-bot'], folder);
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stderr, `Added to support-bot:\n${planned.steps.map((s) => `  ${s}\n`).join('')}`);
    for (const change of planned.edit.changes) {
      if (change.kind === 'create') assert.equal(await readFile(change.file, 'utf8'), change.text, change.file);
    }
    const check = run(['check', 'support-bot'], folder);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stderr, /^No problems in/);

    const files = await snapshot(root);
    const again = run(['add-disconnection'], root);
    assert.equal(again.code, 0);
    assert.equal(again.stderr, 'support-bot already has the user-initiated disconnection: nothing to change.\n');
    assert.deepEqual(await snapshot(root), files);
  });

  it("takes an option for each of the scaffold's questions", async () => {
    const root = path.join(folder, 'typed-bot');
    assert.equal(run(['init', 'typed-bot'], folder).code, 0);
    // A journey of the project's own raises the ticket: it is completed, not created.
    await writeFile(path.join(root, 'intents/ask_agent.json'), JSON.stringify({ name: 'ask_agent', utterances: ['agent please'] }, null, 2));
    await writeFile(
      path.join(root, 'journeys/agent.json'),
      JSON.stringify(
        { name: 'agent', trigger: { intent: 'ask_agent' }, start: 'hello', nodes: [{ id: 'hello', type: 'message', text: 'Connecting you' }] },
        null,
        2,
      ),
    );
    const result = run(
      [
        'add-disconnection',
        'typed-bot',
        '--mode',
        'typed',
        '--phrase',
        'back to bot',
        '--banner-title',
        'Chatting with an agent.',
        '--show-event',
        'ui-event-update-promotion',
        '--ticket-journey',
        'agent',
        '--exit-intent',
        'leave_agent',
        '--exit-journey',
        'goodbye-agent',
      ],
      folder,
    );
    assert.equal(result.code, 0, result.stderr);
    const files = await snapshot(root);
    assert.deepEqual(Object.keys(files).sort(), [
      'bot.json',
      'intents/ask_agent.json',
      'intents/leave_agent.json',
      'journeys/agent.json',
      'journeys/goodbye-agent.json',
    ]);
    assert.deepEqual(JSON.parse(files['intents/leave_agent.json']).utterances, ['back to bot']);
    const agent = files['journeys/agent.json'];
    assert.match(agent, /"type": "raiseTicket"/);
    assert.match(agent, /"ui-event-update-promotion"/);
    assert.match(agent, /Chatting with an agent\. Please type 'back to bot'/);
    assert.equal(run(['check', 'typed-bot'], folder).code, 0);
  });

  it('writes nothing on a conflict, naming the option that settles it, and exits 1', async () => {
    const root = path.join(folder, 'taken-bot');
    assert.equal(run(['init', 'taken-bot'], folder).code, 0);
    await writeFile(
      path.join(root, 'journeys/mine.json'),
      JSON.stringify({ name: 'mine', start: 'a', nodes: [{ id: 'a', type: 'message', text: 'hi' }] }),
    );
    const before = await snapshot(root);
    const taken = run(['add-disconnection', 'taken-bot', '--exit-journey', 'mine'], folder);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /journey `mine` already exists.*\(--exit-journey mine-2 settles it\)\nNothing was changed\.\n$/);
    const invalid = run(['add-disconnection', 'taken-bot', '--mode', 'typed', '--phrase', "it's me"], folder);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /cannot hold quote marks.*\(change --phrase\)/);
    assert.deepEqual(await snapshot(root), before);
    assert.equal(run(['add-disconnection', 'no-such-bot'], folder).code, 2);
    assert.equal(run(['add-disconnection', 'taken-bot', '--mode', 'loud'], folder).code, 2);
  });
});
