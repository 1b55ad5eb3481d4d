// Kind: every edit leaves valid JSON and keeps the user's data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChanges, modifyJson, quickFixes, type FileChange } from '../../../server/src/engine';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const textChanges = (change: FileChange) => (change.kind === 'edit' ? change.changes : []);

describe('edits keep the user data', () => {
  it('maps a typed phrase through a JSON escape, and changes the quoted occurrence when the phrase occurs twice', () => {
    // `talk\u0020to bot` in the file is `talk to bot` in the value; the phrase also occurs unquoted before.
    const title = "talk to bot? Please type 'talk\\u0020to bot'";
    const journey = `{\n  "name": "j",\n  "trigger": { "intent": "talk_to_agent" },\n  "start": "show",\n  "nodes": [\n    { "id": "show", "type": "sendEvent", "event": "ui-event-close-promotion", "data": { "title": "${title}", "options": [] } }\n  ]\n}\n`;
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to the bot'] },
      'journeys/j.json': journey,
    });
    const [finding] = fixture.findings('journeys/j.json', 'option-text-mismatch');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', 'talk\\u0020to bot'));
    assert.equal(finding.length, 'talk\\u0020to bot'.length);
    const [change] = quickFixes(fixture.project, fixture.file('journeys/j.json'), finding);
    assert.equal(change.title, 'Change to `talk to the bot` (intent `talk_to_bot`)');
    const after = applyChanges(journey, textChanges(change.changes[0]));
    const value = JSON.parse(after) as { nodes: { data: { title: string } }[] };
    assert.equal(value.nodes[0].data.title, "talk to bot? Please type 'talk to the bot'");
  });

  it('offers no rename of a property to a name its object already has', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'hi', txet: 'old' }]) });
    const unknown = fixture.findings('journeys/j.json', 'schema').find((f) => f.data?.suggestion === 'text');
    assert.ok(unknown, 'the unknown property is reported with its suggestion');
    assert.deepEqual(quickFixes(fixture.project, fixture.file('journeys/j.json'), unknown), []);
  });

  it('never edits another file that does not parse', () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': '{ "name": "talk_to_bot", "utterances": ["talk to the bot"], }',
      'journeys/j.json': journeyWith([
        {
          id: 'show',
          type: 'sendEvent',
          event: 'ui-event-close-promotion',
          data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
        },
      ]),
    });
    // The check holds back while an intent file does not parse; a finding carried over from before
    // the intent file broke (an editor's stale diagnostic) must still not edit it.
    assert.deepEqual(fixture.findings('journeys/j.json', 'option-text-mismatch'), []);
    const text = fixture.file('journeys/j.json').text;
    const at = text.indexOf('"talk to bot"');
    const finding = {
      code: 'option-text-mismatch',
      messageId: 'none',
      offset: at,
      length: '"talk to bot"'.length,
      data: { phrase: 'talk to bot', kind: 'option' },
    };
    const fixes = quickFixes(fixture.project, fixture.file('journeys/j.json'), finding);
    for (const fix of fixes) for (const change of fix.changes) assert.notEqual(change.file, fixture.file('intents/talk_to_bot.json').path, fix.title);
  });

  it('keeps tabs, one-line layout, CRLF and the final newline', () => {
    const tabbed = '{\r\n\t"name": "a",\r\n\t"utterances": [\r\n\t\t"x"\r\n\t]\r\n}\r\n';
    assert.equal(
      applyChanges(tabbed, [modifyJson(tabbed, [{ path: ['utterances', -1], value: 'y' }])]),
      '{\r\n\t"name": "a",\r\n\t"utterances": [\r\n\t\t"x",\r\n\t\t"y"\r\n\t]\r\n}\r\n',
    );
    const oneLine = '{"name":"a","utterances":["x"]}';
    assert.equal(applyChanges(oneLine, [modifyJson(oneLine, [{ path: ['utterances', -1], value: 'y' }])]), '{"name":"a","utterances":["x","y"]}');
    const fourSpaces = '{\n    "name": "a",\n    "utterances": ["x"]\n}';
    assert.equal(
      applyChanges(fourSpaces, [modifyJson(fourSpaces, [{ path: ['events'], value: [] }])]),
      '{\n    "name": "a",\n    "utterances": ["x"],\n    "events": []\n}',
    );
  });

  it('lays out what it inserts and leaves the lines around it as they were', () => {
    const edit = (text: string, mods: Parameters<typeof modifyJson>[1]) => applyChanges(text, [modifyJson(text, mods)]);
    // A list on one line beside the new property stays on one line.
    assert.equal(
      edit('{\n  "name": "x",\n  "utterances": ["a", "b"]\n}\n', [{ path: ['description'], value: 'd' }]),
      '{\n  "name": "x",\n  "utterances": ["a", "b"],\n  "description": "d"\n}\n',
    );
    // An item added to a list written on one line goes on that line, spaced as the list is.
    assert.equal(
      edit('{\n  "events": [{ "name": "a", "enabled": true }]\n}\n', [{ path: ['events', -1], value: { name: 'b', enabled: true } }]),
      '{\n  "events": [{ "name": "a", "enabled": true }, { "name": "b", "enabled": true }]\n}\n',
    );
    assert.equal(edit('{\n  "u": ["x","z"]\n}\n', [{ path: ['u', 0], value: 'y', insert: true }]), '{\n  "u": ["y","x","z"]\n}\n');
    assert.equal(edit('{\n  "u": ["x"]\n}\n', [{ path: ['u', 0], value: 'y', insert: true }]), '{\n  "u": ["y", "x"]\n}\n');
    // A property added to a one-line object of a list written out.
    assert.equal(
      edit('{\n  "events": [\n    { "name": "a" }\n  ]\n}\n', [{ path: ['events', 0, 'enabled'], value: true }]),
      '{\n  "events": [\n    { "name": "a", "enabled": true }\n  ]\n}\n',
    );
    // An item added to a list of items written one per line: one line too, when short enough.
    const nodes = '{\n  "nodes": [\n    { "id": "a", "type": "message", "text": "hi" }\n  ]\n}\n';
    assert.equal(
      edit(nodes, [{ path: ['nodes', -1], value: { id: 'b', type: 'sendEvent', event: 'ui-event-close-promotion' } }]),
      '{\n  "nodes": [\n    { "id": "a", "type": "message", "text": "hi" },\n    { "id": "b", "type": "sendEvent", "event": "ui-event-close-promotion" }\n  ]\n}\n',
    );
    const deep = { id: 'b', data: { options: [{ text: 'talk to bot' }] } };
    assert.equal(edit(nodes, [{ path: ['nodes', -1], value: deep }]).split('\n').length, 16, 'three levels deep: written out');
    // An item put first in a list written out, and one put in an empty list: on lines of their own.
    assert.equal(edit('{\n  "u": [\n    "x"\n  ]\n}\n', [{ path: ['u', 0], value: 'y', insert: true }]), '{\n  "u": [\n    "y",\n    "x"\n  ]\n}\n');
    assert.equal(
      edit('{\n  "events": []\n}\n', [{ path: ['events', -1], value: { name: 'b' } }]),
      '{\n  "events": [\n    {\n      "name": "b"\n    }\n  ]\n}\n',
    );
  });
});
