// event-disabled: a Send Event node (or a function's `app.sendEvent`) sends an event that bot.json declares with `enabled: false`;
// an inactive event does not fire. Reported at each such node and at the `enabled: false` in bot.json.
import { relativePath } from '../../model/botFile';
import { sendEventNodesOf } from '../../model/functionCode';
import type { BotProject } from '../../project/project';
import { declareEventFixes } from '../fixes';
import { defineProjectRule } from '../rule';

export const eventDisabled = defineProjectRule({
  code: 'event-disabled',
  severity: 'error',
  scope: 'project',
  description: 'A Send Event node sends an event that bot.json declares disabled; it will not fire.',
  explanation:
    'An inactive custom event does not fire ("Ensure the events are in the enabled state"): the Send Event node runs, yet the widget never shows or closes the banner.',
  kinds: ['journey', 'function', 'bot'],
  fixable: true,
  messages: {
    disabled: ({ event }: { event: string }) => `event \`${event}\` is disabled in bot.json: it will not fire until it is enabled`,
    /** On bot.json itself, where the edit that disabled the event was made. */
    disabledHere: ({ event, senders }: { event: string; senders: string }) =>
      `event \`${event}\` is disabled here, so it does not fire when ${senders} sends it: enable it`,
  },
  check(file, project, report) {
    // A bot.json that does not parse reports json-syntax only: what it declares is unknown.
    if (project.configUnknown) return;
    const declared = project.config.events;
    if (file.kind === 'bot') {
      // One error, reported where each reader looks: at the Send Event nodes, and here, where the
      // edit was made. Only for an event some journey or function sends (an unused one does no harm).
      for (const event of declared.values()) {
        if (event.enabled !== false || !event.enabledAt) continue;
        const senders = sendersOf(project, event.name.value);
        if (!senders.length) continue;
        const named = senders.length > 3 ? `${senders.slice(0, 3).join(', ')} and ${senders.length - 3} more` : senders.join(', ');
        const at = event.enabledAt.node;
        report({ offset: at.offset, length: at.length, messageId: 'disabledHere', data: { event: event.name.value, senders: named } });
      }
      return;
    }
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

/** The journeys and function files (relative paths, in project order) with a Send Event node for `event`. */
function sendersOf(project: BotProject, event: string): string[] {
  const files = [...project.filesOfKind('journey'), ...project.filesOfKind('function')];
  return files.filter((f) => sendEventNodesOf(f).some((n) => n.event?.value === event)).map((f) => relativePath(project.root, f.path));
}
