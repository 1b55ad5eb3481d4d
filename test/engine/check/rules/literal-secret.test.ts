import { journeyWith } from '../../support/projectFixture';
import { RuleTester } from '../ruleTester';

const token = 'sk-live0123456789abcdefghijKLMN';
const SECRET = (kind: string) =>
  `what looks like an API key or token written as a literal (${kind}): keep it in the platform's secrets and refer to it by name (bot.json \`ticketClose.apiKeySecret\`) or by a template`;

new RuleTester().run('literal-secret', {
  valid: [
    {
      name: 'function code without secrets: a template for the key, ordinary words',
      files: {
        'functions/close.js':
          "return new Promise((resolve) => {\n  const auth = 'Bearer {{{secrets.TICKET_API_KEY}}}';\n  const note = 'troubleshooting the handoff';\n  resolve(auth + note);\n});\n",
      },
    },
    {
      name: 'secret names and templates',
      files: {
        'bot.json': { name: 'b', events: [], ticketClose: { target: 'api', url: 'https://x.example/close', apiKeySecret: 'TICKET_API_KEY' } },
        'journeys/j.json': journeyWith([{ id: 'a', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}' }]),
      },
    },
  ],
  invalid: [
    {
      name: 'a token beside a template: the literal text around the template is checked (issue 25)',
      files: {
        'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: `Bearer a8F5f167F44f4964e6c998dee827110c {{{variables.ticketId}}}` }]),
      },
      errors: [
        {
          messageId: 'secret',
          data: { key: 'text', kind: 'authorization header value' },
          at: '"Bearer a8F5f167F44f4964e6c998dee827110c {{{variables.ticketId}}}"',
        },
      ],
    },
    {
      name: "in function code: the string literals, such as the platform's ticket-closing sample's inline key (issue 25)",
      files: {
        'functions/close-ticket.js': [
          'return new Promise((resolve) => {',
          "  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer a8F5f167F44f4964e6c998dee827110c ${app.data.x}` };",
          `  const apiKey = '${token}';`,
          "  const url = 'https://x.example/tickets/{{{variables.ticketId}}}/close';",
          '  resolve({ headers, apiKey, url });',
          '});',
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'secret', data: { key: 'Authorization', kind: 'authorization header value' }, at: 'Bearer a8F5f167F44f4964e6c998dee827110c ' },
        { messageId: 'secret', data: { key: 'apiKey', kind: 'OpenAI or Anthropic key' }, at: `'${token}'` },
      ],
    },
    {
      name: 'a token by its shape, wherever it stands',
      files: { 'journeys/j.json': journeyWith([{ id: 'a', type: 'message', text: token }]) },
      errors: [
        {
          messageId: 'secret',
          message: `\`text\` holds ${SECRET('OpenAI or Anthropic key')}`,
          data: { key: 'text', kind: 'OpenAI or Anthropic key' },
          at: `"${token}"`,
        },
      ],
    },
    {
      name: 'a long value under a name that says it is secret',
      files: {
        'bot.json': {
          name: 'b',
          events: [],
          ticketClose: { target: 'api', url: 'https://x.example', apiKeySecret: 'a8f5f167f44f4964e6c998dee827110c' },
        },
      },
      errors: [
        {
          messageId: 'secret',
          message: `\`apiKeySecret\` holds ${SECRET('random value under a secret-named property')}`,
          at: '"a8f5f167f44f4964e6c998dee827110c"',
        },
      ],
    },
  ],
});
