// One cause, one finding: a typo, or a file that does not parse, is reported once, by the check
// that names it, and the checks that depend on it say nothing (issue 10, section 5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const banner = { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] };

/** The guide's project: a journey that shows the banner, and the exit journey `return-to-bot`. */
function guideProject(closeEvent = 'ui-event-close-promotion') {
  return new ProjectFixture({
    'intents/agent.json': { name: 'agent', utterances: ['talk to an agent'] },
    'journeys/live-agent.json': {
      name: 'live-agent',
      trigger: { intent: 'agent' },
      start: 'raise',
      nodes: [
        { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
        { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: banner },
        { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
      ],
    },
    'journeys/return-to-bot.json': journeyWith(
      [
        { id: 'close', type: 'sendEvent', event: closeEvent, next: 'ticket' },
        { id: 'ticket', type: 'closeTicket' },
      ],
      { name: 'return-to-bot' },
    ),
  });
}

const codes = (f: ProjectFixture, rel: string) =>
  f
    .findings(rel)
    .map((x) => `${x.code}:${x.messageId}`)
    .sort();

describe('one cause, one finding: a typo in the close event', () => {
  it('the guide project has no finding', () => {
    const f = guideProject();
    assert.deepEqual([...codes(f, 'journeys/return-to-bot.json'), ...codes(f, 'journeys/live-agent.json')], []);
  });

  it('reports unknown-event only, not also banner-not-closed for the same journey', () => {
    const f = guideProject('ui-event-close-promotoin');
    const findings = f.findings('journeys/return-to-bot.json');
    assert.deepEqual(
      findings.map((x) => x.code),
      ['unknown-event'],
    );
    assert.equal(findings[0].message, 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?');
    assert.equal(findings[0].offset, f.offsetOf('journeys/return-to-bot.json', '"ui-event-close-promotoin"'));
  });

  it('holds back for an unknown event in a journey the exit journey jumps to', () => {
    const f = guideProject()
      .set('journeys/return-to-bot.json', journeyWith([{ id: 'jump', type: 'jumpToJourney', journey: 'closing' }], { name: 'return-to-bot' }))
      .set('journeys/closing.json', {
        name: 'closing',
        start: 'close',
        nodes: [
          { id: 'close', type: 'sendEvent', event: 'ui-event-clsoe-promotion', next: 'ticket' },
          { id: 'ticket', type: 'closeTicket' },
        ],
      });
    assert.deepEqual(codes(f, 'journeys/return-to-bot.json'), []);
    assert.deepEqual(
      f.findings('journeys/closing.json', 'unknown-event').map((x) => x.messageId),
      ['didYouMean'],
    );
  });

  it('still reports banner-not-closed when the events on the way are all known', () => {
    const f = guideProject('ui-event-update-promotion');
    assert.deepEqual(codes(f, 'journeys/return-to-bot.json'), ['banner-not-closed:notClosed']);
  });
});

describe('one cause, one finding: a bot.json that does not parse', () => {
  const broken =
    '{\n  "name": "test-bot",\n  "events": [\n    { "name": "ui-event-update-promotion", "enabled": true },\n    { "name": "ui-event-close-promotion", "enabled": true, }\n  ]\n}\n';

  it('reports json-syntax only: no event-not-declared, unknown-event, event-disabled or banner-not-closed', () => {
    const f = guideProject('ui-event-close-promotoin').set('bot.json', broken);
    assert.deepEqual(
      f.findings('bot.json').map((x) => x.code),
      ['json-syntax'],
    );
    assert.deepEqual(codes(f, 'journeys/live-agent.json'), []);
    assert.deepEqual(codes(f, 'journeys/return-to-bot.json'), []);
  });

  it('holds back event-disabled while bot.json does not parse', () => {
    const f = guideProject().set(
      'bot.json',
      broken.replace('"ui-event-update-promotion", "enabled": true', '"ui-event-update-promotion", "enabled": false'),
    );
    f.set('journeys/live-agent.json', {
      ...(JSON.parse(f.text('journeys/live-agent.json')) as object),
      nodes: [
        { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
        { id: 'show', type: 'sendEvent', event: 'ui-event-update-promotion', data: banner },
        { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
      ],
    });
    assert.deepEqual(codes(f, 'journeys/live-agent.json'), []);
    f.set(
      'bot.json',
      broken.replace('"ui-event-update-promotion", "enabled": true', '"ui-event-update-promotion", "enabled": false').replace('true, }', 'true }'),
    );
    assert.deepEqual(codes(f, 'journeys/live-agent.json'), ['event-disabled:disabled']);
  });

  it('holds back unknown-event for a bot.json too large to read', () => {
    const f = guideProject('order-shipped');
    f.project.setText(f.file('bot.json').path, f.text('bot.json'), 99, { maxSize: 10 });
    assert.deepEqual(codes(f, 'journeys/return-to-bot.json'), []);
  });
});

describe('one cause, one finding: an intent file that does not parse', () => {
  it('gives no unknown-intent error in journeys it may define the intent for', () => {
    const f = guideProject().set('intents/agent.json', '{ "name": agent, "utterances": ["talk to an agent"] }');
    assert.equal(f.findings('intents/agent.json')[0].code, 'json-syntax');
    const findings = f.findings('journeys/live-agent.json', 'unknown-intent');
    assert.deepEqual(
      findings.map((x) => [x.severity, x.messageId]),
      [['info', 'unread']],
    );
    assert.equal(
      findings[0].message,
      'no intent file that was read defines `agent`; intents/agent.json (not valid JSON) was not read (too large, unreadable or not valid JSON), so it may be defined there',
    );
  });

  it('a journey file that does not parse keeps unknown-journey from concluding', () => {
    const f = guideProject().set('journeys/other.json', '{ "name": "other", "start": "a", "nodes": [ }');
    f.set(
      'journeys/jumper.json',
      journeyWith([{ id: 'jump', type: 'jumpToJourney', journey: 'closing' }], { name: 'jumper', trigger: { intent: 'agent' } }),
    );
    assert.deepEqual(
      f.findings('journeys/jumper.json', 'unknown-journey').map((x) => x.severity),
      ['info'],
    );
  });
});

// Issue 25: one error does not hide another.
describe('one error does not hide another: a mistyped banner event', () => {
  it('in a journey: unknown-event with did-you-mean, and the banner it sends is still checked', () => {
    const f = guideProject();
    f.set('journeys/live-agent.json', {
      ...(JSON.parse(f.text('journeys/live-agent.json')) as object),
      nodes: [
        { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
        {
          id: 'show',
          type: 'sendEvent',
          event: 'ui-event-close-promotoin',
          data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to the bot' }] },
        },
        { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
      ],
    });
    assert.deepEqual(codes(f, 'journeys/live-agent.json'), ['option-text-mismatch:near', 'unknown-event:didYouMean']);
  });
});
