import { journeyWith } from '../../support/projectFixture';
import { RuleTester, type InvalidCase, type ValidCase } from '../ruleTester';

const J = 'journeys/j.json';
const banner = (data: unknown, event = 'ui-event-update-promotion') => ({ [J]: journeyWith([{ id: 'show', type: 'sendEvent', event, data }]) });
const OPTION_NEEDS = 'option needs `text` (the message sent when clicked) or `url` (a link), and not both';

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

const valid: ValidCase[] = [
  ...Object.entries(validPayloads).map(([name, payload]) => ({ name, files: banner(payload) })),
  {
    name: 'a close event without data, which closes the banner',
    files: { [J]: journeyWith([{ id: 'close', type: 'sendEvent', event: 'ui-event-close-promotion' }]) },
  },
  { name: 'the data of other events is left alone', files: banner({ anything: 1 }, 'ticket-closed') },
];

const invalid: InvalidCase[] = [
  {
    name: 'an option with neither text nor url, on the option',
    files: banner({ title: 'Exit?', options: [{ title: 'Exit' }] }),
    errors: [{ messageId: 'mismatch', message: OPTION_NEEDS, at: '{', occurrence: 5 }],
  },
  {
    name: 'an option with both text and url',
    files: banner({ title: 'Exit?', options: [{ title: 'Exit', text: 'talk to bot', url: 'https://x.example' }] }),
    errors: [{ messageId: 'mismatch', message: OPTION_NEEDS, at: '{', occurrence: 5 }],
  },
  {
    name: 'a misspelt title, with the name that was meant, and the missing title',
    files: banner({ titel: 'Exit?', options: [] }),
    errors: [
      { messageId: 'mismatch', message: 'banner needs `title`', at: '"data"' },
      {
        messageId: 'mismatch',
        severity: 'warning',
        message: 'unknown property `titel` in banner; did you mean `title`?',
        data: { problem: 'unknown property `titel` in banner; did you mean `title`?', suggestion: 'title' },
        at: '"titel"',
      },
    ],
  },
  {
    // Renaming `titel` to `title` beside a `title` would repeat the key (issue: edits keep data).
    name: 'a misspelt key beside the right one: no rename that would repeat a key',
    files: banner({ titel: 'Exit?', title: 'Exit?', options: [] }),
    errors: [{ messageId: 'mismatch', severity: 'warning', message: 'unknown property `titel` in banner; did you mean `title`?', at: '"titel"' }],
  },
  {
    name: 'options that are not a list',
    files: banner({ title: 'Exit?', options: { title: 'Exit' } }),
    errors: [
      {
        messageId: 'mismatch',
        message: '`options` must be an array of buttons (or `[]`), or a template such as {{{variables.options}}}',
        at: '{\n          "title": "Exit"\n        }',
      },
    ],
  },
  {
    name: 'a string payload that is not a template',
    files: banner('Do you want to exit?'),
    errors: [
      {
        messageId: 'mismatch',
        message: 'the banner payload must be a template such as {{{variables.name}}} when it is a string',
        at: '"Do you want to exit?"',
      },
    ],
  },
  {
    name: 'a payload of the wrong type',
    files: banner(42),
    errors: [{ messageId: 'mismatch', message: 'a banner must be an object with a `title` and `options`', at: '42' }],
  },
  {
    name: 'a legacy flag that is not true or false',
    files: banner({ quickReplies: [], autoPlay: 'yes' }),
    errors: [{ messageId: 'mismatch', message: '`autoPlay` must be true or false (or a template)', at: '"yes"' }],
  },
  {
    name: 'dynamic banners: an image without imageURL and a wrong state',
    files: banner({ banners: [{ type: 'image' }], bannerSettings: { state: 'opened' } }),
    errors: [
      { messageId: 'mismatch', message: 'image banner needs `imageURL`', at: '{', occurrence: 5 },
      { messageId: 'mismatch', message: '`state` must be "open" or "close" (or a template)', at: '"opened"' },
    ],
  },
  {
    name: 'a link that is not a link',
    files: banner({ title: 'x', options: [{ title: 'FAQ', url: 'ftp://files.example' }] }),
    errors: [
      { messageId: 'mismatch', message: '`url` must start with https://, http://, mailto: or tel: (or be a template)', at: '"ftp://files.example"' },
    ],
  },
];

new RuleTester().run('banner-schema', { valid, invalid });
