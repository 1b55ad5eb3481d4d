// Kind: "did you mean" over an index. ProjectIndex.nearestUtterance looks only at the utterances
// its index says can be near; it must find exactly what comparing with every utterance finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexOf } from '../../../server/src/engine/analysis/projectIndex';
import { nearness } from '../../../server/src/engine/phrases/phraseMatch';
import { ProjectFixture } from '../support/projectFixture';

/** A small deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['talk', 'to', 'bot', 'the', 'agent', 'please', 'exit', 'chat', 'me', 'now', 'back', 'go', 'stop', 'a', 'human'];

/** Long utterances, where the index looks only at utterances that share the phrase's rarest words. */
const MORE_WORDS = [
  ...WORDS,
  'how',
  'do',
  'i',
  'manage',
  'request',
  'about',
  'topic',
  'today',
  'order',
  'ticket',
  'refund',
  'my',
  'account',
  'open',
  'close',
  'is',
  'it',
  'can',
  'you',
  'help',
  'with',
  'this',
  '1',
  '2',
  '3',
  'x',
];

describe('nearest utterance', () => {
  it('matches a comparison with every utterance on 600 random phrases', () => {
    matchesComparisonWithEvery(12, WORDS, 1, 5);
  });

  it('matches a comparison with every utterance on 600 random long phrases', () => {
    matchesComparisonWithEvery(34, MORE_WORDS, 5, 12);
  });

  it('matches a comparison with every utterance on 600 random phrases of every length', () => {
    matchesComparisonWithEvery(56, MORE_WORDS, 1, 14);
  });

  it('still finds the earliest of equally near utterances after a journey edit', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['go back'] },
      'intents/a.json': { name: 'a', utterances: ['talk with bot', 'talk to bots'] },
      'intents/b.json': { name: 'b', utterances: ['talk to bot'] },
      'journeys/j.json': { name: 'j', nodes: [] },
    });
    assert.equal(indexOf(fixture.project).nearestUtterance('talk to bto')?.entry.utterance.value, 'talk to bot');
    fixture.set('journeys/j.json', { name: 'j2', nodes: [] });
    const near = indexOf(fixture.project).nearestUtterance('Talk to the bot!');
    // Filler words only: as near as `talk to bot`, and first.
    assert.deepEqual(near && [near.entry.utterance.value, near.entry.intentName, near.distance], ['talk with bot', 'a', 1]);
    fixture.set('intents/a.json', { name: 'a', utterances: ['talk to bots'] });
    const after = indexOf(fixture.project).nearestUtterance('Talk to the bot!');
    assert.deepEqual(after && [after.entry.utterance.value, after.entry.intentName, after.distance], ['talk to bot', 'b', 1]);
  });
});

/**
 * Makes a project of 20 intents of 15 random phrases (`minWords` to `maxWords` of `words`), then
 * 600 phrases from its utterances (typos, dropped and added words, case, spacing, punctuation) and
 * checks that nearestUtterance finds what comparing with every utterance finds.
 */
function matchesComparisonWithEvery(seed: number, words: readonly string[], minWords: number, maxWords: number): void {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const phrase = () => Array.from({ length: minWords + Math.floor(next() * (maxWords - minWords + 1)) }, () => pick(words)).join(' ');
  const intents: Record<string, object> = {};
  for (let i = 0; i < 20; i++) intents[`intents/i${i}.json`] = { name: `i${i}`, utterances: Array.from({ length: 15 }, phrase) };
  const fixture = new ProjectFixture(intents);
  const index = indexOf(fixture.project);
  const all = index.utterances;
  // Typos, dropped and added words, case, spacing and punctuation: near and far phrases alike.
  const mutate = (text: string): string => {
    const chars = [...text];
    const at = Math.floor(next() * (chars.length + 1));
    switch (Math.floor(next() * 7)) {
      case 0:
        chars.splice(at, 1);
        break;
      case 1:
        chars.splice(at, 0, pick([...'abcdefgh ']));
        break;
      case 2:
        if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
        break;
      case 3:
        return text.toUpperCase() + pick(['!', '.', '  ', '']);
      case 4:
        return `${pick(words)} ${text}`;
      case 5:
        return text.split(' ').slice(1).join(' ');
      default:
        return phrase();
    }
    return chars.join('');
  };
  let near = 0;
  for (let n = 0; n < 600; n++) {
    let text = pick(all).utterance.value;
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text);
    let expected: { value: string; distance: number } | undefined;
    for (const entry of all) {
      const distance = nearness(text, entry.utterance.value);
      if (distance !== undefined && (!expected || distance < expected.distance)) expected = { value: entry.utterance.value, distance };
    }
    const found = index.nearestUtterance(text);
    assert.deepEqual(found && { value: found.entry.utterance.value, distance: found.distance }, expected, `phrase ${JSON.stringify(text)}`);
    if (found) near++;
  }
  assert.ok(near > 100 && near < 600, `${near} of 600 phrases have a near utterance`);
}
