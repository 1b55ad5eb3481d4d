// Kind: check the value the platform reads, at the position the editor shows. A file that starts
// with a byte order mark gets the positions of the text without it, as an editor holds it.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, checkFile, nodeFileSystem } from '../../../server/src/engine';
import { validBot, validIntent } from '../support/projectFixture';

describe('byte order mark', () => {
  let root: string;
  const journey =
    '{ "name": "j", "trigger": { "intent": "talk_to_bto" }, "start": "a", "nodes": [{ "id": "a", "type": "message", "text": "hi" }] }\n';

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-bom-'));
    await mkdir(path.join(root, 'intents'));
    await mkdir(path.join(root, 'journeys'));
    await writeFile(path.join(root, 'bot.json'), `\ufeff${JSON.stringify(validBot)}`);
    await writeFile(path.join(root, 'intents/talk_to_bot.json'), JSON.stringify(validIntent));
    await writeFile(path.join(root, 'journeys/j.json'), `\ufeff${journey}`);
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports a finding on the first line at the column the editor shows', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(root);
    const file = project.file(path.join(root, 'journeys/j.json'));
    assert.ok(file);
    assert.equal(file.text, journey, 'the text holds no byte order mark');
    assert.equal(file.hadBom, true, 'whoever writes the file back knows to keep the mark');
    const [finding] = checkFile(project, file).filter((f) => f.code === 'unknown-intent');
    assert.equal(finding.offset, journey.indexOf('"talk_to_bto"'));
    assert.equal(finding.length, '"talk_to_bto"'.length);
    assert.equal(project.file(path.join(root, 'intents/talk_to_bot.json'))?.hadBom, false);
    // bot.json with a mark parses, and its events are known.
    assert.deepEqual(
      checkFile(project, project.file(path.join(root, 'bot.json'))!).filter((f) => f.code === 'json-syntax'),
      [],
    );
  });
});
