import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, checkFile, checkProject, nodeFileSystem } from '../../../server/src/engine';
import { exampleProject } from '../../paths';
import { journeyWith, ProjectFixture, ROOT } from '../support/projectFixture';

describe('checking a project', () => {
  it('finds nothing in the example project, which implements the whole guide', async () => {
    // A missing example is a failure, not a skip: this is the test that the whole guide checks clean.
    assert.ok(existsSync(path.join(exampleProject, 'bot.json')), `the example project is missing: ${exampleProject}`);
    const workspace = new BotWorkspace(nodeFileSystem);
    const project = await workspace.loadProject(exampleProject);
    assert.ok(project.filesOfKind('journey').length >= 3);
    assert.deepEqual(checkProject(project), []);
  });

  it('keeps a file that did not change, parsed tree and findings included', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', txet: 'x' }]) });
    const file = fixture.file('journeys/j.json');
    const first = checkFile(fixture.project, file);
    assert.equal(fixture.project.setText(file.path, file.text, file.version), file);
    const again = checkFile(fixture.project, file);
    assert.deepEqual(again, first);
    // File-scope findings are the same objects: they were not computed again.
    assert.equal(
      again.find((f) => f.code === 'schema'),
      first.find((f) => f.code === 'schema'),
    );
  });

  it('re-reads cross-file facts on every check', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event: 'custom-x' }]) });
    assert.equal(fixture.findings('journeys/j.json', 'unknown-event').length, 1);
    fixture.set('bot.json', { name: 'b', events: [{ name: 'custom-x', enabled: true }] });
    assert.equal(fixture.findings('journeys/j.json', 'unknown-event').length, 0);
  });

  it('turns a rule off or changes its severity', () => {
    const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'sendEvent', event: 'custom-x' }]) });
    assert.deepEqual(fixture.findings('journeys/j.json', undefined, { rules: { 'unknown-event': 'off' } }), []);
    const [finding] = fixture.findings('journeys/j.json', undefined, { rules: { 'unknown-event': 'warning' } });
    assert.equal(finding.severity, 'warning');
  });

  it('does not parse a file over the size limit, and says so', () => {
    const fixture = new ProjectFixture();
    const file = fixture.project.setText(path.join(ROOT, 'intents/huge.json'), `["${'x'.repeat(5000)}"]`, 1, { maxSize: 1000 });
    assert.ok(file?.oversized);
    assert.equal(file?.root, undefined);
    const findings = checkFile(fixture.project, file!);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['file-too-large'],
    );
    assert.match(findings[0].message, /^the file is 4\.9 KB, over the 1000 bytes limit for bot files/);
  });

  it('ignores files that are not bot files of the project', () => {
    const fixture = new ProjectFixture();
    assert.equal(fixture.project.setText(path.join(ROOT, 'notes/readme.json'), '{}', 1), undefined);
    assert.equal(fixture.project.setText(path.join(ROOT, 'journeys/deep/j.json'), '{}', 1), undefined);
    assert.equal(fixture.project.setText(path.join(ROOT, '..', 'bot.json'), '{}', 1), undefined);
  });
});
