// The events the platform documents (see docs/bot-project-format.md for the sources). The two
// banner events are custom events a bot must also declare and enable in bot.json.

export type EventKind = 'banner' | 'widget' | 'inbox';

export interface PlatformEvent {
  readonly name: string;
  readonly kind: EventKind;
  readonly description: string;
}

/** `ui-event-update-promotion`: shows or updates the callout banner (a custom event: declared and enabled in bot.json). */
export const BANNER_SHOW_EVENT = 'ui-event-update-promotion';
/**
 * `ui-event-close-promotion`: sent without data, closes the web chat widget's callout banner
 * (docs.yellow.ai cookbooks/studio/disable-callout-banner; the guide's step 5). The guide also
 * sends it with a banner payload as `data` to show the banner (steps 2 and 3): then it shows one.
 */
export const BANNER_CLOSE_EVENT = 'ui-event-close-promotion';

export const platformEvents: readonly PlatformEvent[] = [
  {
    name: BANNER_SHOW_EVENT,
    kind: 'banner',
    description: 'Shows or updates the callout banner of the web chat widget; its data is the banner payload.',
  },
  {
    name: BANNER_CLOSE_EVENT,
    kind: 'banner',
    description:
      'Closes the callout banner. The disconnection guide also sends it with a banner payload to show the banner while an agent holds the chat.',
  },
  { name: 'bot-opened', kind: 'widget', description: 'The customer opened the chat widget.' },
  { name: 'bot-closed', kind: 'widget', description: 'The customer closed the chat widget.' },
  { name: 'bot-loaded-on-page-reload', kind: 'widget', description: 'The widget loaded again after a page reload.' },
  { name: 'ym_home', kind: 'widget', description: 'The customer went to the widget home screen.' },
  { name: 'page-url-based-trigger', kind: 'widget', description: 'The customer is on a page whose URL matches a trigger.' },
  { name: 'ym_closed_promotion', kind: 'widget', description: 'The customer closed the callout banner.' },
  { name: 'ticket-closed', kind: 'inbox', description: 'A live-agent ticket was closed.' },
  { name: 'ticket-assigned-bot', kind: 'inbox', description: 'A ticket was handed back to the bot.' },
];

const byName = new Map(platformEvents.map((e) => [e.name, e]));

export function platformEvent(name: string): PlatformEvent | undefined {
  return byName.get(name);
}

export function isBannerEvent(name: string | undefined): boolean {
  return name === BANNER_SHOW_EVENT || name === BANNER_CLOSE_EVENT;
}
