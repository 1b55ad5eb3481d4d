// The one reader of a banner payload (the `data` of a Send Event node for a banner event). Every
// shape the platform documents becomes one model: the banners, their options, and the exit
// phrases the customer can send, each with its offsets. The exit-phrase checks, completion,
// hover, navigation and the preview all read payloads through here, so they cannot disagree.
//
// Shapes (shared/reference/platform-facts.md, "Banner payload shapes seen in the documentation"):
//   1. `banner`: one banner object `{ title, options }`;
//   2. `array`: a list of banner objects, shown in rotation;
//   3. `legacy`: the V1 object `{ quickReplies: [banners], autoPlay, ... }`;
//   4. `dynamic`: `{ banners: [{ type: "text" | "image", ... }], bannerSettings }`;
//   and `template`: the whole payload is a template string, known only when the event is sent.
// Precedence when an object mixes shapes, the same as schemas/banner.schema.json: `banners`
// (dynamic) first, then `quickReplies` (legacy), else the object is itself one banner.
import type * as jsonc from 'jsonc-parser';
import { named, placeOf, type JsonPlace, type NamedValue } from './botFile';
import { decodedToRawOffsets } from './jsonString';
import { keptList } from './keptList';
import { hasTemplate } from './template';

/**
 * Which of the shapes docs.yellow.ai shows a banner payload has (docs/bot-project-format.md lists
 * them): `banner`, one `{ title, options }` object as in the guide's step 2; `array`, several shown in
 * rotation (channelConfiguration/chat-widget-faq, widget v2); `legacy`, V1's `{ quickReplies }`
 * (chat-widget-faq, v1); `dynamic`, `{ banners, bannerSettings }`; `template`, one template string,
 * known only when the event is sent. Any other value (a number, a plain string) reads as `banner`.
 */
export type BannerShape = 'banner' | 'array' | 'legacy' | 'dynamic' | 'template';

/** One button of a text banner. Properties are the JSON nodes as written (any type). */
export interface BannerOption {
  readonly node: jsonc.Node;
  /** The button's label. */
  readonly title?: jsonc.Node;
  /** The message sent as the customer's when clicked. */
  readonly text?: jsonc.Node;
  /** A link opened when clicked. */
  readonly url?: jsonc.Node;
}

/**
 * One banner of a payload: its node, its `kind` (`image` only for a dynamic banner whose `type` is
 * `image`), its 0-based `position` in its list, its `title` node and its options (buttons; none
 * unless `options` is an array). Nodes are as written, of any JSON type: the banner schema check
 * reports wrong ones.
 */
export interface BannerModel {
  /** The banner's node; any JSON type (a list item that is not an object is still listed). */
  readonly node: jsonc.Node;
  /** `image` for a dynamic image banner; every other banner is a text banner. */
  readonly kind: 'text' | 'image';
  /** The banner's 0-based position in its list. */
  readonly position: number;
  readonly title?: jsonc.Node;
  /** The `options` node as written (an array, a template, or something wrong). */
  readonly optionsNode?: jsonc.Node;
  /** The options, when `options` is an array. */
  readonly options: readonly BannerOption[];
}

/** A phrase a banner offers the customer: a button's `text`, or the phrase its title asks to type. */
export interface ExitPhrase {
  readonly phrase: string;
  /** `option`: a button's text; `typed`: quoted in the title of a banner without buttons. */
  readonly kind: 'option' | 'typed';
  /** The range of the phrase in the file (UTF-16 offsets): the option's string, or the quoted words in the title. */
  readonly offset: number;
  readonly length: number;
  /** The string node holding it. */
  readonly node: jsonc.Node;
  /** The banner it belongs to. */
  readonly banner: BannerModel;
}

/**
 * A banner payload as every feature reads it (checks, completion, hover, navigation, preview): its
 * `shape`, its banners in order, and the exit phrases they offer (a button's `text`, or the phrase
 * a banner without buttons quotes in its title) with UTF-16 offsets into the file's text. An object
 * with both `banners` and `quickReplies` is `dynamic`, as in schemas/banner.schema.json.
 */
export interface BannerPayloadModel {
  readonly shape: BannerShape;
  readonly node: jsonc.Node;
  /** The node of the list of banners: the payload itself (`array`), `banners` or `quickReplies`. */
  readonly listNode?: jsonc.Node;
  /** The template the payload (or its list of banners) is, when it is one. */
  readonly template?: string;
  readonly banners: readonly BannerModel[];
  readonly exitPhrases: readonly ExitPhrase[];
}

/**
 * Reads a banner payload. `data` is the payload's node in the tree of the file whose text is
 * `text` (needed to map a typed phrase's range through escapes), or a place's node (see JsonPlace
 * in botFile.ts: then the payload is read from its value, and the tree is used only for the
 * offsets asked for). Never throws: what is not a banner yields an empty model, which the banner
 * schema check reports.
 */
export function readBannerPayload(data: jsonc.Node, text: string): BannerPayloadModel {
  const place = placeOf(data);
  const structure = structureOf(place);
  const list = structure.list?.type === 'array' ? structure.list.items() : structure.single ? [structure.single] : [];
  const banners = list.map((banner, position) => bannerOf(banner, position));
  return {
    shape: structure.shape,
    node: data,
    ...(structure.list ? { listNode: structure.list.node } : {}),
    ...(structure.template !== undefined ? { template: structure.template } : {}),
    banners,
    exitPhrases: keptList(banners.flatMap((banner) => exitPhrasesOf(banner, text))),
  };
}

function structureOf(data: JsonPlace): { shape: BannerShape; list?: JsonPlace; single?: JsonPlace; template?: string } {
  if (data.type === 'string') return hasTemplate(data.json as string) ? { shape: 'template', template: data.json as string } : { shape: 'banner' };
  if (data.type === 'array') return { shape: 'array', list: data };
  if (data.type !== 'object') return { shape: 'banner' };
  for (const [key, shape] of [
    ['banners', 'dynamic'],
    ['quickReplies', 'legacy'],
  ] as const) {
    const list = data.child(key);
    if (!list) continue;
    const template = list.type === 'string' && hasTemplate(list.json as string) ? (list.json as string) : undefined;
    return { shape, list, ...(template !== undefined ? { template } : {}) };
  }
  return { shape: 'banner', single: data };
}

function bannerOf(place: JsonPlace, position: number): BannerModel {
  const type = place.child('type');
  const isImage = type?.type === 'string' && type.json === 'image';
  const optionsPlace = place.child('options');
  const options = (optionsPlace?.items() ?? []).map((option) => ({
    node: option.node,
    title: option.child('title')?.node,
    text: option.child('text')?.node,
    url: option.child('url')?.node,
  }));
  return {
    node: place.node,
    kind: isImage ? 'image' : 'text',
    position,
    title: place.child('title')?.node,
    ...(optionsPlace ? { optionsNode: optionsPlace.node } : {}),
    options,
  };
}

function exitPhrasesOf(banner: BannerModel, text: string): ExitPhrase[] {
  if (banner.kind === 'image' || banner.node.type !== 'object') return [];
  if (banner.options.length) {
    return banner.options.flatMap((option) => {
      const phrase = named(option.text);
      if (!phrase || !phrase.value.trim() || hasTemplate(phrase.value)) return [];
      return [exitPhrase(phrase.value, 'option', () => ({ offset: phrase.node.offset, length: phrase.node.length }), phrase.node, banner)];
    });
  }
  // `options` that is a template holds buttons known only when the event is sent.
  if (banner.optionsNode && banner.optionsNode.type !== 'array') return [];
  const title = named(banner.title);
  if (!title || hasTemplate(title.value)) return [];
  const typed = typedPhraseIn(title.value);
  if (!typed) return [];
  return [exitPhrase(typed.phrase, 'typed', () => rangeInString(title, typed.start, typed.phrase.length, text), title.node, banner)];
}

/**
 * An exit phrase whose `offset` and `length` are worked out when first read (they need the tree).
 * They are getters of the class, not own properties: code that lists a phrase's fields names them.
 */
class LazyExitPhrase implements ExitPhrase {
  private range: { offset: number; length: number } | undefined;

  constructor(
    readonly phrase: string,
    readonly kind: ExitPhrase['kind'],
    private readonly locate: () => { offset: number; length: number },
    readonly node: jsonc.Node,
    readonly banner: BannerModel,
  ) {}

  get offset(): number {
    return (this.range ??= this.locate()).offset;
  }

  get length(): number {
    return (this.range ??= this.locate()).length;
  }
}

function exitPhrase(
  phrase: string,
  kind: ExitPhrase['kind'],
  locate: () => { offset: number; length: number },
  node: jsonc.Node,
  banner: BannerModel,
): ExitPhrase {
  return new LazyExitPhrase(phrase, kind, locate, node, banner);
}

/** The range in the file of `length` code units from `start` of a string's value, through its escapes. */
function rangeInString(value: NamedValue, start: number, length: number, text: string): { offset: number; length: number } {
  const raw = text.slice(value.node.offset, value.node.offset + value.node.length);
  const map = decodedToRawOffsets(raw);
  if (start + length >= map.length) return { offset: value.node.offset, length: value.node.length };
  return { offset: value.node.offset + map[start], length: map[start + length] - map[start] };
}

/**
 * The quotation marks a typed banner may put around its phrase, opening and closing: ASCII
 * quotes, typographic ones, and those of other languages (CJK corner brackets, guillemets,
 * German low-high quotes, full-width quotes).
 */
export const PHRASE_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ["'", "'"],
  ['"', '"'],
  ['‘', '’'],
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['«', '»'],
  ['‹', '›'],
  ['„', '“'],
  ['‚', '‘'],
  ['＂', '＂'],
  ['＇', '＇'],
];

const QUOTED = new RegExp(
  PHRASE_QUOTES.map(([open, close]) => `${escapeRegExp(open)}([^${escapeRegExp(close)}]+)${escapeRegExp(close)}`).join('|'),
  'g',
);

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}

/**
 * The phrase a title asks the customer to type: the last one in quotes, as in the guide
 * ("Please type 'talk to bot'"), with its 0-based UTF-16 index in the title. Spaces just inside
 * the quotes (`« talk to bot »`) are not part of it. Undefined when the title quotes nothing.
 */
export function typedPhraseIn(title: string): { phrase: string; start: number } | undefined {
  let last: RegExpMatchArray | undefined;
  for (const match of title.matchAll(QUOTED)) last = match;
  if (!last) return undefined;
  const group = last.slice(1).findIndex((g) => g !== undefined);
  const inner = last[group + 1];
  const phrase = inner.trim();
  if (!phrase) return undefined;
  const start = last.index! + last[0].indexOf(inner) + inner.indexOf(phrase);
  return { phrase, start };
}

/** The phrase a title asks the customer to type (see `typedPhraseIn`). */
export function typedPhrase(title: string): string | undefined {
  return typedPhraseIn(title)?.phrase;
}
