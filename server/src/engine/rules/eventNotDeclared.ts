// event-not-declared: a banner event is sent but not declared in bot.json. The guide's first step
// is to enable both custom events; one the bot does not have never reaches the widget.
import { readJourney } from '../journey';
import { isBannerEvent } from '../platformEvents';
import type { Rule } from './rule';

export const eventNotDeclared: Rule = {
  code: 'event-not-declared',
  severity: 'error',
  description: 'A banner event is sent but not declared (and enabled) in bot.json.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report) {
    const declared = project.config.events;
    for (const node of readJourney(file).nodes) {
      if (node.type !== 'sendEvent' || !node.event || !isBannerEvent(node.event.value)) continue;
      if (declared.has(node.event.value)) continue;
      report({
        offset: node.event.node.offset,
        length: node.event.node.length,
        message: `custom event \`${node.event.value}\` is not declared in bot.json: declare and enable it, or the banner never changes`,
        data: { event: node.event.value },
      });
    }
  },
};
