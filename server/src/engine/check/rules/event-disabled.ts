// event-disabled: a Send Event node (or a function's `app.sendEvent`) sends an event that bot.json declares with `enabled: false`;
// an inactive event does not fire.
import { sendEventNodesOf } from '../../model/functionCode';
import { declareEventFixes } from '../fixes';
import { defineProjectRule } from '../rule';

export const eventDisabled = defineProjectRule({
  code: 'event-disabled',
  severity: 'error',
  scope: 'project',
  description: 'A Send Event node sends an event that bot.json declares disabled; it will not fire.',
  explanation:
    'An inactive custom event does not fire ("Ensure the events are in the enabled state"): the Send Event node runs, yet the widget never shows or closes the banner.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    disabled: ({ event }: { event: string }) => `event \`${event}\` is disabled in bot.json: it will not fire until it is enabled`,
  },
  check(file, project, report) {
    // A bot.json that does not parse reports json-syntax only: what it declares is unknown.
    if (project.configUnknown) return;
    const declared = project.config.events;
    for (const node of sendEventNodesOf(file)) {
      if (!node.event) continue;
      if (declared.get(node.event.value)?.enabled !== false) continue;
      report({ offset: node.event.node.offset, length: node.event.node.length, messageId: 'disabled', data: { event: node.event.value } });
    }
  },
  fixes({ project, finding }) {
    return declareEventFixes(project, finding.data.event);
  },
});
