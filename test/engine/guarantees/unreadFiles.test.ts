// Kind: a file that was not read is not a missing file. A file over the size limit, or one that
// could not be read, makes the checks that depend on it say nothing definite.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, checkProject, nodeFileSystem } from '../../../server/src/engine';
import { exampleProject } from '../../paths';

describe('unread files', () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-unread-'));
    await cp(exampleProject, path.join(root, 'big-intent'), { recursive: true });
    // The exit intent padded to about 3 KB with more utterances.
    const intent = JSON.parse(await readFile(path.join(exampleProject, 'intents/talk_to_bot.json'), 'utf8')) as { utterances: string[] };
    for (let i = 0; JSON.stringify(intent, null, 2).length < 3000; i++) intent.utterances.push(`go back to the bot please, variant ${i}`);
    await writeFile(path.join(root, 'big-intent/intents/talk_to_bot.json'), JSON.stringify(intent, null, 2));
    await cp(exampleProject, path.join(root, 'big-bot'), { recursive: true });
    const bot = await readFile(path.join(exampleProject, 'bot.json'), 'utf8');
    await writeFile(path.join(root, 'big-bot/bot.json'), bot.replace(/\n}\s*$/, `,\n  "description": "${'x'.repeat(3000)}"\n}\n`));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a 3 KB intent over a 2048 limit gives no false unknown-intent or option-text-mismatch', async () => {
    const project = await new BotWorkspace(nodeFileSystem, { maxFileSize: 2048 }).loadProject(path.join(root, 'big-intent'));
    const findings = checkProject(project);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => `${f.code}: ${f.message}`),
      [],
    );
    assert.deepEqual(
      findings.filter((f) => f.code === 'option-text-mismatch'),
      [],
    );
    const tooLarge = findings.find((f) => f.code === 'file-too-large');
    assert.equal(tooLarge?.file, path.join(root, 'big-intent/intents/talk_to_bot.json'));
    const unknown = findings.filter((f) => f.code === 'unknown-intent');
    assert.ok(
      unknown.every((f) => f.severity === 'info' && /intents\/talk_to_bot\.json was not read/.test(f.message)),
      JSON.stringify(unknown),
    );
  });

  it('an unread bot.json gives no unknown-event for the events it may declare', async () => {
    const project = await new BotWorkspace(nodeFileSystem, { maxFileSize: 2048 }).loadProject(path.join(root, 'big-bot'));
    const findings = checkProject(project);
    assert.deepEqual(
      findings.filter((f) => f.code === 'unknown-event' || f.code === 'event-not-declared').map((f) => f.message),
      [],
    );
    assert.equal(findings.find((f) => f.code === 'file-too-large')?.file, path.join(root, 'big-bot/bot.json'));
  });
});
