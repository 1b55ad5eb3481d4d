import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';

new RuleTester().run('unreachable-node', {
  valid: [
    {
      name: 'nodes that start reaches through next and outcomes',
      files: {
        [J]: journeyWith([
          { id: 'a', type: 'raiseTicket', next: { agentConnected: 'b', error: 'c' } },
          { id: 'b', type: 'message', text: 'x' },
          { id: 'c', type: 'message', text: 'y' },
        ]),
      },
    },
    { name: 'nothing when start itself names nothing', files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }], { start: 'b' }) } },
  ],
  invalid: [
    {
      name: 'a node no path reaches, on its id',
      files: {
        [J]: journeyWith([
          { id: 'a', type: 'message', text: 'x' },
          { id: 'lost', type: 'message', text: 'y' },
        ]),
      },
      errors: [
        { messageId: 'unreachable', message: 'node `lost` is unreachable: no path from `start` leads to it', data: { node: 'lost' }, at: '"lost"' },
      ],
    },
  ],
});
