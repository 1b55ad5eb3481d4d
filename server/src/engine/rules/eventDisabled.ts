// event-disabled: a Send Event node sends an event that bot.json declares with `enabled: false`;
// an inactive event does not fire.
import { readJourney } from '../journey';
import type { Rule } from './rule';

export const eventDisabled: Rule = {
  code: 'event-disabled',
  severity: 'error',
  description: 'A Send Event node sends an event that bot.json declares disabled; it will not fire.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report) {
    const declared = project.config.events;
    for (const node of readJourney(file).nodes) {
      if (node.type !== 'sendEvent' || !node.event) continue;
      if (declared.get(node.event.value)?.enabled !== false) continue;
      report({
        offset: node.event.node.offset,
        length: node.event.node.length,
        message: `event \`${node.event.value}\` is disabled in bot.json: it will not fire until it is enabled`,
        data: { event: node.event.value },
      });
    }
  },
};
