// Kind 4: the language server's picture drifts from the disk. After any sequence of opens, edits,
// closes, saves, file and folder events, the diagnostics the server published must equal what
// `handoff-kit check` says of the same files (the disk, with the open documents' text over it).
// A randomized run with a fixed seed, over a real LSP connection to the bundled server; on a
// difference, the steps are cut down to a short sequence that still shows it, replayed each time
// on a fresh server. HANDOFF_KIT_DRIFT_SEED and HANDOFF_KIT_DRIFT_STEPS run other sequences.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { IDLE } from '../../contract/protocol';
import { runCheck } from '../../server/src/cli/check';
import { exampleProject } from '../paths';
import { LspTestClient, uri } from '../server/lspClient';
import { CHANGE_COUNT, changeNamed, describeStep, EditorAndDisk, EXTRA_FOLDER, renamedOf, SETTINGS, type Step } from './editorAndDisk';

const SEED = Number(process.env.HANDOFF_KIT_DRIFT_SEED ?? 20261207);
const STEPS = Number(process.env.HANDOFF_KIT_DRIFT_STEPS ?? 2000);
/** Steps between two comparisons of the published diagnostics with `check`. */
const COMPARE_EVERY = 25;
/** At most this many replays while cutting a failing sequence down. */
const MAX_REPLAYS = 150;

/** mulberry32: a small seeded generator, so that a seed names one sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The project the runs start from: the example, with a test report, its own settings and a .gitignore. */
async function originalFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(exampleProject, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(`bot/${path.relative(exampleProject, full).split(path.sep).join('/')}`, await readFile(full, 'utf8'));
  }
  // A second project, in a folder of its own, with a journey of the first's.
  files.set('team/bot2/bot.json', files.get('bot/bot.json')!.replace('"support-bot"', '"second-bot"'));
  files.set('team/bot2/journeys/live-agent.json', files.get('bot/journeys/live-agent.json')!);
  files.set('team/bot2/intents/talk_to_agent.json', files.get('bot/intents/talk_to_agent.json')!);
  // A third, in a folder beside the workspace's, which a step adds to the workspace or removes.
  files.set(`${EXTRA_FOLDER}/bot3/bot.json`, files.get('bot/bot.json')!.replace('"support-bot"', '"third-bot"'));
  files.set(`${EXTRA_FOLDER}/bot3/journeys/return-to-bot.json`, files.get('bot/journeys/return-to-bot.json')!);
  files.set(`${EXTRA_FOLDER}/bot3/intents/talk_to_bot.json`, files.get('bot/intents/talk_to_bot.json')!);
  files.set('bot/test-reports/run.csv', 'Utterance,Predicted Journey,Journey,Status\r\ntalk to bot,live-agent,return-to-bot,failure\r\n');
  files.set('bot/handoff-kit.json', '{}\n');
  files.set('.gitignore', 'node_modules/\n');
  return files;
}

const FOLDERS = [
  `${EXTRA_FOLDER}/bot3`,
  'bot',
  'bot/intents',
  'bot/journeys',
  'bot/functions',
  'bot/tests',
  'bot/test-reports',
  'bot/translations',
  'bot/faqs',
  'team',
  'team/bot2/journeys',
];

/** `count` random steps over `files`, a comparison every COMPARE_EVERY and one at the end. */
function randomSteps(seed: number, count: number, files: readonly string[]): Step[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  // Weighted: typing and opening most, moving folders least.
  const kinds: Step['kind'][] = ['open', 'open', 'type', 'type', 'type', 'type', 'close', 'save', 'write', 'write'];
  kinds.push('delete', 'restore', 'restore', 'rename', 'moveOut', 'moveBack', 'settings', 'workspaceFolder');
  // Files are named by their first name or the one a rename gives them.
  const names = [...files, ...files.map(renamedOf)];
  const steps: Step[] = [];
  for (let i = 1; i <= count; i++) {
    const kind = pick(kinds);
    if (kind === 'moveOut' || kind === 'moveBack') steps.push({ kind, folder: pick(FOLDERS) });
    else if (kind === 'type' || kind === 'write') steps.push({ kind, file: pick(names), change: Math.floor(next() * CHANGE_COUNT) });
    else if (kind === 'rename') steps.push({ kind, file: pick(files) });
    else if (kind === 'settings') steps.push({ kind, choice: Math.floor(next() * SETTINGS.length) });
    else if (kind === 'workspaceFolder') steps.push({ kind, add: next() < 0.5 });
    else if (kind !== 'compare') steps.push({ kind, file: pick(names) });
    if (i % COMPARE_EVERY === 0 || i === count) steps.push({ kind: 'compare' });
  }
  return steps;
}

interface Published {
  readonly code: string;
  readonly severity: number;
  readonly message: string;
  readonly range: string;
}

/** What `handoff-kit check` says of `files` (path → text), written to a folder of their own: per path, its findings. */
async function checkOf(
  files: ReadonlyMap<string, string>,
  folder: string,
  options: (typeof SETTINGS)[number]['check'],
): Promise<Map<string, Published[]>> {
  await rm(folder, { recursive: true, force: true });
  await rm(path.join(folder, EXTRA_FOLDER), { recursive: true, force: true });
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  // Each workspace folder with a project; none: check says so as a usage error, the server shows nothing.
  const roots = ['.', EXTRA_FOLDER].filter((root) =>
    [...files.keys()].some((file) => (root === '.' ? !file.startsWith('../') : file.startsWith(`${root}/`)) && file.endsWith('/bot.json')),
  );
  if (!roots.length) return new Map();
  const run = await runCheck(
    roots.map((root) => path.join(folder, root)),
    { cwd: folder, format: 'json', ...options },
  );
  const severities: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
  const byFile = new Map<string, Published[]>();
  const rows = JSON.parse(run.stdout || '[]') as { file: string; range: unknown; severity: string; code: string; message: string }[];
  for (const row of rows) {
    // A file outside the folder check runs in is named by its absolute path.
    const file = (path.isAbsolute(row.file) ? path.relative(folder, row.file) : row.file).split(path.sep).join('/');
    const list = byFile.get(file) ?? [];
    list.push({
      code: row.code,
      severity: severities[row.severity],
      message: row.message.replaceAll(folder, '<ws>'),
      range: JSON.stringify(row.range),
    });
    byFile.set(file, list);
  }
  return byFile;
}

const sorted = (list: readonly Published[]): Published[] =>
  [...list].sort((a, b) => a.range.localeCompare(b.range) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));

/** The differences between what the server published and what `check` says, one line each. */
function differences(world: EditorAndDisk, client: LspTestClient, expected: Map<string, Published[]>): string[] {
  const lines: string[] = [];
  const files = new Set([...expected.keys(), ...[...world.originals.keys()]]);
  for (const [published] of client.diagnostics) {
    const file = path.relative(world.workspace, new URL(published).pathname).split(path.sep).join('/');
    files.add(file);
  }
  for (const file of [...files].sort()) {
    const want = sorted(expected.get(file) ?? []);
    const diagnostics: Diagnostic[] = client.diagnostics.get(uri(world.pathOf(file))) ?? [];
    const got = sorted(
      diagnostics.map((d) => ({
        code: String(d.code),
        severity: d.severity ?? 0,
        message: String(d.message).replaceAll(world.workspace, '<ws>'),
        range: JSON.stringify(d.range),
      })),
    );
    const key = (p: Published) => `${p.range} ${p.code} ${p.message}`;
    const gotKeys = new Set(got.map(key));
    const wantKeys = new Set(want.map(key));
    for (const p of want) if (!gotKeys.has(key(p))) lines.push(`${file}: check says, the server does not: ${key(p)}`);
    for (const p of got) if (!wantKeys.has(key(p))) lines.push(`${file}: the server says, check does not: ${key(p)}`);
  }
  return lines;
}

/** Runs `steps` on a fresh workspace and server; returns the first comparison's differences, if any. */
async function replay(
  steps: readonly Step[],
  originals: Map<string, string>,
  applied: Step[] = [],
): Promise<{ at: number; lines: string[] } | undefined> {
  const root = await mkdtemp(path.join(tmpdir(), 'handoff-kit-drift-'));
  const client = new LspTestClient();
  try {
    const world = new EditorAndDisk(root, client, originals);
    await world.create();
    await client.initialize(world.workspace);
    for (const [index, step] of steps.entries()) {
      if (await world.apply(step)) applied.push(step);
      if (step.kind !== 'compare') continue;
      await client.connection.sendRequest(IDLE.method, {});
      const lines = differences(world, client, await checkOf(world.expectedFiles(), path.join(root, 'check', 'ws'), world.settings.check));
      // A task that threw is logged, and the server goes on: the log says why the picture drifted.
      const errors = client.logs.filter((line) => line.startsWith('Handoff Kit: ') && /\n\s+at /.test(line));
      if (lines.length) return { at: index, lines: [...lines, ...errors] };
    }
    return undefined;
  } finally {
    await client.dispose();
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Cuts a failing sequence down (ddmin-like: drops chunks of steps, halving the chunk size), keeping
 * the final comparison, within MAX_REPLAYS replays.
 */
async function minimize(steps: readonly Step[], originals: Map<string, string>): Promise<Step[]> {
  // The steps that did something (closing a closed file does nothing), without the comparisons.
  const applied: Step[] = [];
  await replay(steps, originals, applied);
  let current = applied.filter((s) => s.kind !== 'compare');
  let replays = 0;
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1 && replays < MAX_REPLAYS; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < current.length && replays < MAX_REPLAYS;) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      replays++;
      if (await replay([...candidate, { kind: 'compare' }], originals)) current = candidate;
      else start += chunk;
    }
  }
  return [...current, { kind: 'compare' }];
}

describe('the language server and the disk (kind 4: the picture drifts from the disk)', () => {
  const roots: string[] = [];
  after(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  // The sequences the probe and the randomized run found, each cut down to what shows it.
  const found: Record<string, Step[]> = {
    'a bot.json deleted while open, typed into and closed unsaved leaves no project': [
      { kind: 'open', file: 'bot/bot.json' },
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'type', file: 'bot/bot.json', change: changeNamed('"enabled": true -> "enabled": false') },
      { kind: 'compare' },
      { kind: 'close', file: 'bot/bot.json' },
    ],
    'a functions/ folder moved out and back is read again': [
      { kind: 'write', file: 'bot/functions/show-exit-banner.js', change: changeNamed('exit_button_label -> exit_button_lbl') },
      { kind: 'moveOut', folder: 'bot/functions' },
      { kind: 'compare' },
      { kind: 'moveBack', folder: 'bot/functions' },
    ],
    'a test-reports/ folder moved out and back is read again': [
      { kind: 'moveOut', folder: 'bot/test-reports' },
      { kind: 'compare' },
      { kind: 'moveBack', folder: 'bot/test-reports' },
    ],
    'an open document in a folder moved away leaves the model': [
      { kind: 'write', file: 'bot/tests/billing-agent.json', change: changeNamed('ignores faqs') },
      { kind: 'open', file: 'bot/tests/billing-agent.json' },
      { kind: 'moveOut', folder: 'bot/tests' },
    ],
    'an open document whose file went stays out when its project comes back': [
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'open', file: 'bot/tests/billing-agent.json' },
      { kind: 'delete', file: 'bot/tests/billing-agent.json' },
      { kind: 'restore', file: 'bot/bot.json' },
    ],
    'a folder moved out and back, then out again with a document open in it': [
      { kind: 'moveOut', folder: 'bot/journeys' },
      { kind: 'moveBack', folder: 'bot/journeys' },
      { kind: 'open', file: 'bot/journeys/billing-agent.json' },
      { kind: 'moveOut', folder: 'bot/journeys' },
    ],
    'a document typed into while its folder was away is detached when the folder goes again': [
      { kind: 'open', file: 'bot/intents/billing_question.json' },
      { kind: 'moveOut', folder: 'bot/intents' },
      { kind: 'type', file: 'bot/intents/billing_question.json', change: changeNamed('cut in half') },
      { kind: 'moveBack', folder: 'bot/intents' },
      { kind: 'moveOut', folder: 'bot/intents' },
    ],
    'a bot.json only in the editor stays a project when the ignore files change': [
      { kind: 'open', file: 'bot/bot.json' },
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'type', file: 'bot/bot.json', change: changeNamed('"enabled": true -> "enabled": false') },
      { kind: 'delete', file: '.gitignore' },
    ],
    'an open handoff-kit.json deleted on disk no longer says what is ignored': [
      { kind: 'write', file: 'bot/faqs/faqs.csv', change: changeNamed('ignores faqs') },
      { kind: 'open', file: 'bot/handoff-kit.json' },
      { kind: 'type', file: 'bot/handoff-kit.json', change: changeNamed('ignores faqs') },
      { kind: 'compare' },
      { kind: 'delete', file: 'bot/handoff-kit.json' },
    ],
    'what an unsaved handoff-kit.json ignores is what the editor shows': [
      { kind: 'open', file: 'bot/faqs/faqs.csv' },
      { kind: 'type', file: 'bot/faqs/faqs.csv', change: changeNamed('cut in half') },
      { kind: 'open', file: 'bot/handoff-kit.json' },
      { kind: 'type', file: 'bot/handoff-kit.json', change: changeNamed('ignores faqs') },
      { kind: 'compare' },
      { kind: 'type', file: 'bot/handoff-kit.json', change: changeNamed('the original text') },
    ],
    'an open document whose file came back outside any project is attached when the project comes back': [
      { kind: 'open', file: 'bot/functions/show-exit-banner.js' },
      { kind: 'type', file: 'bot/functions/show-exit-banner.js', change: changeNamed('cut in half') },
      { kind: 'delete', file: 'bot/functions/show-exit-banner.js' },
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'restore', file: 'bot/functions/show-exit-banner.js' },
      { kind: 'restore', file: 'bot/bot.json' },
    ],
    'an unsaved handoff-kit.json outside any project says what a project loaded later ignores': [
      { kind: 'open', file: 'bot/faqs/faqs.csv' },
      { kind: 'type', file: 'bot/faqs/faqs.csv', change: changeNamed('cut in half') },
      { kind: 'open', file: 'bot/handoff-kit.json' },
      { kind: 'open', file: 'bot/bot.json' },
      { kind: 'delete', file: 'bot/handoff-kit.json' },
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'type', file: 'bot/handoff-kit.json', change: changeNamed('ignores faqs') },
      { kind: 'type', file: 'bot/bot.json', change: changeNamed('ui-event-close-promotion -> ui-event-close-promo') },
    ],
    'a bot.json only in the editor makes a project when its folder comes back without the file': [
      { kind: 'open', file: 'team/bot2/bot.json' },
      { kind: 'rename', file: 'team/bot2/bot.json' },
      { kind: 'moveOut', folder: 'team' },
      { kind: 'moveBack', folder: 'team' },
    ],
    'a bot.json only in the editor keeps its project when the settings change': [
      { kind: 'open', file: 'bot/bot.json' },
      { kind: 'delete', file: 'bot/bot.json' },
      { kind: 'type', file: 'bot/bot.json', change: changeNamed('"enabled": true -> "enabled": false') },
      { kind: 'settings', choice: 2 },
    ],
    'a bot.json opened outside the workspace folders makes no project': [{ kind: 'open', file: '../ext/bot3/bot.json' }],
    'a workspace folder added takes the text of the documents already open in it': [
      { kind: 'open', file: '../ext/bot3/bot.json' },
      { kind: 'type', file: '../ext/bot3/bot.json', change: changeNamed('ui-event-close-promotion -> ui-event-close-promo') },
      { kind: 'workspaceFolder', add: true },
    ],
    'open documents in a folder that moves out of the workspace are detached': [
      { kind: 'open', file: '../ext/bot3/journeys/return-to-bot.json' },
      { kind: 'open', file: '../ext/bot3/bot.json' },
      { kind: 'moveOut', folder: '../ext/bot3' },
      { kind: 'workspaceFolder', add: true },
    ],
    'a document typed into after its file went is detached when its folder goes': [
      { kind: 'open', file: 'bot/journeys/return-to-bot.json' },
      { kind: 'delete', file: 'bot/journeys/return-to-bot.json' },
      { kind: 'type', file: 'bot/journeys/return-to-bot.json', change: changeNamed('rules off') },
      { kind: 'moveOut', folder: 'bot/journeys' },
    ],
  };
  for (const [name, steps] of Object.entries(found)) {
    it(name, async () => {
      const failure = await replay([...steps, { kind: 'compare' }], await originalFiles());
      assert.equal(failure, undefined, failure && [`after step ${failure.at + 1}:`, ...failure.lines].join('\n'));
    });
  }

  it(`publishes what check says of the same files after ${STEPS} random steps (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const originals = await originalFiles();
    const steps = randomSteps(SEED, STEPS, [...originals.keys()]);
    const failure = await replay(steps, originals);
    if (!failure) return;
    const shortest = await minimize(steps.slice(0, failure.at + 1), originals);
    const again = await replay(shortest, originals);
    assert.fail(
      [
        `after step ${failure.at + 1} of seed ${SEED}, the server's diagnostics differ from check's:`,
        ...failure.lines.slice(0, 20),
        `a shorter sequence that shows it (${shortest.length} steps):`,
        ...shortest.map((s, i) => `  ${i + 1}. ${describeStep(s)}`),
        ...(again?.lines.slice(0, 20) ?? ['  (it no longer fails on its own)']),
      ].join('\n'),
    );
  });
});
