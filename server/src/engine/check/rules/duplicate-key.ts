// duplicate-key: an object repeats a key. JSON.parse and the platform keep the last value, and so
// does every check; the earlier one is silently ignored, which is rarely what was meant.
import type * as jsonc from 'jsonc-parser';
import { fileEdit } from '../fixes';
import { defineFileRule } from '../rule';

export const duplicateKey = defineFileRule({
  code: 'duplicate-key',
  severity: 'error',
  scope: 'file',
  description: 'An object has two keys with the same name; only the last one counts.',
  explanation:
    'With two `event` keys in a Send Event node, or two `name` keys in an intent, the platform keeps the last value and drops the other without a word: the file says one thing to a reader and another to the bot. Every check reads the last value, as JSON.parse does.',
  kinds: ['bot', 'intent', 'journey', 'settings', 'test'],
  onUnparsableFiles: true,
  fixable: true,
  messages: {
    duplicate: ({ key }: { key: string }) =>
      `key \`${key}\` appears again later in this object: the last one is read (as by the platform) and this one is ignored`,
  },
  check(file, report) {
    // A file read from its value has no repeated key: its text holds no more property names than
    // JSON.parse's value has keys (see BotFile). Only the others need their tree walked.
    if (file.readsValues || !file.root) return;
    const stack: jsonc.Node[] = [file.root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'object') {
        const last = new Map<string, jsonc.Node>();
        for (const property of node.children ?? []) {
          const key = property.children?.[0];
          if (key?.type === 'string') last.set(key.value as string, property);
        }
        for (const property of node.children ?? []) {
          const key = property.children?.[0];
          if (key?.type === 'string' && last.get(key.value as string) !== property) {
            report({ offset: key.offset, length: key.length, messageId: 'duplicate', data: { key: key.value as string } });
          }
        }
      }
      for (const child of node.children ?? []) stack.push(child);
    }
  },
  fixes({ file, finding }) {
    const property = file.root && findProperty(file.root, finding.offset);
    const siblings = property?.parent?.children;
    if (!property || !siblings) return [];
    const i = siblings.indexOf(property);
    // Take the comma with it: up to the next property, or from the previous one when it is last.
    const [start, end] =
      i < siblings.length - 1
        ? [property.offset, siblings[i + 1].offset]
        : i > 0
          ? [siblings[i - 1].offset + siblings[i - 1].length, property.offset + property.length]
          : [property.offset, property.offset + property.length];
    return [
      fileEdit(
        file,
        `Remove the earlier \`${finding.data.key}\` (the last one is the one read)`,
        [{ offset: start, length: end - start, newText: '' }],
        true,
      ),
    ];
  },
});

/** The property whose key starts at `offset`. */
function findProperty(root: jsonc.Node, offset: number): jsonc.Node | undefined {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'property' && node.children?.[0]?.offset === offset) return node;
    if (node.offset <= offset && offset < node.offset + node.length) for (const child of node.children ?? []) stack.push(child);
  }
  return undefined;
}
