// `handoff-kit simulate` run as a process, as CI runs it: the transcript and the verdict lines,
// the runs as JSON, the inputs applied in the order given, and every exit status.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, 'simulate', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('handoff-kit simulate', () => {
  let folder: string;
  /** The example with an exit journey that never closes the ticket. */
  let stuck: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-simulate-'));
    stuck = path.join(folder, 'stuck-bot');
    await cp(exampleProject, stuck, { recursive: true });
    const exit = path.join(stuck, 'journeys/return-to-bot.json');
    const journey = JSON.parse(await readFile(exit, 'utf8'));
    journey.nodes = journey.nodes.filter((n: { id: string }) => n.id !== 'close-ticket');
    journey.nodes[0].next = 'back-with-bot';
    await writeFile(exit, JSON.stringify(journey, null, 2));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('runs the handoff path of the example: a transcript per banner exit, then one line per run; exit 0', () => {
    const { code, stdout, stderr } = run(['examples/support-bot']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'The handoff path of examples/support-bot: 2 runs, one for each exit of a banner sent after an agent connects.');
    assert.match(lines[1], /^Note: Phrases are compared with the utterances of intents\/\*\.json exactly.*not the platform's NLU/);
    assert.match(lines[2], /^Note: functions\/\*\.js are never run/);
    assert.ok(lines.includes('Run 1 of 2: billing-agent: type "talk to bot"'), stdout);
    assert.ok(lines.includes('Run 2 of 2: live-agent: click "Exit"'), stdout);
    // A step: its kind and text, its why, and its places as file:line:column (1-based).
    const clicked = lines.indexOf('  customer  talk to bot', lines.indexOf('Run 2 of 2: live-agent: click "Exit"'));
    assert.deepEqual(lines.slice(clicked, clicked + 6), [
      '  customer  talk to bot',
      "            The customer clicks option `Exit` of the banner (journeys/live-agent.json): it sends its text `talk to bot` as the customer's message.",
      '            at journeys/live-agent.json:21:21',
      '  journey   journey `return-to-bot` starts',
      '            `talk to bot` is utterance 1 of intent `talk_to_bot` (intents/talk_to_bot.json) which starts journey `return-to-bot` (journeys/return-to-bot.json): the platform starts it while the agent holds the chat, and the message does not reach the agent.',
      '            at intents/talk_to_bot.json:4:18, journeys/return-to-bot.json:4:26',
    ]);
    assert.ok(lines.includes('  ticket    an agent takes ticket ticket-1: the customer is with the agent'));
    assert.ok(lines.includes('  banner    banner hidden'));
    assert.ok(lines.includes('  bot       You are back with the bot. How can I help?'));
    assert.deepEqual(lines.slice(-3), ['back with the bot  billing-agent: type "talk to bot"', 'back with the bot  live-agent: click "Exit"', '']);
  });

  it('prints the runs as JSON: steps with kind, text, state and why; the outcome', () => {
    const { code, stdout, stderr } = run(['examples/support-bot', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const runs = JSON.parse(stdout);
    assert.equal(runs.length, 2);
    const billing = runs[0];
    assert.equal(billing.title, 'billing-agent: type "talk to bot"');
    assert.deepEqual(billing.exit, { kind: 'typed', phrase: 'talk to bot' });
    assert.deepEqual(billing.outcome, {
      bannerHidden: true,
      ticketClosed: true,
      backWithBot: true,
      stuck: false,
      missing: [],
      codes: [],
      summary: 'back with the bot: banner hidden, ticket closed',
      why: { text: 'At the end of the run no banner is shown, no ticket is open and the bot holds the chat.', findings: [] },
      expectedBannerShown: true,
    });
    const shown = billing.steps.find((s: { kind: string }) => s.kind === 'banner');
    assert.equal(shown.text, `banner shown: "Do you want to exit from chat? Please type 'talk to bot'"`);
    assert.equal(shown.input, 1);
    assert.equal(shown.state.banner.status, 'shown');
    assert.deepEqual(shown.state.banner.options, []);
    assert.deepEqual(Object.keys(shown.state.banner.place), ['file', 'offset', 'length', 'line', 'character']);
    assert.deepEqual(shown.state.variables, { ticketId: 'ticket-1' });
    assert.equal(shown.state.ticket, 'agentConnected');
    assert.equal(shown.state.with, 'agent');
    assert.deepEqual(shown.why.places[0], {
      file: 'journeys/billing-agent.json',
      offset: shown.why.places[0].offset,
      length: shown.why.places[0].length,
      line: 12,
      character: 4,
    });
    assert.equal(billing.steps.at(-1).kind, 'end');
    assert.match(billing.notes[0], /not the platform's NLU/);
  });

  it('exits 1 when a run leaves the customer stuck, naming what is missing and the check that says why', () => {
    const { code, stdout } = run([stuck]);
    assert.equal(code, 1);
    const verdicts = stdout.trim().split('\n').slice(-2);
    assert.deepEqual(verdicts, [
      'stuck              billing-agent: type "talk to bot": the ticket is still open, the customer is still with the agent (ticket-not-closed)',
      'stuck              live-agent: click "Exit": the ticket is still open, the customer is still with the agent (ticket-not-closed)',
    ]);
    assert.match(
      stdout,
      /\n {12}ticket-not-closed: this journey starts from the exit intent `talk_to_bot` but never reaches a `closeTicket` node: the ticket stays open \(journeys\/return-to-bot\.json:5:15\)\n/,
    );
    const json = JSON.parse(run([stuck, '--format', 'json']).stdout);
    assert.deepEqual(
      json.map((r: { outcome: { ticketClosed: boolean; codes: string[] } }) => [r.outcome.ticketClosed, r.outcome.codes]),
      [
        [false, ['ticket-not-closed']],
        [false, ['ticket-not-closed']],
      ],
    );
  });

  it('applies --journey, --say, --click, --ticket and --event in the order given, across options', () => {
    const inOrder = run([
      'examples/support-bot',
      '--journey',
      'live-agent',
      '--ticket=agentConnected',
      '--say',
      'talk to the bot',
      '--click',
      'Exit',
      '--format',
      'json',
    ]);
    assert.equal(inOrder.code, 0, inOrder.stdout);
    const [runOf] = JSON.parse(inOrder.stdout);
    assert.deepEqual(runOf.inputs, [
      { kind: 'startJourney', journey: 'live-agent' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'say', text: 'talk to the bot' },
      { kind: 'click', title: 'Exit' },
    ]);
    assert.deepEqual(
      runOf.steps
        .filter((s: { kind: string }) => s.kind === 'customer' || s.kind === 'agent')
        .map((s: { kind: string; text: string }) => `${s.kind} ${s.text}`),
      ['customer talk to the bot', 'agent talk to the bot', 'customer talk to bot'],
    );
    // The same inputs, the click first: there is no banner yet, and the customer ends with the agent.
    const clickFirst = run([
      'examples/support-bot',
      '--click',
      'Exit',
      '--journey',
      'live-agent',
      '--ticket',
      'agentConnected',
      '--event',
      'ym_closed_promotion',
    ]);
    assert.equal(clickFirst.code, 1);
    const lines = clickFirst.stdout.split('\n');
    assert.equal(lines[0], 'One run of examples/support-bot: click "Exit", journey live-agent, ticket agentConnected, event ym_closed_promotion.');
    assert.ok(lines.includes('  error     no banner is shown: there is no `Exit` to click'));
    assert.equal(
      lines.at(-2),
      'stuck              click "Exit", journey live-agent, ticket agentConnected, event ym_closed_promotion: the ticket is still open, the customer is still with the agent',
    );
  });

  it('--summary prints the verdict lines without the transcripts', () => {
    const { code, stdout } = run(['examples/support-bot', '--summary']);
    assert.equal(code, 0);
    assert.ok(!stdout.includes('Run 1 of 2'));
    assert.deepEqual(stdout.trim().split('\n').slice(-2), [
      'back with the bot  billing-agent: type "talk to bot"',
      'back with the bot  live-agent: click "Exit"',
    ]);
  });

  it('prints control characters from the inputs and the files as visible escapes', () => {
    const { stdout } = run(['examples/support-bot', '--say', 'hi\u001b[31m there']);
    assert.ok(stdout.includes('  customer  hi\\u001b[31m there'), stdout);
    assert.ok(!stdout.includes('\u001b'));
  });

  it('exits 2 with one line for a folder that is not a bot project, an unknown outcome or journey', () => {
    const none = run([folder]);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, `handoff-kit: ${folder} is not a bot project: it has no bot.json\n`);
    const outcome = run(['examples/support-bot', '--ticket', 'agentConected']);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /--ticket takes one of agentConnected, agentsUnavailable, ticketClosed, error, not "agentConected"/);
    const journey = run(['examples/support-bot', '--journey', 'live-agnet']);
    assert.equal(journey.code, 2);
    assert.equal(
      journey.stderr,
      'handoff-kit: --journey live-agnet: the project has no such journey (its journeys: billing-agent, live-agent, return-to-bot)\n',
    );
    const format = run(['examples/support-bot', '--format', 'sarif']);
    assert.equal(format.code, 2);
  });

  it('exits 0 with a sentence for a project that sends no banner after an agent connects', async () => {
    const plain = path.join(folder, 'plain-bot');
    await cp(exampleProject, plain, { recursive: true });
    await rm(path.join(plain, 'journeys'), { recursive: true });
    await rm(path.join(plain, 'functions'), { recursive: true });
    const { code, stdout } = run(['.'], plain);
    assert.equal(code, 0);
    assert.equal(
      stdout.split('\n')[0],
      'The handoff path of .: no banner is sent after an agent connects (the agentConnected outcome of a Raise Ticket node), so there is nothing to run.',
    );
  });
});
