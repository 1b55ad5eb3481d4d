// literal-secret: a value that looks like an API key or token is written into a bot file (a JSON
// file's strings, or a function file's string literals), where every clone of the repository can
// read it. Secrets are referred to by name instead.
import type * as jsonc from 'jsonc-parser';
import type { JsonPlace } from '../../model/botFile';
import { readFunctionCode } from '../../model/functionCode';
import { withoutTemplates } from '../../model/template';
import { defineFileRule } from '../rule';

/**
 * Shapes of well-known credentials, recognisable whatever property holds them and wherever they
 * sit in a string (a key in a URL's query). Adapted from the default rules of gitleaks
 * (https://github.com/gitleaks/gitleaks, config/gitleaks.toml, MIT; the rule id is given for each)
 * and secretlint's recommended preset (MIT). Neither is usable here as a package: secretlint's
 * rules run asynchronously through its own engine over whole files, and gitleaks is a Go binary.
 * Each pattern requires a provider prefix and a token body, so ordinary words never match.
 */
const TOKEN_SHAPES: readonly { name: string; pattern: RegExp; needs?: readonly string[] }[] = [
  { name: 'AWS access key id', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/ }, // aws-access-token
  { name: 'Google API key', pattern: /\bAIza[\w-]{35}\b/ }, // gcp-api-key
  { name: 'Google OAuth access token', pattern: /\bya29\.[\w-]{20,}/ }, // gcp-oauth (secretlint gcp)
  { name: 'Stripe key', pattern: /\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}\b/ }, // stripe-access-token
  { name: 'GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b/ }, // github-pat, github-oauth, github-app-token, github-refresh-token
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_\w{82}\b/ }, // github-fine-grained-pat
  { name: 'GitLab token', pattern: /\bglpat-[\w-]{20}\b/ }, // gitlab-pat
  { name: 'Slack token', pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/ }, // slack-bot-token, slack-user-token…
  { name: 'Slack webhook', pattern: /hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/]{43,}/ }, // slack-webhook-url
  { name: 'OpenAI or Anthropic key', pattern: /\bsk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}/ }, // openai-api-key, anthropic-api-key
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ }, // npm-access-token
  { name: 'SendGrid key', pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/ }, // sendgrid-api-token
  { name: 'Twilio key', pattern: /\bSK[0-9a-fA-F]{32}\b/ }, // twilio-api-key
  { name: 'Shopify token', pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/ }, // shopify-access-token…
  { name: 'private key', pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/ }, // private-key
  { name: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ }, // jwt
  // Credentials inside a URL: scheme://user:password@host (secretlint's basicauth rule).
  // The pattern backtracks over every scheme-like run of a string; most strings have no `://` or `@`.
  { name: 'password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}]+:[^\s/@{}]+@[^\s/@]+/i, needs: ['://', '@'] },
];

/**
 * Every shape without flags in one expression: a string it does not match matches none of them
 * (an alternation matches where one of its branches does), and one scan of a string costs less
 * than sixteen (some 9,000 strings of the bench's project get this far).
 */
const ANY_PLAIN_SHAPE = new RegExp(
  TOKEN_SHAPES.filter((shape) => !shape.pattern.flags)
    .map((shape) => `(?:${shape.pattern.source})`)
    .join('|'),
);

/** An authorization header value: a scheme and a credential that looks random (see `looksRandom`). */
const AUTHORIZATION_VALUE = /^(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]{12,}=*)$/i;

/** Property names that say their value is a credential. */
const SECRET_NAME = /(api[-_]?key|apikey|access[-_]?key|secret|token|password|passwd|authorization|credential)/i;
/**
 * A secret's name, such as TICKET_API_KEY or ticketApiKey: what bot.json's `apiKeySecret` accepts
 * (its schema's pattern) and belongs in a bot file instead of the value, as long as it reads as
 * words: no digit followed by a letter, as in the hex and base64 of real keys (`a8f5f167…`).
 */
function isSecretName(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !/\d[A-Za-z]/.test(value);
}

/**
 * Whether a credential-shaped value mixes characters as generated keys do: a digit and a letter,
 * or upper and lower case past the first letter (base64). `troubleshooting` does not.
 */
function looksRandom(value: string): boolean {
  return (/\d/.test(value) && /[A-Za-z]/.test(value)) || (/[A-Z]/.test(value.slice(1)) && /[a-z]/.test(value));
}

/**
 * What every credential recognised here has: 12 characters or more without a space (each token
 * shape, the credential of an authorization header, a random value under a secret-named property),
 * `://` (a password in a URL) or a PEM header (a private key). Most strings of a bot (sentences,
 * ids) have none, and one test rules them out instead of every pattern's.
 */
function mayHoldSecret(text: string): boolean {
  // A loop, not /\S{12}/, which backtracks at every position: this runs on every string of a project.
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) run = 0;
    else if (++run >= 12) return true;
  }
  return text.includes('://') || text.includes('-----BEGIN');
}

/** The kind of credential a value holds, or undefined. */
export function secretKindOf(value: string, key: string | undefined): string | undefined {
  // What the trimmed value holds the value holds too: most strings are ruled out before trimming.
  if (!mayHoldSecret(value)) return undefined;
  const trimmed = value.trim();
  if (!mayHoldSecret(trimmed)) return undefined;
  // Pasted text is not scanned past this many UTF-16 code units: a token is short.
  const text = trimmed.length > 100_000 ? trimmed.slice(0, 100_000) : trimmed;
  const maybeToken = ANY_PLAIN_SHAPE.test(text);
  const shape = TOKEN_SHAPES.find(
    (s) => (!s.needs || s.needs.every((part) => text.includes(part))) && (maybeToken || s.pattern.flags !== '') && s.pattern.test(text),
  );
  if (shape) return shape.name;
  const header = AUTHORIZATION_VALUE.exec(trimmed);
  if (header && looksRandom(header[1])) return 'authorization header value';
  // A URL under a secret-named property (a token endpoint) is an address; its credentials, if any, matched above.
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  if (key && SECRET_NAME.test(key) && trimmed.length >= 16 && !/\s/.test(trimmed) && !isUrl && !isSecretName(trimmed) && looksRandom(trimmed))
    return 'random value under a secret-named property';
  return undefined;
}

export const literalSecret = defineFileRule({
  code: 'literal-secret',
  severity: 'error',
  scope: 'file',
  description: 'A value that looks like an API key or token is written as a literal in a bot file.',
  explanation:
    "A bot project lives in a repository that every clone can read. The guide's last step calls a ticket close API, and the one public sample that does so embeds its key: keep keys in the platform's secrets and refer to them by name or template.",
  kinds: ['bot', 'intent', 'journey', 'function'],
  fixable: false,
  messages: {
    secret: ({ key, kind }: { key?: string; kind?: string }) =>
      `${key ? `\`${key}\` holds` : 'this is'} what looks like an API key or token written as a literal${kind ? ` (${kind})` : ''}: keep it in the platform's secrets and refer to it by name (bot.json \`ticketClose.apiKeySecret\`) or by a template`,
  },
  check(file, report) {
    if (file.syntaxProblems.length) return;
    // The literal text around a template is written in the file: a token beside one is still a token.
    const kindOf = (value: string, key: string | undefined) => secretKindOf(withoutTemplates(value), key);
    const onSecret = (node: { offset: number; length: number }, key: string | undefined, kind: string) =>
      report({ offset: node.offset, length: node.length, messageId: 'secret', data: key ? { key, kind } : { kind } });
    if (file.kind === 'function') {
      // Every string literal of the code (the platform's ticket-closing sample holds its key inline).
      for (const literal of readFunctionCode(file).strings) {
        const kind = kindOf(literal.value, literal.key);
        if (kind) onSecret(literal, literal.key, kind);
      }
      return;
    }
    const root = file.place;
    if (!root) return;
    // On the fast path the strings are read from the value; the tree is built only for a secret found.
    if (file.readsValues) {
      visitValue(root.json, undefined, [], (value, key, path) => {
        const kind = kindOf(value, key);
        if (kind) onSecret(nodeAtPath(root, path), key, kind);
      });
    } else {
      visitTree(root.node, undefined, (node, key) => {
        const kind = kindOf(node.value as string, key);
        if (kind) onSecret(node, key, kind);
      });
    }
  },
});

/** Every string of the tree (not the keys) with the key of the property it is under (arrays keep their property's). */
function visitTree(node: jsonc.Node, key: string | undefined, onString: (node: jsonc.Node, key: string | undefined) => void): void {
  if (node.type === 'string') onString(node, key);
  else if (node.type === 'property') {
    const [name, value] = node.children ?? [];
    if (value) visitTree(value, name?.value as string, onString);
  } else for (const child of node.children ?? []) visitTree(child, key, onString);
}

/** As `visitTree`, on a parsed value; `path` is where the string is (the array is reused: copy it to keep it). */
function visitValue(
  value: unknown,
  key: string | undefined,
  path: (string | number)[],
  onString: (value: string, key: string | undefined, path: readonly (string | number)[]) => void,
): void {
  if (typeof value === 'string') onString(value, key, path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      visitValue(value[i], key, path, onString);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    // for-in lists the same keys in the same order as Object.keys (JSON.parse's objects inherit
    // nothing enumerable), without an array of them per object.
    for (const name in value) {
      path.push(name);
      visitValue((value as Record<string, unknown>)[name], name, path, onString);
      path.pop();
    }
  }
}

/** The node of the value at `path` below `root`. */
function nodeAtPath(root: JsonPlace, path: readonly (string | number)[]): jsonc.Node {
  let place: JsonPlace | undefined = root;
  for (const segment of path) place = place?.child(segment);
  if (!place) throw new Error(`no value at ${path.join('/')}`);
  return place.node;
}
