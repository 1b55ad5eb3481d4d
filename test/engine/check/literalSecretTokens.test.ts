// literal-secret against made-up tokens of every kind the issue names, and ordinary text that must
// not be reported (issue 10, section 7). Every token here is invented: right shape, no meaning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretKindOf } from '../../../server/src/engine/check/rules/literal-secret';
import { journeyWith, ProjectFixture } from '../support/projectFixture';

const body = (n: number, alphabet = 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8') =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('');

const TOKENS: [string, string][] = [
  ['Google API key', `AIza${body(35)}`],
  ['Stripe key', `sk_live_${body(24)}`],
  ['Stripe key', `rk_live_${body(24)}`],
  ['Stripe key', `sk_test_${body(24)}`],
  ['GitHub fine-grained token', `github_pat_${body(22)}_${body(59)}`],
  ['GitHub token', `ghp_${body(36)}`],
  ['AWS access key id', 'AKIAZ3XAMPLE7EXAMPLE'],
  ['Slack token', `xoxb-1234567890-${body(24)}`],
  ['OpenAI or Anthropic key', `sk-proj-${body(40)}`],
  ['GitLab token', `glpat-${body(20)}`],
  ['npm token', `npm_${body(36)}`],
  ['password in a URL', 'https://support-bot:s3cr3t-Pa55@tickets.example.com/api/close'],
  ['password in a URL', 'ftp://admin:hunter2@files.example.org'],
  ['JSON Web Token', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${body(43)}`],
  ['private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA'],
  ['authorization header value', `Bearer ${body(32)}`],
];

describe('literal-secret: made-up tokens of each kind', () => {
  for (const [kind, token] of TOKENS) {
    it(`reports a ${kind} in a message, on the string, naming the kind`, () => {
      const fixture = new ProjectFixture({ 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: token }]) });
      const findings = fixture.findings('journeys/j.json', 'literal-secret');
      assert.equal(findings.length, 1, token);
      assert.equal(findings[0].offset, fixture.offsetOf('journeys/j.json', JSON.stringify(token)));
      assert.equal(findings[0].length, JSON.stringify(token).length);
      assert.equal(
        findings[0].message,
        `\`text\` holds what looks like an API key or token written as a literal (${kind}): keep it in the platform's secrets and refer to it by name (bot.json \`ticketClose.apiKeySecret\`) or by a template`,
      );
    });
  }

  it('finds a key inside a longer string, such as a URL query', () => {
    assert.equal(secretKindOf(`https://maps.example.com/api?key=AIza${body(35)}&q=1`, 'url'), 'Google API key');
  });
});

describe('literal-secret: ordinary text and secret names are not reported', () => {
  const ORDINARY = [
    'basic troubleshooting',
    'Basic troubleshooting',
    'Basic Troubleshooting',
    'Bearer of bad news',
    'Token authentication',
    'token expired, please sign in again',
    'risk_live_demo',
    'https://support.example.com/api/tickets/close',
    'https://support.example.com:8443/api@v2',
    'mailto:help@example.com',
    'user@example.com',
    'sk-',
    'ask_live_agent',
  ];
  for (const text of ORDINARY) {
    it(`does not report ${JSON.stringify(text)}`, () => {
      assert.equal(secretKindOf(text, 'text'), undefined);
      assert.equal(secretKindOf(text, 'token'), undefined);
    });
  }

  for (const name of ['TICKET_API_KEY', 'ticketApiKeySecret', 'ticket_close_api_key_v2', 'SUPPORT_BOT_TOKEN_2']) {
    it(`accepts the secret name ${name} that bot.json's schema accepts`, () => {
      const fixture = new ProjectFixture({
        'bot.json': { name: 'b', events: [], ticketClose: { target: 'api', url: 'https://x.example/close', apiKeySecret: name } },
      });
      assert.deepEqual(fixture.findings('bot.json', 'literal-secret'), []);
      assert.deepEqual(fixture.findings('bot.json', 'schema'), []);
    });
  }

  it('still reports a key written where the secret name belongs', () => {
    assert.equal(secretKindOf('a8f5f167f44f4964e6c998dee827110c', 'apiKeySecret'), 'random value under a secret-named property');
    assert.equal(secretKindOf('dXNlcjpwYXNzd29yZA', 'password'), 'random value under a secret-named property');
  });

  it('leaves templated credentials alone', () => {
    const fixture = new ProjectFixture({
      'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: 'https://{{{variables.user}}}:{{{variables.pass}}}@x.example' }]),
    });
    assert.deepEqual(fixture.findings('journeys/j.json', 'literal-secret'), []);
  });
});
