import assert from 'node:assert/strict';
import { journeyWith, ProjectFixture, validBot } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const sending = (event: string, extra: object = {}) => journeyWith([{ id: 'a', type: 'sendEvent', event }], extra);
const withOrderShipped = { ...validBot, events: [...validBot.events, { name: 'order-shipped', enabled: true }] };

new RuleTester().run('unknown-event', {
  valid: [
    ...['ui-event-close-promotion', 'ym_closed_promotion', 'ticket-closed', 'order-shipped'].map((event) => ({
      name: `platform events and events declared in bot.json: ${event}`,
      file: J,
      files: { 'bot.json': withOrderShipped, [J]: sending(event) },
    })),
    { name: 'templated event names are left alone', files: { [J]: sending('{{{variables.event}}}') } },
    {
      name: 'in function code, an event for the page or app that hosts the chat (unlike any known event)',
      files: { 'functions/verify.js': "app.sendEvent({ code: 'verifiedUser', data: { verified: true } });\n" },
    },
  ],
  invalid: [
    {
      name: 'a near miss, with the event that was meant; the fix changes it',
      files: { [J]: sending('ui-event-close-promotoin') },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'unknown event `ui-event-close-promotoin`; did you mean `ui-event-close-promotion`?',
          data: { name: 'ui-event-close-promotoin', suggestion: 'ui-event-close-promotion' },
          at: '"ui-event-close-promotoin"',
        },
      ],
      output: { [J]: sending('ui-event-close-promotion') },
    },
    {
      name: 'a name close to nothing, without a guess; the fix declares it as a custom event',
      files: { [J]: sending('refund-issued') },
      errors: [
        {
          messageId: 'unknown',
          message: 'unknown event `refund-issued`: it is not a platform event and bot.json does not declare it',
          data: { name: 'refund-issued' },
          at: '"refund-issued"',
        },
      ],
      output: { 'bot.json': { ...validBot, events: [...validBot.events, { name: 'refund-issued', enabled: true }] } },
    },
    {
      name: 'in function code, a near miss of a known event is a typo',
      files: { 'functions/banner.js': "app.sendEvent({ code: 'ui-event-update-promotio' });\n" },
      errors: [
        {
          messageId: 'didYouMean',
          data: { name: 'ui-event-update-promotio', suggestion: 'ui-event-update-promotion' },
          at: "'ui-event-update-promotio'",
        },
      ],
      output: { 'functions/banner.js': "app.sendEvent({ code: 'ui-event-update-promotion' });\n" },
    },
    {
      name: 'the event that triggers a journey',
      files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { event: 'ticket-closd' } }) },
      errors: [{ messageId: 'didYouMean', message: 'unknown event `ticket-closd`; did you mean `ticket-closed`?', at: '"ticket-closd"' }],
      output: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }], { trigger: { event: 'ticket-closed' } }) },
    },
  ],
});

describe('unknown-event across files', () => {
  it('follows bot.json: declaring the event clears the finding', () => {
    const fixture = new ProjectFixture({ [J]: sending('order-shipped') });
    assert.equal(fixture.findings(J, 'unknown-event').length, 1);
    fixture.set('bot.json', withOrderShipped);
    assert.deepEqual(fixture.findings(J, 'unknown-event'), []);
  });
});
