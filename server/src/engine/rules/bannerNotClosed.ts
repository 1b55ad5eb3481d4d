// banner-not-closed: the journey the exit intent starts never sends `ui-event-close-promotion`
// without a banner, so the banner stays on screen after the customer is back with the bot.
import { relativePath } from '../botFile';
import { closesBanner, exitJourneyLacking } from '../exitJourneys';
import { BANNER_CLOSE_EVENT } from '../platformEvents';
import { closingStepsFixes } from '../services/fixes';
import { defineProjectRule } from './rule';

export const bannerNotClosed = defineProjectRule({
  code: 'banner-not-closed',
  severity: 'error',
  scope: 'project',
  description: 'The journey the exit intent starts never sends the banner close event without data, so the banner stays.',
  explanation:
    `Step 5 of the guide closes the banner (\`${BANNER_CLOSE_EVENT}\` without data) when the customer is back with the bot. Without it the Exit banner stays on screen: clicking it again sends the exit phrase into a conversation that is no longer with an agent.`,
  kinds: ['journey'],
  fixable: true,
  messages: {
    notClosed: ({ intent }: { intent: string; banner?: string }) =>
      `this journey starts from the exit intent \`${intent}\` but never sends \`${BANNER_CLOSE_EVENT}\` without data: the banner stays on screen`,
  },
  check(file, project, report, { phraseMatch }) {
    const lacking = exitJourneyLacking(project, file, phraseMatch, closesBanner);
    if (!lacking) return;
    report({
      ...lacking.trigger,
      messageId: 'notClosed',
      data: { intent: lacking.intent },
      related: lacking.banners.map((b) => ({ file: b.file.path, offset: b.exit.offset, length: b.exit.length, message: `the banner (${relativePath(project.root, b.file.path)}) that stays on screen` })),
    });
  },
  fixes({ project, file }) {
    return closingStepsFixes(project, file);
  },
});
