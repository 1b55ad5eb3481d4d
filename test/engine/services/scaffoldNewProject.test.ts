import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotProject, checkProject, applyChanges } from '../../../server/src/engine';
import { planDisconnection, planNewProject, validateProjectName } from '../../../server/src/engine/services/scaffold';

const root = path.resolve('/bots/support-bot');

/** The project the plan makes, in memory: its files created (its folders hold nothing the model sees). */
function created(plan: ReturnType<typeof planNewProject>): BotProject {
  const project = new BotProject(root);
  for (const change of plan.edit.changes) {
    assert.equal(change.kind, 'create', 'a new project only creates files');
    if (change.kind === 'create') project.setText(change.file, change.text, 1);
  }
  return project;
}

describe('scaffold: new bot project', () => {
  it("creates bot.json with the bot's name and both banner events declared and enabled, and the two folders", () => {
    const plan = planNewProject(root);
    assert.deepEqual(
      plan.edit.changes.map((c) => [c.kind, c.file]),
      [['create', path.join(root, 'bot.json')]],
    );
    assert.equal(plan.botFile, path.join(root, 'bot.json'));
    assert.deepEqual(plan.folders, [path.join(root, 'intents'), path.join(root, 'journeys')]);
    const change = plan.edit.changes[0];
    assert.equal(
      change.kind === 'create' && change.text,
      [
        '{',
        '  "name": "support-bot",',
        '  "events": [',
        '    {',
        '      "name": "ui-event-update-promotion",',
        '      "enabled": true,',
        '      "description": "Shows or updates the callout banner of the web chat widget; its data is the banner payload."',
        '    },',
        '    {',
        '      "name": "ui-event-close-promotion",',
        '      "enabled": true,',
        '      "description": "Closes the callout banner. The disconnection guide also sends it with a banner payload to show the banner while an agent holds the chat."',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('makes a project with no findings, whose events Add User-Initiated Disconnection leaves as they are', () => {
    const project = created(planNewProject(root));
    assert.deepEqual(
      checkProject(project).map((f) => `${f.code}: ${f.message}`),
      [],
    );
    const plan = planDisconnection(project);
    assert.deepEqual(plan.conflicts, []);
    assert.ok(!plan.edit.changes.some((c) => c.file === path.join(root, 'bot.json')), 'the scaffold changes the new bot.json');
    for (const change of plan.edit.changes) {
      const file = project.file(change.file);
      project.setText(change.file, change.kind === 'create' ? change.text : applyChanges(file!.text, change.changes), 2);
    }
    assert.deepEqual(
      checkProject(project).map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  it('writes the bot.json the scaffold writes for a project without one', () => {
    const scaffold = planDisconnection(new BotProject(root)).edit.changes.find((c) => c.file === path.join(root, 'bot.json'));
    assert.deepEqual(planNewProject(root).edit.changes[0], scaffold);
  });

  it('names the bot as asked, else after its folder', () => {
    const named = created(planNewProject(root, 'billing'));
    assert.equal(JSON.parse(named.botFile!.text).name, 'billing');
  });

  it("refuses a name that is not a folder name on every system, with validateProjectName's message", () => {
    for (const name of ['support-bot', 'bot_2', 'v1.0', '7eleven']) assert.equal(validateProjectName(name), undefined, name);
    assert.equal(validateProjectName(''), 'the bot project needs a name, such as `support-bot`');
    for (const name of ['my bot', ' support-bot', '.hidden', '-bot', 'a/b', 'a\\b', 'bot’s']) {
      assert.equal(
        validateProjectName(name),
        `\`${name}\` is not a valid project name: start with a letter or digit, then use letters, digits, \`_\`, \`-\` or \`.\`, with no spaces`,
      );
    }
    assert.throws(() => planNewProject(path.join(path.dirname(root), 'my bot')), { message: validateProjectName('my bot') });
    assert.throws(() => planNewProject(root, ''), { message: validateProjectName('') });
  });
});
