// The pieces of a multilingual project for the translation checks' tests: bot.json with its
// languages, a Translations export, and a function that sends the platform's localized banner.
import { validBot } from '../../support/projectFixture';

export const T = 'translations/translations.csv';
export const F = 'functions/show-exit-banner.js';
export const INTENT = 'intents/talk_to_bot.json';

/** bot.json declaring `languages` (and the banner events of the fixture's bot). */
export const botIn = (...languages: string[]) => ({ ...validBot, languages });

/** A Translations export: a header, then one line per row, CRLF as spreadsheets write. */
export const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';

/** A function body (as Studio's editor holds it) that sends `data`, written as JavaScript. */
export const sending = (data: string, before = '') =>
  `return new Promise((resolve) => {\n  ${before}app.sendEvent({ code: 'ui-event-update-promotion', data: ${data} });\n  resolve();\n});\n`;

/** The localized banner asking to type the phrase its title quotes, in each language. */
export const typedBanner = (key = 'exit_banner_type', fallback = "''") => `[{ title: app.renderMessage('${key}', {}, ${fallback}), options: [] }]`;

/** The platform's localized banner: rendered titles, and a button whose text is a fixed phrase (or a rendered one). */
export const buttonBanner = (text = "'talk to bot'") =>
  `[{ title: app.renderMessage('exit_banner_title', {}, ''), options: [{ title: app.renderMessage('exit_button', {}, 'Exit'), text: ${text} }] }]`;
