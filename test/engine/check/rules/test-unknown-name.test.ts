import { agentIntent, agentJourney, exitJourney } from '../../simulation/simulationFixture';
import { describe, it, RuleTester } from '../ruleTester';
import assert from 'node:assert/strict';
import { ProjectFixture } from '../../support/projectFixture';
import { checkFile, IncrementalCheck } from '../../../../server/src/engine';

const T = 'tests/t.json';
/** The guide's handoff: intents talk_to_agent and talk_to_bot, journeys live-agent (with an Exit button) and return-to-bot. */
const handoff = {
  'intents/talk_to_agent.json': agentIntent,
  'journeys/live-agent.json': agentJourney(),
  'journeys/return-to-bot.json': exitJourney,
};
const testWith = (steps: object[]) => ({ tests: [{ name: 't', steps }] });

new RuleTester().run('test-unknown-name', {
  valid: [
    {
      name: 'every name a test uses is the project’s',
      files: {
        [T]: testWith([
          { startJourney: 'live-agent', node: 'raise' },
          { ticket: 'agentConnected' },
          { click: 'Exit' },
          { event: 'ym_closed_promotion' },
          { expect: { intent: 'talk_to_bot', journey: 'return-to-bot', node: 'close-ticket', eventSent: 'ui-event-close-promotion' } },
          { expect: { node: 'hello' } },
        ]),
        ...handoff,
      },
      file: T,
    },
    {
      name: 'a click that picks its option by position: the title is a label',
      files: { [T]: testWith([{ click: 'Leave', option: 0 }]), ...handoff },
      file: T,
    },
    {
      name: 'option titles are unknown when a banner’s options are a template',
      files: {
        [T]: testWith([{ click: 'Leave' }]),
        ...handoff,
        'journeys/live-agent.json': agentJourney({ title: 'Exit?', options: '{{{variables.options}}}' }),
      },
      file: T,
    },
  ],
  invalid: [
    {
      name: 'an unknown intent, with the one meant; the fix changes it',
      files: { [T]: testWith([{ say: 'talk to bot' }, { expect: { intent: 'talk_to_bto' } }]), ...handoff },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'unknown intent `talk_to_bto`; did you mean `talk_to_bot`?',
          data: { kind: 'intent', name: 'talk_to_bto', suggestion: 'talk_to_bot' },
          at: '"talk_to_bto"',
        },
      ],
      output: { [T]: testWith([{ say: 'talk to bot' }, { expect: { intent: 'talk_to_bot' } }]) },
    },
    {
      name: 'an unknown journey, to start or to expect',
      files: { [T]: testWith([{ startJourney: 'live-agnet' }, { expect: { journey: 'cancel-order' } }]), ...handoff },
      errors: [
        { messageId: 'didYouMean', data: { kind: 'journey', name: 'live-agnet', suggestion: 'live-agent' }, at: '"live-agnet"' },
        {
          messageId: 'unknown',
          message: 'unknown journey `cancel-order`: no file in journeys/ defines it',
          data: { kind: 'journey', name: 'cancel-order', why: 'no file in journeys/ defines it' },
          at: '"cancel-order"',
        },
      ],
      output: { [T]: testWith([{ startJourney: 'live-agent' }, { expect: { journey: 'cancel-order' } }]) },
    },
    {
      name: 'an unknown event, fired or expected sent',
      files: { [T]: testWith([{ event: 'ticket-closd' }, { expect: { eventSent: 'ui-event-close-promotoin' } }]), ...handoff },
      errors: [
        { messageId: 'didYouMean', data: { kind: 'event', name: 'ticket-closd', suggestion: 'ticket-closed' }, at: '"ticket-closd"' },
        {
          messageId: 'didYouMean',
          data: { kind: 'event', name: 'ui-event-close-promotoin', suggestion: 'ui-event-close-promotion' },
          at: '"ui-event-close-promotoin"',
        },
      ],
      output: { [T]: testWith([{ event: 'ticket-closed' }, { expect: { eventSent: 'ui-event-close-promotoin' } }]) },
    },
    {
      name: 'an option title no banner has',
      files: { [T]: testWith([{ click: 'Exitt' }, { click: 'Stay here' }]), ...handoff },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'unknown option title `Exitt`; did you mean `Exit`?',
          data: { kind: 'option title', name: 'Exitt', suggestion: 'Exit' },
          at: '"Exitt"',
        },
        {
          messageId: 'unknown',
          message: 'unknown option title `Stay here`: no banner a journey sends has an option with this title',
          data: { kind: 'option title', name: 'Stay here', why: 'no banner a journey sends has an option with this title' },
          at: '"Stay here"',
        },
      ],
      output: { [T]: testWith([{ click: 'Exit' }, { click: 'Stay here' }]) },
    },
    {
      name: 'a node the journey named beside it does not have; one no journey has',
      files: {
        [T]: testWith([
          { startJourney: 'live-agent', node: 'raize' },
          { expect: { journey: 'return-to-bot', node: 'raise' } },
          { expect: { node: 'nowhere' } },
        ]),
        ...handoff,
      },
      errors: [
        { messageId: 'didYouMean', data: { kind: 'node', name: 'raize', suggestion: 'raise' }, at: '"raize"' },
        {
          messageId: 'unknown',
          message: 'unknown node `raise`: journey `return-to-bot` has no node with this id',
          data: { kind: 'node', name: 'raise', why: 'journey `return-to-bot` has no node with this id' },
          at: '"raise"',
        },
        {
          messageId: 'unknown',
          data: { kind: 'node', name: 'nowhere', why: 'no journey has a node with this id' },
          at: '"nowhere"',
        },
      ],
      output: {
        [T]: testWith([
          { startJourney: 'live-agent', node: 'raise' },
          { expect: { journey: 'return-to-bot', node: 'raise' } },
          { expect: { node: 'nowhere' } },
        ]),
      },
    },
    {
      name: 'with an unread intent file, an unknown intent may be defined there',
      files: { [T]: testWith([{ expect: { intent: 'cancel_order' } }]), 'intents/locked.json': '' },
      limits: { 'intents/locked.json': { unreadReason: 'permission denied' } },
      errors: [
        {
          messageId: 'unread',
          severity: 'info',
          data: { kind: 'intent', name: 'cancel_order', files: 'intents/locked.json', count: 1 },
          at: '"cancel_order"',
        },
      ],
    },
  ],
});

describe('test-unknown-name', () => {
  it('an edit of a journey re-checks a test file only when it changes a name the test uses', () => {
    const fixture = new ProjectFixture({ [T]: testWith([{ click: 'Exit' }, { expect: { node: 'busy' } }]), ...handoff });
    const incremental = new IncrementalCheck(fixture.project);
    incremental.run();
    const journey = (banner: object, busy = 'busy') => {
      const text = JSON.stringify(agentJourney(banner), null, 2).replace(/"busy"/g, JSON.stringify(busy));
      fixture.set('journeys/live-agent.json', text);
      return incremental.run();
    };
    // A banner title of the same length (the exit phrase's place stays): the journey alone.
    journey({ title: 'Do you want to quit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] });
    assert.equal(incremental.lastRunChecked, 1);
    // An option retitled (of the same length): the journey, and the test that clicks it.
    const retitled = journey({ title: 'Do you want to quit from chat?', options: [{ title: 'Exet', text: 'talk to bot' }] });
    assert.equal(incremental.lastRunChecked, 2);
    assert.deepEqual(
      retitled.get(fixture.file(T).path)!.findings.map((f) => f.message),
      ['unknown option title `Exit`; did you mean `Exet`?'],
    );
    const renamed = journey({ title: 'Do you want to quit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] }, 'zzzz');
    assert.deepEqual(
      renamed.get(fixture.file(T).path)!.findings.map((f) => f.message),
      ['unknown node `busy`: no journey has a node with this id'],
    );
  });

  it('is checked again when a journey the test names is renamed', () => {
    const fixture = new ProjectFixture({ [T]: testWith([{ startJourney: 'live-agent' }]), ...handoff });
    const findings = () => checkFile(fixture.project, fixture.file(T)).filter((f) => f.code === 'test-unknown-name');
    assert.deepEqual(findings(), []);
    fixture.set('journeys/live-agent.json', agentJourney(undefined, { name: 'agent' }));
    assert.deepEqual(
      findings().map((f) => f.message),
      ['unknown journey `live-agent`: no file in journeys/ defines it'],
    );
  });
});
