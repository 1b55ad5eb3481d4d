// unknown-journey: a Jump to Journey node names a journey no file defines.
import { readJourney } from '../journey';
import { indexOf } from '../projectIndex';
import { unknownName } from '../suggestions';
import type { Rule } from './rule';

export const unknownJourney: Rule = {
  code: 'unknown-journey',
  severity: 'error',
  description: 'A Jump to Journey node names a journey that no journey file defines.',
  kinds: ['journey'],
  scope: 'project',
  check(file, project, report) {
    const journeys = indexOf(project).journeysByName;
    for (const node of readJourney(file).nodes) {
      const target = node.type === 'jumpToJourney' ? node.journey : undefined;
      if (!target || !target.value || journeys.has(target.value)) continue;
      const unknown = unknownName('journey', target.value, journeys.keys(), 'no file in journeys/ defines it');
      report({ offset: target.node.offset, length: target.node.length, ...unknown });
    }
  },
};
