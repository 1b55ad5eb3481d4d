import assert from 'node:assert/strict';
import { chooseSafeFixes, FixPlan } from '../../../../server/src/engine';
import { ProjectFixture } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';

const F = 'functions/show-banner.js';
const body = (inner: string) => `return new Promise(resolve => {\n  ${inner}\n  resolve();\n});\n`;
const sends = body(`app.sendEvent({ code: 'ui-event-close-promotion' });`);
const missingParen = `${sends}function broken( {\n  return 1;\n}\n`;
const unterminated = "const title = 'Chatting with an agent;\n";

new RuleTester().run('function-syntax', {
  valid: [
    { name: 'a function body with a top-level return and await', files: { [F]: `await fetch(url);\n${sends}` } },
    { name: 'an empty function file', files: { [F]: '' } },
  ],
  invalid: [
    {
      name: 'a missing parenthesis, where the parser stopped, without acorn’s (line:column)',
      files: { [F]: missingParen },
      errors: [
        {
          messageId: 'syntax',
          message: "Unexpected keyword 'return': this function's code is not valid JavaScript",
          data: { problem: "Unexpected keyword 'return'" },
          at: 'return',
          occurrence: 2,
        },
      ],
    },
    {
      name: 'an unterminated string',
      files: { [F]: unterminated },
      errors: [{ messageId: 'syntax', data: { problem: 'Unterminated string constant' }, offset: unterminated.indexOf("'"), length: 1 }],
    },
    {
      name: 'text in another language, stopped at a non-ASCII character',
      files: { [F]: 'const 名前 = «talk to bot»;\n' },
      errors: [{ messageId: 'syntax', data: { problem: "Unexpected character '«'" }, at: '«' }],
    },
    {
      name: 'the end of the file, with an empty range',
      files: { [F]: 'if (x) {' },
      errors: [{ messageId: 'syntax', data: { problem: 'Unexpected token' }, offset: 'if (x) {'.length, length: 0 }],
    },
  ],
});

describe('function-syntax and the other checks', () => {
  it('leaves the calls in the parts that parse to the event checks', () => {
    const fixture = new ProjectFixture({ [F]: `${body(`app.sendEvent({ code: 'ui-event-close-promotoin' });`)}function broken( {\n` });
    assert.deepEqual(
      fixture.findings(F).map((f) => f.code),
      ['unknown-event', 'function-syntax'],
    );
  });

  it('leaves a call the error is inside to function-syntax alone: no guess at an event name', () => {
    // acorn-loose reads the unterminated string to the end of its line, comma included.
    const fixture = new ProjectFixture({ [F]: body(`app.sendEvent({\n    code: 'ui-event-update-promotion,\n    data: {} });`) });
    assert.deepEqual(
      fixture.findings(F).map((f) => f.code),
      ['function-syntax'],
    );
  });

  it('gets no safe fix while it does not parse, as a JSON file that does not parse gets none', () => {
    const misspelt = body(`app.sendEvent({ code: 'ui-event-close-promotoin' });`);
    const fixture = new ProjectFixture({ [F]: `${misspelt}function broken( {\n` });
    assert.ok(fixture.findings(F).some((f) => f.code === 'unknown-event'));
    const plan = new FixPlan();
    assert.equal(chooseSafeFixes(fixture.project, fixture.file(F), plan), 0);
    const parsing = new ProjectFixture({ [F]: misspelt });
    assert.equal(chooseSafeFixes(parsing.project, parsing.file(F), new FixPlan()), 1);
  });

  it('is not run on JSON bot files', () => {
    const fixture = new ProjectFixture({ 'intents/x.json': '{"name": "x", "utterances": ["a" "b"]}' });
    assert.deepEqual(
      fixture.findings('intents/x.json').map((f) => f.code),
      ['json-syntax'],
    );
  });
});
