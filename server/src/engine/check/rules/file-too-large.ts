// file-too-large: a bot file over the size limit is not read, so none of its content is checked.
import { formatSize } from '../../findings';
import { defineFileRule } from '../rule';

export const fileTooLarge = defineFileRule({
  code: 'file-too-large',
  severity: 'warning',
  scope: 'file',
  description: 'A bot file over the size limit was not read or checked.',
  explanation:
    'A stray data dump must not stall the editor, so a bot file over `maxFileSize` (2 MiB by default) is not read. Nothing in it is checked, and the checks say nothing definite about what it might define.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'report', 'function', 'test'],
  fixable: false,
  onUnreadFiles: true,
  messages: {
    tooLarge: ({ size, limit }: { size: number; limit: number }) =>
      `the file is ${formatSize(size)}, over the ${formatSize(limit)} limit for bot files (maxFileSize); it was not checked`,
  },
  check(file, report) {
    if (file.oversized) report({ offset: 0, length: 0, messageId: 'tooLarge', data: { size: file.size, limit: file.maxSize } });
  },
});
