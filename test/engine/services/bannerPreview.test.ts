import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bannerPayloadsIn,
  bannerPreviewAt,
  type BannerPreview,
  type ImageBannerView,
  type TextBannerView,
} from '../../../server/src/engine/services/bannerPreview';
import { hoverAt } from '../../../server/src/engine/services/hover';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const returnToBot = {
  name: 'return-to-bot',
  trigger: { intent: 'talk_to_bot' },
  start: 'close',
  nodes: [
    { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'ticket' },
    { id: 'ticket', type: 'closeTicket' },
  ],
};

/** A project whose exit intent starts `return-to-bot`, and a journey `j` showing `data`. */
function previewOf(data: unknown, event = 'ui-event-close-promotion'): BannerPreview {
  const f = new ProjectFixture({
    'journeys/return-to-bot.json': returnToBot,
    'journeys/j.json': journeyWith([{ id: 'show', type: 'sendEvent', event, data }], { trigger: { event: 'bot-opened' } }),
  });
  const preview = bannerPreviewAt(f.project, f.file('journeys/j.json'));
  assert.ok(preview, 'a preview');
  return preview;
}

function textBanner(preview: BannerPreview, i = 0): TextBannerView {
  const banner = preview.banners[i];
  assert.equal(banner?.kind, 'text');
  return banner as TextBannerView;
}

describe('banner preview', () => {
  it('draws the guide banner with an Exit button and says what it starts', () => {
    const preview = previewOf({ title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] });
    assert.deepEqual(preview, {
      journey: 'j',
      nodeId: 'show',
      event: 'ui-event-close-promotion',
      offset: preview.offset,
      length: preview.length,
      shape: 'banner',
      banners: [
        {
          kind: 'text',
          title: 'Do you want to exit from chat?',
          titleIsTemplate: false,
          buttons: [
            {
              label: 'Exit',
              action: {
                kind: 'text',
                text: 'talk to bot',
                template: false,
                intents: ['talk_to_bot'],
                journeys: ['return-to-bot'],
                matched: true,
                findings: [],
              },
            },
          ],
        },
      ],
      problems: [],
    });
  });

  it('reads the phrase a banner without buttons asks the customer to type', () => {
    const banner = textBanner(previewOf({ title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] }));
    assert.deepEqual(banner.buttons, []);
    assert.deepEqual(banner.typedPhrase, {
      phrase: 'talk to bot',
      intents: ['talk_to_bot'],
      journeys: ['return-to-bot'],
      matched: true,
      findings: [],
    });
  });

  it('marks a typed phrase no intent is trained with', () => {
    const banner = textBanner(previewOf({ title: "Type 'back to the bot' to leave", options: [] }));
    assert.deepEqual(banner.typedPhrase, {
      phrase: 'back to the bot',
      intents: [],
      journeys: [],
      matched: false,
      findings: [
        {
          code: 'option-text-mismatch',
          severity: 'error',
          message:
            'the phrase the banner asks to type, `back to the bot`, is not an utterance of any intent: typing or clicking it will not start a journey',
          file: 'journeys/j.json',
        },
      ],
    });
  });

  it('marks a button whose text no intent is trained with, and opens links', () => {
    const preview = previewOf({
      title: 'Leave the agent?',
      options: [
        { title: 'Exit', text: 'talk to the bot' },
        { title: 'Help', url: 'https://example.com/help' },
      ],
    });
    assert.deepEqual(textBanner(preview).buttons, [
      {
        label: 'Exit',
        action: {
          kind: 'text',
          text: 'talk to the bot',
          template: false,
          intents: [],
          journeys: [],
          matched: false,
          findings: [
            {
              code: 'option-text-mismatch',
              severity: 'error',
              message:
                'banner option text `talk to the bot` is not an utterance of any intent; did you mean `talk to bot` (intent `talk_to_bot`, intents/talk_to_bot.json)?',
              file: 'journeys/j.json',
            },
          ],
        },
      },
      { label: 'Help', action: { kind: 'url', url: 'https://example.com/help', template: false } },
    ]);
    assert.deepEqual(preview.problems, []);
  });

  it('matches as the project matches phrases', () => {
    const f = new ProjectFixture({
      'journeys/j.json': journeyWith([
        {
          id: 'show',
          type: 'sendEvent',
          event: 'ui-event-close-promotion',
          data: { title: 'Exit?', options: [{ title: 'Exit', text: 'Talk  to Bot' }] },
        },
      ]),
    });
    const action = (mode: 'exact' | 'ignoreCaseAndSpacing') => {
      const found = (bannerPreviewAt(f.project, f.file('journeys/j.json'), undefined, mode)!.banners[0] as TextBannerView).buttons[0].action;
      assert.equal(found.kind, 'text');
      return found.kind === 'text' ? { ...found, findings: found.findings.map((x) => x.code) } : found;
    };
    assert.deepEqual(action('exact'), {
      kind: 'text',
      text: 'Talk  to Bot',
      template: false,
      intents: [],
      journeys: [],
      matched: false,
      findings: ['option-text-mismatch'],
    });
    // The exit intent starts journey `j` itself (journeyWith's trigger): a loop, which the verdict says.
    assert.deepEqual(action('ignoreCaseAndSpacing'), {
      kind: 'text',
      text: 'Talk  to Bot',
      template: false,
      intents: ['talk_to_bot'],
      journeys: ['j'],
      matched: true,
      findings: ['exit-shows-banner'],
    });
    // Given no mode, as the project's handoff-kit.json says.
    f.set('handoff-kit.json', { exitPhraseMatch: 'ignoreCaseAndSpacing' });
    const byProject = (bannerPreviewAt(f.project, f.file('journeys/j.json'))!.banners[0] as TextBannerView).buttons[0].action;
    assert.equal(byProject.kind === 'text' && byProject.matched, true);
  });

  it('names every intent trained with the phrase, and says when one starts no journey', () => {
    const f = new ProjectFixture({
      'intents/leave.json': { name: 'leave', utterances: ['talk to bot'] },
      'journeys/j.json': {
        name: 'j',
        trigger: { event: 'bot-opened' },
        start: 'show',
        nodes: [
          {
            id: 'show',
            type: 'sendEvent',
            event: 'ui-event-update-promotion',
            data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
          },
        ],
      },
    });
    const action = (bannerPreviewAt(f.project, f.file('journeys/j.json'))!.banners[0] as TextBannerView).buttons[0].action;
    assert.ok(action.kind === 'text');
    assert.deepEqual(
      { ...action, findings: action.findings.map((x) => `${x.code} ${x.file}`) },
      {
        kind: 'text',
        text: 'talk to bot',
        template: false,
        intents: ['leave', 'talk_to_bot'],
        journeys: [],
        matched: true,
        findings: [
          'exit-intent-unlinked intents/leave.json',
          'exit-intent-unlinked intents/talk_to_bot.json',
          'duplicate-utterance intents/leave.json',
          'duplicate-utterance intents/talk_to_bot.json',
        ],
      },
    );
  });

  it('draws an array of banners in rotation', () => {
    const preview = previewOf([
      { title: 'Wish to end your chat with our Live Agent', options: [{ title: 'End Chat', text: 'talk to bot' }] },
      { title: 'Or keep chatting', options: [] },
    ]);
    assert.equal(preview.shape, 'array');
    assert.deepEqual(
      preview.banners.map((b) => (b as TextBannerView).title),
      ['Wish to end your chat with our Live Agent', 'Or keep chatting'],
    );
    assert.equal(textBanner(preview).buttons[0].label, 'End Chat');
    assert.equal(textBanner(preview, 1).typedPhrase, undefined, 'a title without a quoted phrase asks for none');
    assert.deepEqual(preview.problems, []);
  });

  it('draws the legacy (V1) payload with its rotation settings, keeping the HTML message as written', () => {
    const preview = previewOf({
      quickReplies: [{ title: 'Wish to end your chat?', options: [{ title: 'End Chat', text: 'talk to bot' }] }],
      autoPlay: true,
      autoPlaySpeed: '4000',
      hide: true,
      showPromotionMessage: '<b>Offers</b>',
      displayShowPromotionBar: true,
    });
    assert.equal(preview.shape, 'legacy');
    assert.equal(textBanner(preview).title, 'Wish to end your chat?');
    assert.deepEqual(preview.settings, {
      autoPlay: true,
      hide: true,
      displayShowPromotionBar: true,
      autoPlaySpeed: 4000,
      showPromotionMessage: '<b>Offers</b>',
    });
    assert.deepEqual(preview.problems, []);
  });

  it('draws dynamic text and image banners with their settings', () => {
    const preview = previewOf(
      {
        banners: [
          { type: 'text', title: 'Exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] },
          { type: 'image', imageURL: 'https://cdn.example.com/b.png', linkType: 'url', linkURL: 'https://example.com' },
          { type: 'image', imageURL: 'https://cdn.example.com/c.png', linkType: 'none', linkURL: 'https://example.com' },
        ],
        bannerSettings: { state: 'close', textOnMinimise: 'Need help?' },
      },
      'ui-event-update-promotion',
    );
    assert.equal(preview.shape, 'dynamic');
    assert.equal(preview.event, 'ui-event-update-promotion');
    assert.equal(textBanner(preview).buttons[0].action.kind, 'text');
    assert.deepEqual(preview.banners.slice(1), [
      { kind: 'image', imageURL: 'https://cdn.example.com/b.png', linkURL: 'https://example.com' },
      { kind: 'image', imageURL: 'https://cdn.example.com/c.png' },
    ] satisfies ImageBannerView[]);
    assert.deepEqual(preview.settings, { state: 'close', textOnMinimise: 'Need help?' });
    assert.deepEqual(preview.problems, []);
  });

  describe('templates are shown as such, never as mismatches', () => {
    it('a whole payload', () => {
      const preview = previewOf('{{{variables.db.records.0.banner}}}');
      assert.equal(preview.shape, 'template');
      assert.equal(preview.template, '{{{variables.db.records.0.banner}}}');
      assert.deepEqual(preview.banners, []);
      assert.deepEqual(preview.problems, []);
    });

    it('a title, an option text, a url, a list of options', () => {
      const preview = previewOf([
        {
          title: '{{{variables.db.records.0.banner_message}}}',
          options: [
            { title: 'Exit', text: '{{{variables.exit_phrase}}}' },
            { title: 'Read', url: '{{variables.link}}' },
          ],
        },
        { title: "Type '{{variables.phrase}}'", options: '{{{variables.options}}}' },
      ]);
      const [first, second] = [textBanner(preview), textBanner(preview, 1)];
      assert.equal(first.titleIsTemplate, true);
      assert.equal(first.typedPhrase, undefined);
      assert.deepEqual(
        first.buttons.map((b) => b.action),
        [
          { kind: 'text', text: '{{{variables.exit_phrase}}}', template: true, intents: [], journeys: [], matched: false, findings: [] },
          { kind: 'url', url: '{{variables.link}}', template: true },
        ],
      );
      assert.equal(second.optionsTemplate, '{{{variables.options}}}');
      assert.equal(second.typedPhrase, undefined);
      assert.deepEqual(preview.problems, []);
    });

    it('a list of banners and the settings', () => {
      const legacy = previewOf({ quickReplies: [], autoPlay: '{{variables.rotate}}', autoPlaySpeed: '{{variables.speed}}' });
      assert.deepEqual(legacy.settings, { autoPlay: '{{variables.rotate}}', autoPlaySpeed: '{{variables.speed}}' });
      const dynamic = previewOf({ banners: '{{{variables.banners}}}', bannerSettings: { state: '{{variables.state}}' } });
      assert.equal(dynamic.bannersTemplate, '{{{variables.banners}}}');
      assert.deepEqual(dynamic.settings, { state: '{{variables.state}}' });
      assert.deepEqual(dynamic.problems, []);
    });

    // The project index reads exit phrases with exitPhrases.bannersIn, which recurses forever
    // on a `quickReplies` that is not a list: every check of such a file throws, not only this.
    it('a legacy list of banners', () => {
      const legacy = previewOf({ quickReplies: '{{{variables.banners}}}' });
      assert.equal(legacy.shape, 'legacy');
      assert.equal(legacy.bannersTemplate, '{{{variables.banners}}}');
      assert.deepEqual(legacy.problems, []);
    });
  });

  describe('broken payloads give a view and problems, never an exception', () => {
    it('data that is not an object', () => {
      for (const data of [42, true, null, 'hello']) {
        const preview = previewOf(data);
        assert.equal(preview.shape, 'banner');
        assert.deepEqual(preview.banners, []);
        assert.equal(preview.problems.length, 1, JSON.stringify(data));
      }
      assert.match(previewOf(42).problems[0], /the payload is a number \(42\), not an object/);
    });

    it('options that are not a list, and buttons without a label or an action', () => {
      const preview = previewOf([
        { title: 'A', options: 'Exit' },
        { title: 'B', options: [{ text: 'talk to bot' }, { title: 'Nothing' }, 7, { title: 3, text: ['x'] }] },
        { options: [] },
        { title: { nested: true }, options: [] },
      ]);
      assert.equal(preview.banners.length, 4);
      assert.deepEqual(textBanner(preview).buttons, []);
      assert.deepEqual(textBanner(preview, 1).buttons, [
        {
          label: '',
          action: {
            kind: 'text',
            text: 'talk to bot',
            template: false,
            intents: ['talk_to_bot'],
            journeys: ['return-to-bot'],
            matched: true,
            findings: [],
          },
        },
        { label: 'Nothing', action: { kind: 'none' } },
        { label: '', action: { kind: 'none' } },
      ]);
      assert.equal(textBanner(preview, 2).title, '');
      assert.equal(textBanner(preview, 3).title, '');
      assert.deepEqual(preview.problems, [
        'banner 1: `options` is the text "Exit", not a list of buttons',
        'banner 2, button 1 has no `title` (its label)',
        'banner 2, button 2 ("Nothing") has neither `text` nor `url`: clicking it does nothing',
        'banner 2, button 3 is a number (7), not an object: not shown',
        'banner 2, button 4: `title` is a number (3), not text',
        'banner 2, button 4: `text` is a list, not text',
        'banner 3 has no `title`',
        'banner 4: `title` is an object, not text',
      ]);
    });

    it('wrong types in every part of the legacy and dynamic shapes', () => {
      const legacy = previewOf({ quickReplies: [1, []], autoPlay: 'yes', autoPlaySpeed: 'fast', hide: 0, showPromotionMessage: 5 });
      assert.deepEqual(legacy.banners, []);
      assert.deepEqual(legacy.settings, {});
      assert.equal(legacy.problems.length, 6, legacy.problems.join('\n'));
      const dynamic = previewOf({
        banners: [{ type: 'image' }, { type: 'video', title: 'T' }, { type: 'image', imageURL: 9, linkURL: false }],
        bannerSettings: { state: 'half', textOnMinimise: 1 },
      });
      assert.deepEqual(dynamic.banners, [
        { kind: 'image', imageURL: '' },
        { kind: 'text', title: 'T', titleIsTemplate: false, buttons: [] },
        { kind: 'image', imageURL: '' },
      ]);
      assert.deepEqual(dynamic.settings, {});
      assert.equal(dynamic.problems.length, 6, dynamic.problems.join('\n'));
      assert.match(
        previewOf({ banners: 5, bannerSettings: [] }).problems.join('\n'),
        /`banners` is a number \(5\).*\n`bannerSettings` is a list, not an object/,
      );
      assert.match(previewOf([]).problems[0], /empty/);
    });

    it('a journey file that is not JSON yet', () => {
      const f = new ProjectFixture({
        'journeys/j.json':
          '{"name": "j", "nodes": [{"id": "s", "type": "sendEvent", "event": "ui-event-close-promotion", "data": {"title": "Exit?", "options": [{"title": ',
      });
      const preview = bannerPreviewAt(f.project, f.file('journeys/j.json'));
      assert.equal(preview?.shape, 'banner');
      assert.deepEqual((preview!.banners[0] as TextBannerView).buttons, [{ label: '', action: { kind: 'none' } }]);
    });
  });
});

describe('banner payloads in a journey', () => {
  const journey = journeyWith([
    { id: 'show', type: 'sendEvent', event: 'ui-event-update-promotion', data: { title: 'First', options: [] }, next: 'say' },
    { id: 'say', type: 'message', text: 'hi', next: 'other' },
    { id: 'other', type: 'sendEvent', event: 'order-shipped', data: { title: 'not a banner' }, next: 'close' },
    { id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'again' },
    { id: 'again', type: 'sendEvent', event: 'ui-event-close-promotion', data: [{ title: 'Second', options: [] }] },
  ]);

  it('lists the data of each Send Event node for a banner event, with its range', () => {
    const f = new ProjectFixture({ 'journeys/j.json': journey });
    const payloads = bannerPayloadsIn(f.file('journeys/j.json'));
    const text = f.text('journeys/j.json');
    assert.deepEqual(
      payloads.map((p) => [p.nodeId, p.event]),
      [
        ['show', 'ui-event-update-promotion'],
        ['again', 'ui-event-close-promotion'],
      ],
    );
    assert.equal(text.slice(payloads[0].offset, payloads[0].offset + payloads[0].length).replace(/\s+/g, ''), '{"title":"First","options":[]}');
    assert.equal(text.slice(payloads[1].offset, payloads[1].offset + payloads[1].length).replace(/\s+/g, ''), '[{"title":"Second","options":[]}]');
    assert.deepEqual(bannerPayloadsIn(f.file('intents/talk_to_bot.json')), []);
  });

  it('previews the payload around an offset, else the first', () => {
    const f = new ProjectFixture({ 'journeys/j.json': journey });
    const file = f.file('journeys/j.json');
    const titleOf = (offset?: number) => (bannerPreviewAt(f.project, file, offset)!.banners[0] as TextBannerView).title;
    assert.equal(titleOf(), 'First');
    assert.equal(titleOf(f.offsetOf('journeys/j.json', 'Second')), 'Second');
    const second = bannerPayloadsIn(file)[1];
    assert.equal(titleOf(second.offset), 'Second');
    assert.equal(titleOf(second.offset + second.length), 'Second');
    assert.equal(titleOf(f.offsetOf('journeys/j.json', '"hi"')), 'First');
    assert.equal(bannerPreviewAt(f.project, file, second.offset)!.nodeId, 'again');
    assert.equal(bannerPreviewAt(f.project, file, second.offset)!.offset, second.offset);
  });

  it('has no preview for a file without a banner payload', () => {
    const f = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'hi' }]) });
    assert.equal(bannerPreviewAt(f.project, f.file('journeys/j.json')), undefined);
    assert.equal(bannerPreviewAt(f.project, f.file('bot.json')), undefined);
  });
});

// Issue 25: the preview's verdict comes from the checks, so it never shows a green check while a
// finding on the path says otherwise.
describe('banner preview: the verdict of each phrase is the checks', () => {
  const verdict = (f: ProjectFixture) => {
    const action = (bannerPreviewAt(f.project, f.file('journeys/live-agent.json'))!.banners[0] as TextBannerView).buttons[0].action;
    assert.ok(action.kind === 'text');
    return { matched: action.matched, journeys: action.journeys, findings: action.findings.map((x) => `${x.code} ${x.file}`) };
  };
  const project = (files: Record<string, object | string> = {}) =>
    new ProjectFixture({
      'journeys/return-to-bot.json': returnToBot,
      'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent'] },
      'journeys/live-agent.json': journeyWith(
        [
          { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'show', ticketClosed: 'closed' } },
          {
            id: 'show',
            type: 'sendEvent',
            event: 'ui-event-update-promotion',
            data: { title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
          },
          { id: 'closed', type: 'sendEvent', event: 'ui-event-close-promotion' },
        ],
        { name: 'live-agent', trigger: { intent: 'talk_to_agent' } },
      ),
      ...files,
    });

  it('a clean path: back to the bot, no finding', () => {
    assert.deepEqual(verdict(project()), { matched: true, journeys: ['return-to-bot'], findings: [] });
  });

  it('the close event disabled in bot.json: the exit journey cannot close the banner', () => {
    const bot = {
      name: 'test-bot',
      events: [
        { name: 'ui-event-update-promotion', enabled: true },
        { name: 'ui-event-close-promotion', enabled: false },
      ],
    };
    const found = verdict(project({ 'bot.json': bot }));
    assert.deepEqual(found.findings, ['event-disabled journeys/return-to-bot.json']);
  });

  it("the banner's own event undeclared: the banner never shows", () => {
    const bot = { name: 'test-bot', events: [{ name: 'ui-event-close-promotion', enabled: true }] };
    assert.deepEqual(verdict(project({ 'bot.json': bot })).findings, ['event-not-declared journeys/live-agent.json']);
  });

  it('a test report showing the live bot misrouting the phrase', () => {
    const report = 'Utterance,Journey,Predicted Journey,Status\ntalk to bot,return-to-bot,live-agent,Failed\n';
    assert.deepEqual(verdict(project({ 'test-reports/run.csv': report })).findings, ['live-exit-misrouted journeys/live-agent.json']);
  });

  it('the phrase trained into the agent intent: Exit raises a ticket', () => {
    const found = verdict(project({ 'intents/talk_to_agent.json': { name: 'talk_to_agent', utterances: ['talk to an agent', 'talk to bot'] } }));
    assert.deepEqual(found.findings, [
      'exit-raises-ticket journeys/live-agent.json',
      'duplicate-utterance intents/talk_to_agent.json',
      'duplicate-utterance intents/talk_to_bot.json',
    ]);
  });

  it('the hover over the banner says the same as the preview', () => {
    const clean = project();
    const at = (f: ProjectFixture) =>
      hoverAt(f.project, f.file('journeys/live-agent.json'), f.offsetOf('journeys/live-agent.json', '"Exit?"'))!.markdown;
    assert.match(at(clean), /- `\[ Exit \]` sends "talk to bot": starts intent `talk_to_bot`$/m);
    const bot = {
      name: 'test-bot',
      events: [
        { name: 'ui-event-update-promotion', enabled: true },
        { name: 'ui-event-close-promotion', enabled: false },
      ],
    };
    assert.match(
      at(project({ 'bot.json': bot })),
      /- `\[ Exit \]` sends "talk to bot": starts intent `talk_to_bot`, but \*\*not back to the bot\*\*: ⚠ event-disabled: event `ui-event-close-promotion` is disabled in bot\.json/,
    );
  });

  it('a rule turned off in the options given is not a finding of the verdict', () => {
    const bot = {
      name: 'test-bot',
      events: [
        { name: 'ui-event-update-promotion', enabled: true },
        { name: 'ui-event-close-promotion', enabled: false },
      ],
    };
    const f = project({ 'bot.json': bot });
    const preview = bannerPreviewAt(f.project, f.file('journeys/live-agent.json'), undefined, undefined, { rules: { 'event-disabled': 'off' } })!;
    const action = (preview.banners[0] as TextBannerView).buttons[0].action;
    assert.deepEqual(action.kind === 'text' && action.findings, []);
  });
});
