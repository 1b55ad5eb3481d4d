// The verdict on where a run leaves the customer: back with the bot with the banner gone and the
// ticket closed, or stuck, and what is missing, naming the checks whose findings explain it.
import type { SimulationState } from './state';
import { why, type SimulationFinding, type SimulationWhy } from './why';

/** The verdict of a run, on the state after its last input. */
export interface SimulationOutcome {
  /** No banner is on screen: it was hidden, or never shown. */
  readonly bannerHidden: boolean;
  /** No ticket is open: it was closed, never raised, or no agent took it. */
  readonly ticketClosed: boolean;
  /** The bot, not an agent, holds the chat. */
  readonly backWithBot: boolean;
  /** Whether the customer is left stuck: the banner shown, the ticket open, or the chat with the agent. */
  readonly stuck: boolean;
  /** What is missing, in words (`the banner is still shown`…); empty when not stuck. */
  readonly missing: readonly string[];
  /** The codes of the findings the run's steps name (its `end` step included), in the order first named. */
  readonly codes: readonly string[];
  /** One line: `back with the bot: …` or `stuck: … (codes)`. */
  readonly summary: string;
  /** Why: what is missing, with the findings of the closing checks that explain it. */
  readonly why: SimulationWhy;
  /**
   * Set when the run was given a banner to show before an input (SimulateOptions.expectBanner,
   * as the handoff path does): whether it was on screen then.
   */
  readonly expectedBannerShown?: boolean;
}

/**
 * Judges the state a run ends in. `named` are the findings the run's steps named (their codes are
 * named in the verdict); `closing` gives the findings of banner-not-closed and ticket-not-closed on the
 * journeys the customer's messages started, which explain a banner or a ticket left behind (asked
 * for only when something is left: it runs the checks). `expected`: the banner the run was to
 * show before the exit (SimulateOptions.expectBanner), and whether it did; one it did not show
 * makes the run stuck.
 */
export function judge(
  state: SimulationState,
  named: readonly SimulationFinding[],
  closing: () => { readonly banner: readonly SimulationFinding[]; readonly ticket: readonly SimulationFinding[] },
  expected?: { readonly shown: boolean; readonly journey: string; readonly node: string },
): SimulationOutcome {
  const bannerHidden = state.banner.status !== 'shown';
  const ticketClosed = state.ticket === 'none' || state.ticket === 'closed';
  const backWithBot = state.with === 'bot';
  const missing: string[] = [];
  if (expected && !expected.shown)
    missing.push(`the banner of node \`${expected.node}\` of journey \`${expected.journey}\` was not on screen when the customer tried to leave`);
  const findings: SimulationFinding[] = [];
  const explaining = bannerHidden && ticketClosed ? undefined : closing();
  if (!bannerHidden) {
    missing.push('the banner is still shown');
    for (const finding of explaining!.banner) findings.push(finding);
  }
  if (!ticketClosed) {
    missing.push(state.ticket === 'raised' ? 'the ticket is still waiting for an agent' : 'the ticket is still open');
    for (const finding of explaining!.ticket) findings.push(finding);
  }
  if (!backWithBot) missing.push('the customer is still with the agent');
  const stuck = missing.length > 0;
  const codes: string[] = [];
  for (const finding of [...named, ...findings]) if (!codes.includes(finding.code)) codes.push(finding.code);
  const summary = stuck
    ? `stuck: ${missing.join(', ')}${codes.length ? ` (${codes.join(', ')})` : ''}`
    : `back with the bot: banner ${state.banner.status === 'hidden' ? 'hidden' : 'never shown'}, ticket ${state.ticket === 'closed' ? 'closed' : 'never raised'}`;
  const reason = stuck
    ? `At the end of the run ${missing.join(', ')}.${findings.length ? ' The checks say why:' : codes.length ? ` The steps above name ${codes.map((c) => `\`${c}\``).join(', ')}.` : ''}`
    : 'At the end of the run no banner is shown, no ticket is open and the bot holds the chat.';
  return {
    bannerHidden,
    ticketClosed,
    backWithBot,
    stuck,
    missing,
    codes,
    summary,
    why: { ...why(reason), findings },
    ...(expected ? { expectedBannerShown: expected.shown } : {}),
  };
}
