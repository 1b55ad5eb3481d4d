// Kind: a file that was not read is not a missing file. Symbolic links are followed inside the
// allowed roots; a link that loops or leads outside them is reported, never read.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, checkFile, nodeFileSystem, type BotProject } from '../../../server/src/engine';
import { journeyWith, validBot } from '../support/projectFixture';

describe('symbolic links', () => {
  let base: string;
  let workspaceRoot: string;
  let outside: string;

  const write = async (file: string, content: object | string) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  const findings = (project: BotProject, rel: string, code: string) => {
    const file = project.file(path.join(project.root, rel));
    assert.ok(file, `${rel} is in the project`);
    return checkFile(project, file).filter((f) => f.code === code);
  };

  before(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'handoff-kit-links-'));
    workspaceRoot = path.join(base, 'workspace');
    outside = path.join(base, 'outside');
    // A shared intents folder inside the workspace, linked into the bot as its `intents`.
    await write(path.join(workspaceRoot, 'shared/intents/talk_to_bot.json'), { name: 'talk_to_bot', utterances: ['talk to bot'] });
    await write(path.join(workspaceRoot, 'linked-folder/bot.json'), validBot);
    await write(path.join(workspaceRoot, 'linked-folder/journeys/exit.json'), journeyWith([]));
    await symlink(path.join(workspaceRoot, 'shared/intents'), path.join(workspaceRoot, 'linked-folder/intents'), 'dir');
    // An intent file that is a link to a file inside the workspace.
    await write(path.join(workspaceRoot, 'linked-file/bot.json'), validBot);
    await write(path.join(workspaceRoot, 'linked-file/journeys/exit.json'), journeyWith([]));
    await mkdir(path.join(workspaceRoot, 'linked-file/intents'));
    await symlink(path.join(workspaceRoot, 'shared/intents/talk_to_bot.json'), path.join(workspaceRoot, 'linked-file/intents/talk_to_bot.json'));
    // Links that must not be followed: one that loops, one to a file outside the workspace.
    await write(path.join(outside, 'secret.json'), { name: 'talk_to_bot', utterances: ['talk to bot'] });
    await write(path.join(workspaceRoot, 'hostile/bot.json'), validBot);
    await write(path.join(workspaceRoot, 'hostile/journeys/exit.json'), journeyWith([]));
    await mkdir(path.join(workspaceRoot, 'hostile/intents'));
    await symlink(path.join(outside, 'secret.json'), path.join(workspaceRoot, 'hostile/intents/talk_to_bot.json'));
    await symlink('loop.json', path.join(workspaceRoot, 'hostile/intents/loop.json'));
  });

  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const load = (rel: string) => new BotWorkspace(nodeFileSystem, { allowedRoots: [workspaceRoot] }).loadProject(path.join(workspaceRoot, rel));

  it('reads an intents folder that is a link to a shared folder', async () => {
    const project = await load('linked-folder');
    assert.equal(project.file(path.join(project.root, 'intents/talk_to_bot.json'))?.readable, true);
    assert.deepEqual(findings(project, 'journeys/exit.json', 'unknown-intent'), []);
  });

  it('reads an intent file that is a link', async () => {
    const project = await load('linked-file');
    assert.deepEqual(findings(project, 'journeys/exit.json', 'unknown-intent'), []);
  });

  it('does not read a link that leads outside the allowed roots, and reports it', async () => {
    const project = await load('hostile');
    const linked = project.file(path.join(project.root, 'intents/talk_to_bot.json'));
    assert.equal(linked?.text, '', 'the outside file is not read');
    const [unread] = findings(project, 'intents/talk_to_bot.json', 'file-unread');
    assert.match(unread.message, /symbolic link to .*secret\.json, outside the folders being checked/);
    assert.equal(unread.offset, 0);
    // The journey's intent may be defined in the unread file: no false error.
    const [unknown] = findings(project, 'journeys/exit.json', 'unknown-intent');
    assert.equal(unknown.severity, 'info');
    assert.match(unknown.message, /intents\/loop\.json, intents\/talk_to_bot\.json were not read/);
  });

  it('reports a link that loops instead of hanging or dropping it', async () => {
    const project = await load('hostile');
    const [unread] = findings(project, 'intents/loop.json', 'file-unread');
    assert.equal(
      unread.message,
      'the file could not be read: it is a symbolic link that loops; checks that depend on what it defines say nothing definite about it',
    );
  });

  it('follows links anywhere when no allowed roots are given', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(path.join(workspaceRoot, 'hostile'));
    assert.equal(project.file(path.join(project.root, 'intents/talk_to_bot.json'))?.readable, true);
  });

  it('judges a file to create by the folder it would be written in', async () => {
    const workspace = new BotWorkspace(nodeFileSystem, { allowedRoots: [workspaceRoot] });
    await symlink(outside, path.join(workspaceRoot, 'hostile/journeys-out'), 'dir');
    assert.equal((await workspace.access(path.join(workspaceRoot, 'hostile/journeys/new.json'))).allowed, true);
    const through = await workspace.access(path.join(workspaceRoot, 'hostile/journeys-out/new.json'));
    assert.equal(through.allowed, false);
  });
});
