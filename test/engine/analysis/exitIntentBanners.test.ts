// The index's banners of an exit intent: worked out per intent from its utterances and the
// banners by phrase, in project order whatever the order of the utterances, and kept up to date
// as journeys and intents are edited, added and deleted.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotProject } from '../../../server/src/engine';
import { indexOf } from '../../../server/src/engine/analysis/projectIndex';

const ROOT = path.resolve('/bots/exit-banners');
const file = (name: string) => path.join(ROOT, name);

function journey(name: string, phrases: string[]): string {
  const nodes = phrases.map((phrase, i) => ({
    id: `banner${i}`,
    type: 'sendEvent',
    event: 'ui-event-update-promotion',
    data: { title: 'Leave the agent?', options: [{ title: 'Exit', text: phrase }] },
  }));
  return JSON.stringify({ name, trigger: { intent: 'agent' }, start: 'banner0', nodes }, null, 2);
}

const intent = (name: string, utterances: string[]) => JSON.stringify({ name, utterances });

/** Each banner as `journey file name: phrase`, in the order given; `isExitIntent` must say whether there is one. */
function described(project: BotProject, mode: 'exact' | 'ignoreCaseAndSpacing', intentName: string): string[] {
  const index = indexOf(project);
  const banners = index.exitIntentBanners(mode, intentName).map((b) => `${path.basename(b.file.path)}: ${b.exit.phrase}`);
  assert.equal(index.isExitIntent(mode, intentName), banners.length > 0, `isExitIntent of ${intentName} (${mode})`);
  return banners;
}

describe('the banners of an exit intent', () => {
  it('are in project order (by file, then by place in the file), not in the order of the utterances', () => {
    const project = new BotProject(ROOT);
    project.setText(file('journeys/a.json'), journey('a', ['second phrase', 'first phrase']), 1);
    project.setText(file('journeys/b.json'), journey('b', ['first phrase']), 1);
    project.setText(file('intents/exit.json'), intent('exit', ['first phrase', 'second phrase']), 1);
    assert.deepEqual(described(project, 'exact', 'exit'), ['a.json: second phrase', 'a.json: first phrase', 'b.json: first phrase']);
    assert.deepEqual(described(project, 'exact', 'other'), []);
  });

  it('compare as the mode says, and follow edits of journeys and intents', () => {
    const project = new BotProject(ROOT);
    project.setText(file('journeys/a.json'), journey('a', ['Talk to bot']), 1);
    project.setText(file('journeys/b.json'), journey('b', ['talk to  bot.']), 1);
    project.setText(file('intents/exit.json'), intent('exit', ['talk to bot']), 1);
    assert.deepEqual(described(project, 'exact', 'exit'), []);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), ['a.json: Talk to bot', 'b.json: talk to  bot.']);

    // An edited journey's banner stays in its file's place; a deleted one goes; an added one comes.
    project.setText(file('journeys/a.json'), journey('a', ['talk to bot']), 2);
    assert.deepEqual(described(project, 'exact', 'exit'), ['a.json: talk to bot']);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), ['a.json: talk to bot', 'b.json: talk to  bot.']);
    project.delete(file('journeys/a.json'));
    assert.deepEqual(described(project, 'exact', 'exit'), []);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), ['b.json: talk to  bot.']);
    project.setText(file('journeys/c.json'), journey('c', ['TALK TO BOT']), 1);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), ['b.json: talk to  bot.', 'c.json: TALK TO BOT']);

    // The intent retrained: its banners follow; renamed: they go with the name.
    project.setText(file('intents/exit.json'), intent('exit', ['something else']), 2);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), []);
    project.setText(file('intents/exit.json'), intent('leave', ['Talk to bot']), 3);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'exit'), []);
    assert.deepEqual(described(project, 'ignoreCaseAndSpacing', 'leave'), ['b.json: talk to  bot.', 'c.json: TALK TO BOT']);
  });
});
