// What the customer and the bot have in front of them after a step of a run: where the bot is,
// what it remembers, the ticket, the banner, the events sent, and who holds the chat. Every step
// of a run carries its own copy, so a front end shows any step without replaying the run.
import type { BannerShape } from './engineParts';
import type { SimulationPlace } from './why';

/**
 * The live-agent ticket: `none` (never raised, or raising it failed), `raised` (waiting for an
 * agent), `agentConnected` (an agent holds the chat), `closed` (closed, or no agent took it).
 */
export type TicketStatus = 'none' | 'raised' | 'agentConnected' | 'closed';

/** One option of a banner as the customer sees it: strings as written, templates filled where the run knows them. */
export interface ShownOption {
  /** The button's label; undefined when the option has none (or it is not a string). */
  readonly title?: string;
  /** The message a click sends as the customer's. */
  readonly text?: string;
  /** The link a click opens. */
  readonly url?: string;
}

/** One banner of a payload (a payload may hold several, shown in rotation). */
export interface ShownBanner {
  /** `image` for a dynamic image banner, else `text`. */
  readonly kind: 'text' | 'image';
  readonly title?: string;
  readonly options: readonly ShownOption[];
}

/** The banner on screen: none yet, shown (with the payload that showed it), or hidden again. */
export type BannerState =
  | { readonly status: 'none' }
  | {
      readonly status: 'shown';
      /** The event that showed it. */
      readonly event: string;
      /** The payload as written in the file (plain JSON). */
      readonly payload: unknown;
      /** The payload's shape, as the banner reader (bannerPayload.ts) names it. */
      readonly shape: BannerShape;
      /** Every banner of the payload, in order. */
      readonly banners: readonly ShownBanner[];
      /** The title of the first text banner (what a one-banner payload shows). */
      readonly title?: string;
      /** The options of the first text banner. */
      readonly options: readonly ShownOption[];
      /** The journey and node whose Send Event showed it, and where that node is. */
      readonly journey?: string;
      readonly node?: string;
      readonly place: SimulationPlace;
    }
  | { readonly status: 'hidden' };

/** An event the bot sent (a Send Event node), or that fired as an input, in the order they came. */
export interface SentEvent {
  readonly name: string;
  /** The payload as written (plain JSON); undefined when the node has no `data`. */
  readonly data?: unknown;
  /** Whether it fired: a disabled or undeclared event does not. */
  readonly fired: boolean;
  /** `bot`: a Send Event node sent it; `input`: it fired as an input of the run. */
  readonly by: 'bot' | 'input';
}

/** The state after a step. */
export interface SimulationState {
  /** The journey of the node that ran last (or where the run waits); undefined before any journey runs. */
  readonly journey?: string;
  /** The id of that node. */
  readonly node?: string;
  /** `ticket` while a Raise Ticket node waits for the ticket's outcome. */
  readonly waitingFor?: 'ticket';
  /** The variables the run has set, by name (`ticketId` after a raise): values are strings. */
  readonly variables: Readonly<Record<string, string>>;
  readonly ticket: TicketStatus;
  readonly banner: BannerState;
  /** Every event sent so far, oldest first. */
  readonly events: readonly SentEvent[];
  /** Who holds the chat: the agent while the ticket is `agentConnected`, else the bot. */
  readonly with: 'bot' | 'agent';
}

/** The state a run starts from: no journey, no ticket, no banner, with the bot. */
export const INITIAL_STATE: SimulationState = {
  variables: {},
  ticket: 'none',
  banner: { status: 'none' },
  events: [],
  with: 'bot',
};
