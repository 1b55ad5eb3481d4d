import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture, validBot } from '../projectFixture';

function sending(event: string, extra: object = {}) {
  return journeyWith([{ id: 'a', type: 'sendEvent', event }], extra);
}

describe('unknown-event', () => {
  it('accepts platform events and events declared in bot.json', () => {
    const bot = { ...validBot, events: [...validBot.events, { name: 'order-shipped', enabled: true }] };
    for (const event of ['ui-event-close-promotion', 'ym_closed_promotion', 'ticket-closed', 'order-shipped']) {
      const fixture = new ProjectFixture({ 'bot.json': bot, 'journeys/j.json': sending(event) });
      assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-event'), [], event);
    }
  });

  it('reports a near miss with the event that was meant', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': sending('ui-event-close-promotoin') });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-event');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"ui-event-close-promotoin"'));
    assert.equal(finding.length, '"ui-event-close-promotoin"'.length);
    assert.equal(finding.messageId, 'didYouMean');
    assert.deepEqual(finding.data, { name: 'ui-event-close-promotoin', suggestion: 'ui-event-close-promotion' });
  });

  it('reports a name close to nothing without a guess', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': sending('refund-issued') });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-event');
    assert.equal(finding.message, 'unknown event `refund-issued`: it is not a platform event and bot.json does not declare it');
    assert.equal(finding.messageId, 'unknown');
    assert.deepEqual(finding.data, { name: 'refund-issued' });
  });

  it('checks the event that triggers a journey', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { event: 'ticket-closd' } }),
    });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-event');
    assert.equal(finding.message, 'unknown event `ticket-closd`; did you mean `ticket-closed`?');
  });

  it('leaves templated event names alone', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': sending('{{{variables.event}}}') });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-event'), []);
  });

  it('follows bot.json: declaring the event clears the finding', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': sending('order-shipped') });
    assert.equal(fixture.findings('journeys/j.json', 'unknown-event').length, 1);
    fixture.set('bot.json', { ...validBot, events: [...validBot.events, { name: 'order-shipped', enabled: true }] });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-event'), []);
  });
});
