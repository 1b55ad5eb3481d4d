// The contributed snippets: each body, with its placeholders filled by their defaults, is valid
// where the schema expects it and leaves no finding in a project.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../engine/support/projectFixture';
import { apply } from '../engine/check/ruleTester';
import { completionsAt, quickFixes } from '../../server/src/engine';
import { repoRoot } from '../paths';

type Snippet = { prefix: string; body: string[]; description: string };
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(path.join(repoRoot, 'snippets/bot-files.json'), 'utf8'));

/** A snippet's text as inserted and then accepted as is: defaults, the first choice, no tab stops. */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(',')[0])
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const value = (name: string) => JSON.parse(expand(snippets[name].body.join('\n')));

/** Where each snippet goes, in a project that otherwise has the guide's whole setup. */
function projectWith(name: string): { fixture: ProjectFixture; files: string[] } {
  // When the agent closes the ticket, the banner closes too (banner-outlives-ticket).
  const agentClosed = { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion' };
  const guideJourney = (nodes: object[]) =>
    journeyWith(
      [
        {
          id: 'raise-ticket',
          type: 'raiseTicket',
          group: 'support',
          next: { agentConnected: 'show-exit-banner', ticketClosed: 'close-banner', error: 'ticket-error' },
        },
        ...nodes,
        agentClosed,
        { id: 'ticket-error', type: 'message', text: 'Sorry.' },
      ],
      { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
    );
  const exitJourney = (nodes: object[], start = 'close-banner') =>
    journeyWith(nodes, { name: 'return-to-bot', trigger: { intent: 'talk_to_bot' }, start });
  const closeBanner = { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' };
  const closeTicket = { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'back-with-bot' };
  const back = { id: 'back-with-bot', type: 'message', text: 'Welcome back.' };
  const showBanner = (data: unknown) => ({ id: 'show-exit-banner', type: 'sendEvent', event: 'ui-event-close-promotion', data });
  const files: Record<string, object> = {
    'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
    'journeys/live-agent.json': guideJourney([showBanner(value('Banner with an Exit button'))]),
    'journeys/return-to-bot.json': exitJourney([closeBanner, closeTicket, back]),
  };
  const placed: Record<string, [string, object]> = {
    'Banner asking to type the exit phrase': ['journeys/live-agent.json', guideJourney([showBanner(value(name))])],
    'Banner with an Exit button': ['journeys/live-agent.json', guideJourney([showBanner(value(name))])],
    'Send Event node showing the banner': ['journeys/live-agent.json', guideJourney([value(name)])],
    'Raise Ticket node': [
      'journeys/live-agent.json',
      journeyWith(
        [value(name), showBanner(value('Banner with an Exit button')), agentClosed, { id: 'ticket-error', type: 'message', text: 'Sorry.' }],
        {
          name: 'live-agent',
          trigger: { intent: 'talk_to_agent' },
        },
      ),
    ],
    'Send Event node closing the banner': ['journeys/return-to-bot.json', exitJourney([value(name), closeTicket, back])],
    'Close Ticket node': ['journeys/return-to-bot.json', exitJourney([closeBanner, value(name), back])],
    Intent: ['intents/talk_to_bot.json', value(name)],
    Journey: ['journeys/return-to-bot.json', value(name)],
    'Custom event declaration': ['bot.json', { name: 'b', events: [value(name), { name: 'ui-event-update-promotion', enabled: true }] }],
  };
  const [rel, content] = placed[name];
  if (name === 'Journey') {
    // The snippet as filled in, unchanged, in a project whose banner offers no exit phrase yet:
    // a valid journey with nothing to report. (As the exit journey, see the test below.)
    return { fixture: new ProjectFixture({ [rel]: content }), files: [rel] };
  }
  return { fixture: new ProjectFixture({ ...files, [rel]: content }), files: [rel] };
}

describe('snippets', () => {
  it("has the guide's two banners exactly, with tab stops on the texts", () => {
    assert.deepEqual(value('Banner asking to type the exit phrase'), {
      title: "Do you want to exit from chat? Please type 'talk to bot'",
      options: [],
    });
    assert.deepEqual(value('Banner with an Exit button'), {
      title: 'Do you want to exit from chat?',
      options: [{ title: 'Exit', text: 'talk to bot' }],
    });
    assert.match(snippets['Banner with an Exit button'].body.join('\n'), /"text": "\$\{3:talk to bot\}"/);
  });

  it('hk-journey: as the exit journey, filled in unchanged, it lacks only the closing steps, which the quick fix adds', () => {
    const journey = value('Journey');
    assert.deepEqual(journey.trigger, { intent: 'talk_to_bot' });
    const fixture = new ProjectFixture({
      'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
      'journeys/live-agent.json': journeyWith(
        [{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: value('Banner with an Exit button') }],
        { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
      ),
      'journeys/return-to-bot.json': journey,
    });
    const rel = 'journeys/return-to-bot.json';
    assert.deepEqual(
      fixture.findings(rel).map((f) => f.code),
      ['banner-not-closed', 'ticket-not-closed'],
    );
    const [finding] = fixture.findings(rel, 'banner-not-closed');
    apply(fixture, quickFixes(fixture.project, fixture.file(rel), finding)[0]);
    for (const file of fixture.project.allFiles()) {
      assert.deepEqual(fixture.findings(path.relative('/bots/test-bot', file.path)), [], file.path);
    }
    // The snippet's own nodes stay, after the closing steps.
    const fixed = JSON.parse(fixture.text(rel));
    assert.deepEqual(fixed.nodes.slice(2), journey.nodes);
  });

  for (const name of Object.keys(snippets)) {
    it(`${snippets[name].prefix}: filled in place, the project has no findings`, () => {
      const { fixture } = projectWith(name);
      for (const file of fixture.project.allFiles()) {
        assert.deepEqual(fixture.findings(path.relative('/bots/test-bot', file.path)), [], `${name} in ${file.path}`);
      }
    });
  }

  it("offers the banners in a Send Event node with the trained phrases as the tab stop's choices", () => {
    const fixture = new ProjectFixture({
      'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['talk to bot', 'back to bot'] },
      'journeys/j.json':
        '{"name": "j", "trigger": {"intent": "talk_to_bot"}, "start": "a", "nodes": [{"id": "a", "type": "sendEvent", "event": "ui-event-close-promotion", "data": {}}]}',
    });
    const offset = fixture.offsetOf('journeys/j.json', '{}') + 1;
    const items = completionsAt(fixture.project, fixture.file('journeys/j.json'), offset);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Banner with an Exit button', 'Banner asking to type the exit phrase'],
    );
    assert.equal(items[0].snippet, true);
    assert.match(items[0].insertText, /"text": "\$\{3\|talk to bot,back to bot\|\}"/);
    assert.match(items[1].insertText, /Please type '\$\{2\|talk to bot,back to bot\|\}'/);
    assert.deepEqual(items[0].replace, { offset: offset - 1, length: 2 });
  });
});
