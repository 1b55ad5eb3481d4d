// Issue 25, the newcomer on the command line: a copy of examples/support-bot whose banner offers
// `exit`, an utterance the newcomer added to talk_to_agent. `handoff-kit check --fix` must not
// write closing steps at the start of live-agent (before its Raise Ticket node), and `check` must
// then report the exit path, not "No problems".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the newcomer of issue 25, with check --fix', () => {
  let folder: string;
  let bot: string;
  const texts = new Map<string, string>();

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-newcomer-cli-'));
    bot = path.join(folder, 'support-bot');
    await cp(exampleProject, bot, { recursive: true });
    const agent = path.join(bot, 'intents/talk_to_agent.json');
    const intent = JSON.parse(await readFile(agent, 'utf8')) as { utterances: string[] };
    intent.utterances.push('exit');
    await writeFile(agent, `${JSON.stringify(intent, null, 2)}\n`);
    const live = path.join(bot, 'journeys/live-agent.json');
    await writeFile(live, (await readFile(live, 'utf8')).replace('"text": "talk to bot"', '"text": "exit"'));
    for (const rel of ['intents/talk_to_agent.json', 'intents/talk_to_bot.json', 'journeys/live-agent.json', 'journeys/return-to-bot.json'])
      texts.set(rel, await readFile(path.join(bot, rel), 'utf8'));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('--fix writes nothing that sends the customer to an agent, and exits 1 with the exit path reported', async () => {
    const { code, stdout, stderr } = run(['check', '--fix', 'support-bot'], folder);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^Nothing to fix: no safe fix applies\.\n/);
    for (const [rel, text] of texts) assert.equal(await readFile(path.join(bot, rel), 'utf8'), text, `${rel} is unchanged`);
    const live = JSON.parse(texts.get('journeys/live-agent.json')!) as { start: string };
    assert.equal(live.start, 'connecting', 'no step before the Raise Ticket node');
    assert.deepEqual(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ').slice(1, 3).join(' ')),
      ['error exit-raises-ticket'],
    );
    assert.match(stdout, /^support-bot\/journeys\/live-agent\.json:\d+:\d+ error exit-raises-ticket the exit phrase `exit` starts `live-agent`/);
  });

  it('check then reports the exit path, not "No problems"', () => {
    const { code, stdout, stderr } = run(['check', 'support-bot'], folder);
    assert.equal(code, 1);
    assert.match(stdout, /error exit-raises-ticket .*hands the customer to an agent again\n$/);
    assert.match(stderr, /^1 problem \(1 error, 0 warnings\) in 12 files/);
  });

  it('--fix-dry-run offers no diff either', () => {
    const { code, stdout, stderr } = run(['check', '--fix-dry-run', 'support-bot'], folder);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, /^[-+]/m);
    assert.match(stderr, /Nothing to fix/);
  });
});
