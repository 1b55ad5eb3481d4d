// banner-not-closed: the journey the exit intent starts never sends `ui-event-close-promotion`
// without a banner, so the banner stays on screen after the customer is back with the bot.
import { exitJourneyLacking } from '../exitJourneys';
import { BANNER_CLOSE_EVENT } from '../platformEvents';
import type { Rule } from './rule';

export const bannerNotClosed: Rule = {
  code: 'banner-not-closed',
  severity: 'warning',
  description: `The journey the exit intent starts never sends \`${BANNER_CLOSE_EVENT}\` without data, so the banner stays.`,
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const closesBanner = (n: { type?: string; event?: { value: string }; data?: unknown }) =>
      n.type === 'sendEvent' && n.event?.value === BANNER_CLOSE_EVENT && !n.data;
    const lacking = exitJourneyLacking(project, file, phraseMatch, closesBanner);
    if (!lacking) return;
    report({
      ...lacking.trigger,
      message: `this journey starts from the exit intent \`${lacking.intent}\` but never sends \`${BANNER_CLOSE_EVENT}\` without data: the banner stays on screen`,
      data: { intent: lacking.intent },
    });
  },
};
