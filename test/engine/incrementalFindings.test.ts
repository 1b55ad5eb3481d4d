// Kind: the caches (per-file findings, the index's intent tables kept across generations, the
// near index, unread files per generation) give exactly the findings of a fresh check. A project
// is edited at random, checked after every edit, and compared with a fresh project of the same
// texts: codes, messages, ranges and related locations identical.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotProject, checkProject, compareFindings, IncrementalCheck } from '../../server/src/engine';
import { exampleProject } from '../paths';

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
          next: 'jump',
        },
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

  it('re-checking only files that keep their cross-file signature gives the findings of a fresh check, after 300 random edits', () => {
    const next = random(11);
    const original = projectTexts();
    const texts = new Map(original);
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    const files = [...texts.keys()].filter((f) => f.endsWith('.json'));
    const flatten = (results: ReturnType<IncrementalCheck['run']>) => [...results.values()].flatMap((r) => r.findings).sort(compareFindings);
    assert.deepEqual(flatten(incremental.run()), checkProject(project));
    let onlyEdited = 0;
    for (let n = 0; n < 300; n++) {
      const file = files[Math.floor(next() * files.length)];
      const text = next() < 0.1 ? original.get(file)! : edit(texts.get(file)!, next);
      texts.set(file, text);
      project.setText(file, text, n + 2);
      const options = n % 7 === 6 ? { phraseMatch: 'ignoreCaseAndSpacing' as const } : {};
      const results = incremental.run(options);
      if (incremental.lastRunChecked <= 1) onlyEdited++;
      assert.deepEqual(
        flatten(results),
        checkProject(fresh(texts), options),
        `after edit ${n + 1} (${path.basename(file)}, ${incremental.lastRunChecked} checked)`,
      );
      assert.deepEqual(
        [...results.keys()],
        project.allFiles().map((f) => f.path),
      );
    }
    // The fast path was taken, and not for every edit (names and utterances change signatures).
    assert.ok(onlyEdited > 50 && onlyEdited < 300, `${onlyEdited} of 300 edits re-checked one file or none`);
  });

  it('re-checks one file for an edit of a journey message, and every file when an intent is renamed', () => {
    const texts = projectTexts();
    const project = fresh(texts);
    const incremental = new IncrementalCheck(project);
    incremental.run();
    const journey = path.join(ROOT, 'journeys/journey_1.json');
    project.setText(journey, texts.get(journey)!.replace('Do you want to exit from chat?', 'Do you want to leave the chat?'), 2);
    const before = incremental.run();
    assert.equal(incremental.lastRunChecked, 1);
    const intent = path.join(ROOT, 'intents/intent_1.json');
    const findingsOfIntent = before.get(intent)!.findings;
    project.setText(intent, texts.get(intent)!.replace('"intent_1"', '"intent_one"'), 2);
    const after = incremental.run();
    assert.equal(incremental.lastRunChecked, project.allFiles().length);
    assert.notEqual(after.get(intent)!.findings, findingsOfIntent);
    // Journey 1's trigger now names no intent.
    assert.ok(
      after.get(journey)!.findings.some((f) => f.code === 'unknown-intent'),
      JSON.stringify(after.get(journey)!.findings.map((f) => f.code)),
    );
  });
});
