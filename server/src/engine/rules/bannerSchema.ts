// banner-schema: the data of a Send Event node for a banner event is not a banner payload.
import { isBannerEvent } from '../platformEvents';
import { readJourney } from '../journey';
import { schemaProblems } from '../schemaProblems';
import { validateAgainst } from '../schemas';
import type { Rule } from './rule';

export const bannerSchema: Rule = {
  code: 'banner-schema',
  severity: 'error',
  description: 'The data of a Send Event node for a banner event is not a valid banner payload.',
  kinds: ['journey'],
  scope: 'file',
  check(file, _project, report) {
    if (file.syntaxProblems.length > 0) return;
    for (const node of readJourney(file).nodes) {
      // A close event without data just closes the banner.
      if (node.type !== 'sendEvent' || !isBannerEvent(node.event?.value) || !node.data) continue;
      const value = file.valueAt(node.data);
      for (const problem of schemaProblems(validateAgainst('banner', value), node.data, 'the banner payload')) {
        report({ ...problem, data: problem.suggestion ? { suggestion: problem.suggestion } : undefined });
      }
    }
  },
};
