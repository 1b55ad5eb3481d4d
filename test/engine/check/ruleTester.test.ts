// The rule tester must fail when a check reports more, less, elsewhere or otherwise than a case
// says, and every check of the registry must have exactly one test file that gives the rule
// tester at least one valid and one invalid case for it.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../../server/src/engine';
import { repoRoot } from '../../paths';
import { journeyWith } from '../support/projectFixture';
import { assertInvalid, assertValid, ruleTestRunsOf, type InvalidCase } from './ruleTester';

const J = 'journeys/j.json';
const twoUnknown = {
  [J]: journeyWith([
    { id: 'a', type: 'sendEvent', event: 'refund-issued', next: 'b' },
    { id: 'b', type: 'sendEvent', event: 'order-lost' },
  ]),
};
const first = { messageId: 'unknown', data: { name: 'refund-issued' }, at: '"refund-issued"' } as const;
const second = { messageId: 'unknown', data: { name: 'order-lost' }, at: '"order-lost"' } as const;
const declared = (...names: string[]) => ({
  name: 'test-bot',
  events: [
    { name: 'ui-event-update-promotion', enabled: true },
    { name: 'ui-event-close-promotion', enabled: true },
    ...names.map((name) => ({ name, enabled: true })),
  ],
});
const passing: InvalidCase = { name: 'both', files: twoUnknown, errors: [first, second], output: { 'bot.json': declared('refund-issued') } };

describe('the rule tester', () => {
  it('passes a case that lists every finding and the fix output', () => {
    assertInvalid('unknown-event', passing);
  });

  it('fails on a finding the case does not list', () => {
    assert.throws(() => assertInvalid('unknown-event', { ...passing, errors: [first] }), /findings of journeys\/j.json/);
  });

  it('fails on a finding that is not there', () => {
    assert.throws(() => assertInvalid('unknown-event', { ...passing, errors: [first, second, second] }), assert.AssertionError);
  });

  it('fails on a wrong range, message, data or severity', () => {
    for (const wrong of [{ at: '"order-lost"' }, { message: 'unknown event' }, { data: { name: 'x' } }, { severity: 'warning' as const }]) {
      assert.throws(
        () => assertInvalid('unknown-event', { ...passing, errors: [{ ...first, ...wrong }, second] }),
        assert.AssertionError,
        JSON.stringify(wrong),
      );
    }
  });

  it('fails on a wrong fix output, and on a fix the case leaves untested', () => {
    assert.throws(() => assertInvalid('unknown-event', { ...passing, output: { 'bot.json': declared('order-lost') } }), assert.AssertionError);
    assert.throws(() => assertInvalid('unknown-event', { ...passing, output: undefined }), /give the case an `output`/);
  });

  it('fails a valid case that has a finding', () => {
    assert.throws(() => assertValid('unknown-event', { name: 'x', files: twoUnknown }), assert.AssertionError);
  });

  it('refuses a check that is not in the registry', () => {
    assert.throws(() => assertValid('no-such-check', { name: 'x', files: twoUnknown }), /no check `no-such-check`/);
  });
});

describe('the tests of the checks', () => {
  // The test sources, not the compiled ones: a deleted test file may linger in out/.
  const dir = path.join(repoRoot, 'test', 'engine', 'check', 'rules');
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));

  it('has exactly one test file per check of the registry, named after its code', () => {
    assert.deepEqual(files.map((f) => f.replace(/\.test\.ts$/, '')).sort(), rules.map((r) => r.code).sort());
  });

  for (const file of files) {
    const code = file.replace(/\.test\.ts$/, '');
    it(`${file} runs its check through the rule tester, with valid and invalid cases`, () => {
      // The tables as RuleTester.run receives them, read from the compiled module without running it.
      const runs = ruleTestRunsOf(path.join(__dirname, 'rules', file.replace(/\.ts$/, '.js')));
      assert.deepEqual(
        runs.map((r) => r.code),
        [code],
        `${file} calls new RuleTester().run('${code}', …) once`,
      );
      const [{ tests }] = runs;
      assert.ok(tests.valid.length > 0, `${file}: the rule tester gets no valid case`);
      assert.ok(tests.invalid.length > 0, `${file}: the rule tester gets no invalid case`);
    });
  }
});
