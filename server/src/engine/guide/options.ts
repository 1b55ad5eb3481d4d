// What the scaffold asks: its options, their defaults (the guide's answers), and what makes a
// value unusable on its own, before any project is looked at. Kept free of the project model so
// the extension's input boxes can bundle it and say what the engine would say.
import intentSchema from '../../../../schemas/intent.schema.json';
import journeySchema from '../../../../schemas/journey.schema.json';
import type { PhraseMatch } from '../phrases/phraseMatch';
import { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, isBannerEvent } from '../model/platformEvents';
import { hasTemplate } from '../model/template';

/** The event that shows the banner: the guide's close-promotion, or update-promotion as other pages do. */
export type BannerShowEvent = typeof BANNER_CLOSE_EVENT | typeof BANNER_SHOW_EVENT;

/**
 * The journey that raises the live-agent ticket: one the project has, or a new one started by
 * `intent` (default `talk_to_agent`). `create` names a journey that already raises a ticket are
 * completed rather than refused, so that running the scaffold again changes nothing.
 */
export type TicketJourneyChoice = { readonly existing: string } | { readonly create: string; readonly intent?: string };

/**
 * The choices of "Add User-Initiated Disconnection" (the guide's six steps): a banner with a button
 * (`button`) or asking to type the phrase (`typed`), the guide's two banners of step 2; its texts;
 * the event that shows it (the guide's `ui-event-close-promotion`, or `ui-event-update-promotion` as
 * docs.yellow.ai cookbooks/studio/dynamic-callout-banner does); the journey that raises the ticket;
 * the exit intent and journey. Defaults (the guide's banner, phrase and event) are
 * `defaultDisconnectionOptions`.
 */
export interface DisconnectionOptions {
  /** `button`: the banner has a button that sends the phrase; `typed`: its title asks to type it. */
  readonly mode: 'button' | 'typed';
  /** What the customer clicks or types to come back to the bot. */
  readonly phrase: string;
  /** The button's label (button mode). */
  readonly buttonLabel: string;
  /** The banner's title. Typed mode appends `Please type '<phrase>'` unless the title already quotes the phrase. */
  readonly bannerTitle: string;
  readonly showEvent: BannerShowEvent;
  readonly ticketJourney: TicketJourneyChoice;
  /** The intent to extend or create; unused when an intent is already trained with the phrase. Default `talk_to_bot`. */
  readonly exitIntent?: string;
  /** The exit journey to create; unused when a journey already starts from the exit intent. Default `return-to-bot`. */
  readonly exitJourney?: string;
  /** How the phrase is compared with utterances; default: as handoff-kit.json says, else `exact`. */
  readonly phraseMatch?: PhraseMatch;
}

export const DEFAULT_TICKET_JOURNEY = 'live-agent';
export const DEFAULT_EXIT_INTENT = 'talk_to_bot';
export const DEFAULT_EXIT_JOURNEY = 'return-to-bot';
export const DEFAULT_TICKET_INTENT = 'talk_to_agent';

/**
 * The guide's answers to the scaffold's questions: an Exit button sending `talk to bot`, the
 * guide's banner title, `ui-event-close-promotion`, and a new `live-agent` journey raising the ticket.
 */
export const defaultDisconnectionOptions: DisconnectionOptions = Object.freeze({
  mode: 'button',
  phrase: 'talk to bot',
  buttonLabel: 'Exit',
  bannerTitle: 'Do you want to exit from chat?',
  showEvent: BANNER_CLOSE_EVENT,
  ticketJourney: Object.freeze({ create: DEFAULT_TICKET_JOURNEY }),
});

/**
 * - `invalid-option`: the value cannot be written as given (an empty phrase, quotes in a phrase to
 *   type, a name with spaces, the exit intent chosen to raise the ticket).
 * - `name-taken`: an intent, journey or file already has the name; `suggestion` is a free one.
 * - `unknown-journey`: no journey has the name; `suggestion` is the nearest one.
 * - `in-use`: the intent that would start the new ticket journey already starts another;
 *   `suggestion` is that journey when it raises a ticket (use it instead).
 * - `banner-differs`: the ticket journey already shows a banner offering another phrase;
 *   `suggestion` is that phrase.
 * - `cannot-edit`: a file to merge into is not valid JSON or not of its kind's shape, or a
 *   journey has no end to add a ticket at; fix it by hand (or, with a `field`, choose another).
 *
 * For `field: 'ticketJourney'`, a suggestion works as `{ create: suggestion }` (a journey of that
 * name that raises a ticket is completed, not created).
 */
export type ConflictKind = 'invalid-option' | 'name-taken' | 'unknown-journey' | 'in-use' | 'banner-differs' | 'cannot-edit';

/**
 * Something the scaffold cannot decide: a `kind` (see ConflictKind), a sentence for the user, and
 * often the option to ask again (`field`) with a `suggestion` that resolves it. Plain JSON: the
 * language server sends it to the extension, which asks again.
 */
export interface ScaffoldConflict {
  readonly kind: ConflictKind;
  /** The option to ask again; none when a file must be fixed by hand. */
  readonly field?: keyof DisconnectionOptions;
  readonly message: string;
  /** A value for `field` that resolves the conflict. */
  readonly suggestion?: string;
}

export type NameKind = 'intent' | 'journey';

/** Names must be what the schemas accept; the schemas are where that is written. */
const NAME_PATTERN = {
  intent: new RegExp(intentSchema.properties.name.pattern),
  journey: new RegExp(journeySchema.properties.name.pattern),
  node: new RegExp(journeySchema.$defs.nodeId.pattern),
};

/** Whether `name` (as is, untrimmed) is what the schemas accept for an intent's or journey's name or a node id. */
export function isValidName(kind: NameKind | 'node', name: string): boolean {
  return NAME_PATTERN[kind].test(name);
}

/** The marks a typed banner's title may quote its phrase with (see typedPhrase). */
const QUOTE_MARKS = /['"‘’“”]/;

// The per-field validators below take a value as the developer typed it: the scaffold trims the
// spaces around values before using them, so they do too. Each returns the message the scaffold's
// `invalid-option` conflict would carry, so an input box can refuse the value before it is sent.

/**
 * What is wrong with an exit phrase, or undefined when the scaffold can use it.
 * In `typed` mode the banner's title quotes the phrase, so it cannot hold quote marks of any kind
 * (`'`, `"`, and the curly `‘ ’ “ ”` that keyboards and word processors substitute).
 */
export function validatePhrase(value: string, mode: DisconnectionOptions['mode'] = defaultDisconnectionOptions.mode): string | undefined {
  const phrase = value.trim();
  if (!phrase) return 'the exit phrase is empty: the customer needs words to click or type, such as `talk to bot`';
  if (/\p{Cc}/u.test(phrase)) return 'the exit phrase must be one line of plain text';
  if (hasTemplate(phrase)) return 'the exit phrase is what the customer sends, so it cannot be a template';
  if (mode === 'typed' && QUOTE_MARKS.test(phrase)) {
    return `the banner's title quotes the phrase to type, so \`${phrase}\` cannot hold quote marks: choose words without them, or a banner with a button`;
  }
  return undefined;
}

/** What is wrong with the label of the banner's button (button mode), or undefined. */
export function validateButtonLabel(value: string): string | undefined {
  return value.trim() ? undefined : 'the button needs a label, such as `Exit`';
}

/** What is wrong with the banner's title, or undefined. */
export function validateBannerTitle(value: string): string | undefined {
  return value.trim() ? undefined : 'the banner needs a title, such as `Do you want to exit from chat?`';
}

/**
 * What is wrong with the name of an intent or journey to create or use, or undefined: the pattern
 * is the one the intent and journey schemas give for `name`.
 */
export function validateName(kind: NameKind, value: string): string | undefined {
  const name = value.trim();
  if (!name) return `the ${kind} needs a name`;
  if (!NAME_PATTERN[kind].test(name)) return `\`${name}\` is not a valid ${kind} name: use letters, digits, \`_\`, \`-\` or \`.\`, with no spaces`;
  return undefined;
}

/**
 * What is wrong with the options on their own, before the project is looked at: one
 * `invalid-option` conflict (with its `field`) per unusable value; none when all can be used.
 * Options not given take their defaults. Never throws, whatever JSON it is given.
 */
export function validateDisconnectionOptions(given: Partial<DisconnectionOptions>): ScaffoldConflict[] {
  const options = withDefaults(given);
  const conflicts: ScaffoldConflict[] = [];
  const invalid = (field: keyof DisconnectionOptions, message: string | undefined) => {
    if (message !== undefined) conflicts.push({ kind: 'invalid-option', field, message });
  };
  const { mode } = options;
  // Options also arrive as JSON from the extension, so the types are not taken on trust.
  if (mode !== 'button' && mode !== 'typed') invalid('mode', `the banner is \`button\` or \`typed\`, not \`${String(mode)}\``);
  if (!isBannerEvent(options.showEvent)) {
    invalid('showEvent', `the banner is shown with \`${BANNER_CLOSE_EVENT}\` or \`${BANNER_SHOW_EVENT}\`, not \`${String(options.showEvent)}\``);
  }
  invalid('phrase', validatePhrase(options.phrase, mode));
  if (mode === 'button') invalid('buttonLabel', validateButtonLabel(options.buttonLabel));
  invalid('bannerTitle', validateBannerTitle(options.bannerTitle));
  // An optional name is checked only when given; `''` is given (and refused).
  const name = (kind: NameKind, field: keyof DisconnectionOptions, value: string | undefined) => {
    if (value !== undefined) invalid(field, validateName(kind, value));
  };
  const ticket = options.ticketJourney;
  if ('existing' in ticket) name('journey', 'ticketJourney', ticket.existing);
  else if ('create' in ticket) {
    name('journey', 'ticketJourney', ticket.create);
    name('intent', 'ticketJourney', ticket.intent);
    if (ticket.intent !== undefined && ticket.intent === options.exitIntent) {
      invalid('ticketJourney', `the journey that raises the ticket cannot start from the exit intent \`${ticket.intent}\``);
    }
  } else invalid('ticketJourney', 'say which journey raises the ticket: `{ "existing": <name> }` or `{ "create": <name> }`');
  name('intent', 'exitIntent', options.exitIntent);
  name('journey', 'exitJourney', options.exitJourney);
  return conflicts;
}

/**
 * The options with defaults for what is not given (`undefined` counts as not given), and the
 * spaces typed around values trimmed. Values of the wrong type become `''` (refused by the
 * validators) rather than throwing, since options arrive as JSON.
 */
export function withDefaults(given: Partial<DisconnectionOptions>): DisconnectionOptions {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const optional = (value: unknown) => (value === undefined || value === null ? undefined : text(value));
  const o = { ...defaultDisconnectionOptions, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) };
  const ticket = (typeof o.ticketJourney === 'object' && o.ticketJourney ? o.ticketJourney : {}) as Partial<{
    existing: unknown;
    create: unknown;
    intent: unknown;
  }>;
  return {
    mode: o.mode,
    phrase: text(o.phrase),
    buttonLabel: text(o.buttonLabel),
    bannerTitle: text(o.bannerTitle),
    showEvent: o.showEvent,
    ticketJourney:
      'existing' in ticket
        ? { existing: text(ticket.existing) }
        : 'create' in ticket
          ? { create: text(ticket.create), intent: optional(ticket.intent) }
          : (ticket as TicketJourneyChoice),
    exitIntent: optional(o.exitIntent),
    exitJourney: optional(o.exitJourney),
    phraseMatch: o.phraseMatch,
  };
}
