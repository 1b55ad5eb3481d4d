// One reader of a banner payload: every shape the platform takes (and a payload that mixes two)
// is fed to every consumer of the model, and they must agree on which banners, buttons and exit
// phrases there are. A consumer that reads the payload on its own (say, `quickReplies` where the
// model reads `banners`) fails here.
import assert from 'node:assert/strict';
import * as jsonc from 'jsonc-parser';
import { describe, it } from 'node:test';
import { readBannerPayload, type BannerShape, bannerPreviewAt, completionsAt, hoverAt, occurrencesOf, symbolAt } from '../../../server/src/engine';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const J = 'journeys/j.json';

interface Shape {
  readonly payload: unknown;
  readonly shape: BannerShape;
  /** The titles of the text banners, in order. */
  readonly titles: readonly string[];
  /** The buttons of the text banners, as [label, text sent]. */
  readonly buttons: readonly (readonly [string, string])[];
  /** The exit phrases, in order, and whether each is a button's text or typed. */
  readonly phrases: readonly (readonly [string, 'option' | 'typed'])[];
  /** Phrases written in the payload that the model does not read (the shape it gives way to). */
  readonly ignored?: readonly string[];
}

const exitButton = { title: 'Exit', text: 'talk to bot' };

const shapes: Record<string, Shape> = {
  'one banner object': {
    payload: { title: 'Exit?', options: [exitButton] },
    shape: 'banner',
    titles: ['Exit?'],
    buttons: [['Exit', 'talk to bot']],
    phrases: [['talk to bot', 'option']],
  },
  'one banner asking to type': {
    payload: { title: "Please type 'talk to bot'", options: [] },
    shape: 'banner',
    titles: ["Please type 'talk to bot'"],
    buttons: [],
    phrases: [['talk to bot', 'typed']],
  },
  'an array of banners': {
    payload: [
      { title: 'End chat?', options: [{ title: 'End', text: 'leave now' }] },
      { title: "Or type 'bye bot'", options: [] },
    ],
    shape: 'array',
    titles: ['End chat?', "Or type 'bye bot'"],
    buttons: [['End', 'leave now']],
    phrases: [
      ['leave now', 'option'],
      ['bye bot', 'typed'],
    ],
  },
  'the legacy quickReplies object': {
    payload: { quickReplies: [{ title: 'Exit?', options: [exitButton] }], autoPlay: true },
    shape: 'legacy',
    titles: ['Exit?'],
    buttons: [['Exit', 'talk to bot']],
    phrases: [['talk to bot', 'option']],
  },
  'dynamic banners, text and image': {
    payload: {
      banners: [
        { type: 'text', title: 'Exit?', options: [exitButton] },
        { type: 'image', imageURL: 'https://cdn.example.com/b.png' },
      ],
      bannerSettings: { state: 'open' },
    },
    shape: 'dynamic',
    titles: ['Exit?'],
    buttons: [['Exit', 'talk to bot']],
    phrases: [['talk to bot', 'option']],
  },
  'a template': {
    payload: '{{{variables.banner}}}',
    shape: 'template',
    titles: [],
    buttons: [],
    phrases: [],
  },
  'a mixed payload: banners win over quickReplies': {
    payload: {
      banners: [{ title: 'Exit?', options: [exitButton] }],
      quickReplies: [{ title: 'Old exit?', options: [{ title: 'Leave', text: 'leave chat' }] }],
    },
    shape: 'dynamic',
    titles: ['Exit?'],
    buttons: [['Exit', 'talk to bot']],
    phrases: [['talk to bot', 'option']],
    ignored: ['leave chat'],
  },
};

/** A journey sending the payload, and an intent trained with none of its phrases. */
function fixtureWith(payload: unknown): ProjectFixture {
  return new ProjectFixture({
    'intents/talk_to_bot.json': { name: 'talk_to_bot', utterances: ['something else entirely'] },
    [J]: journeyWith([{ id: 'show', type: 'sendEvent', event: 'ui-event-close-promotion', data: payload }]),
  });
}

function modelOf(fixture: ProjectFixture) {
  const file = fixture.file(J);
  const data = jsonc.findNodeAtLocation(file.root!, ['nodes', 0, 'data']);
  assert.ok(data, 'the payload node');
  return readBannerPayload(data, file.text);
}

describe('every banner payload shape, read alike by every consumer', () => {
  for (const [name, expected] of Object.entries(shapes)) {
    describe(name, () => {
      it('the model: shape, banners, exit phrases', () => {
        const model = modelOf(fixtureWith(expected.payload));
        assert.equal(model.shape, expected.shape);
        const text = model.banners.filter((b) => b.kind === 'text');
        assert.deepEqual(
          text.map((b) => b.title?.value),
          expected.titles,
        );
        assert.deepEqual(
          text.flatMap((b) => b.options.map((o) => [o.title?.value, o.text?.value])),
          expected.buttons,
        );
        assert.deepEqual(
          model.exitPhrases.map((p) => [p.phrase, p.kind]),
          expected.phrases,
        );
      });

      it('option-text-mismatch reports exactly the exit phrases, where the model has them', () => {
        const fixture = fixtureWith(expected.payload);
        const model = modelOf(fixture);
        const findings = fixture.findings(J, 'option-text-mismatch');
        assert.deepEqual(
          findings.map((f) => [f.data?.phrase, f.data?.kind, f.offset, f.length]),
          model.exitPhrases.map((p) => [p.phrase, p.kind, p.offset, p.length]),
        );
        assert.equal(findings.length, expected.phrases.length);
      });

      it('the preview draws the same banners, buttons and typed phrases', () => {
        const fixture = fixtureWith(expected.payload);
        const preview = bannerPreviewAt(fixture.project, fixture.file(J));
        assert.ok(preview);
        assert.equal(preview.shape, expected.shape);
        const text = preview.banners.flatMap((b) => (b.kind === 'text' ? [b] : []));
        assert.deepEqual(
          text.map((b) => b.title),
          expected.titles,
        );
        assert.deepEqual(
          text.flatMap((b) => b.buttons.map((button) => [button.label, button.action.kind === 'text' ? button.action.text : ''])),
          expected.buttons,
        );
        const phrases = text.flatMap((b) => [
          ...b.buttons.flatMap((button) => (button.action.kind === 'text' ? [[button.action.text, 'option']] : [])),
          ...(b.typedPhrase ? [[b.typedPhrase.phrase, 'typed']] : []),
        ]);
        assert.deepEqual(phrases, expected.phrases);
        if (expected.shape === 'template') assert.equal(preview.template, '{{{variables.banner}}}');
      });

      it('symbols and references find each exit phrase where the model has it, and nothing else', () => {
        const fixture = fixtureWith(expected.payload);
        const file = fixture.file(J);
        for (const phrase of modelOf(fixture).exitPhrases) {
          const symbol = symbolAt(file, phrase.offset + 1);
          assert.equal(symbol?.kind, 'phrase', phrase.phrase);
          assert.equal(symbol?.name, phrase.phrase);
          const inJourney = occurrencesOf(fixture.project, symbol).filter((o) => o.file === file);
          assert.deepEqual(
            inJourney.map((o) => [o.offset, o.length]),
            [[phrase.offset, phrase.length]],
          );
        }
        for (const phrase of expected.ignored ?? []) {
          assert.notEqual(symbolAt(file, fixture.offsetOf(J, phrase) + 1)?.kind, 'phrase', `${phrase} is not an exit phrase`);
        }
      });

      it('hover shows the phrase on each exit phrase, and the banners the model reads', () => {
        const fixture = fixtureWith(expected.payload);
        const file = fixture.file(J);
        for (const phrase of modelOf(fixture).exitPhrases) {
          const hover = hoverAt(fixture.project, file, phrase.offset + 1);
          assert.match(hover?.markdown ?? '', new RegExp(`^\\*\\*phrase\\*\\* \`${phrase.phrase}\``), phrase.phrase);
          assert.deepEqual([hover?.offset, hover?.length], [phrase.offset, phrase.length]);
        }
        // Over the payload's first character: the banners drawn as text.
        const hover = hoverAt(fixture.project, file, fixture.offsetOf(J, '"data"') + '"data": '.length);
        const drawn = [...(hover?.markdown ?? '').matchAll(/^> (.*)$/gm)].map((m) => m[1]);
        assert.deepEqual(drawn, expected.titles);
        for (const phrase of expected.ignored ?? []) {
          assert.doesNotMatch(hoverAt(fixture.project, file, fixture.offsetOf(J, phrase) + 1)?.markdown ?? '', /\*\*phrase\*\*|leave chat/, phrase);
        }
      });

      it('completion offers utterances in the text of the buttons the model reads, and only there', () => {
        const fixture = fixtureWith(expected.payload);
        const file = fixture.file(J);
        const utterancesAt = (offset: number) =>
          completionsAt(fixture.project, file, offset)
            .filter((c) => c.kind === 'utterance')
            .map((c) => c.label);
        for (const phrase of modelOf(fixture).exitPhrases.filter((p) => p.kind === 'option')) {
          assert.deepEqual(utterancesAt(phrase.offset + 1), ['something else entirely'], phrase.phrase);
        }
        for (const phrase of expected.ignored ?? []) {
          assert.deepEqual(utterancesAt(fixture.offsetOf(J, phrase) + 1), [], `${phrase} is not read: no utterances offered`);
        }
      });
    });
  }
});
