// literal-secret: a value that looks like an API key or token is written into a bot file, where
// every clone of the repository can read it. Secrets are referred to by name instead.
import type * as jsonc from 'jsonc-parser';
import { hasTemplate } from '../template';
import { defineFileRule } from './rule';

/** Shapes of well-known credentials, recognisable whatever property holds them. */
const TOKEN_SHAPES: readonly RegExp[] = [
  /^sk-[A-Za-z0-9_-]{20,}$/, // OpenAI-style secret keys
  /^AKIA[0-9A-Z]{16}$/, // AWS access key ids
  /^gh[pousr]_[A-Za-z0-9]{30,}$/, // GitHub tokens
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/, // Slack tokens
  /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/, // JSON Web Tokens
  /^(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/-]{12,}=*$/i, // authorization header values
];

/** Property names that say their value is a credential. */
const SECRET_NAME = /(api[-_]?key|apikey|access[-_]?key|secret|token|password|passwd|authorization|credential)/i;
/** A secret's name, such as TICKET_API_KEY: what belongs in a bot file instead of its value. */
const SECRET_REFERENCE = /^[A-Z][A-Z0-9_]*$/;

export const literalSecret = defineFileRule({
  code: 'literal-secret',
  severity: 'error',
  scope: 'file',
  description: 'A value that looks like an API key or token is written as a literal in a bot file.',
  explanation:
    "A bot project lives in a repository that every clone can read. The guide's last step calls a ticket close API, and the one public sample that does so embeds its key: keep keys in the platform's secrets and refer to them by name or template.",
  kinds: ['bot', 'intent', 'journey'],
  fixable: false,
  messages: {
    secret: ({ key }: { key?: string }) =>
      `${key ? `\`${key}\` holds` : 'this is'} what looks like an API key or token written as a literal: keep it in the platform's secrets and refer to it by name (bot.json \`ticketClose.apiKeySecret\`) or by a template`,
  },
  check(file, report) {
    if (!file.root || file.syntaxProblems.length) return;
    visit(file.root, undefined, (node, key) => {
      const value = node.value as string;
      if (hasTemplate(value) || !looksLikeSecret(value, key)) return;
      report({ offset: node.offset, length: node.length, messageId: 'secret', data: key ? { key } : {} });
    });
  },
});

function looksLikeSecret(value: string, key: string | undefined): boolean {
  const trimmed = value.trim();
  if (TOKEN_SHAPES.some((shape) => shape.test(trimmed))) return true;
  return !!key && SECRET_NAME.test(key) && trimmed.length >= 16 && !/\s/.test(trimmed) && !SECRET_REFERENCE.test(trimmed);
}

function visit(node: jsonc.Node, key: string | undefined, onString: (node: jsonc.Node, key: string | undefined) => void): void {
  if (node.type === 'string') onString(node, key);
  else if (node.type === 'property') {
    const [name, value] = node.children ?? [];
    if (value) visit(value, name?.value as string, onString);
  } else for (const child of node.children ?? []) visit(child, key, onString);
}
