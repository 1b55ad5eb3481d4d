import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

new RuleTester().run('duplicate-name', {
  valid: [{ name: 'distinct names', files: { 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }]) } }],
  invalid: [
    {
      name: 'two intents with one name',
      files: { 'intents/copy.json': { name: 'talk_to_bot', utterances: ['x'] } },
      errors: [
        {
          messageId: 'name',
          message: 'another intent is named `talk_to_bot` (intents/talk_to_bot.json)',
          data: { kind: 'intent', name: 'talk_to_bot', other: 'intents/talk_to_bot.json' },
          at: '"talk_to_bot"',
        },
      ],
    },
    {
      name: 'two journeys with one name, and two nodes with one id',
      files: {
        'journeys/one.json': journeyWith([
          { id: 'a', type: 'message', text: 'x', next: 'b' },
          { id: 'b', type: 'message', text: 'y' },
          { id: 'a', type: 'message', text: 'z' },
        ]),
        'journeys/two.json': journeyWith([{ id: 'a', type: 'message', text: 'x' }]),
      },
      errors: [
        { messageId: 'name', message: 'another journey is named `j` (journeys/two.json)', at: '"j"' },
        { messageId: 'nodeId', message: 'another node of this journey has the id `a`', data: { id: 'a' }, at: '"a"', occurrence: 3 },
      ],
    },
  ],
});
