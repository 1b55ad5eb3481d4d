import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture, validBot, validIntent } from '../projectFixture';

describe('schema', () => {
  it('accepts valid bot, intent and journey files', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': validIntent,
      'journeys/j.json': journeyWith([
        { id: 'a', type: 'message', text: 'hi', next: 'b' },
        { id: 'b', type: 'raiseTicket', next: { agentConnected: 'c', error: 'd' } },
        { id: 'c', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'd' },
        { id: 'd', type: 'jumpToJourney', journey: 'other' },
      ]),
    });
    for (const rel of ['bot.json', 'intents/talk_to_bot.json', 'journeys/j.json']) {
      assert.deepEqual(fixture.findings(rel, 'schema'), [], rel);
    }
  });

  it('reports a missing property on the object that lacks it', () => {
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': { name: 'talk_to_bot' } });
    const [finding] = fixture.findings('intents/talk_to_bot.json', 'schema');
    assert.equal(finding.message, 'intent needs `utterances`');
    assert.deepEqual([finding.offset, finding.length], [0, 1]);
  });

  it('reports a value of the wrong type on the value', () => {
    const bot = { ...validBot, events: [{ name: 'ui-event-close-promotion', enabled: 'yes' }] };
    const fixture = new ProjectFixture({ 'bot.json': bot });
    const [finding] = fixture.findings('bot.json', 'schema');
    assert.equal(finding.message, '`enabled` must be true or false');
    assert.equal(finding.offset, fixture.offsetOf('bot.json', '"yes"'));
    assert.equal(finding.length, '"yes"'.length);
  });

  it('names the allowed node types for an unknown one', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'mesage', text: 'hi' }]) });
    const findings = fixture.findings('journeys/j.json', 'schema');
    assert.deepEqual(findings.map((f) => f.message), [
      "a node's `type` is one of message, sendEvent, raiseTicket, closeTicket, jumpToJourney",
    ]);
    assert.equal(findings[0].offset, fixture.offsetOf('journeys/j.json', '"mesage"'));
  });

  it('warns of an unknown property with the one that was meant', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', txet: 'hi' }]) });
    const findings = fixture.findings('journeys/j.json', 'schema');
    const unknown = findings.find((f) => f.severity === 'warning');
    assert.equal(unknown?.message, 'unknown property `txet` in message node; did you mean `text`?');
    assert.equal(unknown?.offset, fixture.offsetOf('journeys/j.json', '"txet"'));
    assert.deepEqual(unknown?.data, { problem: 'unknown property `txet` in message node; did you mean `text`?', suggestion: 'text' });
    assert.ok(findings.some((f) => f.severity === 'error' && f.message === 'message node needs `text`'));
  });

  it('reports a raiseTicket outcome that does not exist', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([
        { id: 'a', type: 'raiseTicket', next: { agentConected: 'b' } },
        { id: 'b', type: 'message', text: 'x' },
      ]),
    });
    const [finding] = fixture.findings('journeys/j.json', 'schema');
    assert.equal(finding.message, 'unknown property `agentConected` in ticket outcomes; did you mean `agentConnected`?');
  });

  it('requires the url and secret name when tickets close through an API', () => {
    const fixture = new ProjectFixture({ 'bot.json': { ...validBot, ticketClose: { target: 'api', url: 'https://x.example/close' } } });
    const [finding] = fixture.findings('bot.json', 'schema');
    assert.equal(finding.message, '`ticketClose` needs `apiKeySecret`');
    assert.equal(finding.offset, fixture.offsetOf('bot.json', '"ticketClose"'));
  });

  it('refuses a trigger with both an intent and an event', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'hi' }], { trigger: { intent: 'x', event: 'ticket-closed' } }),
    });
    const [finding] = fixture.findings('journeys/j.json', 'schema');
    assert.equal(finding.message, '`trigger` needs an `intent` or an `event`, and not both');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"trigger"'));
  });
});
