// unknown-event: a Send Event node or a journey trigger names an event that is neither a
// platform event nor declared in bot.json.
import type { NamedValue } from '../botFile';
import { readJourney } from '../journey';
import { platformEvent, platformEvents } from '../platformEvents';
import { unknownName } from '../suggestions';
import { hasTemplate } from '../template';
import type { Rule } from './rule';

export const unknownEvent: Rule = {
  code: 'unknown-event',
  severity: 'error',
  description: 'An event that is neither a platform event nor declared in bot.json.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report) {
    const declared = project.config.events;
    const journey = readJourney(file);
    const names: NamedValue[] = [];
    if (journey.triggerEvent) names.push(journey.triggerEvent);
    for (const node of journey.nodes) if (node.type === 'sendEvent' && node.event) names.push(node.event);

    for (const name of names) {
      if (!name.value || hasTemplate(name.value) || declared.has(name.value) || platformEvent(name.value)) continue;
      const candidates = [...declared.keys(), ...platformEvents.map((e) => e.name)];
      const unknown = unknownName('event', name.value, candidates, 'it is not a platform event and bot.json does not declare it');
      report({ offset: name.node.offset, length: name.node.length, ...unknown });
    }
  },
};
