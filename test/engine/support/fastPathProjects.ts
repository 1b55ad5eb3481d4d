// The projects the fast-path test (fastPath.test.ts) checks on both paths: a small project made by
// the bench generator (scripts/bench/generate.mjs) and then spoilt in a few files, so that nearly
// every check has something to report and the texts hold what tells JSON.parse and the tree apart
// (escapes, a byte order mark, repeated keys, `__proto__`, numeric keys, deep nesting, bad syntax).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BotProject, checkFile, fileKindOf, type CheckOptions, type Finding } from '../../../server/src/engine';
import { BotFile } from '../../../server/src/engine/model/botFile';
import { repoRoot } from '../../paths';

/**
 * The same project with every file parsed on the reference path (BotFile.referencePath: the tree
 * built at once and the models read from its nodes, as before the fast path): same paths, texts,
 * versions, limits and file order.
 */
export function referenceCopy(project: BotProject): BotProject {
  const copy = new BotProject(project.root);
  BotFile.referencePath = true;
  try {
    for (const file of project.allFiles()) {
      const limits = {
        ...(Number.isFinite(file.maxSize) ? { maxSize: file.maxSize } : {}),
        ...(file.size !== file.text.length ? { sizeOnDisk: file.size } : {}),
        ...(file.unreadReason !== undefined ? { unreadReason: file.unreadReason } : {}),
        ...(file.hadBom ? { hadBom: true } : {}),
      };
      if (fileKindOf(project.root, file.path) === file.kind) copy.setText(file.path, file.text, file.version, limits);
      else if (file.kind === 'report') copy.addTestReport(file.path, file.text, limits);
      else throw new Error(`cannot copy ${file.path}`);
    }
  } finally {
    BotFile.referencePath = false;
  }
  return copy;
}

/**
 * Throws unless `findings`, those of `file` in `project` on the fast path, are those of the
 * reference path (code, message id, severity, message, range, data, related locations: all).
 */
export function assertSameOnReferencePath(project: BotProject, file: string, options: CheckOptions | undefined, findings: readonly Finding[]): void {
  const reference = referenceCopy(project);
  const expected = checkFile(reference, reference.file(file)!, options);
  assert.deepStrictEqual(findings, expected, `the fast path's findings of ${path.relative(project.root, file)} are the reference path's`);
}

type Json = Record<string, unknown>;
type Generator = { ensureProject(folder: string, shape: object): { folder: string } };

/** The shape generated: 12 journeys and 24 intents (37 files, with bot.json). */
export const GENERATED_SHAPE = { journeys: 12, intents: 24 } as const;

/**
 * Generates the project into `folder` (which must not hold one yet) and spoils it. Returns the
 * project's root folder. Deterministic: the same files every time.
 */
export async function generateSpoiltProject(folder: string): Promise<string> {
  const generator = (await import(path.join(repoRoot, 'scripts', 'bench', 'generate.mjs'))) as Generator;
  const root = path.join(folder, 'generated');
  generator.ensureProject(root, GENERATED_SHAPE);
  spoil(root);
  return root;
}

function spoil(root: string): void {
  const file = (rel: string) => path.join(root, rel);
  const read = (rel: string) => readFileSync(file(rel), 'utf8');
  const write = (rel: string, text: string) => writeFileSync(file(rel), text);
  const edit = (rel: string, change: (value: Json) => void) => {
    const value = JSON.parse(read(rel)) as Json;
    change(value);
    write(rel, `${JSON.stringify(value, null, 2)}\n`);
  };
  const nodes = (value: Json) => value.nodes as Json[];

  // bot.json: one custom event disabled, one missing, a literal key.
  edit('bot.json', (bot) => {
    const events = bot.events as Json[];
    events[4].enabled = false;
    events.splice(7, 1);
    bot.ticketClose = { url: 'https://api.example.com/close', apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' };
  });
  // journey_1: a misspelt close event, a typo'd node type, a `next` to no node, an unreachable node.
  edit('journeys/journey_1.json', (journey) => {
    nodes(journey).find((n) => n.id === 'banner')!.event = 'ui-event-close-promotoin';
    nodes(journey).find((n) => n.id === 'ask-2')!.type = 'mesage';
    nodes(journey).find((n) => n.id === 'ask-3')!.next = 'ask-33';
    nodes(journey).push({ id: 'orphan', type: 'message', text: 'Nobody comes here.' });
  });
  // journey_2: a button text that is no utterance, one that looks like one, an unknown jump.
  edit('journeys/journey_2.json', (journey) => {
    const banner = nodes(journey).find((n) => n.id === 'banner')!;
    banner.data = {
      title: 'Leave?',
      options: [
        { title: 'Exit', text: 'talk to the bot' },
        { title: 'Back', text: 'Talk  to bot.' },
        { title: 'Odd', text: 'something else entirely' },
        { title: 'Nothing' },
      ],
    };
    nodes(journey).find((n) => n.id === 'busy-2')!.journey = 'journey-99';
  });
  // journey_3: repeated keys (in a node and in `next`), numeric `next` outcomes, `__proto__`.
  write(
    'journeys/journey_3.json',
    read('journeys/journey_3.json')
      .replace('"type": "message",', '"type": "message", "type": "message",')
      .replace('"agentConnected": "banner",', '"2": "banner", "1": "busy", "agentConnected": "sorry", "agentConnected": "banner",')
      .replace('"description":', '"__proto__": {"name": "x"}, "description":'),
  );
  // journey_4: a typed phrase spelt with escapes, deep nesting in a payload, a token in data.
  write(
    'journeys/journey_4.json',
    read('journeys/journey_4.json')
      .replace("Please type 'talk to bot 4'", 'Please type \'\\u0074alk to \\"bot\\" 4\\t\'')
      .replace(
        '"step": "before-agent"',
        `"step": "before-agent", "deep": ${'['.repeat(80)}1${']'.repeat(80)}, "auth": "Bearer abcDEF123456ghiJKL789"`,
      ),
  );
  // journey_5: a byte order mark; journey_6: a trailing comma; journey_7: a no-break space (jsonc's whitespace, not JSON's).
  write('journeys/journey_5.json', `\ufeff${read('journeys/journey_5.json')}`);
  write('journeys/journey_6.json', read('journeys/journey_6.json').replace(/}\s*$/, ',}\n'));
  write('journeys/journey_7.json', read('journeys/journey_7.json').replace('"start":', '"start":\u00a0'));
  // journey_8: a banner payload of the wrong shape; journey_9: the exit journey's name again.
  edit('journeys/journey_8.json', (journey) => {
    nodes(journey).find((n) => n.id === 'banner')!.data = {
      banners: [{ type: 'text', title: 3, options: [{ titel: 'Exit', text: 'talk to bot' }] }],
      bannerSettings: { state: 'half' },
    };
  });
  edit('journeys/journey_9.json', (journey) => {
    journey.name = 'return-to-bot';
  });
  // Intents: a shared utterance, one written differently, a missing name, an unknown property.
  edit('intents/intent_0.json', (intent) => {
    (intent.utterances as unknown[]).push('how do I manage request 3 about topic 1 today', 'How do I manage request 4 about topic 1 today?', 7);
  });
  edit('intents/intent_2.json', (intent) => {
    delete intent.name;
    intent.utteranecs = [];
  });
  write('intents/intent_3.json', read('intents/intent_3.json').replace('"utterances"', '"name": "intent_3_again", "utterances"'));
  write('journeys/journey_10.json', '');
  // A function file that sends a banner, and the project's settings.
  mkdirSync(file('functions'), { recursive: true });
  write(
    'functions/banner.js',
    "app.sendEvent({ code: 'ui-event-update-promotion', data: { title: 'Go?', options: [{ title: 'Go', text: 'talk to bots' }] } });\nreturn 1;\n",
  );
  write('handoff-kit.json', `${JSON.stringify({ rules: { 'unreachable-node': 'info' }, exitPhraseMatch: 'exact' }, null, 2)}\n`);
}
