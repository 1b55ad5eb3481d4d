import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';

new RuleTester().run('unknown-node', {
  valid: [
    {
      name: 'start and next that name nodes',
      files: {
        [J]: journeyWith([
          { id: 'a', type: 'raiseTicket', next: { agentConnected: 'b', error: 'b' } },
          { id: 'b', type: 'message', text: 'x' },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'a start, a next and an outcome that name nothing; the fix changes start',
      files: {
        [J]: journeyWith(
          [
            { id: 'greet', type: 'message', text: 'x', next: 'raise-tiket' },
            { id: 'raise-ticket', type: 'raiseTicket', next: { error: 'nowhere' } },
          ],
          { start: 'greeet' },
        ),
      },
      errors: [
        {
          messageId: 'didYouMean',
          message: 'unknown node `greeet`; did you mean `greet`?',
          data: { name: 'greeet', suggestion: 'greet' },
          at: '"greeet"',
        },
        { messageId: 'didYouMean', message: 'unknown node `raise-tiket`; did you mean `raise-ticket`?', at: '"raise-tiket"' },
        { messageId: 'unknown', message: 'unknown node `nowhere`: no node of this journey has that id', data: { name: 'nowhere' }, at: '"nowhere"' },
      ],
      output: {
        [J]: journeyWith(
          [
            { id: 'greet', type: 'message', text: 'x', next: 'raise-tiket' },
            { id: 'raise-ticket', type: 'raiseTicket', next: { error: 'nowhere' } },
          ],
          { start: 'greet' },
        ),
      },
    },
  ],
});
