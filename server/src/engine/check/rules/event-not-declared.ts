// event-not-declared: a banner event is sent (by a Send Event node or a function's
// `app.sendEvent`) but not declared in bot.json. The guide's first step
// is to enable both custom events; one the bot does not have never reaches the widget.
import { sendEventNodesOf } from '../../model/functionCode';
import { isBannerEvent } from '../../model/platformEvents';
import { declareEventFixes } from '../fixes';
import { defineProjectRule } from '../rule';

export const eventNotDeclared = defineProjectRule({
  code: 'event-not-declared',
  severity: 'error',
  scope: 'project',
  description: 'A banner event is sent but not declared (and enabled) in bot.json.',
  explanation:
    "The guide's first step creates both banner events as custom events and enables them. An event the bot does not have never reaches the chat widget: the banner never shows, or never closes.",
  kinds: ['journey', 'function'],
  fixable: true,
  messages: {
    notDeclared: ({ event }: { event: string }) =>
      `custom event \`${event}\` is not declared in bot.json: declare and enable it, or the banner never changes`,
  },
  check(file, project, report) {
    // While bot.json does not parse (or was not read), which events it declares is unknown.
    if (project.configUnknown) return;
    const declared = project.config.events;
    for (const node of sendEventNodesOf(file)) {
      if (!node.event || !isBannerEvent(node.event.value)) continue;
      if (declared.has(node.event.value)) continue;
      report({ offset: node.event.node.offset, length: node.event.node.length, messageId: 'notDeclared', data: { event: node.event.value } });
    }
  },
  fixes({ project, finding }) {
    return declareEventFixes(project, finding.data.event);
  },
});
