import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../projectFixture';

describe('unknown-intent', () => {
  it('accepts a trigger intent that exists', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }]) });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-intent'), []);
  });

  it('reports a trigger intent that does not, with the one meant', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { intent: 'talk_to_bto' } }),
    });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-intent');
    assert.equal(finding.message, 'unknown intent `talk_to_bto`; did you mean `talk_to_bot`?');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"talk_to_bto"'));
    assert.deepEqual(finding.data, { name: 'talk_to_bto', suggestion: 'talk_to_bot' });
  });
});

describe('unknown-node', () => {
  it('accepts start and next that name nodes', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([
        { id: 'a', type: 'raiseTicket', next: { agentConnected: 'b', error: 'b' } },
        { id: 'b', type: 'message', text: 'x' },
      ]),
    });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-node'), []);
  });

  it('reports a next, an outcome and a start that name nothing', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith(
        [
          { id: 'greet', type: 'message', text: 'x', next: 'raise-tiket' },
          { id: 'raise-ticket', type: 'raiseTicket', next: { error: 'nowhere' } },
        ],
        { start: 'greeet' },
      ),
    });
    const findings = fixture.findings('journeys/j.json', 'unknown-node');
    assert.deepEqual(findings.map((f) => f.message), [
      'unknown node `greeet`; did you mean `greet`?',
      'unknown node `raise-tiket`; did you mean `raise-ticket`?',
      'unknown node `nowhere`: no node of this journey has that id',
    ]);
    assert.equal(findings[1].offset, fixture.offsetOf('journeys/j.json', '"raise-tiket"'));
  });
});

describe('unknown-journey', () => {
  const jump = (journey: string) => journeyWith([{ id: 'go', type: 'jumpToJourney', journey }], { name: 'from' });

  it('accepts a jump to a journey that exists', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': jump('from') });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unknown-journey'), []);
  });

  it('reports a jump to one that does not', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': jump('frm') });
    const [finding] = fixture.findings('journeys/j.json', 'unknown-journey');
    assert.equal(finding.message, 'unknown journey `frm`; did you mean `from`?');
  });
});

describe('unreachable-node', () => {
  it('accepts nodes that start reaches through next and outcomes', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([
        { id: 'a', type: 'raiseTicket', next: { agentConnected: 'b', error: 'c' } },
        { id: 'b', type: 'message', text: 'x' },
        { id: 'c', type: 'message', text: 'y' },
      ]),
    });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unreachable-node'), []);
  });

  it('reports a node no path reaches, on its id', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([
        { id: 'a', type: 'message', text: 'x' },
        { id: 'lost', type: 'message', text: 'y' },
      ]),
    });
    const [finding] = fixture.findings('journeys/j.json', 'unreachable-node');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'node `lost` is unreachable: no path from `start` leads to it');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"lost"'));
  });

  it('says nothing when start itself names nothing', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }], { start: 'b' }) });
    assert.deepEqual(fixture.findings('journeys/j.json', 'unreachable-node'), []);
  });
});
