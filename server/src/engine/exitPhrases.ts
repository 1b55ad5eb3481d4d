// The phrases a banner offers the customer: each option's `text`, or for a banner without
// buttons, the phrase its title asks them to type ("Please type 'talk to bot'").
import type * as jsonc from 'jsonc-parser';
import { named, valueOf, type BotFile } from './botFile';
import { readJourney, type JourneyNode } from './journey';
import { isBannerEvent } from './platformEvents';
import { hasTemplate } from './template';

export interface ExitPhrase {
  readonly phrase: string;
  /** `option`: a button's text; `typed`: quoted in the title of a banner without buttons. */
  readonly kind: 'option' | 'typed';
  /** The range of the phrase in the file: the option's string, or the quoted words in the title. */
  readonly offset: number;
  readonly length: number;
  /** The string node holding it. */
  readonly node: jsonc.Node;
  /** The Send Event node that shows the banner. */
  readonly sendEvent: JourneyNode;
}

const cache = new WeakMap<BotFile, readonly ExitPhrase[]>();

export function exitPhrasesOf(file: BotFile): readonly ExitPhrase[] {
  let phrases = cache.get(file);
  if (!phrases) {
    phrases = readJourney(file).nodes.flatMap((node) =>
      node.type === 'sendEvent' && isBannerEvent(node.event?.value) && node.data
        ? bannersIn(node.data).flatMap((banner) => phrasesOf(banner, node, file.text))
        : [],
    );
    cache.set(file, phrases);
  }
  return phrases;
}

/** The banner objects of a payload, whatever its shape. */
export function bannersIn(data: jsonc.Node): jsonc.Node[] {
  if (data.type === 'array') return (data.children ?? []).filter((n) => n.type === 'object');
  if (data.type !== 'object') return [];
  const quickReplies = valueOf(data, 'quickReplies');
  if (quickReplies) return quickReplies.type === 'array' ? bannersIn(quickReplies) : [];
  const banners = valueOf(data, 'banners');
  if (banners) {
    return banners.type === 'array'
      ? (banners.children ?? []).filter((b) => b.type === 'object' && named(valueOf(b, 'type'))?.value !== 'image')
      : [];
  }
  return [data];
}

function phrasesOf(banner: jsonc.Node, sendEvent: JourneyNode, text: string): ExitPhrase[] {
  const options = valueOf(banner, 'options');
  const phrases: ExitPhrase[] = [];
  if (options?.type === 'array' && options.children?.length) {
    for (const option of options.children) {
      const phraseText = named(valueOf(option, 'text'));
      if (!phraseText || !phraseText.value.trim() || hasTemplate(phraseText.value)) continue;
      phrases.push({
        phrase: phraseText.value,
        kind: 'option',
        offset: phraseText.node.offset,
        length: phraseText.node.length,
        node: phraseText.node,
        sendEvent,
      });
    }
    return phrases;
  }
  if (options && options.type !== 'array') return phrases; // a template: unknown until sent
  const title = named(valueOf(banner, 'title'));
  const typed = title && !hasTemplate(title.value) ? typedPhrase(title.value) : undefined;
  if (title && typed) {
    // Find the quoted words in the raw JSON string so the range covers just them.
    const raw = text.slice(title.node.offset, title.node.offset + title.node.length);
    const at = raw.indexOf(typed);
    phrases.push({
      phrase: typed,
      kind: 'typed',
      offset: at >= 0 ? title.node.offset + at : title.node.offset,
      length: at >= 0 ? typed.length : title.node.length,
      node: title.node,
      sendEvent,
    });
  }
  return phrases;
}

/** The phrase a title asks the customer to type: the last one in quotes, as in the guide. */
export function typedPhrase(title: string): string | undefined {
  const quoted = [...title.matchAll(/'([^']+)'|"([^"]+)"|‘([^’]+)’|“([^”]+)”/g)];
  const last = quoted[quoted.length - 1];
  const phrase = last && (last[1] ?? last[2] ?? last[3] ?? last[4]);
  return phrase?.trim() ? phrase : undefined;
}
