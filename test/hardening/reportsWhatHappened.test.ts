// Kind 5 of issue 28: what the tool reports must be what happened. A fix it could not write is not
// "fixed", a diff it prints applies, a finding is about the code and not the parser's guess, an
// edit lands where it says, and a message does not depend on the order files were read in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseFunctionCode } from '../../server/src/engine/model/functionCode';
import { decodedToRawOffsets } from '../../server/src/engine/model/jsonString';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { ProjectFixture } from '../engine/support/projectFixture';
import { LspTestClient, uri } from '../server/lspClient';
import { exampleCopy, run } from './support';

const MISSPELT = '"ui-event-update-promotoin"';

describe('kind 5, reports what happened: check --fix and --fix-dry-run', () => {
  let folder: string;
  let bot: string;
  let journey: string;
  let original: string;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ folder, bot, dispose } = await exampleCopy('fix'));
    journey = path.join(bot, 'journeys/billing-agent.json');
    original = await readFile(journey, 'utf8');
  });
  after(() => dispose());

  it('--fix on a read-only file says it was not fixed, leaves the finding, and exits 1', async () => {
    await writeFile(journey, original.replace('"ui-event-update-promotion"', MISSPELT));
    await chmod(journey, 0o444);
    try {
      const result = run(['check', 'bot', '--fix'], folder);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^handoff-kit: bot\/journeys\/billing-agent\.json was not fixed: it is read-only$/m);
      assert.match(result.stderr, /^Fixed nothing: 1 safe fix could not be written \(see above\)\.$/m);
      assert.doesNotMatch(result.stderr, /Fixed 1 problem/);
      assert.match(result.stdout, /billing-agent\.json:\d+:\d+ error unknown-event unknown event `ui-event-update-promotoin`/);
      assert.ok((await readFile(journey, 'utf8')).includes(MISSPELT));
    } finally {
      await chmod(journey, 0o644);
    }
  });

  it('the --fix-dry-run diff of a file that starts with a byte order mark applies with git apply, as --fix writes it', async () => {
    await writeFile(journey, `\ufeff${original.replace('"ui-event-update-promotion"', MISSPELT)}`);
    const dry = run(['check', 'bot', '--fix-dry-run'], folder);
    assert.match(dry.stderr, /^Would fix 1 problem in 1 file\.$/m, dry.stderr);
    await writeFile(path.join(folder, 'fix.diff'), dry.stdout);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', 'fix.diff'], { cwd: folder, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(await readFile(journey, 'utf8'), `\ufeff${original}`);
  });
});

describe('kind 5, reports what happened: utterance-tests --max-rows', () => {
  it('removes the files of an earlier run that this run does not write again, and only those', async () => {
    const { folder, bot, dispose } = await exampleCopy('rows');
    try {
      const csvs = async () => (await readdir(bot)).filter((f) => f.endsWith('.csv')).sort();
      assert.equal(run(['utterance-tests', 'bot', '--all', '--max-rows', '1'], folder).code, 0);
      const many = await csvs();
      assert.ok(many.length > 3, many.join());
      await writeFile(path.join(bot, 'utterance-tests-99.csv'), 'not ours\n');
      assert.equal(run(['utterance-tests', 'bot', '--all', '--max-rows', '3'], folder).code, 0);
      const fewer = await csvs();
      assert.deepEqual(
        fewer,
        [...Array.from({ length: Math.ceil(many.length / 3) }, (_, i) => `utterance-tests-${i + 1}.csv`), 'utterance-tests-99.csv'].sort(),
      );
      assert.equal(run(['utterance-tests', 'bot'], folder).code, 0);
      assert.deepEqual(await csvs(), ['utterance-tests-99.csv', 'utterance-tests.csv']);
      assert.equal(await readFile(path.join(bot, 'utterance-tests-99.csv'), 'utf8'), 'not ours\n');
    } finally {
      await dispose();
    }
  });
});

describe('kind 5, reports what happened: a function file that does not parse', () => {
  it("an unterminated comment holds text, not calls: no finding or fix from the loose parser's guesses inside it", () => {
    const text = `app.sendEvent({ code: 'ui-event-close-promotion' });\n/* old code:\napp.sendEvent({ code: 'ui-event-close-promotoin' });\n`;
    const fixture = new ProjectFixture({ 'functions/f.js': text });
    assert.deepEqual(
      fixture.findings('functions/f.js').map((f) => f.code),
      ['function-syntax'],
    );
  });

  it('the same for a template literal never closed', () => {
    const text = "const note = `draft\napp.sendEvent({ code: 'ui-event-close-promotoin' });\n";
    const fixture = new ProjectFixture({ 'functions/f.js': text });
    assert.deepEqual(
      fixture.findings('functions/f.js').map((f) => f.code),
      ['function-syntax'],
    );
  });
});

describe('kind 5, reports what happened: ranges inside strings with escapes', () => {
  /** The value of a JavaScript string literal, as acorn reads it. */
  const valueOf = (raw: string) => parseFunctionCode(`app.sendEvent({ code: ${raw} });`).sends[0].event.value;

  for (const [what, raw] of [
    ['a code point past U+FFFF as \\u{…}', "'a\\u{1F600}b'"],
    ['a line continuation', "'a\\\nb'"],
    ['a line continuation with CRLF', "'a\\\r\nb'"],
    ['legacy octal escapes', "'\\101\\0b\\12c'"],
    ['a template literal with CRLF', '`a\r\nb`'],
    ['\\x, \\u and simple escapes', "'\\x41\\u0042\\tc'"],
  ] as const) {
    it(`maps every character of the value to its place in the file: ${what}`, () => {
      const value = valueOf(raw);
      const map = decodedToRawOffsets(raw);
      assert.equal(map.length, value.length + 1, JSON.stringify(map));
      // The last character, `b` or `c`: its range in the file is the letter itself.
      const last = value.length - 1;
      assert.equal(raw.slice(map[last], map[last + 1]), value[last]);
      assert.equal(map[value.length], raw.length - 1);
    });
  }
});

describe('kind 5, reports what happened: the add-utterance request', () => {
  let folder: string;
  let bot: string;
  let dispose: () => Promise<void>;
  let client: LspTestClient;
  before(async () => {
    ({ folder, bot, dispose } = await exampleCopy('add-utterance'));
    client = new LspTestClient();
    await client.initialize(folder);
  });
  after(async () => {
    await client.dispose();
    await dispose();
  });

  it('refuses params without a phrase (it wrote `undefined` into the intent) with InvalidParams', async () => {
    const journey = path.join(bot, 'journeys/live-agent.json');
    for (const params of [
      { uri: uri(journey), intent: 'talk_to_bot' },
      { uri: uri(journey), intent: 'talk_to_bot', phrase: 7 },
      { uri: uri(journey), intent: 'talk_to_bot', phrase: ' ' },
    ]) {
      await assert.rejects(client.request('handoffKit/addUtterance', journey, params), (e: { code?: number }) => e.code === ErrorCodes.InvalidParams);
    }
  });

  it('gives no edit for an intent that changed on disk since it was read', async () => {
    const journey = path.join(bot, 'journeys/live-agent.json');
    const intent = path.join(bot, 'intents/talk_to_bot.json');
    const ok = await client.request<{ documentChanges: unknown[] } | null>('handoffKit/addUtterance', journey, {
      uri: uri(journey),
      intent: 'talk_to_bot',
      phrase: 'leave the agent',
    });
    assert.ok(ok?.documentChanges.length, 'an edit while the disk is as read');
    // Changed on disk, and no file event yet: the edit, computed on the text read, is not given.
    await writeFile(intent, (await readFile(intent, 'utf8')).replace('"back to bot", ', ''));
    const stale = await client.request('handoffKit/addUtterance', journey, { uri: uri(journey), intent: 'talk_to_bot', phrase: 'leave the agent' });
    assert.equal(stale, null);
  });
});
