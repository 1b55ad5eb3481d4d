// One bad input never ends or stalls the run: every "did you mean" search has a bounded cost
// (issue 10, section 2). The tests assert results; a regression to the full edit-distance matrix
// would take seconds and gigabytes here and run out of memory at these sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedEditDistance } from '../../../server/src/engine/phrases/editDistance';
import { nearness } from '../../../server/src/engine/phrases/phraseMatch';
import { closestName } from '../../../server/src/engine/phrases/suggestions';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

/** Text that is not a phrase anyone types: letters in a pattern long enough to defeat prefix tricks. */
function pasted(length: number, seed = 7): string {
  let s = '';
  let x = seed;
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += 'abcdefghij klmnopqrst'[x % 21];
  }
  return s;
}

describe('bounded did-you-mean cost: edit distance', () => {
  it('counts edits, a swap of two letters as one, up to the budget', () => {
    assert.equal(boundedEditDistance('titel', 'title', 2), 1);
    assert.equal(boundedEditDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedEditDistance('kitten', 'sitting', 2), 3);
    assert.equal(boundedEditDistance('', 'abc', 3), 3);
    assert.equal(boundedEditDistance('abc', '', 2), 3);
    assert.equal(boundedEditDistance('same', 'same', 0), 0);
    assert.equal(boundedEditDistance('ui-event-close-promotoin', 'ui-event-close-promotion', 2), 1);
    assert.equal(boundedEditDistance('abcdef', 'badcfe', 3), 3);
    assert.equal(boundedEditDistance('ca', 'abc', 3), 3, 'optimal string alignment: no substring edited twice');
  });

  it('agrees with the full matrix on many short strings', () => {
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    for (let k = 0; k < 400; k++) {
      const a = pasted(k % 9, k + 1).replace(/[^abc]/g, 'a');
      const b = pasted((k * 7) % 10, k + 99).replace(/[^abc]/g, 'b');
      for (const max of [0, 1, 2, 3, 5]) {
        const expected = full(a, b);
        assert.equal(boundedEditDistance(a, b, max), expected <= max ? expected : max + 1, `${a} ${b} ${max}`);
      }
    }
  });

  it('measures two 25,000-character strings one edit apart within the budget, and gives up on different ones', () => {
    const a = pasted(25_000);
    const b = `${a.slice(0, 12_000)}X${a.slice(12_001)}`;
    assert.equal(boundedEditDistance(a, b, 3), 1);
    assert.equal(boundedEditDistance(a, pasted(25_000, 11), 3), 4);
  });
});

describe('bounded did-you-mean cost: pasted text', () => {
  it('a 25,000-character option text and utterance: option-text-mismatch says "none", not a suggestion', () => {
    const utterance = pasted(25_000);
    const text = `${utterance.slice(0, 24_990)}zzzzzzzzzz`;
    assert.equal(nearness(text, utterance), undefined);
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: [utterance, 'talk to bot'] },
      'journeys/j.json': journeyWith([
        { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Exit?', options: [{ title: 'Exit', text }] } },
      ]),
    });
    const before = process.memoryUsage().rss;
    const findings = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.deepEqual(
      findings.map((f) => f.messageId),
      ['none'],
    );
    // The full matrix would hold 625 million cells (gigabytes); the banded rows hold 75,000.
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stays bounded');
  });

  it('a 100 KB property name in a journey gets an unknown-property finding without a suggestion', () => {
    const name = pasted(100_000).replace(/ /g, '_');
    assert.equal(closestName(name, ['name', 'trigger', 'start', 'nodes', name.slice(1)]), undefined);
    const fixture = new ProjectFixture({ 'journeys/j.json': { ...journeyWith([{ id: 'a', type: 'closeTicket' }]), [name]: 1 } });
    const findings = fixture.findings('journeys/j.json', 'schema');
    assert.equal(findings.length, 1);
    assert.doesNotMatch(findings[0].message, /did you mean/);
    assert.equal(findings[0].offset, fixture.offsetOf('journeys/j.json', `"${name.slice(0, 50)}`));
  });

  it('a 100 KB event name gets unknown-event without a suggestion', () => {
    const event = pasted(100_000).replace(/ /g, '-');
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event }]) });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-event');
    assert.equal(finding.messageId, 'unknown');
  });

  it('still suggests for names and phrases of ordinary length', () => {
    assert.equal(closestName('titel', ['title', 'options']), 'title');
    assert.equal(nearness('talk to bto', 'talk to bot'), 2);
  });
});
