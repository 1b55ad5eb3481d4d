import { RuleTester } from '../ruleTester';
import { filesWith, misrouted, REPORT, routedAsTheFilesSay } from './liveFixtures';

const stale = (utterance: string, at: string) => ({
  messageId: 'utterance',
  message: `\`${utterance}\` is no longer an utterance of any intent of the project: this row tests an older bot`,
  data: { utterance },
  at,
});

new RuleTester().run('test-report-stale', {
  valid: [routedAsTheFilesSay],
  invalid: [
    {
      name: 'rows whose utterance is no longer trained (reported instead of a misrouting)',
      files: filesWith(misrouted, { 'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['back to bot'] } }),
      file: REPORT,
      errors: [stale('hi', 'hi,x,y,success'), stale('talk to bot', 'talk to bot,live-agent,exit-chat,failure')],
    },
    {
      name: 'a journey the project no longer has, and an utterance that no longer starts its journey',
      files: filesWith('Utterance,Predicted Journey,Journey,Status\ntalk to bot,a,old-exit,failure\ntalk to bot,a,live-agent,failure\n'),
      file: REPORT,
      errors: [
        {
          messageId: 'target',
          message: 'journey `old-exit` is no longer in the project: this row tests an older bot',
          data: { target: 'old-exit', kind: 'journey' },
          at: 'talk to bot,a,old-exit,failure',
        },
        {
          messageId: 'pairing',
          message: '`talk to bot` no longer starts journey `live-agent` in the project: this row tests an older bot',
          data: { utterance: 'talk to bot', target: 'live-agent', kind: 'journey' },
          at: 'talk to bot,a,live-agent,failure',
        },
      ],
    },
  ],
});
