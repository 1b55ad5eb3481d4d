// unknown-intent: a journey's trigger names an intent no file defines.
import { readJourney } from '../../model/journey';
import { indexOf } from '../../analysis/projectIndex';
import { didYouMeanFix } from '../fixes';
import { unknownNameMessages, unknownNameProblem } from '../../phrases/suggestions';
import { defineProjectRule } from '../rule';

export const unknownIntent = defineProjectRule({
  code: 'unknown-intent',
  severity: 'error',
  scope: 'project',
  description: 'A journey is triggered by an intent that no intent file defines.',
  explanation:
    'A journey starts only from an intent the bot is trained with: a trigger naming no intent never fires, so the exit phrase starts nothing and the customer stays with the agent.',
  kinds: ['journey'],
  fixable: true,
  messages: {
    ...unknownNameMessages('intent', 'no file in intents/ defines it'),
    unread: ({ name, files, count }: { name: string; files: string; count: number }) =>
      `no intent file that was read defines \`${name}\`; ${files} ${count === 1 ? 'was' : 'were'} not read (too large, unreadable or not valid JSON), so it may be defined there`,
  },
  check(file, project, report) {
    const trigger = readJourney(file).triggerIntent;
    const intents = indexOf(project).intentsByName;
    if (!trigger || !trigger.value || intents.has(trigger.value)) return;
    const unread = project.unreadFiles('intent');
    if (unread.length) {
      report({
        offset: trigger.node.offset,
        length: trigger.node.length,
        severity: 'info',
        messageId: 'unread',
        data: { name: trigger.value, files: unread.join(', '), count: unread.length },
      });
      return;
    }
    report({ offset: trigger.node.offset, length: trigger.node.length, ...unknownNameProblem(trigger.value, intents.keys()) });
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});
