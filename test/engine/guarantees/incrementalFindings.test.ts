// Kind: the caches (per-file findings, the index updated one file at a time, the near index,
// unread files per generation, the facts each file's checks read) give exactly the findings of a
// fresh check. A project is edited at random, checked after every edit, and compared with a fresh
// project of the same texts: codes, messages, ranges and related locations identical.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotProject, checkProject, IncrementalCheck, type CheckedFile, type CheckOptions, type Finding } from '../../../server/src/engine';
import { exampleProject } from '../../paths';

/** A small deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROOT = path.resolve('/bots/incremental');

/** The example project's files, plus journeys and intents in the shape `npm run bench` generates, at small size. */
function projectTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string, rel = '') => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), path.join(rel, entry.name));
      else texts.set(path.join(ROOT, rel, entry.name), readFileSync(path.join(dir, entry.name), 'utf8'));
    }
  };
  walk(exampleProject);
  for (let i = 0; i < 6; i++) {
    const utterances = Array.from({ length: 5 }, (_, u) => `how do I manage request ${u} about topic ${i} today`);
    texts.set(path.join(ROOT, `intents/intent_${i}.json`), JSON.stringify({ name: `intent_${i}`, utterances }, null, 2));
    const phrase = i % 2 ? 'talk to bot' : `how do I manage request ${i} about topic ${i} today`;
    const journey = {
      name: `journey_${i}`,
      trigger: { intent: `intent_${i}` },
      start: 'ticket',
      nodes: [
        { id: 'ticket', type: 'raiseTicket', next: 'banner' },
        {
          id: 'banner',
          type: 'sendEvent',
          event: 'ui-event-update-promotion',
          data: { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: phrase }] },
          next: 'notify',
        },
        { id: 'notify', type: 'sendEvent', event: `custom-event-${i}`, next: 'jump' },
        { id: 'jump', type: 'jumpToJourney', journey: `journey_${(i + 1) % 6}` },
      ],
    };
    texts.set(path.join(ROOT, `journeys/journey_${i}.json`), JSON.stringify(journey, null, 2));
  }
  return texts;
}

function fresh(texts: ReadonlyMap<string, string>): BotProject {
  const project = new BotProject(ROOT);
  for (const [file, text] of texts) project.setText(file, text, 1);
  return project;
}

/** One random edit of a JSON text: a string value's text changed, a character dropped, or the edit undone. */
function edit(text: string, next: () => number): string {
  const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)];
  const target = strings[Math.floor(next() * strings.length)];
  const at = target.index! + 1 + Math.floor(next() * (target[1].length + 1));
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + 'x' + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + '  ' + text.slice(at);
    default:
      return text.slice(0, target.index) + JSON.stringify('talk to bot') + text.slice(target.index! + target[0].length);
  }
}

/** Findings grouped by file path, in order. */
function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const files = new Map<string, Finding[]>();
  for (const finding of findings) files.set(finding.file, [...(files.get(finding.file) ?? []), finding]);
  return files;
}

describe('incremental findings', () => {
  it('after 150 random edits, each checked, equal a fresh check of the same texts', () => {
    const next = random(7);
    const original = projectTexts();
    const texts = new Map(original);
    const project = fresh(texts);
    const files = [...texts.keys()].filter((f) => f.endsWith('.json')); // edit() changes JSON strings
    const initial = checkProject(project);
    assert.ok(initial.length > 0, 'the project has findings to compare');
    for (let n = 0; n < 150; n++) {
      const file = files[Math.floor(next() * files.length)];
      // Now and then a file goes back to what it was, so caches see a text they saw before.
      const text = next() < 0.2 ? original.get(file)! : edit(texts.get(file)!, next);
      texts.set(file, text);
      project.setText(file, text, n + 2);
      const incremental = checkProject(project, n % 2 ? { phraseMatch: 'ignoreCaseAndSpacing' } : {});
      if (n % 10 === 9)
        assert.deepEqual(
          incremental,
          checkProject(fresh(texts), n % 2 ? { phraseMatch: 'ignoreCaseAndSpacing' } : {}),
          `after edit ${n + 1} (${path.basename(file)})`,
        );
    }
    for (const [file, text] of original) project.setText(file, text, 1000);
    assert.deepEqual(checkProject(project), initial);
  });

  it('after 600 random edits of names, triggers, jumps, events, banner phrases, utterances, reports and settings, files added and deleted, each file equals a fresh check', () => {
    const next = random(11);
    const original = projectTexts();
    original.set(path.join(ROOT, 'test-reports/journeys.csv'), REPORT);
    const texts = new Map(original);
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    let previous = new Map(incremental.run());
    let checked = 0;
    let files = 0;
    let few = 0;
    const added = { files: 0 };
    for (let n = 0; n < 600; n++) {
      const file = randomEdit(project, texts, original, n + 2, added, next);
      const options = n % 7 === 6 ? { phraseMatch: 'ignoreCaseAndSpacing' as const } : {};
      const results = incremental.run(options);
      checked += incremental.lastRunChecked;
      files += results.size;
      if (incremental.lastRunChecked <= 3) few++;
      assert.deepEqual(
        [...results.keys()],
        project.allFiles().map((f) => f.path),
        `after edit ${n + 1}: the files in project order`,
      );
      // Every entry that is not the very one of the run before is among lastRunChanged.
      for (const [filePath, result] of results)
        if (previous.get(filePath) !== result) assert.ok(incremental.lastRunChanged.has(filePath), `${filePath} changed`);
      for (const filePath of previous.keys()) if (!results.has(filePath)) assert.ok(incremental.lastRunChanged.has(filePath), `${filePath} deleted`);
      previous = new Map(results);
      const expected = byFile(checkProject(fresh(texts), options));
      for (const [filePath, result] of results) {
        assert.equal(result.file, project.file(filePath));
        assert.deepEqual(
          result.findings,
          expected.get(filePath) ?? [],
          `after edit ${n + 1} (${path.relative(ROOT, file)}, ${incremental.lastRunChecked} checked): ${path.relative(ROOT, filePath)}`,
        );
      }
    }
    // Options change every seventh run, and settings or bot.json now and then: every file (or
    // journey) is checked then. The report's rows tie every journey (the live checks) to the
    // phrases, intents and journeys they name, which the edits change often, and the project is
    // small; still, many runs check only a few files (over seeds 1-21: 55-62 % of all checked).
    assert.ok(checked < files * 0.75, `${checked} files checked of ${files} in 600 runs`);
    assert.ok(few > 100, `${few} of 600 runs checked 3 files or fewer`);
  });

  it('checks every file in steps, with random edits between the steps, as a fresh check of the project at the end', () => {
    let stepsTaken = 0;
    let edits = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const next = random(seed);
      const original = projectTexts();
      original.set(path.join(ROOT, 'test-reports/journeys.csv'), REPORT);
      const texts = new Map(original);
      const project = fresh(texts);
      const incremental = new IncrementalCheck(project);
      const added = { files: 0 };
      let version = 2;
      const compare = (results: ReadonlyMap<string, CheckedFile>, options: CheckOptions, when: string) => {
        assert.deepEqual(
          [...results.keys()],
          project.allFiles().map((f) => f.path),
          `${when}: the files in project order`,
        );
        const expected = byFile(checkProject(fresh(texts), options));
        for (const [filePath, result] of results) {
          assert.equal(result.file, project.file(filePath), `${when}: ${path.relative(ROOT, filePath)} is of the current version`);
          assert.deepEqual(result.findings, expected.get(filePath) ?? [], `${when}: ${path.relative(ROOT, filePath)}`);
        }
      };
      // A first pass, then passes after the options changed: every file is checked, 3 per step.
      for (const options of [{}, { phraseMatch: 'ignoreCaseAndSpacing' as const }]) {
        const steps = incremental.runInSteps(options, 3);
        let step = steps.next();
        while (!step.done) {
          stepsTaken++;
          for (let k = Math.floor(next() * 3); k > 0; k--, edits++) randomEdit(project, texts, original, version++, added, next);
          step = steps.next();
        }
        compare(step.value, options, `seed ${seed}, a pass in steps`);
        // What the pass recorded (the facts each file read) serves the incremental runs after it.
        for (let n = 0; n < 10; n++) {
          randomEdit(project, texts, original, version++, added, next);
          compare(incremental.run(options), options, `seed ${seed}, edit ${n + 1} after the pass`);
        }
      }
      // A pass left unfinished: the next run checks every file again.
      const steps = incremental.runInSteps({}, 3);
      steps.next();
      randomEdit(project, texts, original, version++, added, next);
      compare(incremental.run({}), {}, `seed ${seed}, after a pass left unfinished`);
      assert.equal(incremental.lastRunChecked, project.allFiles().length);
    }
    assert.ok(stepsTaken > 100 && edits > 100, `${stepsTaken} steps, ${edits} edits between them`);
  });

  it('runs an incremental check in one step', () => {
    const texts = projectTexts();
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    incremental.run();
    const journey = path.join(ROOT, 'journeys/journey_1.json');
    project.setText(journey, project.file(journey)!.text.replace('"custom-event-1"', '"custom-event-1x"'), 2);
    const step = incremental.runInSteps({}, 1).next();
    assert.equal(step.done, true);
    assert.ok(incremental.lastRunChecked > 1);
  });

  it('tells which files changed since a generation, while it remembers, and is checked alike when it does not', () => {
    const texts = projectTexts();
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    incremental.run();
    const [first, second] = [...texts.keys()].filter((f) => f.endsWith('.json'));
    const start = project.generation;
    project.setText(first, texts.get(first)!.replace('"', ' "'), 2);
    project.delete(second);
    assert.deepEqual(project.changedSince(start), new Set([first, second]));
    assert.deepEqual(project.changedSince(project.generation), new Set());
    // Thousands of changes later the start is forgotten: every file is compared instead.
    for (let n = 0; n < 5000; n++) project.setText(first, texts.get(first)! + ' '.repeat(n % 3), 3 + n);
    assert.equal(project.changedSince(start), undefined);
    texts.delete(second);
    texts.set(first, project.file(first)!.text);
    const expected = checkProject(fresh(texts));
    assert.deepEqual(
      [...incremental.run().values()].flatMap((r) => r.findings),
      [...project.allFiles()].flatMap((f) => expected.filter((e) => e.file === f.path)),
    );
  });

  it('re-checks only the edited file and the files that read what the edit changed', () => {
    const texts = projectTexts();
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    const first = incremental.run();
    const journey = path.join(ROOT, 'journeys/journey_1.json');
    const journey0 = path.join(ROOT, 'journeys/journey_0.json');
    const intent = path.join(ROOT, 'intents/intent_1.json');
    const set = (file: string, from: string, to: string) => {
      const text = project.file(file)!.text;
      assert.ok(text.includes(from), `${from} in ${file}`);
      project.setText(file, text.replace(from, to), project.file(file)!.version + 1);
      return incremental.run();
    };
    // A banner's title (of the same length: the places of its exit phrases stay).
    set(journey, 'Do you want to exit from chat?', 'Do you want to quit from chat?');
    assert.equal(incremental.lastRunChecked, 1);
    // An event name made unknown: the journey, and the exit journeys whose paths jump through it
    // (banner-not-closed reads the events on the way), not the others.
    const unknown = set(journey, '"custom-event-1"', '"custom-event-1x"');
    assert.ok(incremental.lastRunChecked > 1 && incremental.lastRunChecked <= 4, `${incremental.lastRunChecked} checked`);
    assert.ok(unknown.get(journey)!.findings.some((f) => f.code === 'unknown-event' && f.data?.name === 'custom-event-1x'));
    const findingsOfIntent = first.get(intent)!.findings;
    const findingsOfJourney0 = first.get(journey0)!.findings;
    // A renamed intent: the intent, and the journey it triggers.
    const after = set(intent, '"intent_1"', '"intent_one"');
    assert.equal(incremental.lastRunChecked, 2);
    assert.ok(after.get(journey)!.findings.some((f) => f.code === 'unknown-intent'));
    assert.equal(after.get(journey0)!.findings, findingsOfJourney0, 'the findings of an unaffected file are the same array');
    assert.notEqual(after.get(intent)!.findings, findingsOfIntent);
    // An utterance that a banner offers (journey_0's exit phrase): the intent and that journey.
    const phrase = 'how do I manage request 0 about topic 0 today';
    const mismatch = set(path.join(ROOT, 'intents/intent_0.json'), JSON.stringify(phrase), JSON.stringify(`${phrase}x`));
    assert.ok(mismatch.get(journey0)!.findings.some((f) => f.code === 'option-text-mismatch'));
    assert.equal(incremental.lastRunChecked, 2);
  });
});

/**
 * One random edit of `project` and of `texts`, its texts (as the 600 edits make them): a file
 * deleted, the settings changed, a file added (`added` counts them), a file set back to its
 * `original` text, or an edit of its text or of what the cross-file checks read. Returns the path
 * it picked.
 */
function randomEdit(
  project: BotProject,
  texts: Map<string, string>,
  original: ReadonlyMap<string, string>,
  version: number,
  added: { files: number },
  next: () => number,
): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const file = pick([...texts.keys()]);
  const roll = next();
  if (roll < 0.04 && texts.size > 10) {
    texts.delete(file);
    project.delete(file);
  } else if (roll < 0.06) {
    // The project's settings: how exit phrases compare, a rule turned off.
    const settings = { exitPhraseMatch: pick(['exact', 'ignoreCaseAndSpacing']), rules: next() < 0.5 ? { 'unknown-event': 'off' } : {} };
    texts.set(path.join(ROOT, 'handoff-kit.json'), JSON.stringify(settings));
    project.setText(path.join(ROOT, 'handoff-kit.json'), JSON.stringify(settings), version);
  } else if (roll < 0.1) {
    const [name, text] = newFile(added.files++, next);
    texts.set(name, text);
    project.setText(name, text, version);
  } else {
    // Now and then a file goes back to what it was, or its text breaks.
    const before = texts.get(file)!;
    const text =
      roll < 0.15 ? (original.get(file) ?? before) : roll < 0.25 && file.endsWith('.json') ? edit(before, next) : structuralEdit(file, before, next);
    texts.set(file, text);
    project.setText(file, text, version);
  }
  return file;
}

/** A test report of the live bot (journey shape): one exit phrase routed right, one wrong, one stale. */
const REPORT =
  'Utterance,Journey,Predicted Journey,Status\ntalk to bot,return-to-bot,return-to-bot,Success\nback to bot,return-to-bot,live-agent,Failed\nno such phrase,journey_3,journey_3,Success\n';

const INTENT_NAMES = ['intent_0', 'intent_1', 'intent_2', 'talk_to_bot', 'talk_to_agent', 'billing_question', 'intent_new', ''];
const JOURNEY_NAMES = ['journey_0', 'journey_1', 'journey_2', 'return-to-bot', 'live-agent', 'billing-agent', 'journey_new'];
/** The translation keys of the example, and one no file defines. */
const KEYS = ['exit_banner_title', 'exit_button_label', 'exit_banner_type_phrase', 'exit_banner_typo'];
const PHRASES = [
  'बॉट से बात करें',
  'बॉट पर वापस जाएं',
  'تحدث إلى الروبوت',
  'talk to bot',
  'Talk to bot',
  'talk to bot.',
  'talk to bto',
  'back to bot',
  'end chat with agent',
  'how do I manage request 1 about topic 1 today',
  'talk to an agent',
  'no such phrase',
];
const EVENTS = ['ui-event-update-promotion', 'ui-event-close-promotion', 'custom-event-1', 'ui-event-close-promotionx'];
const NODE_TYPES = ['message', 'closeTicket', 'sendEvent', 'jumpToJourney', 'raiseTicket'];

/** A new intent or journey file (the `n`th added), in the shape of the others. */
function newFile(n: number, next: () => number): [string, string] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  if (next() < 0.5) {
    return [
      path.join(ROOT, `intents/extra_${n}.json`),
      JSON.stringify({ name: pick(INTENT_NAMES), utterances: [pick(PHRASES), pick(PHRASES)] }, null, 2),
    ];
  }
  const journey = {
    name: pick(JOURNEY_NAMES),
    trigger: { intent: pick(INTENT_NAMES) },
    start: 'banner',
    nodes: [
      {
        id: 'banner',
        type: 'sendEvent',
        event: 'ui-event-update-promotion',
        data: { title: 'Leave?', options: [{ title: 'Exit', text: pick(PHRASES) }] },
        next: 'close',
      },
      { id: 'close', type: pick(NODE_TYPES), event: 'ui-event-close-promotion', next: 'jump' },
      { id: 'jump', type: 'jumpToJourney', journey: pick(JOURNEY_NAMES) },
    ],
  };
  return [path.join(ROOT, `journeys/extra_${n}.json`), JSON.stringify(journey, null, 2)];
}

/**
 * One random edit of what the cross-file checks read: an intent's name or utterances, a journey's
 * name, trigger, jumps, events, node types or banner phrase, bot.json's events, the settings, a
 * report row. A file that does not parse is left to `edit` (its text is returned as it is).
 */
function structuralEdit(file: string, text: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  if (file.includes('/translations/')) {
    // The Hindi phrase the typed banner quotes, a key renamed, a language's column gone, or a quote broken.
    const roll = next();
    if (roll < 0.4) return text.replace(/'[^']*' लिखें/, `'${pick(PHRASES)}' लिखें`);
    if (roll < 0.6) return text.replace(pick(KEYS), pick(KEYS));
    if (roll < 0.8) return text.replace(/,hindi_text/, pick([',hindi_text', ',tamil_text', ',hindii_text']));
    return text.replace('"', next() < 0.5 ? '"' : '');
  }
  if (file.includes('/faqs/')) return text.replace(/(support,)[^,]*/, `$1${pick(PHRASES)}`);
  if (file.endsWith('.csv')) return next() < 0.5 ? text.replace('live-agent', 'return-to-bot') : REPORT.replace('journey_3', pick(JOURNEY_NAMES));
  if (file.endsWith('.js')) return next() < 0.6 ? text.replace(pick(KEYS), pick(KEYS)) : text.replace(/text: '[^']*'/, `text: '${pick(PHRASES)}'`);
  let json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any JSON
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  if (file.includes('/intents/')) {
    const utterances: string[] = Array.isArray(json.utterances) ? json.utterances : (json.utterances = []);
    const roll = next();
    if (roll < 0.25) json.name = pick(INTENT_NAMES);
    else if (roll < 0.5 && utterances.length) utterances.splice(Math.floor(next() * utterances.length), 1);
    else if (roll < 0.75) utterances.splice(Math.floor(next() * (utterances.length + 1)), 0, pick(PHRASES));
    else if (utterances.length) utterances[Math.floor(next() * utterances.length)] += pick(['x', '.', '']);
  } else if (file.includes('/journeys/')) {
    const nodes: Record<string, any>[] = Array.isArray(json.nodes) ? json.nodes : []; // eslint-disable-line @typescript-eslint/no-explicit-any -- any JSON
    const node = nodes.length ? pick(nodes) : undefined;
    const roll = next();
    if (roll < 0.15) json.name = pick(JOURNEY_NAMES);
    else if (roll < 0.3) json.trigger = next() < 0.8 ? { intent: pick(INTENT_NAMES) } : { event: pick(EVENTS) };
    else if (node && roll < 0.45) node.type = pick(NODE_TYPES);
    else if (node && roll < 0.6) node.event = pick(EVENTS);
    else if (node && roll < 0.75) node.journey = pick(JOURNEY_NAMES);
    else if (node && roll < 0.9) node.data = { title: 'Leave?', options: [{ title: 'Exit', text: pick(PHRASES) }] };
    else if (node) delete node.data;
  } else if (file.endsWith('bot.json')) {
    const events: { name: string; enabled?: boolean }[] = Array.isArray(json.events) ? json.events : (json.events = []);
    const roll = next();
    if (roll < 0.2) json.languages = pick([['en', 'hi'], ['en'], ['hi', 'ta'], ['en', 'hn']]);
    else if (roll < 0.3 && events.length) events.splice(Math.floor(next() * events.length), 1);
    else if (roll < 0.6) events.push({ name: pick(EVENTS), enabled: next() < 0.7 });
    else if (events.length) pick(events).enabled = !pick(events).enabled;
  }
  return JSON.stringify(json, null, 2);
}
