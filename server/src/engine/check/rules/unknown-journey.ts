// unknown-journey: a Jump to Journey node names a journey no file defines.
import { readJourney } from '../../model/journey';
import { indexOf } from '../../analysis/projectIndex';
import { didYouMeanFix } from '../fixes';
import { unknownNameMessages, unknownNameProblem } from '../../phrases/suggestions';
import { defineProjectRule } from '../rule';

export const unknownJourney = defineProjectRule({
  code: 'unknown-journey',
  severity: 'error',
  scope: 'project',
  description: 'A Jump to Journey node names a journey that no journey file defines.',
  explanation:
    'A jump to a journey that does not exist ends the conversation there: the steps after it, such as closing the banner or the ticket, never run.',
  kinds: ['journey'],
  fixable: true,
  messages: {
    ...unknownNameMessages('journey', 'no file in journeys/ defines it'),
    unread: ({ name, files, count }: { name: string; files: string; count: number }) =>
      `no journey file that was read defines \`${name}\`; ${files} ${count === 1 ? 'was' : 'were'} not read (too large, unreadable or not valid JSON), so it may be defined there`,
  },
  check(file, project, report) {
    const journeys = indexOf(project).journeysByName;
    const unread = project.unreadFiles('journey');
    for (const node of readJourney(file).nodes) {
      const target = node.type === 'jumpToJourney' ? node.journey : undefined;
      if (!target || !target.value || journeys.has(target.value)) continue;
      if (unread.length) {
        report({
          offset: target.node.offset,
          length: target.node.length,
          severity: 'info',
          messageId: 'unread',
          data: { name: target.value, files: unread.join(', '), count: unread.length },
        });
        continue;
      }
      report({ offset: target.node.offset, length: target.node.length, ...unknownNameProblem(target.value, journeys.keys()) });
    }
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});
