import { journeyWith, validBot, validIntent } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const T = 'tests/t.json';
const testWith = (steps: object[]) => ({ tests: [{ name: 't', steps }] });

new RuleTester().run('schema', {
  valid: [
    {
      name: 'valid bot, intent and journey files',
      files: {
        'bot.json': validBot,
        'intents/talk_to_bot.json': validIntent,
        [J]: journeyWith([
          { id: 'a', type: 'message', text: 'hi', next: 'b' },
          { id: 'b', type: 'raiseTicket', next: { agentConnected: 'c', error: 'd' } },
          { id: 'c', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'd' },
          { id: 'd', type: 'jumpToJourney', journey: 'other' },
        ]),
      },
    },
    {
      name: 'a test file: inputs, expectations and variables',
      files: {
        [T]: {
          tests: [
            {
              name: 'the whole handoff',
              variables: { customer: 'Ada' },
              steps: [
                { startJourney: 'j', node: 'a' },
                { say: 'talk to bot' },
                { expect: { journey: 'j', intent: 'talk_to_bot', node: 'a', banner: 'none', ticket: 'none', with: 'bot', said: 'hi' } },
                { ticket: 'agentConnected' },
                { click: 'Exit', banner: 0, option: 0 },
                { event: 'ticket-closed' },
                { expect: { bannerTitle: 'x', bannerOptions: ['Exit'], eventSent: 'ui-event-close-promotion', variables: { ticketId: 'ticket-1' } } },
              ],
            },
          ],
        },
      },
    },
  ],
  invalid: [
    {
      name: 'a test step with two inputs',
      files: { [T]: testWith([{ say: 'hi', click: 'Exit' }]) },
      errors: [
        {
          messageId: 'mismatch',
          message: 'a step has exactly one of `say`, `click`, `ticket`, `event`, `startJourney` or `expect`',
          at: '{',
          occurrence: 3,
        },
      ],
    },
    {
      name: 'a ticket outcome of a test that does not exist',
      files: { [T]: testWith([{ ticket: 'agentConected' }]) },
      errors: [
        { messageId: 'mismatch', message: '`ticket` is one of agentConnected, agentsUnavailable, ticketClosed, error', at: '"agentConected"' },
      ],
    },
    {
      name: 'an expected fact a test cannot state, with the one meant',
      files: { [T]: testWith([{ say: 'hi' }, { expect: { baner: 'shown' } }]) },
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          message: 'unknown property `baner` in expect; did you mean `banner`?',
          data: { problem: 'unknown property `baner` in expect; did you mean `banner`?', suggestion: 'banner' },
          at: '"baner"',
        },
      ],
      output: { [T]: testWith([{ say: 'hi' }, { expect: { banner: 'shown' } }]) },
    },
    {
      name: 'a missing property, on the object that lacks it',
      files: { 'intents/talk_to_bot.json': { name: 'talk_to_bot' } },
      errors: [{ messageId: 'mismatch', message: 'intent needs `utterances`', offset: 0, length: 1 }],
    },
    {
      name: 'a value of the wrong type, on the value',
      files: { 'bot.json': { ...validBot, events: [{ name: 'ui-event-close-promotion', enabled: 'yes' }] } },
      errors: [
        { messageId: 'mismatch', message: '`enabled` must be true or false', data: { problem: '`enabled` must be true or false' }, at: '"yes"' },
      ],
    },
    {
      name: 'an unknown node type, naming the allowed ones',
      files: { [J]: journeyWith([{ id: 'a', type: 'mesage', text: 'hi' }]) },
      errors: [
        { messageId: 'mismatch', message: "a node's `type` is one of message, sendEvent, raiseTicket, closeTicket, jumpToJourney", at: '"mesage"' },
      ],
    },
    {
      name: 'an unknown property, as a warning with the one that was meant, and the missing one',
      files: { [J]: journeyWith([{ id: 'a', type: 'message', txet: 'hi' }]) },
      errors: [
        { messageId: 'mismatch', message: 'message node needs `text`', at: '{', occurrence: 3 },
        {
          messageId: 'mismatch',
          severity: 'warning',
          message: 'unknown property `txet` in message node; did you mean `text`?',
          data: { problem: 'unknown property `txet` in message node; did you mean `text`?', suggestion: 'text' },
          at: '"txet"',
        },
      ],
    },
    {
      name: 'a raiseTicket outcome that does not exist; the fix renames it',
      files: {
        [J]: journeyWith([
          { id: 'a', type: 'raiseTicket', next: { agentConected: 'b' } },
          { id: 'b', type: 'message', text: 'x' },
        ]),
      },
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          message: 'unknown property `agentConected` in ticket outcomes; did you mean `agentConnected`?',
          at: '"agentConected"',
        },
      ],
      output: {
        [J]: journeyWith([
          { id: 'a', type: 'raiseTicket', next: { agentConnected: 'b' } },
          { id: 'b', type: 'message', text: 'x' },
        ]),
      },
    },
    {
      name: 'the url and secret name are required when tickets close through an API',
      files: { 'bot.json': { ...validBot, ticketClose: { target: 'api', url: 'https://x.example/close' } } },
      errors: [{ messageId: 'mismatch', message: '`ticketClose` needs `apiKeySecret`', at: '"ticketClose"' }],
    },
    {
      name: 'a trigger with both an intent and an event',
      files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'hi' }], { trigger: { intent: 'x', event: 'ticket-closed' } }) },
      errors: [{ messageId: 'mismatch', message: '`trigger` needs an `intent` or an `event`, and not both', at: '"trigger"' }],
    },
  ],
});
