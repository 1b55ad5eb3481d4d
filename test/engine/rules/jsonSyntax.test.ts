import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProjectFixture, validIntent } from '../projectFixture';

describe('json-syntax', () => {
  it('reports nothing for valid JSON', () => {
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': validIntent });
    assert.deepEqual(fixture.findings('intents/talk_to_bot.json', 'json-syntax'), []);
  });

  it('reports a trailing comma where it stands, once', () => {
    const text = '{"name": "talk_to_bot", "utterances": ["talk to bot",]}';
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': text });
    const findings = fixture.findings('intents/talk_to_bot.json', 'json-syntax');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].offset, text.indexOf(']'));
    assert.equal(findings[0].message, 'value expected');
  });

  it('reports an unterminated object and skips schema checks on the broken tree', () => {
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': '{"name": "talk_to_bot"' });
    const findings = fixture.findings('intents/talk_to_bot.json');
    assert.deepEqual(findings.map((f) => [f.code, f.message]), [['json-syntax', 'closing brace `}` expected']]);
  });

  it('reports an empty file', () => {
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': '   ' });
    const [finding] = fixture.findings('intents/talk_to_bot.json', 'json-syntax');
    assert.equal(finding.message, 'the file is empty: expected a JSON object');
  });

  it('reports comments, which the platform does not accept', () => {
    const text = '{ // exit intent\n "name": "talk_to_bot", "utterances": ["talk to bot"]}';
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': text });
    const [finding] = fixture.findings('intents/talk_to_bot.json', 'json-syntax');
    assert.equal(finding.message, 'comments are not allowed in JSON');
    assert.equal(finding.offset, text.indexOf('//'));
  });
});

describe('json-syntax with a byte order mark', () => {
  it('reads a file that starts with a BOM, keeping offsets', () => {
    const text = '\ufeff{"name": "talk_to_bot", "utterances": ["talk to bot"], "x": 1}';
    const fixture = new ProjectFixture({ 'intents/talk_to_bot.json': text });
    const findings = fixture.findings('intents/talk_to_bot.json');
    assert.deepEqual(findings.map((f) => f.code), ['schema']);
    assert.equal(findings[0].offset, text.indexOf('"x"'));
  });
});
