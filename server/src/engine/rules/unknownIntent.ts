// unknown-intent: a journey's trigger names an intent no file defines.
import { readJourney } from '../journey';
import { indexOf } from '../projectIndex';
import { unknownName } from '../suggestions';
import type { Rule } from './rule';

export const unknownIntent: Rule = {
  code: 'unknown-intent',
  severity: 'error',
  description: 'A journey is triggered by an intent that no intent file defines.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report) {
    const trigger = readJourney(file).triggerIntent;
    const intents = indexOf(project).intentsByName;
    if (!trigger || !trigger.value || intents.has(trigger.value)) return;
    const unknown = unknownName('intent', trigger.value, intents.keys(), 'no file in intents/ defines it');
    report({ offset: trigger.node.offset, length: trigger.node.length, ...unknown });
  },
};
