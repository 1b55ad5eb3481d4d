import assert from 'node:assert/strict';
import { journeyWith, ProjectFixture } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const INTENT = 'intents/talk_to_bot.json';
const buttonBanner = (text: string) => ({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] });
const typedBanner = (phrase: string) => ({ title: `Do you want to exit from chat? Please type '${phrase}'`, options: [] });
const journey = (data: unknown, extra: object = {}) =>
  journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data }], extra);

/** The banner's journey is started by the agent's intent: the exit intent must start another journey. */
const AGENT = { trigger: { intent: 'talk_to_agent' } };
/** A banner in journeys/j.json, and the intent talk_to_bot trained with `utterances`. */
const withBanner = (data: unknown, utterances = ['talk to the bot']) => ({
  [J]: journey(data, AGENT),
  [INTENT]: { name: 'talk_to_bot', utterances },
});
/** The same, with the banner in a journey talk_to_bot itself starts. */
const ownBanner = (data: unknown) => ({ [J]: journey(data), [INTENT]: { name: 'talk_to_bot', utterances: ['talk to the bot'] } });

new RuleTester().run('option-text-mismatch', {
  valid: [
    { name: 'an option text that is an utterance', file: J, files: withBanner(buttonBanner('talk to the bot')) },
    ...[typedBanner('talk to the bot'), [typedBanner('talk to the bot')], { quickReplies: [typedBanner('talk to the bot')] }].map((data) => ({
      name: `a typed phrase that is an utterance: ${JSON.stringify(data)}`,
      file: J,
      files: withBanner(data),
    })),
    {
      name: 'case and spacing ignored when the options say so',
      file: J,
      files: withBanner(buttonBanner('Talk  to the BOT')),
      options: { phraseMatch: 'ignoreCaseAndSpacing' as const },
    },
    {
      name: 'case and spacing ignored when handoff-kit.json says so',
      file: J,
      files: { ...withBanner(buttonBanner('Talk  to the BOT')), 'handoff-kit.json': { exitPhraseMatch: 'ignoreCaseAndSpacing' } },
    },
    {
      name: 'templates and link buttons are left alone',
      file: J,
      files: withBanner({
        title: 'x',
        options: [
          { title: 'a', text: '{{{variables.exit}}}' },
          { title: 'FAQ', url: 'https://x.example' },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'the drift of the guide: "talk to bot" against "talk to the bot", naming the intent; the fix changes the text',
      files: withBanner(buttonBanner('talk to bot')),
      errors: [
        {
          messageId: 'near',
          message:
            'banner option text `talk to bot` is not an utterance of any intent; did you mean `talk to the bot` (intent `talk_to_bot`, intents/talk_to_bot.json)?',
          data: { phrase: 'talk to bot', kind: 'option', suggestion: 'talk to the bot', intent: 'talk_to_bot', file: 'intents/talk_to_bot.json' },
          at: '"talk to bot"',
          related: [[INTENT, 'the near utterance of intent `talk_to_bot`']],
        },
      ],
      output: { [J]: journey(buttonBanner('talk to the bot'), AGENT) },
    },
    {
      name: 'the phrase a typed banner asks for, on the quoted words; the fix changes them in the title',
      files: withBanner(typedBanner('talk to bot')),
      errors: [{ messageId: 'near', message: /^the phrase the banner asks to type, `talk to bot`, is not an utterance/, at: 'talk to bot' }],
      output: { [J]: journey(typedBanner('talk to the bot'), AGENT) },
    },
    {
      name: 'compared exactly by default: case differs',
      files: withBanner(buttonBanner('Talk to the bot')),
      errors: [
        {
          // Text that looks the same on screen: the message names the difference, not a "did you mean".
          messageId: 'lookAlike',
          message:
            'banner option text `Talk to the bot` is not an utterance of any intent: it looks like `talk to the bot` (intent `talk_to_bot`, intents/talk_to_bot.json) but differs in case',
          data: {
            phrase: 'Talk to the bot',
            kind: 'option',
            suggestion: 'talk to the bot',
            intent: 'talk_to_bot',
            file: 'intents/talk_to_bot.json',
            difference: { kind: 'case' },
          },
          at: '"Talk to the bot"',
        },
      ],
      output: { [J]: journey(buttonBanner('talk to the bot'), AGENT) },
    },
    {
      name: 'plainly when no utterance is near; the fix adds the phrase to an intent',
      files: withBanner(buttonBanner('cancel my subscription')),
      errors: [
        {
          messageId: 'none',
          message: 'banner option text `cancel my subscription` is not an utterance of any intent: typing or clicking it will not start a journey',
          data: { phrase: 'cancel my subscription', kind: 'option' },
          at: '"cancel my subscription"',
        },
      ],
      output: { [INTENT]: { name: 'talk_to_bot', utterances: ['talk to the bot', 'cancel my subscription'] } },
    },
    {
      name: 'never offers to train the intent that starts the journey showing the banner (the exit would start that journey again)',
      files: ownBanner(buttonBanner('cancel my subscription')),
      errors: [{ messageId: 'none', data: { phrase: 'cancel my subscription', kind: 'option' }, at: '"cancel my subscription"' }],
    },
  ],
});

describe('option-text-mismatch across files', () => {
  it('appears and disappears as the intent file changes', () => {
    const fixture = new ProjectFixture(withBanner(buttonBanner('talk to bot')));
    assert.equal(fixture.findings(J, 'option-text-mismatch').length, 1);
    fixture.set(INTENT, { name: 'talk_to_bot', utterances: ['talk to the bot', 'talk to bot'] });
    assert.deepEqual(fixture.findings(J, 'option-text-mismatch'), []);
  });
});
