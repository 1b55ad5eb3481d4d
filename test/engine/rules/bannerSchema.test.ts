import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyWith, ProjectFixture } from '../projectFixture';

function bannerFixture(data: unknown, event = 'ui-event-update-promotion') {
  return new ProjectFixture({
    'journeys/j.json': journeyWith([{ id: 'show', type: 'sendEvent', event, data }]),
  });
}

const validPayloads: Record<string, unknown> = {
  'the guide, typed phrase': { title: "Do you want to exit from chat? Please type 'talk to bot'", options: [] },
  'the guide, Exit button': { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] },
  'an array of banners': [{ title: 'Wish to end your chat with our Live Agent', options: [{ title: 'End Chat', text: 'talk to bot' }] }],
  'the legacy V1 object': {
    quickReplies: [{ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] }],
    autoPlay: true,
    autoPlaySpeed: '4000',
    hide: true,
    showPromotionMessage: '<b>Hi</b>',
    displayShowPromotionBar: true,
  },
  'dynamic banners': {
    banners: [
      { type: 'text', title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot' }] },
      { type: 'image', imageURL: 'https://cdn.example.com/b.png', linkType: 'url', linkURL: 'https://example.com' },
    ],
    bannerSettings: { state: 'close', textOnMinimise: 'Need help?' },
  },
  'a whole-payload template': '{{{variables.db.records.0.banner_message}}}',
  'templates in place of values': {
    title: '{{{variables.db.records.0.banner_message}}}',
    options: '{{{variables.banner_options}}}',
  },
  'a link button': { title: 'Help', options: [{ title: 'FAQ', url: 'https://example.com/faq' }] },
  'a templated link and flags': {
    quickReplies: [{ title: 'x', options: [{ title: 'FAQ', url: '{{variables.faq}}' }] }],
    autoPlay: '{{{variables.autoplay}}}',
  },
};

describe('banner-schema', () => {
  for (const [name, payload] of Object.entries(validPayloads)) {
    it(`accepts ${name}`, () => {
      assert.deepEqual(bannerFixture(payload).findings('journeys/j.json', 'banner-schema'), []);
    });
  }

  it('accepts a close event without data, which closes the banner', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([{ id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion' }]),
    });
    assert.deepEqual(fixture.findings('journeys/j.json', 'banner-schema'), []);
  });

  it('leaves the data of other events alone', () => {
    const fixture = bannerFixture({ anything: 1 }, 'ticket-closed');
    assert.deepEqual(fixture.findings('journeys/j.json', 'banner-schema'), []);
  });

  it('reports an option with neither text nor url on the option', () => {
    const fixture = bannerFixture({ title: 'Exit?', options: [{ title: 'Exit' }] });
    const [finding] = fixture.findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, 'option needs `text` (the message sent when clicked) or `url` (a link), and not both');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '{', 5));
    assert.equal(finding.length, 1);
  });

  it('reports an option with both text and url', () => {
    const fixture = bannerFixture({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot', url: 'https://x.example' }] });
    const findings = fixture.findings('journeys/j.json', 'banner-schema');
    assert.deepEqual(findings.map((f) => f.message), ['option needs `text` (the message sent when clicked) or `url` (a link), and not both']);
  });

  it('reports a misspelt title with the name that was meant, and the missing title', () => {
    const fixture = bannerFixture({ titel: 'Exit?', options: [] });
    const findings = fixture.findings('journeys/j.json', 'banner-schema');
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message]),
      [
        ['error', 'banner needs `title`'],
        ['warning', 'unknown property `titel` in banner; did you mean `title`?'],
      ],
    );
    assert.equal(findings[0].offset, fixture.offsetOf('journeys/j.json', '"data"'));
    assert.equal(findings[1].offset, fixture.offsetOf('journeys/j.json', '"titel"'));
  });

  it('reports options that are not a list', () => {
    const fixture = bannerFixture({ title: 'Exit?', options: { title: 'Exit' } });
    const [finding] = fixture.findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, '`options` must be an array of buttons (or `[]`), or a template such as {{{variables.options}}}');
  });

  it('reports a string payload that is not a template', () => {
    const fixture = bannerFixture('Do you want to exit?');
    const [finding] = fixture.findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, 'the banner payload must be a template such as {{{variables.name}}} when it is a string');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"Do you want to exit?"'));
  });

  it('reports a payload of the wrong type', () => {
    const [finding] = bannerFixture(42).findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, 'a banner must be an object with a `title` and `options`');
  });

  it('reports a legacy flag that is not true or false', () => {
    const fixture = bannerFixture({ quickReplies: [], autoPlay: 'yes' });
    const [finding] = fixture.findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, '`autoPlay` must be true or false (or a template)');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"yes"'));
  });

  it('reports dynamic banners: an image without imageURL and a wrong state', () => {
    const fixture = bannerFixture({ banners: [{ type: 'image' }], bannerSettings: { state: 'opened' } });
    const findings = fixture.findings('journeys/j.json', 'banner-schema');
    assert.deepEqual(findings.map((f) => f.message), [
      'image banner needs `imageURL`',
      '`state` must be "open" or "close" (or a template)',
    ]);
  });

  it('reports a link that is not a link', () => {
    const fixture = bannerFixture({ title: 'x', options: [{ title: 'FAQ', url: 'ftp://files.example' }] });
    const [finding] = fixture.findings('journeys/j.json', 'banner-schema');
    assert.equal(finding.message, '`url` must start with https://, http://, mailto: or tel: (or be a template)');
    assert.equal(finding.offset, fixture.offsetOf('journeys/j.json', '"ftp://files.example"'));
  });
});
