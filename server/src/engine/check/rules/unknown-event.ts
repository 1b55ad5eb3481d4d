// unknown-event: a Send Event node, a function's `app.sendEvent` or a journey trigger names an event that is neither a
// platform event nor declared in bot.json.
import type { NamedValue } from '../../model/botFile';
import { sendEventNodesOf } from '../../model/functionCode';
import { readJourney } from '../../model/journey';
import { platformEvent, platformEvents } from '../../model/platformEvents';
import { declareEventFixes, didYouMeanFix } from '../fixes';
import { unknownNameMessages, unknownNameProblem } from '../../phrases/suggestions';
import { hasTemplate } from '../../model/template';
import { defineProjectRule } from '../rule';

export const unknownEvent = defineProjectRule({
  code: 'unknown-event',
  severity: 'error',
  scope: 'project',
  description: 'An event that is neither a platform event nor declared in bot.json.',
  explanation:
    'A Send Event node fires only an event the bot has: a misspelt `ui-event-close-promotion` sends nothing, so the banner never shows (or never closes) and the customer has no way back to the bot.',
  kinds: ['journey', 'function'],
  fixable: true,
  messages: unknownNameMessages('event', 'it is not a platform event and bot.json does not declare it'),
  check(file, project, report) {
    // While bot.json does not parse (or was not read), which events it declares is unknown.
    if (project.configUnknown) return;
    const declared = project.config.events;
    const names: NamedValue[] = [];
    const trigger = file.kind === 'journey' ? readJourney(file).triggerEvent : undefined;
    if (trigger) names.push(trigger);
    for (const node of sendEventNodesOf(file)) if (node.event) names.push(node.event);

    for (const name of names) {
      if (!name.value || hasTemplate(name.value) || declared.has(name.value) || platformEvent(name.value)) continue;
      const candidates = [...declared.keys(), ...platformEvents.map((e) => e.name)];
      const problem = unknownNameProblem(name.value, candidates);
      // In function code, `app.sendEvent` also sends events to the web page or app that hosts the
      // chat (the platform's documentation sends `verifiedUser` and `sendIOSEvent` so, declaring
      // nothing): a code unlike any known event is one of those. A near miss is a typo.
      if (file.kind === 'function' && problem.messageId === 'unknown') continue;
      report({ offset: name.node.offset, length: name.node.length, ...problem });
    }
  },
  fixes({ project, file, finding }) {
    if (finding.messageId === 'didYouMean') return [didYouMeanFix(file, finding, finding.data.suggestion)];
    // A custom event of the bot's own that bot.json does not declare yet.
    return declareEventFixes(project, finding.data.name);
  },
});
