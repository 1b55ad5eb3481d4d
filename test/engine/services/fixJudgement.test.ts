// The judgement of fixes by the conversation (services/fixJudgement.ts, issue 25): what the
// newcomer was offered, and what a judge plugged in instead of the static one (the simulator, once
// there is one) decides.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUtteranceFix,
  checkFile,
  isSafeFix,
  judgeFix,
  modifyJson,
  simulatorJudge,
  staticJudge,
  type HandoffJudge,
  type ProjectEdit,
} from '../../../server/src/engine';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const LIVE = 'journeys/live-agent.json';
const banner = (text: string) => ({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text }] });

/** The scaffolded project of the issue, its banner's option text changed to `text`. */
function guideProject(text = 'talk to bot'): ProjectFixture {
  return new ProjectFixture({
    'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
    [LIVE]: journeyWith(
      [
        { id: 'raise-ticket', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
        { id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: banner(text) },
        { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
      ],
      { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
    ),
    'journeys/return-to-bot.json': journeyWith(
      [
        { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
        { id: 'close-ticket', type: 'closeTicket' },
      ],
      { name: 'return-to-bot' },
    ),
  });
}

const changeText = (fixture: ProjectFixture, from: string, to: string): ProjectEdit => {
  const file = fixture.file(LIVE);
  const offset = file.text.indexOf(JSON.stringify(from));
  return {
    title: `Change to ${to}`,
    changes: [{ kind: 'edit', file: file.path, changes: [{ offset, length: from.length + 2, newText: JSON.stringify(to) }] }],
  };
};

describe('fix judgement', () => {
  it('the newcomer\'s first fix, "Add `back to bot` as an utterance of intent `talk_to_agent`", makes the exit raise a ticket', () => {
    const fixture = guideProject('back to bot');
    const fix = addUtteranceFix(fixture.file('intents/talk_to_agent.json'), 'talk_to_agent', 'back to bot')!;
    const judgement = judgeFix(fixture.project, fix);
    assert.equal(judgement.safe, false);
    assert.deepEqual(judgement.worse, [`${fixture.file(LIVE).path}#0: raises-ticket`]);
  });

  it('the simulator (the default judge) and the static walk agree on that fix, and on a safe one', () => {
    const fixture = guideProject('back to bot');
    const bad = addUtteranceFix(fixture.file('intents/talk_to_agent.json'), 'talk_to_agent', 'back to bot')!;
    const good = changeText(fixture, 'back to bot', 'talk to bot');
    for (const judge of [simulatorJudge, staticJudge]) {
      assert.equal(judgeFix(fixture.project, bad, { judge }).safe, false);
      assert.equal(judgeFix(fixture.project, good, { judge }).safe, true);
    }
    // The simulator's verdict of the exit, before and after the bad fix.
    const live = fixture.file(LIVE).path;
    const touched = new Set<string>();
    assert.deepEqual([...simulatorJudge.outcomes(fixture.project, touched, 'exact').exits.get(`${live}#0`)!].sort(), [
      'banner-stays',
      'starts-nothing',
      'ticket-stays',
    ]);
  });

  it('its second, closing steps at the start of the journey that raises the ticket, closes before a Raise Ticket node', () => {
    const fixture = guideProject();
    const file = fixture.file(LIVE);
    const fix: ProjectEdit = {
      title: 'Add close-banner and close-ticket steps at the start of journey `live-agent`',
      changes: [
        {
          kind: 'edit',
          file: file.path,
          changes: [
            modifyJson(file.text, [
              { path: ['nodes', 0], value: { id: 'early-close', type: 'closeTicket', next: 'raise-ticket' }, insert: true },
              { path: ['start'], value: 'early-close' },
            ]),
          ],
        },
      ],
    };
    assert.deepEqual(judgeFix(fixture.project, fix).worse, [`${file.path}#early-close: closes before a Raise Ticket node`]);
  });

  it('a fix that takes the exit back to the bot is safe, and judging leaves the project as it was', () => {
    const fixture = guideProject('talk to bott');
    const before = fixture.project.allFiles();
    const findings = checkFile(fixture.project, fixture.file(LIVE));
    assert.equal(isSafeFix(fixture.project, changeText(fixture, 'talk to bott', 'talk to bot')), true);
    assert.deepEqual(fixture.project.allFiles(), before, 'the very same files');
    assert.deepEqual(checkFile(fixture.project, fixture.file(LIVE)), findings);
  });

  it('a fix that can no longer be tried (its file is gone) is not safe, and nothing throws', () => {
    const fixture = guideProject();
    const fix: ProjectEdit = { title: 'x', changes: [{ kind: 'edit', file: `${fixture.project.root}/journeys/gone.json`, changes: [] }] };
    assert.equal(isSafeFix(fixture.project, fix), false);
  });

  it('asks the judge it is given: a simulator plugs in as a HandoffJudge', () => {
    const fixture = guideProject('talk to bott');
    const fix = changeText(fixture, 'talk to bott', 'talk to bot');
    let asked = 0;
    // A judge that, like a simulation, sees what the files do not: after the edit, Exit reaches an agent.
    const simulated: HandoffJudge = {
      outcomes(project, touched, mode) {
        asked++;
        const outcomes = staticJudge.outcomes(project, touched, mode);
        if (asked === 1) return outcomes;
        return { ...outcomes, exits: new Map([...outcomes.exits].map(([key]) => [key, new Set(['raises-ticket' as const])])) };
      },
    };
    assert.equal(isSafeFix(fixture.project, fix), true);
    assert.deepEqual(judgeFix(fixture.project, fix, { judge: simulated }).worse, [`${fixture.file(LIVE).path}#0: raises-ticket`]);
    assert.equal(asked, 2, 'once before the fix, once after');
  });
});

describe('BotProject.withTexts', () => {
  it('puts the very same files back, also when the body throws, and removes the files it added', () => {
    const fixture = guideProject();
    const live = fixture.file(LIVE);
    const added = `${fixture.project.root}/journeys/new.json`;
    assert.throws(() =>
      fixture.project.withTexts(
        new Map([
          [live.path, '{}'],
          [added, '{}'],
        ]),
        () => {
          assert.notEqual(fixture.project.file(live.path), live);
          assert.ok(fixture.project.file(added));
          throw new Error('in the body');
        },
      ),
    );
    assert.equal(fixture.project.file(live.path), live);
    assert.equal(fixture.project.file(added), undefined);
  });
});
