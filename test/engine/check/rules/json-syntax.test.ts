import assert from 'node:assert/strict';
import { ProjectFixture, validIntent } from '../../support/projectFixture';
import { describe, it, RuleTester } from '../ruleTester';

const INTENT = 'intents/talk_to_bot.json';
const trailingComma = '{"name": "talk_to_bot", "utterances": ["talk to bot",]}';
const comment = '{ // exit intent\n "name": "talk_to_bot", "utterances": ["talk to bot"]}';

new RuleTester().run('json-syntax', {
  valid: [{ name: 'valid JSON', files: { [INTENT]: validIntent } }],
  invalid: [
    {
      name: 'a trailing comma, reported where it stands, once',
      files: { [INTENT]: trailingComma },
      errors: [{ messageId: 'syntax', message: 'value expected', offset: trailingComma.indexOf(']'), length: 1 }],
    },
    {
      name: 'an empty file',
      files: { [INTENT]: '   ' },
      errors: [{ messageId: 'empty', message: 'the file is empty: expected a JSON object', offset: 0, length: 0 }],
    },
    {
      name: 'comments, which the platform does not accept',
      files: { [INTENT]: comment },
      errors: [{ messageId: 'syntax', message: 'comments are not allowed in JSON', at: '// exit intent' }],
    },
  ],
});

describe('json-syntax and the other checks', () => {
  it('reports an unterminated object and skips schema checks on the broken tree', () => {
    const fixture = new ProjectFixture({ [INTENT]: '{"name": "talk_to_bot"' });
    const findings = fixture.findings(INTENT);
    assert.deepEqual(
      findings.map((f) => [f.code, f.message]),
      [['json-syntax', 'closing brace `}` expected']],
    );
  });

  it('reads a file that starts with a byte order mark, keeping offsets', () => {
    const text = '\ufeff{"name": "talk_to_bot", "utterances": ["talk to bot"], "x": 1}';
    const fixture = new ProjectFixture({ [INTENT]: text });
    const findings = fixture.findings(INTENT);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['schema'],
    );
    assert.equal(findings[0].offset, text.indexOf('"x"'));
  });
});
