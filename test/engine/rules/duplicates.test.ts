import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../projectFixture';

describe('duplicate-utterance', () => {
  it('accepts utterances that train one intent each', () => {
    const fixture = new ProjectFixture({ 'intents/agent.json': { name: 'agent', utterances: ['talk to an agent'] } });
    assert.deepEqual(fixture.findings('intents/agent.json', 'duplicate-utterance'), []);
  });

  it('reports an utterance that trains two intents, in both files', () => {
    const fixture = new ProjectFixture({ 'intents/exit.json': { name: 'exit', utterances: ['talk to bot'] } });
    const [finding] = fixture.findings('intents/exit.json', 'duplicate-utterance');
    assert.equal(finding.message, 'utterance `talk to bot` also trains intent `talk_to_bot` (intents/talk_to_bot.json)');
    assert.equal(finding.offset, fixture.offsetOf('intents/exit.json', '"talk to bot"'));
    assert.equal(fixture.findings('intents/talk_to_bot.json', 'duplicate-utterance').length, 1);
  });

  it('compares normal forms whatever exitPhraseMatch says (training conflicts)', () => {
    const fixture = new ProjectFixture({ 'intents/exit.json': { name: 'exit', utterances: ['Talk to  Bot'] } });
    assert.equal(fixture.findings('intents/exit.json', 'duplicate-utterance').length, 1);
    assert.equal(fixture.findings('intents/exit.json', 'duplicate-utterance', { phraseMatch: 'ignoreCaseAndSpacing' }).length, 1);
  });
});

describe('duplicate-name', () => {
  it('accepts distinct names', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }]) });
    assert.deepEqual(fixture.findings('journeys/j.json', 'duplicate-name'), []);
  });

  it('reports two intents with one name', () => {
    const fixture = new ProjectFixture({ 'intents/copy.json': { name: 'talk_to_bot', utterances: ['x'] } });
    const [finding] = fixture.findings('intents/copy.json', 'duplicate-name');
    assert.equal(finding.message, 'another intent is named `talk_to_bot` (intents/talk_to_bot.json)');
    assert.equal(finding.offset, fixture.offsetOf('intents/copy.json', '"talk_to_bot"'));
  });

  it('reports two journeys with one name, and two nodes with one id', () => {
    const nodes = [
      { id: 'a', type: 'message', text: 'x', next: 'b' },
      { id: 'b', type: 'message', text: 'y' },
      { id: 'a', type: 'message', text: 'z' },
    ];
    const fixture = new ProjectFixture({ 'journeys/one.json': journeyWith(nodes), 'journeys/two.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }]) });
    assert.deepEqual(fixture.findings('journeys/one.json', 'duplicate-name').map((f) => f.message), [
      'another journey is named `j` (journeys/two.json)',
      'another node of this journey has the id `a`',
    ]);
  });
});

describe('literal-secret', () => {
  it('accepts secret names and templates', () => {
    const fixture = new ProjectFixture({
      'bot.json': { name: 'b', events: [], ticketClose: { target: 'api', url: 'https://x.example/close', apiKeySecret: 'TICKET_API_KEY' } },
      'journeys/j.json': journeyWith([{ id: 'a', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}' }]),
    });
    assert.deepEqual(fixture.findings('bot.json', 'literal-secret'), []);
    assert.deepEqual(fixture.findings('journeys/j.json', 'literal-secret'), []);
  });

  it('reports a token by its shape wherever it stands', () => {
    const token = 'sk-live0123456789abcdefghijKLMN';
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: token }]) });
    const [finding] = fixture.findings('journeys/j.json', 'literal-secret');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^`text` holds what looks like an API key or token written as a literal/);
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', `"${token}"`));
  });

  it('reports a long value under a name that says it is secret', () => {
    const fixture = new ProjectFixture({
      'bot.json': { name: 'b', events: [], ticketClose: { target: 'api', url: 'https://x.example', apiKeySecret: 'a8f5f167f44f4964e6c998dee827110c' } },
    });
    assert.equal(fixture.findings('bot.json', 'literal-secret').length, 1);
  });
});
