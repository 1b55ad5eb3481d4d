// banner-not-closed: the journey the exit intent starts never sends `ui-event-close-promotion`
// without a banner, so the banner stays on screen after the customer is back with the bot.
import { exitIntentOf, reaches } from '../exitJourneys';
import { BANNER_CLOSE_EVENT } from '../platformEvents';
import { indexOf } from '../projectIndex';
import type { Rule } from './rule';

export const bannerNotClosed: Rule = {
  code: 'banner-not-closed',
  severity: 'warning',
  description: `The journey the exit intent starts never sends \`${BANNER_CLOSE_EVENT}\` without data, so the banner stays.`,
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report, { phraseMatch }) {
    const entry = indexOf(project).journeyOf(file);
    const intent = entry && exitIntentOf(project, entry, phraseMatch);
    if (!entry || !intent || !entry.journey.triggerIntent) return;
    const closes = reaches(project, file, (n) => n.type === 'sendEvent' && n.event?.value === BANNER_CLOSE_EVENT && !n.data);
    if (closes) return;
    const trigger = entry.journey.triggerIntent.node;
    report({
      offset: trigger.offset,
      length: trigger.length,
      message: `this journey starts from the exit intent \`${intent}\` but never sends \`${BANNER_CLOSE_EVENT}\` without data: the banner stays on screen`,
      data: { intent },
    });
  },
};
