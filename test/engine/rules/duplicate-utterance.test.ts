import { RuleTester } from '../ruleTester';

const EXIT = 'intents/exit.json';

new RuleTester().run('duplicate-utterance', {
  valid: [
    { name: 'utterances that train one intent each', files: { 'intents/agent.json': { name: 'agent', utterances: ['talk to an agent'] } } },
    { name: 'utterances that differ in case and spacing, compared exactly', files: { [EXIT]: { name: 'exit', utterances: ['Talk to  Bot'] } } },
  ],
  invalid: [
    {
      name: 'an utterance that trains two intents, reported in both files',
      files: { [EXIT]: { name: 'exit', utterances: ['talk to bot'] } },
      errors: [
        {
          messageId: 'duplicate',
          message: 'utterance `talk to bot` also trains intent `talk_to_bot` (intents/talk_to_bot.json)',
          data: { utterance: 'talk to bot', intent: 'talk_to_bot', file: 'intents/talk_to_bot.json' },
          at: '"talk to bot"',
        },
        {
          file: 'intents/talk_to_bot.json',
          messageId: 'duplicate',
          message: 'utterance `talk to bot` also trains intent `exit` (intents/exit.json)',
          at: '"talk to bot"',
        },
      ],
    },
    {
      name: 'utterances that differ in case and spacing, when the project ignores them',
      files: { [EXIT]: { name: 'exit', utterances: ['Talk to  Bot'] } },
      options: { phraseMatch: 'ignoreCaseAndSpacing' },
      errors: [
        {
          messageId: 'duplicate',
          message: 'utterance `Talk to  Bot` also trains intent `talk_to_bot` (intents/talk_to_bot.json)',
          at: '"Talk to  Bot"',
        },
      ],
    },
  ],
});
