// The banner as the customer sees it, for every payload shape the platform documents (read by the
// one banner reader): shown, replaced, clicked, hidden; a link opens and sends nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BannerShape, SimulationInput } from '../../../server/src/engine';
import { journeyWith } from '../support/projectFixture';
import { agentJourney, buttonBanner, exitButton, guideProject, lastStep, run, stepOf, toAgent, transcript } from './simulationFixture';

const click = (title: string, extra: object = {}): SimulationInput => ({ kind: 'click', title, ...extra });

const shapes: Record<string, { payload: unknown; shape: BannerShape; title?: string; banners: number }> = {
  'one banner object': { payload: buttonBanner, shape: 'banner', title: 'Do you want to exit from chat?', banners: 1 },
  'an array of banners': { payload: [{ title: 'Welcome', options: [] }, buttonBanner], shape: 'array', title: 'Welcome', banners: 2 },
  'the legacy quickReplies object': {
    payload: {
      quickReplies: [buttonBanner],
      autoPlay: true,
      autoPlaySpeed: '4000',
      hide: true,
      showPromotionMessage: '<b>hi</b>',
      displayShowPromotionBar: true,
    },
    shape: 'legacy',
    title: 'Do you want to exit from chat?',
    banners: 1,
  },
  'dynamic banners': {
    payload: {
      banners: [
        { type: 'image', imageURL: 'https://x.example/a.png', linkType: 'url', linkURL: 'https://x.example' },
        { type: 'text', ...buttonBanner },
      ],
      bannerSettings: { state: 'open', textOnMinimise: 'Exit?' },
    },
    shape: 'dynamic',
    title: 'Do you want to exit from chat?',
    banners: 2,
  },
};

describe('simulator: banners', () => {
  for (const [name, { payload, shape, title, banners }] of Object.entries(shapes)) {
    it(`${name}: shown after the agent connects, and its Exit button brings the customer back`, () => {
      const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), [...toAgent, click('Exit')]);
      const shown = stepOf(result, 'banner', /shown/);
      assert.equal(shown.state.banner.status, 'shown');
      if (shown.state.banner.status !== 'shown') return;
      assert.equal(shown.state.banner.shape, shape);
      assert.equal(shown.state.banner.banners.length, banners);
      assert.equal(shown.state.banner.title, title);
      assert.deepEqual(shown.state.banner.payload, payload);
      assert.equal(shown.state.banner.event, 'ui-event-update-promotion');
      assert.deepEqual([shown.state.banner.journey, shown.state.banner.node], ['live-agent', 'banner']);
      assert.ok(shown.state.banner.banners.some((b) => b.options.some((o) => o.title === 'Exit' && o.text === 'talk to bot')));
      assert.equal(stepOf(result, 'customer').text, 'talk to bot');
      assert.equal(result.outcome.summary, 'back with the bot: banner hidden, ticket closed');
    });
  }

  it('a payload that is a template is shown as written; it has no option to click', () => {
    const template = '{{{variables.db.records.0.banner}}}';
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(template) }), [...toAgent, click('Exit')]);
    const shown = stepOf(result, 'banner');
    assert.match(
      shown.why.text,
      /with a banner payload \(a template, \{\{\{variables\.db\.records\.0\.banner\}\}\}, whose banners are known only on the platform\)/,
    );
    assert.equal(shown.state.banner.status === 'shown' && shown.state.banner.shape, 'template');
    assert.equal(lastStep(result).text, 'the banner has no option titled `Exit`');
    assert.equal(lastStep(result).why.text, 'The banner shown (journeys/live-agent.json) has no options to click.');
  });

  it('fills templates in a banner from the run’s variables, and shows the others as written', () => {
    const payload = {
      title: 'Ticket {{{variables.ticketId}}} for {{{variables.name}}}',
      options: [{ title: 'Leave {{{variables.ticketId}}}', text: 'talk to bot' }],
    };
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), [...toAgent, click('Leave ticket-1')]);
    assert.equal(stepOf(result, 'banner', /shown/).text, 'banner shown: "Ticket ticket-1 for {{{variables.name}}}"');
    assert.equal(result.outcome.backWithBot, true);
  });

  it('fills templates from variables given before the first input (a test’s fixtures) too', () => {
    const payload = { title: 'Goodbye {{{variables.name}}}', options: [exitButton] };
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), toAgent, { variables: { name: 'Ada' } });
    assert.equal(stepOf(result, 'banner', /shown/).text, 'banner shown: "Goodbye Ada"');
    assert.deepEqual(result.steps[0].state.variables, { name: 'Ada' });
    assert.deepEqual(lastStep(result).state.variables, { name: 'Ada', ticketId: 'ticket-1' });
  });

  it('an untrained click: the option sends its text, no intent is trained with it, and it reaches the agent', () => {
    const payload = { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to the bot' }] };
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), [...toAgent, click('Exit')]);
    assert.deepEqual(transcript(result).slice(-3, -1), ['customer talk to the bot', 'agent talk to the bot']);
    const reached = lastStep(result);
    assert.equal(reached.why.text, 'No intent is trained with `talk to the bot`: the message goes to the agent.');
    assert.deepEqual(
      reached.why.findings.map((f) => [f.code, f.place.file]),
      [['option-text-mismatch', 'journeys/live-agent.json']],
    );
    assert.equal(reached.state.with, 'agent');
  });

  it('an option with a url opens the link and sends nothing', () => {
    const payload = { title: 'Exit?', options: [{ title: 'Help', url: 'https://help.example' }, exitButton] };
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), [...toAgent, click('Help')]);
    const link = lastStep(result);
    assert.equal(link.kind, 'link');
    assert.equal(link.text, 'opens https://help.example');
    assert.equal(link.why.text, 'Option `Help` of the banner (journeys/live-agent.json) has a `url`: a click opens the link and sends nothing.');
    assert.ok(!result.steps.some((s) => s.kind === 'customer' || s.kind === 'agent'));
    assert.equal(link.state.banner.status, 'shown');
  });

  it('an option with neither text nor url does nothing, and names banner-schema', () => {
    const payload = { title: 'Exit?', options: [{ title: 'Exit' }] };
    const result = run(guideProject({ 'journeys/live-agent.json': agentJourney(payload) }), [...toAgent, click('Exit')]);
    assert.equal(lastStep(result).text, 'option `Exit` does nothing');
    assert.deepEqual([...new Set(lastStep(result).why.findings.map((f) => f.code))], ['banner-schema']);
  });

  it('clicking with no banner shown, or an option the banner does not have, is a clear step, not a throw', () => {
    const fixture = guideProject();
    const none = run(fixture, [click('Exit')]);
    assert.deepEqual(transcript(none)[0], 'error no banner is shown: there is no `Exit` to click');
    assert.equal(none.steps[0].why.text, 'Nothing to click: no banner has been shown in this run.');
    const wrong = run(fixture, [...toAgent, click('exit')]);
    assert.equal(lastStep(wrong).text, 'the banner has no option titled `exit`');
    assert.equal(lastStep(wrong).why.text, 'The banner shown (journeys/live-agent.json) has the options `Exit`.');
    const hidden = run(fixture, [...toAgent, click('Exit'), click('Exit')]);
    assert.equal(lastStep(hidden).why.text, 'Nothing to click: the banner was hidden.');
  });

  it('picks one of several options with the same title by banner and option position', () => {
    const payload = [
      { title: 'A', options: [{ title: 'Exit', text: 'talk to an agent' }] },
      { title: 'B', options: [exitButton] },
    ];
    const fixture = guideProject({ 'journeys/live-agent.json': agentJourney(payload) });
    assert.equal(stepOf(run(fixture, [...toAgent, click('Exit')]), 'customer').text, 'talk to an agent');
    assert.equal(stepOf(run(fixture, [...toAgent, click('Exit', { banner: 1 })]), 'customer').text, 'talk to bot');
    assert.equal(stepOf(run(fixture, [...toAgent, click('(any)', { banner: 1, option: 0 })]), 'customer').text, 'talk to bot');
  });

  it('a second banner replaces the first; the close event without data hides it', () => {
    const journey = journeyWith([
      { id: 'one', type: 'sendEvent', event: 'ui-event-update-promotion', data: { title: 'First', options: [] }, next: 'two' },
      { id: 'two', type: 'sendEvent', event: 'ui-event-close-promotion', data: { title: 'Second', options: [] }, next: 'update' },
      { id: 'update', type: 'sendEvent', event: 'ui-event-update-promotion', next: 'close' },
      { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion' },
    ]);
    const result = run(guideProject({ 'journeys/j.json': journey }), [{ kind: 'startJourney', journey: 'j' }]);
    assert.deepEqual(transcript(result).slice(1, 5), [
      'banner banner shown: "First"',
      'banner banner replaced: "Second"',
      'event `ui-event-update-promotion` sent',
      'banner banner hidden',
    ]);
    assert.match(result.steps[3].why.text, /without data: it carries no banner, so the banner does not change\./);
    assert.equal(result.steps[3].state.banner.status === 'shown' && result.steps[3].state.banner.title, 'Second');
    assert.equal(lastStep(result).state.banner.status, 'hidden');
  });
});
