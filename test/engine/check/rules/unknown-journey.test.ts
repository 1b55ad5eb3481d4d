import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';
const jump = (journey: string) => journeyWith([{ id: 'go', type: 'jumpToJourney', journey }], { name: 'from' });

new RuleTester().run('unknown-journey', {
  valid: [{ name: 'a jump to a journey that exists', files: { [J]: jump('from') } }],
  invalid: [
    {
      name: 'a jump to one that does not; the fix changes it',
      files: { [J]: jump('frm') },
      errors: [
        { messageId: 'didYouMean', message: 'unknown journey `frm`; did you mean `from`?', data: { name: 'frm', suggestion: 'from' }, at: '"frm"' },
      ],
      output: { [J]: jump('from') },
    },
  ],
});
