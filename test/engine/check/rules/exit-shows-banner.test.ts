import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';
import { agentIntent, completeExitJourney, showBanner } from './exitJourneyFixtures';

const SHOW = 'journeys/live-agent.json';
const RETURN = 'journeys/return.json';
const BOT = 'intents/talk_to_bot.json';

/** The fixture's banner journey (it shows the banner; another journey raised the ticket), the exit journey `return`, plus `files`. */
const project = (files: Record<string, object>) => ({
  [SHOW]: showBanner,
  'intents/talk_to_agent.json': agentIntent,
  [RETURN]: completeExitJourney,
  ...files,
});

new RuleTester().run('exit-shows-banner', {
  valid: [
    { name: 'the guide: the exit journey closes the banner and shows none', file: SHOW, files: project({}) },
    {
      name: 'a banner without an exit phrase (a link) on the way does not count',
      file: SHOW,
      files: project({
        [RETURN]: journeyWith(
          [
            { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'promo' },
            {
              id: 'promo',
              type: 'sendEvent',
              event: 'ui-event-update-promotion',
              data: { title: 'New: track your order', options: [{ title: 'Track', url: 'https://shop.example/track' }] },
            },
          ],
          { name: 'return' },
        ),
      }),
    },
  ],
  invalid: [
    {
      name: 'the exit phrase trains the intent of the journey that shows the banner',
      files: project({
        [BOT]: { name: 'talk_to_bot', utterances: ['back to bot'] },
        'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to bot'] },
      }),
      errors: [
        {
          messageId: 'own',
          message:
            'the exit phrase `talk to bot` starts `live-agent` (intent `talk_to_agent`), the very journey that shows this banner: leaving shows the banner again instead of going back to the bot',
          at: '"talk to bot"',
          related: [
            ['intents/talk_to_agent.json', 'the utterance that sends the exit phrase to intent `talk_to_agent`'],
            [SHOW, 'the Send Event node that shows the banner again (journeys/live-agent.json)'],
          ],
        },
      ],
      output: {
        [SHOW]: journeyWith(
          [
            {
              id: 'show',
              type: 'sendEvent',
              event: 'ui-event-close-promotion',
              data: { title: 'Exit?', options: [{ title: 'Exit', text: 'back to bot' }] },
            },
          ],
          { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
        ),
      },
    },
    {
      name: 'the exit journey jumps back into the journey that shows the banner',
      files: project({
        [RETURN]: journeyWith(
          [
            { id: 'close-ticket', type: 'closeTicket', next: 'again' },
            { id: 'again', type: 'jumpToJourney', journey: 'live-agent' },
          ],
          { name: 'return' },
        ),
      }),
      errors: [
        {
          messageId: 'shows',
          message:
            'the exit phrase `talk to bot` starts journey `return` (intent `talk_to_bot`), which jumps to `live-agent`, where node `show` shows a banner offering to exit again: the customer who leaves is asked to leave again',
          data: { phrase: 'talk to bot', intent: 'talk_to_bot', journey: 'return', jumps: ['live-agent'], node: 'show', own: false, kind: 'option' },
          at: '"talk to bot"',
        },
      ],
    },
    {
      name: 'the exit journey sends the banner again itself',
      files: project({
        [RETURN]: journeyWith(
          [
            { id: 'close-ticket', type: 'closeTicket', next: 'again' },
            { id: 'again', type: 'sendEvent', event: 'ui-event-update-promotion', data: { title: "Please type 'talk to bot'", options: [] } },
          ],
          { name: 'return' },
        ),
      }),
      errors: [
        {
          messageId: 'shows',
          message:
            'the exit phrase `talk to bot` starts journey `return` (intent `talk_to_bot`), where node `again` shows a banner offering to exit again: the customer who leaves is asked to leave again',
          at: '"talk to bot"',
        },
      ],
    },
  ],
});
