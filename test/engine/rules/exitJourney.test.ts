import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../projectFixture';

const showBanner = journeyWith([
  { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] } },
], { name: 'live-agent', trigger: { intent: 'talk_to_agent' } });

const agentIntent = { name: 'talk_to_agent', utterances: ['talk to an agent'] };

function project(exitJourney?: object, extra: Record<string, object> = {}) {
  return new ProjectFixture({
    'intents/talk_to_agent.json': agentIntent,
    'journeys/live-agent.json': showBanner,
    ...(exitJourney ? { 'journeys/return.json': exitJourney } : {}),
    ...extra,
  });
}

const complete = journeyWith(
  [
    { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
    { id: 'close-ticket', type: 'closeTicket', next: 'back' },
    { id: 'back', type: 'message', text: 'You are back with the bot.' },
  ],
  { name: 'return' },
);

describe('exit-intent-unlinked', () => {
  it('accepts an exit intent that starts a journey', () => {
    assert.deepEqual(project(complete).findings('intents/talk_to_bot.json', 'exit-intent-unlinked'), []);
  });

  it('reports the exit intent when no journey starts from it', () => {
    const fixture = project();
    const [finding] = fixture.findings('intents/talk_to_bot.json', 'exit-intent-unlinked');
    assert.equal(
      finding.message,
      'intent `talk_to_bot` is trained with the exit phrase `talk to bot` of the banner in journeys/live-agent.json, but no journey starts from it: the customer stays with the agent',
    );
    assert.equal(finding.offset, fixture.offsetOf('intents/talk_to_bot.json', '"talk_to_bot"'));
  });

  it('leaves intents that no banner offers alone', () => {
    assert.deepEqual(project().findings('intents/talk_to_agent.json', 'exit-intent-unlinked'), []);
  });
});

describe('banner-not-closed', () => {
  it('accepts an exit journey that closes the banner', () => {
    assert.deepEqual(project(complete).findings('journeys/return.json', 'banner-not-closed'), []);
  });

  it('reports an exit journey that never closes the banner, on its trigger', () => {
    const journey = journeyWith([{ id: 'close-ticket', type: 'closeTicket' }], { name: 'return' });
    const fixture = project(journey);
    const [finding] = fixture.findings('journeys/return.json', 'banner-not-closed');
    assert.equal(finding.message, 'this journey starts from the exit intent `talk_to_bot` but never sends `ui-event-close-promotion` without data: the banner stays on screen');
    assert.equal(finding.offset, fixture.offsetOf('journeys/return.json', '"talk_to_bot"'));
  });

  it('does not count a close event that carries a banner, nor one no path reaches', () => {
    const journey = journeyWith(
      [
        { id: 'a', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Bye', options: [] }, next: 'b' },
        { id: 'b', type: 'closeTicket' },
        { id: 'orphan', type: 'sendEvent', event: 'ui-event-close-promotion' },
      ],
      { name: 'return' },
    );
    assert.equal(project(journey).findings('journeys/return.json', 'banner-not-closed').length, 1);
  });

  it('follows a jump to another journey that closes it', () => {
    const jumping = journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'cleanup' }], { name: 'return' });
    const cleanup = journeyWith(
      [
        { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
        { id: 'close-ticket', type: 'closeTicket' },
      ],
      { name: 'cleanup', trigger: { event: 'ticket-closed' } },
    );
    const fixture = project(jumping, { 'journeys/cleanup.json': cleanup });
    assert.deepEqual(fixture.findings('journeys/return.json', 'banner-not-closed'), []);
    assert.deepEqual(fixture.findings('journeys/return.json', 'ticket-not-closed'), []);
  });
});

describe('ticket-not-closed', () => {
  it('accepts an exit journey that closes the ticket', () => {
    assert.deepEqual(project(complete).findings('journeys/return.json', 'ticket-not-closed'), []);
  });

  it('reports an exit journey that never reaches closeTicket', () => {
    const journey = journeyWith([{ id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion' }], { name: 'return' });
    const [finding] = project(journey).findings('journeys/return.json', 'ticket-not-closed');
    assert.equal(finding.message, 'this journey starts from the exit intent `talk_to_bot` but never reaches a `closeTicket` node: the ticket stays open');
  });

  it('leaves journeys of other intents alone', () => {
    assert.deepEqual(project(complete).findings('journeys/live-agent.json', 'ticket-not-closed'), []);
  });
});
