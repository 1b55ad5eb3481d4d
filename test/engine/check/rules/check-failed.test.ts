import { ruleOf, type Rule } from '../../../../server/src/engine';
import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const J = 'journeys/j.json';

/** Makes the check `code` throw `error` for the duration of a case; returns the undo. */
function breaking(code: string, error: unknown): () => () => void {
  return () => {
    const rule = ruleOf(code) as Rule & { check: Rule['check'] };
    const original = rule.check;
    rule.check = () => {
      throw error;
    };
    return () => {
      rule.check = original;
    };
  };
}

new RuleTester().run('check-failed', {
  valid: [{ name: 'no check fails', files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }]) } }],
  invalid: [
    {
      name: 'a check that throws, naming it and the error; its findings are dropped, the other checks still run',
      files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }]) },
      setup: breaking('unreachable-node', new Error('boom')),
      errors: [
        {
          messageId: 'failed',
          message: 'the check `unreachable-node` failed on this file (boom); the other checks still ran',
          data: { check: 'unreachable-node', error: 'boom' },
          offset: 0,
          length: 0,
        },
      ],
    },
    {
      name: 'a stack overflow, said in plain words',
      files: { [J]: journeyWith([{ id: 'a', type: 'message', text: 'x' }]) },
      setup: breaking('unknown-node', new RangeError('Maximum call stack size exceeded')),
      errors: [
        {
          messageId: 'failed',
          data: { check: 'unknown-node', error: 'the file is nested too deeply to check (maximum call stack size exceeded)' },
          offset: 0,
          length: 0,
        },
      ],
    },
  ],
});
