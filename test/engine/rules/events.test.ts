import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture, validBot } from '../projectFixture';

const sending = (event: string) => journeyWith([{ id: 'a', type: 'sendEvent', event }]);

describe('event-disabled', () => {
  it('accepts an enabled event', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': sending('ui-event-close-promotion') });
    assert.deepEqual(fixture.findings('journeys/j.json', 'event-disabled'), []);
  });

  it('reports an event declared with enabled: false', () => {
    const bot = { ...validBot, events: [{ name: 'ui-event-close-promotion', enabled: false }] };
    const fixture = new ProjectFixture({ 'bot.json': bot, 'journeys/j.json': sending('ui-event-close-promotion') });
    const [finding] = fixture.findings('journeys/j.json', 'event-disabled');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'event `ui-event-close-promotion` is disabled in bot.json: it will not fire until it is enabled');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"ui-event-close-promotion"'));
    assert.deepEqual(finding.data, { event: 'ui-event-close-promotion' });
  });
});

describe('event-not-declared', () => {
  it('accepts declared banner events and undeclared platform events', () => {
    for (const event of ['ui-event-update-promotion', 'ticket-closed']) {
      assert.deepEqual(new ProjectFixture({ 'journeys/j.json': sending(event) }).findings('journeys/j.json', 'event-not-declared'), []);
    }
  });

  it('reports a banner event bot.json does not declare', () => {
    const bot = { name: 'b', events: [{ name: 'ui-event-update-promotion', enabled: true }] };
    const fixture = new ProjectFixture({ 'bot.json': bot, 'journeys/j.json': sending('ui-event-close-promotion') });
    const [finding] = fixture.findings('journeys/j.json', 'event-not-declared');
    assert.equal(finding.message, 'custom event `ui-event-close-promotion` is not declared in bot.json: declare and enable it, or the banner never changes');
    assert.deepEqual(finding.data, { event: 'ui-event-close-promotion' });
  });
});
