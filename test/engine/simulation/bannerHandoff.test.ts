// The handoff of one banner, for the "Simulate exit" code lens: which Send Event nodes (and
// app.sendEvent calls) the lens stands above, and the runs it starts.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, handoffBannersIn, handoffOfBanner, nodeFileSystem } from '../../../server/src/engine';
import { exampleProject } from '../../paths';
import { journeyWith } from '../support/projectFixture';
import { agentJourney, buttonBanner, guideProject, transcript, typedBanner } from './simulationFixture';

const FUNCTION = 'functions/show-banner.js';
const functionCode = `return new Promise((resolve) => {
  app.sendEvent({ code: 'ui-event-update-promotion', data: { title: 'Leave?', options: [{ title: 'Exit', text: 'talk to bot' }] } });
  resolve();
});
`;

describe('simulator: the handoff of one banner', () => {
  it('stands above every banner a journey sends, and runs the handoff path of the one at the offset', () => {
    const fixture = guideProject({
      'journeys/live-agent.json': agentJourney(buttonBanner, {
        nodes: [
          ...(agentJourney() as { nodes: object[] }).nodes,
          { id: 'typed', type: 'sendEvent', event: 'ui-event-update-promotion', data: typedBanner },
        ],
      }),
    });
    const file = fixture.file('journeys/live-agent.json');
    const banners = handoffBannersIn(fixture.project, file);
    assert.deepEqual(
      banners.map((b) => b.node),
      ['banner', 'typed'],
    );
    assert.ok(file.text.startsWith('{\n      "id": "banner"', banners[0].offset), 'the first lens is at the Send Event node `banner`');

    const path = handoffOfBanner(fixture.project, file, banners[0].offset + 3);
    assert.deepEqual(
      path.runs.map((r) => [r.title, r.outcome.summary]),
      [['live-agent: click "Exit"', 'back with the bot: banner hidden, ticket closed']],
    );
    // `typed` follows no agentConnected outcome: no run, and the notes say why.
    const typed = handoffOfBanner(fixture.project, file, banners[1].offset);
    assert.deepEqual(typed.runs, []);
    assert.match(typed.notes.at(-1)!, /^The banner of node `typed` \(journeys\/live-agent\.json\) is not sent after an agent connects/);
  });

  it('an offset in no banner gives no run, and says so', () => {
    const fixture = guideProject();
    const none = handoffOfBanner(fixture.project, fixture.file('journeys/return-to-bot.json'), 0);
    assert.deepEqual(none.runs, []);
    assert.equal(none.notes.at(-1), 'No Send Event node of journeys/return-to-bot.json sends a banner at that place.');
  });

  it("a function's banner runs from the first Raise Ticket node with agentConnected, its exit phrase typed", () => {
    const fixture = guideProject({ [FUNCTION]: functionCode });
    const file = fixture.file(FUNCTION);
    const [banner] = handoffBannersIn(fixture.project, file);
    assert.equal(banner.node, undefined);
    assert.ok(file.text.startsWith('app.sendEvent(', banner.offset), 'the lens is at the app.sendEvent call');

    const { runs, notes } = handoffOfBanner(fixture.project, file, banner.offset);
    assert.deepEqual(
      runs.map((r) => [r.title, r.outcome.summary]),
      [[`live-agent (banner of ${FUNCTION}): "Exit" sends "talk to bot"`, 'back with the bot: banner hidden, ticket closed']],
    );
    assert.deepEqual(runs[0].inputs, [
      { kind: 'startJourney', journey: 'live-agent', node: 'raise' },
      { kind: 'ticket', outcome: 'agentConnected' },
      { kind: 'say', text: 'talk to bot' },
    ]);
    assert.deepEqual(runs[0].banner, {
      journey: FUNCTION,
      node: '',
      place: runs[0].banner.place,
      raisedBy: { journey: 'live-agent', node: 'raise' },
    });
    assert.match(notes[1], /^functions\/show-banner\.js is never run, so its banner is not on screen in these runs/);
    assert.ok(transcript(runs[0]).includes('customer talk to bot'));
  });

  it('has no lens in a function file when no journey connects an agent', () => {
    const fixture = guideProject({
      [FUNCTION]: functionCode,
      'journeys/live-agent.json': journeyWith([{ id: 'hi', type: 'message', text: 'Hello' }], { name: 'live-agent' }),
    });
    const file = fixture.file(FUNCTION);
    assert.deepEqual(handoffBannersIn(fixture.project, file), []);
    const { runs, notes } = handoffOfBanner(fixture.project, file, file.text.indexOf('app.sendEvent'));
    assert.deepEqual(runs, []);
    assert.match(notes.at(-1)!, /^No journey raises a ticket with an `agentConnected` outcome/);
  });

  it('the support-bot example: the lens of its function file runs back to the bot', async () => {
    const project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
    const file = project.file(path.join(exampleProject, 'functions/show-exit-banner.js'))!;
    const banners = handoffBannersIn(project, file);
    // In file order (acorn's walk meets the calls in another).
    assert.deepEqual(
      banners.map((b) => b.offset),
      [file.text.indexOf('app.sendEvent('), file.text.lastIndexOf('app.sendEvent(')],
    );
    for (const banner of banners) {
      const { runs } = handoffOfBanner(project, file, banner.offset);
      assert.deepEqual(
        runs.map((r) => r.outcome.stuck),
        [false],
      );
    }
  });
});
