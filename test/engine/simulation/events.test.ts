// Events: a disabled or undeclared event does not fire, as on the platform, and the step names
// the check that says so; events fired as inputs close the banner or the ticket, and start the
// journeys they trigger.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventsToFire } from '../../../server/src/engine';
import { validBot, journeyWith } from '../support/projectFixture';
import { codesNamed, guideProject, lastStep, run, stepOf, toAgent, transcript } from './simulationFixture';

const event = (name: string) => ({ kind: 'event' as const, name });

describe('simulator: events', () => {
  it('a disabled event does not fire: the banner is not shown, and the step names event-disabled', () => {
    const bot = {
      ...validBot,
      events: [
        { name: 'ui-event-update-promotion', enabled: false },
        { name: 'ui-event-close-promotion', enabled: true },
      ],
    };
    const fixture = guideProject({ 'bot.json': bot });
    const result = run(fixture, toAgent);
    const notSent = stepOf(result, 'event');
    assert.equal(notSent.text, '`ui-event-update-promotion` not sent: it does not fire');
    assert.match(
      notSent.why.text,
      /sends `ui-event-update-promotion`, but `ui-event-update-promotion` is disabled in bot.json, so it does not fire$/,
    );
    assert.deepEqual(
      notSent.why.places.map((p) => p.file),
      ['journeys/live-agent.json', 'bot.json'],
    );
    assert.deepEqual(
      notSent.why.findings.map((f) => [f.code, f.place.file]),
      [['event-disabled', 'journeys/live-agent.json']],
    );
    assert.equal(notSent.state.banner.status, 'none');
    assert.deepEqual(notSent.state.events, [
      {
        name: 'ui-event-update-promotion',
        data: { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] },
        fired: false,
        by: 'bot',
      },
    ]);
  });

  it('a banner event bot.json does not declare does not fire, and names event-not-declared', () => {
    const bot = { ...validBot, events: [{ name: 'ui-event-close-promotion', enabled: true }] };
    const result = run(guideProject({ 'bot.json': bot }), toAgent);
    assert.match(stepOf(result, 'event').why.text, /custom event `ui-event-update-promotion` is not declared in bot.json, so it does not fire/);
    assert.deepEqual(codesNamed(result), ['event-not-declared']);
  });

  it('an event that is neither a platform event nor declared does not fire, and names unknown-event', () => {
    const journey = journeyWith([{ id: 'e', type: 'sendEvent', event: 'ui-event-close-promotoin' }]);
    const result = run(guideProject({ 'journeys/j.json': journey }), [{ kind: 'startJourney', journey: 'j' }]);
    assert.match(stepOf(result, 'event').why.text, /`ui-event-close-promotoin` is neither a platform event nor declared in bot.json/);
    assert.deepEqual(codesNamed(result), ['unknown-event']);
  });

  it('ym_closed_promotion as an input: the customer closed the banner', () => {
    const result = run(guideProject(), [...toAgent, event('ym_closed_promotion')]);
    assert.equal(lastStep(result).text, 'banner hidden');
    assert.equal(lastStep(result).why.text, '`ym_closed_promotion`: the customer closed the banner.');
    // The agent still holds the chat: closing the banner is not the exit.
    assert.equal(result.outcome.summary, 'stuck: the ticket is still open, the customer is still with the agent');
  });

  it('ticket-closed as an input closes the ticket and starts the journeys it triggers', () => {
    const cleanup = journeyWith(
      [
        { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'bye' },
        { id: 'bye', type: 'message', text: 'Bye from the agent.' },
      ],
      { name: 'cleanup', trigger: { event: 'ticket-closed' } },
    );
    const result = run(guideProject({ 'journeys/cleanup.json': cleanup }), [...toAgent, event('ticket-closed')]);
    assert.deepEqual(transcript(result).slice(-6), [
      'ticket ticket ticket-1 closed',
      'journey journey `cleanup` starts',
      'banner banner hidden',
      'bot Bye from the agent.',
      'journey journey `cleanup` ends',
      'end back with the bot: banner hidden, ticket closed',
    ]);
    assert.deepEqual(
      lastStep(result).state.events.map((e) => [e.name, e.by, e.fired]),
      [
        ['ui-event-update-promotion', 'bot', true],
        ['ticket-closed', 'input', true],
        ['ui-event-close-promotion', 'bot', true],
      ],
    );
  });

  it('a custom event fired as an input fires only when declared and enabled', () => {
    const bot = { ...validBot, events: [...validBot.events, { name: 'promo', enabled: false }, { name: 'survey', enabled: true }] };
    const survey = journeyWith([{ id: 'ask', type: 'message', text: 'How did we do?' }], { name: 'survey', trigger: { event: 'survey' } });
    const fixture = guideProject({ 'bot.json': bot, 'journeys/survey.json': survey });
    const result = run(fixture, [event('promo'), event('nothing-like-it'), event('survey')]);
    assert.deepEqual(transcript(result), [
      'event `promo` does not fire',
      'event `nothing-like-it` does not fire',
      'event `survey` fires',
      'journey journey `survey` starts',
      'bot How did we do?',
      'journey journey `survey` ends',
      'end back with the bot: banner never shown, ticket never raised',
    ]);
    assert.equal(result.steps[0].why.text, '`promo` is disabled in bot.json, so it does not fire');
  });
});

describe('simulator: the events to offer', () => {
  it("lists the platform's events, then the custom events bot.json declares, once each", () => {
    const fixture = guideProject();
    const events = eventsToFire(fixture.project);
    assert.deepEqual(events.slice(0, 3), ['ui-event-update-promotion', 'ui-event-close-promotion', 'bot-opened']);
    assert.ok(events.includes('ticket-closed') && events.includes('ym_closed_promotion'));
    assert.equal(new Set(events).size, events.length);
    fixture.set('bot.json', { name: 'b', events: [{ name: 'order-shipped', enabled: true }] });
    assert.equal(eventsToFire(fixture.project).at(-1), 'order-shipped');
  });
});
