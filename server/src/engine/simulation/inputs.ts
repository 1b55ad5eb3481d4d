// What the simulator is given: one list of inputs, applied in order. A run is a pure function of
// the project and its inputs, so a front end steps back by running again with one input fewer.

/** The outcomes a raised live-agent ticket can take (the Raise Ticket node's `next` keys). */
export const TICKET_OUTCOMES = ['agentConnected', 'agentsUnavailable', 'ticketClosed', 'error'] as const;
/**
 * What happens to a raised ticket: the outcomes a Raise Ticket node follows with its `next`
 * (platform facts, "Live-agent tickets"; `agentConnected` is when the guide shows the banner).
 */
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

/**
 * One input of a run:
 * - `say`: the customer types `text` (it reaches the bot as the customer's message);
 * - `click`: the customer clicks the option titled `title` of the banner on screen. `banner` (the
 *   0-based position of the banner in the payload's list) and `option` (the 0-based position of
 *   the option in that banner's `options`) pick one of several options with the same title, or
 *   an option without a title; when `option` is given, `title` is only a label;
 * - `ticket`: the live-agent ticket takes an outcome;
 * - `event`: a platform or custom event fires (`ticket-closed`, `ym_closed_promotion`, …);
 * - `startJourney`: the bot starts the journey named `journey`, at its `start` or at the node
 *   whose id is `node`.
 */
export type SimulationInput =
  | { readonly kind: 'say'; readonly text: string }
  | { readonly kind: 'click'; readonly title: string; readonly banner?: number; readonly option?: number }
  | { readonly kind: 'ticket'; readonly outcome: TicketOutcome }
  | { readonly kind: 'event'; readonly name: string }
  | { readonly kind: 'startJourney'; readonly journey: string; readonly node?: string };

/** Whether `value` names a ticket outcome (for front ends that read outcomes as text). */
export function isTicketOutcome(value: string): value is TicketOutcome {
  return (TICKET_OUTCOMES as readonly string[]).includes(value);
}

/** An input in words, for transcripts: `say "talk to bot"`, `click "Exit"`, `ticket agentConnected`… */
export function describeInput(input: SimulationInput): string {
  switch (input.kind) {
    case 'say':
      return `say ${JSON.stringify(input.text)}`;
    case 'click':
      return `click ${JSON.stringify(input.title)}`;
    case 'ticket':
      return `ticket ${input.outcome}`;
    case 'event':
      return `event ${input.name}`;
    case 'startJourney':
      return `journey ${input.journey}${input.node !== undefined ? ` at node ${input.node}` : ''}`;
  }
}
