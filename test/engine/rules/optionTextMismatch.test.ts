import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../projectFixture';

const buttonBanner = (text: string) => ({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] });
const typedBanner = (phrase: string) => ({ title: `Do you want to exit from chat? Please type '${phrase}'`, options: [] });

function withBanner(data: unknown, utterances = ['talk to the bot']) {
  return new ProjectFixture({
    'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances },
    'journeys/j.json': journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data }]),
  });
}

describe('option-text-mismatch', () => {
  it('accepts an option text that is an utterance', () => {
    assert.deepEqual(withBanner(buttonBanner('talk to the bot')).findings('journeys/j.json', 'option-text-mismatch'), []);
  });

  it('accepts a typed phrase that is an utterance, in any payload shape', () => {
    for (const data of [typedBanner('talk to the bot'), [typedBanner('talk to the bot')], { quickReplies: [typedBanner('talk to the bot')] }]) {
      assert.deepEqual(withBanner(data).findings('journeys/j.json', 'option-text-mismatch'), [], JSON.stringify(data));
    }
  });

  it('reports the drift of the guide: "talk to bot" against "talk to the bot", naming the intent', () => {
    const fixture = withBanner(buttonBanner('talk to bot'));
    const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      'banner option text `talk to bot` is not an utterance of any intent; did you mean `talk to the bot` (intent `talk_to_bot`, intents/talk_to_bot.json)?',
    );
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"talk to bot"'));
    assert.deepEqual(finding.data, { phrase: 'talk to bot', kind: 'option', suggestion: 'talk to the bot', intent: 'talk_to_bot', file: 'intents/talk_to_bot.json' });
    assert.deepEqual(finding.related?.map((r) => [path.basename(r.file), r.message]), [['talk_to_bot.json', 'the near utterance of intent `talk_to_bot`']]);
  });

  it('reports the phrase a typed banner asks for on the quoted words', () => {
    const fixture = withBanner(typedBanner('talk to bot'));
    const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.match(finding.message, /^the phrase the banner asks to type, `talk to bot`, is not an utterance/);
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', 'talk to bot'));
    assert.equal(finding.length, 'talk to bot'.length);
  });

  it('compares exactly by default: case differs', () => {
    const fixture = withBanner(buttonBanner('Talk to the bot'));
    const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.equal(finding.data?.suggestion, 'talk to the bot');
  });

  it('ignores case and spacing when the project says so', () => {
    const fixture = withBanner(buttonBanner('Talk  to the BOT'));
    assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch', { phraseMatch: 'ignoreCaseAndSpacing' }), []);
    fixture.set('handoff-kit.json', { exitPhraseMatch: 'ignoreCaseAndSpacing' });
    assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch'), []);
  });

  it('says so plainly when no utterance is near', () => {
    const fixture = withBanner(buttonBanner('cancel my subscription'));
    const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.equal(finding.message, 'banner option text `cancel my subscription` is not an utterance of any intent: typing or clicking it will not start a journey');
  });

  it('leaves templates and link buttons alone', () => {
    const data = { title: 'x', options: [{ title: 'a', text: '{{{variables.exit}}}' }, { title: 'FAQ', url: 'https://x.example' }] };
    assert.deepEqual(withBanner(data).findings('journeys/j.json', 'option-text-mismatch'), []);
  });

  it('appears and disappears as the intent file changes', () => {
    const fixture = withBanner(buttonBanner('talk to bot'));
    assert.equal(fixture.findings('journeys/j.json', 'option-text-mismatch').length, 1);
    fixture.set('intents/talk_to_bot.json', { name: 'talk_to_bot', utterances: ['talk to the bot', 'talk to bot'] });
    assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch'), []);
  });
});
