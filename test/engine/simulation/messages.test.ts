// The customer's messages: a text starts the journey of the intent trained with it, compared as
// the project's exitPhraseMatch says; while an agent holds the chat, a text that starts no
// journey reaches the agent. Every step says why, with its places.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agentJourney, guideProject, lastStep, run, stepOf, toAgent, typedBanner } from './simulationFixture';

const say = (text: string) => ({ kind: 'say' as const, text });

describe('simulator: customer messages', () => {
  it('the exit phrase starts the exit journey while the agent holds the chat, and the why says which utterance of which intent', () => {
    const fixture = guideProject();
    const result = run(fixture, [...toAgent, say('talk to bot')]);
    const started = stepOf(result, 'journey', /return-to-bot` starts/);
    assert.equal(
      started.why.text,
      '`talk to bot` is utterance 1 of intent `talk_to_bot` (intents/talk_to_bot.json) which starts journey `return-to-bot` (journeys/return-to-bot.json): the platform starts it while the agent holds the chat, and the message does not reach the agent.',
    );
    assert.deepEqual(
      started.why.places.map((p) => [p.file, p.offset]),
      [
        ['intents/talk_to_bot.json', fixture.offsetOf('intents/talk_to_bot.json', '"talk to bot"')],
        ['journeys/return-to-bot.json', fixture.offsetOf('journeys/return-to-bot.json', '"talk_to_bot"')],
      ],
    );
    assert.equal(result.outcome.summary, 'back with the bot: banner hidden, ticket closed');
    assert.ok(!result.steps.some((s) => s.kind === 'agent'));
  });

  it('a typed banner: typing its phrase brings the customer back, and the why points at the phrase in the title', () => {
    const fixture = guideProject({ 'journeys/live-agent.json': agentJourney(typedBanner) });
    const result = run(fixture, [...toAgent, say('talk to bot')]);
    const typed = stepOf(result, 'customer');
    assert.equal(typed.why.text, 'The customer types `talk to bot`, as the banner shown (journeys/live-agent.json) asks.');
    assert.equal(typed.why.places[0].file, 'journeys/live-agent.json');
    assert.equal(result.outcome.stuck, false);
  });

  it('an untrained phrase reaches the agent, with the look-alike utterance named when only case or spacing differ', () => {
    const result = run(guideProject(), [...toAgent, say('talk to the bot'), say('Talk to bot')]);
    const [first, second] = result.steps.filter((s) => s.kind === 'agent');
    assert.equal(first.text, 'talk to the bot');
    assert.equal(first.why.text, 'No intent is trained with `talk to the bot`: the message goes to the agent.');
    assert.equal(
      second.why.text,
      'No intent is trained with `Talk to bot` (it looks like `talk to bot`, an utterance of intent `talk_to_bot` (intents/talk_to_bot.json), but differs in case, and this project compares phrases exactly): the message goes to the agent.',
    );
    assert.equal(result.outcome.summary, 'stuck: the banner is still shown, the ticket is still open, the customer is still with the agent');
  });

  it('compares as exitPhraseMatch says: ignoreCaseAndSpacing lets `Talk  to Bot` start the exit journey', () => {
    const fixture = guideProject({ 'handoff-kit.json': { exitPhraseMatch: 'ignoreCaseAndSpacing' } });
    const result = run(fixture, [...toAgent, say('Talk  to Bot')]);
    assert.match(
      stepOf(result, 'journey', /return-to-bot` starts/).why.text,
      /^`Talk {2}to Bot` matches utterance 1, `talk to bot`, of intent `talk_to_bot` .* when case and spacing are ignored/,
    );
    assert.equal(result.phraseMatch, 'ignoreCaseAndSpacing');
    assert.match(
      result.notes[0],
      /ignoring case and spacing, as this project's exitPhraseMatch says: that is the project's rule, not the platform's NLU/,
    );
    // The option wins over the project's file.
    assert.equal(run(fixture, [...toAgent, say('Talk  to Bot')], { phraseMatch: 'exact' }).outcome.stuck, true);
  });

  it('with the bot, a phrase no intent is trained with starts nothing', () => {
    const result = run(guideProject(), [say('hello there')]);
    assert.equal(lastStep(result).text, 'no journey starts');
    assert.equal(
      lastStep(result).why.text,
      "No intent is trained with `hello there`: no journey starts (the bot's fallback reply is not simulated).",
    );
  });

  it('a phrase trained for two intents takes the first in project order and says so', () => {
    const fixture = guideProject({ 'intents/zz_other.json': { name: 'zz_other', utterances: ['talk to bot'] } });
    const result = run(fixture, [...toAgent, say('talk to bot')]);
    assert.match(
      stepOf(result, 'journey', /return-to-bot` starts/).why.text,
      /\(it also trains `zz_other`: the first in project order is taken here\)/,
    );
  });

  it('the customer can ask for an agent: any trained phrase starts its journey', () => {
    const result = run(guideProject(), [say('talk to an agent')]);
    assert.equal(
      stepOf(result, 'journey', /live-agent` starts/).why.text.startsWith('`talk to an agent` is utterance 1 of intent `talk_to_agent`'),
      true,
    );
    assert.equal(lastStep(result).state.waitingFor, 'ticket');
  });

  it('every run says once that matching is the project’s rule, not the platform’s NLU; function files are never run', () => {
    const plain = run(guideProject(), []);
    assert.equal(plain.notes.length, 1);
    assert.match(
      plain.notes[0],
      /exactly, character for character, as this project's exitPhraseMatch says: that is the project's rule, not the platform's NLU/,
    );
    const withFunction = run(guideProject({ 'functions/f.js': "app.sendEvent({ code: 'ui-event-update-promotion', data: [] });" }), []);
    assert.deepEqual(withFunction.notes.slice(1), [
      'functions/*.js are never run: what they do (such as a banner sent with app.sendEvent) is not part of any run.',
    ]);
  });
});
