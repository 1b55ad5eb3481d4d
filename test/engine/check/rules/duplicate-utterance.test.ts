import { RuleTester } from '../ruleTester';

const EXIT = 'intents/exit.json';

new RuleTester().run('duplicate-utterance', {
  valid: [{ name: 'utterances that train one intent each', files: { 'intents/agent.json': { name: 'agent', utterances: ['talk to an agent'] } } }],
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
      // Training conflicts are conflicts whatever exitPhraseMatch says.
      name: 'utterances that differ only in case and spacing, even when exit phrases are compared exactly',
      files: { [EXIT]: { name: 'exit', utterances: ['Talk to  Bot'] } },
      options: { phraseMatch: 'exact' },
      errors: [
        {
          messageId: 'similar',
          message:
            'utterance `Talk to  Bot` also trains intent `talk_to_bot` (intents/talk_to_bot.json), written `talk to bot`: they differ only in case, spacing, punctuation or invisible characters',
          at: '"Talk to  Bot"',
        },
        {
          file: 'intents/talk_to_bot.json',
          messageId: 'similar',
          message:
            'utterance `talk to bot` also trains intent `exit` (intents/exit.json), written `Talk to  Bot`: they differ only in case, spacing, punctuation or invisible characters',
          at: '"talk to bot"',
        },
      ],
    },
  ],
});
