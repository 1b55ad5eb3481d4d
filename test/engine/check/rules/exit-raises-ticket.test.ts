import assert from 'node:assert/strict';
import { journeyWith, ProjectFixture } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';
import { agentIntent, completeExitJourney } from './exitJourneyFixtures';

const LIVE = 'journeys/live-agent.json';
const RETURN = 'journeys/return.json';
const AGENT = 'intents/talk_to_agent.json';
const banner = (text: string) => ({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] });

/** The guide's ticket journey: raise a ticket, then show the banner offering `text`. */
const liveAgent = (text: string) =>
  journeyWith(
    [
      { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'close' } },
      { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: banner(text) },
      { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion' },
    ],
    { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
  );

/** The project of the guide with the exit journey `return`, plus `files`. */
const project = (files: Record<string, object>) => ({
  [LIVE]: liveAgent('talk to bot'),
  [AGENT]: agentIntent,
  [RETURN]: completeExitJourney,
  ...files,
});

const MESSAGE_OWN =
  'the exit phrase `exit` starts `live-agent` (intent `talk_to_agent`), the very journey that shows this banner: leaving raises a new ticket (node `raise-ticket`) and hands the customer to an agent again';

new RuleTester().run('exit-raises-ticket', {
  valid: [
    { name: 'the guide: the exit phrase starts the journey back to the bot', file: LIVE, files: project({}) },
    {
      name: 'an exit journey that raises nothing, also through a jump',
      file: LIVE,
      files: project({
        [RETURN]: journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'closing' }], { name: 'return' }),
        'journeys/closing.json': journeyWith(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
            { id: 'close-ticket', type: 'closeTicket' },
          ],
          { name: 'closing', trigger: { event: 'ticket-closed' } },
        ),
      }),
    },
    {
      name: 'a Raise Ticket node no path reaches does not count',
      file: LIVE,
      files: project({
        [RETURN]: journeyWith(
          [
            { id: 'close-ticket', type: 'closeTicket' },
            { id: 'orphan', type: 'raiseTicket' },
          ],
          { name: 'return' },
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'the newcomer: the exit phrase trains the intent of the journey that shows the banner and raises the ticket',
      files: {
        [LIVE]: liveAgent('exit'),
        [AGENT]: { name: 'talk_to_agent', utterances: ['talk to an agent', 'exit'] },
        [RETURN]: completeExitJourney,
      },
      errors: [
        {
          messageId: 'own',
          message: MESSAGE_OWN,
          data: { phrase: 'exit', intent: 'talk_to_agent', journey: 'live-agent', jumps: [], node: 'raise-ticket', own: true, kind: 'option' },
          at: '"exit"',
          related: [
            [AGENT, 'the utterance that sends the exit phrase to intent `talk_to_agent`'],
            [LIVE, 'the Raise Ticket node (journeys/live-agent.json)'],
          ],
        },
      ],
      // Offered first: the banner offers an utterance of the intent that goes back to the bot.
      output: { [LIVE]: liveAgent('talk to bot') },
    },
    {
      name: 'the exit phrase trains the intent of another journey that raises a ticket',
      files: project({
        'intents/billing.json': { name: 'billing', utterances: ['talk to bot'] },
        'journeys/billing.json': journeyWith([{ id: 'raise', type: 'raiseTicket' }], { name: 'billing', trigger: { intent: 'billing' } }),
        'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to the bot'] },
      }),
      errors: [
        {
          messageId: 'raises',
          message:
            'the exit phrase `talk to bot` starts journey `billing` (intent `billing`), where node `raise` raises a new live-agent ticket: the customer who leaves is handed to an agent again',
          at: '"talk to bot"',
        },
      ],
      output: { [LIVE]: liveAgent('back to the bot') },
    },
    {
      name: 'the exit journey jumps, through another, to a journey that raises a ticket',
      files: project({
        [RETURN]: journeyWith([{ id: 'go', type: 'jumpToJourney', journey: 'menu' }], { name: 'return' }),
        'journeys/menu.json': journeyWith([{ id: 'on', type: 'jumpToJourney', journey: 'live-agent' }], {
          name: 'menu',
          trigger: { event: 'bot-opened' },
        }),
      }),
      errors: [
        {
          messageId: 'raises',
          message:
            'the exit phrase `talk to bot` starts journey `return` (intent `talk_to_bot`), which jumps to `menu` → `live-agent`, where node `raise-ticket` raises a new live-agent ticket: the customer who leaves is handed to an agent again',
          data: {
            phrase: 'talk to bot',
            intent: 'talk_to_bot',
            journey: 'return',
            jumps: ['menu', 'live-agent'],
            node: 'raise-ticket',
            own: false,
            kind: 'option',
          },
          at: '"talk to bot"',
        },
      ],
    },
  ],
});

describe('exit-raises-ticket across files', () => {
  it('appears when the intent file is trained with the exit phrase, and goes when it is untrained', () => {
    const fixture = new ProjectFixture(project({}));
    assert.deepEqual(fixture.findings(LIVE, 'exit-raises-ticket'), []);
    fixture.set(AGENT, { name: 'talk_to_agent', utterances: ['talk to an agent', 'talk to bot'] });
    assert.deepEqual(
      fixture.findings(LIVE, 'exit-raises-ticket').map((f) => f.messageId),
      ['own'],
    );
    fixture.set(AGENT, agentIntent);
    assert.deepEqual(fixture.findings(LIVE, 'exit-raises-ticket'), []);
  });

  it('holds back banner-not-closed and ticket-not-closed on the journey that raises the ticket', () => {
    const fixture = new ProjectFixture({
      [LIVE]: liveAgent('exit'),
      [AGENT]: { name: 'talk_to_agent', utterances: ['talk to an agent', 'exit'] },
      [RETURN]: completeExitJourney,
    });
    assert.deepEqual(
      fixture.findings(LIVE).map((f) => f.code),
      ['exit-raises-ticket'],
    );
  });
});
