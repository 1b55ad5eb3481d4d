// file-unread: a bot file could not be read, so nothing in it is checked and the checks say
// nothing definite about what it might define.
import { defineFileRule } from '../rule';

export const fileUnread = defineFileRule({
  code: 'file-unread',
  severity: 'warning',
  scope: 'file',
  description: 'A bot file could not be read; the checks say nothing definite about what it defines.',
  explanation:
    'A file that could not be read (no permission, a symbolic link that loops or leads outside the folders being checked) is not a missing file: an intent it defines may well exist. Checks that would conclude something from what no file defines say so with less certainty instead of reporting a false error.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'report', 'function', 'test'],
  fixable: false,
  onUnreadFiles: true,
  messages: {
    unread: ({ reason }: { reason: string }) =>
      `the file could not be read: ${reason}; checks that depend on what it defines say nothing definite about it`,
  },
  check(file, report) {
    if (file.unreadReason !== undefined) report({ offset: 0, length: 0, messageId: 'unread', data: { reason: file.unreadReason } });
  },
});
