// Kind 5 of issue 28: what the tool reports must be what happened. A fix it could not write is not
// "fixed", a diff it prints applies, a finding is about the code and not the parser's guess, an
// edit lands where it says, and a message does not depend on the order files were read in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseFunctionCode } from '../../server/src/engine/model/functionCode';
import { decodedToRawOffsets } from '../../server/src/engine/model/jsonString';
import { BotProject, checkProject, IncrementalCheck, quickFixes, type Finding } from '../../server/src/engine';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { ProjectFixture } from '../engine/support/projectFixture';
import { exampleProject } from '../paths';
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

describe('kind 5, reports what happened: findings do not depend on the order files were read or created in', () => {
  const ROOT = path.resolve('/bots/order');

  /**
   * The example project with copies and near-copies that make cross-file findings name other
   * files: duplicate intents and journeys, utterances trained twice, the exit phrase an FAQ in two
   * files, a translation key missing in two function files; with `broken`, files that do not parse
   * (messages list the files not read).
   */
  function project(broken: boolean): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(exampleProject, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(rel);
        else files[rel] = readFileSync(path.join(exampleProject, rel), 'utf8');
      }
    };
    walk('');
    const agent = files['intents/talk_to_agent.json'];
    const utterances = (JSON.parse(agent) as { utterances: string[] }).utterances;
    const liveAgent = files['journeys/live-agent.json'];
    const banner = files['functions/show-exit-banner.js'];
    Object.assign(files, {
      'intents/a_copy.json': agent,
      'intents/z_copy.json': agent,
      'intents/m_other.json': JSON.stringify({ name: 'other', utterances: [...utterances, 'Talk to bot', 'talk to bot'] }),
      'intents/n_other.json': JSON.stringify({ name: 'other2', utterances: ['talk  to bot', utterances[0]] }),
      'journeys/a-copy.json': liveAgent,
      'journeys/z-copy.json': liveAgent.replace('"talk_to_agent"', '"talk_to_agen"').replace('"text": "talk to bot"', '"text": "talk to bot!"'),
      'journeys/y-copy.json': liveAgent
        .replace('"name": "live-agent"', '"name": "other"')
        .replace('"next": "agent-left"', '"next": "nowhere"')
        .replace('ui-event-close-promotion', 'ui-event-close-promotoin'),
      'functions/aa.js': banner.replace('exit_banner_title', 'exit_banner_titel'),
      'functions/another.js': banner.replace('exit_banner_title', 'exit_banner_titel'),
      'translations/a.csv': files['translations/translations.csv'].replace('exit_button_label,Exit,', 'exit_button_label,Exit,\n'),
      'translations/z.csv': files['translations/translations.csv'],
      'faqs/a.csv': `${files['faqs/faqs.csv']}x,talk to bot,talk to an agent,a,b\n`,
      'faqs/z.csv': `${files['faqs/faqs.csv']}y,talk to bot,Talk to bot,a,b\n`,
      'tests/a.json': files['tests/live-agent.json'],
    });
    if (broken) Object.assign(files, { 'intents/broken1.json': '{ "name": ', 'intents/broken0.json': '{ "name": ', 'journeys/broken.json': '{' });
    return files;
  }

  /** A finding as the user sees it, with its quick fixes' titles and edits; paths relative to the project. */
  function shown(p: BotProject, finding: Finding): string {
    const rel = (file: string) => path.relative(ROOT, file);
    const fixes = quickFixes(p, p.file(finding.file)!, finding).map((fix) => ({
      title: fix.title,
      changes: fix.changes.map((change) => ({ ...change, file: rel(change.file) })),
      command: fix.command,
    }));
    const related = finding.related?.map((r) => ({ ...r, file: rel(r.file) }));
    return JSON.stringify({ ...finding, file: rel(finding.file), related, fixes });
  }

  /** A random order of `items` (a fixed sequence per seed). */
  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [result[i], result[j]] = [result[j], result[i]];
    }
    return result;
  }

  for (const broken of [false, true]) {
    const files = project(broken);
    const paths = Object.keys(files).sort();
    const put = (p: BotProject, rel: string, version: number) => p.setText(path.join(ROOT, rel), files[rel], version);
    const fresh = (order: readonly string[]) => {
      const p = new BotProject(ROOT);
      order.forEach((rel, i) => put(p, rel, i + 1));
      return checkProject(p).map((f) => shown(p, f));
    };
    const expected = fresh(paths);
    const what = broken ? ' (some files do not parse)' : '';

    it(`a fresh check says the same of the files read in any order${what}`, () => {
      assert.ok(expected.length > 40, `${expected.length} findings`);
      assert.ok(expected.some((f) => f.includes('"related"')));
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) assert.deepEqual(fresh(shuffled(paths, seed)), expected, `seed ${seed}`);
      assert.deepEqual(fresh([...paths].reverse()), expected, 'reversed');
    });

    it(`files created after the first check (as in the editor) give what a fresh check says${what}`, () => {
      for (const seed of [11, 12, 13, 14]) {
        const order = shuffled(paths, seed);
        const p = new BotProject(ROOT);
        const checks = new IncrementalCheck(p);
        const half = Math.floor(order.length / 2);
        order.slice(0, half).forEach((rel, i) => put(p, rel, i + 1));
        checks.run();
        // The rest created one at a time, each followed by a pass, and one file deleted and created again.
        order.slice(half).forEach((rel, i) => {
          put(p, rel, half + i + 1);
          checks.run();
        });
        p.delete(path.join(ROOT, order[0]));
        checks.run();
        put(p, order[0], 1000);
        const got = [...checks.run().values()].flatMap((checked) => checked.findings.map((f) => shown(p, f)));
        assert.deepEqual(got.sort(), [...expected].sort(), `seed ${seed}`);
      }
    });
  }
});

describe('kind 5, reports what happened: the language server after a file is created says what check says', () => {
  let folder: string;
  let bot: string;
  let dispose: () => Promise<void>;
  let client: LspTestClient;
  before(async () => {
    ({ folder, bot, dispose } = await exampleCopy('created'));
    const journeys = path.join(bot, 'journeys');
    await writeFile(path.join(journeys, 'z-copy.json'), await readFile(path.join(journeys, 'live-agent.json'), 'utf8'));
    client = new LspTestClient();
    await client.initialize(folder);
  });
  after(async () => {
    await client.dispose();
    await dispose();
  });

  const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
  type Shown = { file: string; range: unknown; severity: number; code: string; message: string };
  const byPlace = (a: Shown, b: Shown) =>
    a.file.localeCompare(b.file) || JSON.stringify(a.range).localeCompare(JSON.stringify(b.range)) || a.code.localeCompare(b.code);

  /** What `check --format json` says of the project, as the editor shows it. */
  function checked(): Shown[] {
    const result = run(['check', 'bot', '--format', 'json'], folder);
    assert.equal(result.code, 1, result.stderr);
    const findings = JSON.parse(result.stdout) as Array<{ file: string; range: unknown; severity: string; code: string; message: string }>;
    return findings
      .map((f) => ({ file: path.resolve(folder, f.file), range: f.range, severity: SEVERITY[f.severity], code: f.code, message: f.message }))
      .sort(byPlace);
  }

  /** What the server last published for every file of the project. */
  function published(): Shown[] {
    const files = readdirSync(bot, { recursive: true, encoding: 'utf8' }).map((rel) => path.join(bot, rel));
    return files
      .flatMap((file) =>
        (client.diagnosticsOf(file) ?? []).map((d) => ({
          file,
          range: d.range,
          severity: d.severity!,
          code: String(d.code),
          message: String(d.message),
        })),
      )
      .sort(byPlace);
  }

  it('a journey and an intent created after start-up: every message names the files check names', async () => {
    const first = checked();
    await client.waitFor('the findings of check', () => JSON.stringify(published()) === JSON.stringify(first));
    const journeys = path.join(bot, 'journeys');
    const intents = path.join(bot, 'intents');
    // Created after the server read the project: in the order of events, they come last.
    await writeFile(path.join(journeys, 'a-copy.json'), await readFile(path.join(journeys, 'live-agent.json'), 'utf8'));
    const agent = JSON.parse(await readFile(path.join(intents, 'talk_to_agent.json'), 'utf8')) as { utterances: string[] };
    await writeFile(path.join(intents, 'a_other.json'), JSON.stringify({ name: 'other', utterances: agent.utterances }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(path.join(journeys, 'a-copy.json')), type: 1 },
        { uri: uri(path.join(intents, 'a_other.json')), type: 1 },
      ],
    });
    const expected = checked();
    assert.ok(expected.some((f) => f.message.includes('(journeys/a-copy.json)')));
    assert.ok(expected.some((f) => f.message.includes('(intents/a_other.json)')));
    await client.waitFor('the published diagnostics to name the new files', () => published().some((d) => d.file.endsWith('a_other.json')));
    await client.roundTrip();
    await client.waitFor('the findings of check', () => JSON.stringify(published()) === JSON.stringify(expected)).catch(() => undefined);
    assert.deepEqual(published(), expected);
  });
});

describe('kind 5, reports what happened: summaries and files written', () => {
  it('check --quiet says the warnings it leaves out are there, not "No problems"', async () => {
    const { folder, bot, dispose } = await exampleCopy('quiet');
    try {
      const intent = path.join(bot, 'intents/talk_to_bot.json');
      await writeFile(intent, (await readFile(intent, 'utf8')).replace('"name":', '"extra": 1, "name":'));
      const quiet = run(['check', 'bot', '--quiet'], folder);
      assert.equal(quiet.code, 0, quiet.stderr);
      assert.equal(quiet.stdout, '');
      assert.match(quiet.stderr, /^No errors in \d+ files; 1 warning not shown \(--quiet\) \(\d+ ms\)\.$/m);
      assert.doesNotMatch(quiet.stderr, /No problems/);
      await writeFile(
        path.join(bot, 'journeys/billing-agent.json'),
        (await readFile(path.join(bot, 'journeys/billing-agent.json'), 'utf8')).replace('"ui-event-update-promotion"', MISSPELT),
      );
      const both = run(['check', 'bot', '--quiet'], folder);
      assert.equal(both.code, 1);
      assert.match(both.stderr, /^1 problem \(1 error, 0 warnings\) in \d+ files; 1 warning not shown \(--quiet\) \(\d+ ms\)\.$/m);
      assert.match(run(['check', 'bot'], folder).stderr, /^2 problems \(1 error, 1 warning\) in \d+ files \(\d+ ms\)\.$/m);
    } finally {
      await dispose();
    }
  });

  it('add-disconnection that could write some files and not others lists those it wrote, and a second run ends it', async () => {
    const { folder, dispose } = await exampleCopy('partial');
    try {
      assert.equal(run(['init', 'b'], folder).code, 0);
      const bot = path.join(folder, 'b/bot.json');
      await writeFile(bot, JSON.stringify({ name: 'b', events: [] }, null, 2));
      await chmod(bot, 0o444);
      const partial = run(['add-disconnection', 'b'], folder);
      assert.equal(partial.code, 1, partial.stderr);
      assert.match(partial.stderr, /^handoff-kit: b\/bot\.json was not written: it is read-only$/m);
      assert.match(partial.stderr, /^The disconnection is incomplete: the 4 files listed on stdout were written, the rest not;/m);
      const written = partial.stdout.trim().split('\n').sort();
      assert.deepEqual(written, [
        'b/intents/talk_to_agent.json',
        'b/intents/talk_to_bot.json',
        'b/journeys/live-agent.json',
        'b/journeys/return-to-bot.json',
      ]);
      for (const file of written) assert.ok((await readFile(path.join(folder, file), 'utf8')).length > 0, file);
      await chmod(bot, 0o644);
      const rest = run(['add-disconnection', 'b'], folder);
      assert.equal(rest.code, 0, rest.stderr);
      assert.equal(rest.stdout, 'b/bot.json\n');
      assert.equal(run(['check', 'b'], folder).code, 0);
    } finally {
      await dispose();
    }
  });
});
