import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BotWorkspace, nodeFileSystem } from '../../../server/src/engine';

describe('workspace', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-ws-'));
    const write = async (rel: string, content: string) => {
      await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
      await writeFile(path.join(folder, rel), content);
    };
    await write('sales/bot.json', '{"name": "sales"}');
    await write('sales/intents/a.json', '{"name": "a", "utterances": ["a"]}');
    await write('sales/nested/bot.json', '{"name": "nested"}');
    await write('sales/nested/journeys/j.json', '{}');
    await write('support/bot.json', '{"name": "support"}');
    await write('support/node_modules/x/bot.json', '{"name": "ignored"}');
    await write('support/intents/big.json', `["${'x'.repeat(3000)}"]`);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('finds every bot project below a folder, outside node_modules', async () => {
    const workspace = new BotWorkspace(nodeFileSystem);
    const projects = await workspace.loadProjectsUnder(folder);
    assert.deepEqual(projects.map((p) => path.relative(folder, p.root)).sort(), ['sales', path.join('sales', 'nested'), 'support']);
  });

  it('gives a file to the innermost project that owns it', async () => {
    const workspace = new BotWorkspace(nodeFileSystem);
    await workspace.loadProjectsUnder(folder);
    assert.equal(workspace.projectOf(path.join(folder, 'sales/nested/journeys/j.json'))?.root, path.join(folder, 'sales/nested'));
    assert.equal(workspace.projectOf(path.join(folder, 'sales/intents/a.json'))?.root, path.join(folder, 'sales'));
    assert.equal(workspace.projectOf(path.join(folder, 'elsewhere/bot.json')), undefined);
  });

  it('does not read a file over the size limit', async () => {
    const workspace = new BotWorkspace(nodeFileSystem, { maxFileSize: 1000 });
    const project = await workspace.loadProject(path.join(folder, 'support'));
    const big = project.file(path.join(folder, 'support/intents/big.json'));
    assert.equal(big?.oversized, true);
    assert.equal(big?.text, '');
    assert.equal(big?.size, 3004);
  });

  it('loads nothing, without failing, from a folder that does not exist', async () => {
    const workspace = new BotWorkspace(nodeFileSystem);
    assert.deepEqual(await workspace.loadProjectsUnder(path.join(folder, 'missing')), []);
  });
});
