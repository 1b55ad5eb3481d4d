// Completion of the names a bot file refers to: events, intents, journeys, node ids, the
// utterances a banner option's text may use, and the translation keys function code renders.
import * as jsonc from 'jsonc-parser';
import snippets from '../../../../snippets/bot-files.json';
import { relativePath, type BotFile } from '../model/botFile';
import { bannerPayloadsOf } from '../analysis/exitPhrases';
import { readConversationTests } from '../model/conversationTest';
import { readJourney } from '../model/journey';
import { platformEvents } from '../model/platformEvents';
import type { BotProject } from '../project/project';
import { indexOf } from '../analysis/projectIndex';
import { intentsToTrain } from '../check/rules/option-text-mismatch';
import { translationKeyMarkdown } from './translationKeys';
import { botLanguages, projectTranslationsOf } from '../analysis/translations';
import { javaScriptString } from '../edits/edits';

/**
 * What a completion names: an event, an intent, a journey, a node id, an utterance (for a banner
 * button's text or a test's `say`), a banner snippet, a translation key (in a function's
 * `app.renderMessage`), a banner option's title (a test's `click`), or one of the values a test's
 * field takes (a ticket outcome, a banner state…).
 */
export type CompletionKind = 'event' | 'intent' | 'journey' | 'node' | 'utterance' | 'snippet' | 'translationKey' | 'option' | 'value';

/**
 * One completion item: `insertText` (a JSON string with its quotes, or the quote a function file's
 * literal uses; LSP snippet syntax when `snippet`) replaces the UTF-16 range `replace` of the
 * file's text. `sortText` is `<rank>-<label>`, rank 0 the most likely.
 */
export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label. */
  readonly detail: string;
  /** Markdown shown for the selected item. */
  readonly documentation?: string;
  /** The JSON text to insert (a quoted string, or a snippet), replacing `replace`. */
  readonly insertText: string;
  /** `insertText` is a snippet with tab stops (`\${1:...}`). */
  readonly snippet?: boolean;
  readonly replace: { readonly offset: number; readonly length: number };
  /** Sort key: the most likely first. */
  readonly sortText: string;
}

/**
 * The completions at a 0-based UTF-16 `offset` of `file`'s text: events, intents, journeys and
 * node ids where a journey names one, the project's utterances in a banner button's `text` (exit
 * intents' first), the guide's two banners as snippets in an empty `data`, event names in a
 * function file's `app.sendEvent({ code })` and translation keys in its `app.renderMessage(key)`.
 * In a test file: the names and values each step and fact takes (utterances to `say`, option
 * titles to `click`, journeys, intents, node ids, events, outcomes and states). Empty elsewhere,
 * and in other kinds of file.
 */
export function completionsAt(project: BotProject, file: BotFile, offset: number): Completion[] {
  if (file.kind === 'function') {
    const keys = translationKeyCompletions(project, file, offset);
    return keys.length ? keys : functionEventCompletions(project, file, offset);
  }
  if (file.kind === 'test' && file.root) return testCompletions(project, file, offset);
  if (file.kind !== 'journey' || !file.root) return [];
  const location = jsonc.getLocation(file.text, offset);
  const at = location.path;
  const node = jsonc.findNodeAtOffset(file.root, offset);
  // Between the braces of an empty `"data": {}`, the parser expects a key; a banner fits there.
  if (at.length === 4 && at[0] === 'nodes' && at[2] === 'data' && at[3] === '' && node?.type === 'object' && !node.children?.length) {
    return bannerSnippets(project, node, offset);
  }
  if (location.isAtPropertyKey) return [];
  const last = at[at.length - 1];
  // Inside a string: replace it whole; elsewhere (after a colon): insert at the cursor.
  const replace = node?.type === 'string' ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  const index = indexOf(project);
  const item = (label: string, kind: CompletionKind, detail: string, documentation?: string, rank = 1): Completion => ({
    label,
    kind,
    detail,
    documentation,
    insertText: JSON.stringify(label),
    replace,
    sortText: `${rank}-${label}`,
  });

  if (last === 'data' && at[0] === 'nodes' && at.length === 3) {
    return bannerSnippets(project, node, offset);
  }
  if (last === 'event' && (at[0] === 'trigger' || at[0] === 'nodes')) {
    return eventCompletions(project, item);
  }
  if (at[0] === 'trigger' && last === 'intent') {
    return [...index.intentsByName].map(([name, [entry]]) =>
      item(name, 'intent', `intent, ${entry.intent.utterances.length} utterance(s)`, entry.intent.utterances.map((u) => `- ${u.value}`).join('\n')),
    );
  }
  if (at[0] === 'nodes' && last === 'journey') {
    return [...index.journeysByName.keys()].map((name) => item(name, 'journey', 'journey'));
  }
  const journey = readJourney(file);
  if ((at.length === 1 && last === 'start') || (at[0] === 'nodes' && (last === 'next' || at[at.length - 2] === 'next'))) {
    return journey.nodes.filter((n) => n.id).map((n) => item(n.id!.value, 'node', `${n.type ?? 'node'} node`));
  }
  // Only in the buttons the banner model reads: in a payload with both `banners` and
  // `quickReplies`, the `quickReplies` buttons are never shown, so no phrase is offered there.
  if (last === 'text' && at.includes('options') && at.includes('data') && isReadBannerOption(file, offset)) {
    // The exit intent's utterances first: alphabetical order put `talk to an agent` one Enter away
    // from a button that calls an agent again.
    const rank = utteranceRanks(project);
    return index.utterances.map((u) =>
      item(
        u.utterance.value,
        'utterance',
        `utterance of intent ${u.intentName}`,
        `Starts the journeys of intent \`${u.intentName}\`.`,
        rank(u.intentName),
      ),
    );
  }
  return [];
}

type ItemMaker = (label: string, kind: CompletionKind, detail: string, documentation?: string, rank?: number) => Completion;

/** The values of a test's fields whose values are a closed set, as the test schema lists them. */
const TEST_VALUES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  ticket: [
    ['agentConnected', 'an agent takes the chat'],
    ['agentsUnavailable', 'no agent is available'],
    ['ticketClosed', 'the ticket is closed'],
    ['error', 'the ticket could not be raised'],
  ],
  'expect.ticket': [
    ['none', 'never raised, or raising it failed'],
    ['raised', 'waiting for an agent'],
    ['agentConnected', 'an agent holds the chat'],
    ['closed', 'closed, or no agent took it'],
  ],
  'expect.banner': [
    ['none', 'never shown'],
    ['shown', 'on screen'],
    ['hidden', 'shown, then closed'],
  ],
  'expect.with': [
    ['bot', 'the bot holds the chat'],
    ['agent', 'an agent holds the chat'],
  ],
};

/**
 * In a test file (tests/*.json): at `tests[i].steps[j].<input>` or `….expect.<fact>`, the names
 * and values it takes. A node id is offered from the journey named beside it (`startJourney`, or
 * the same `expect`'s `journey`), else from every journey.
 */
function testCompletions(project: BotProject, file: BotFile, offset: number): Completion[] {
  const location = jsonc.getLocation(file.text, offset);
  const at = location.path;
  if (location.isAtPropertyKey || at[0] !== 'tests' || at[2] !== 'steps' || typeof at[1] !== 'number' || typeof at[3] !== 'number') return [];
  const field = at.length === 5 ? String(at[4]) : at.length === 6 && at[4] === 'expect' ? `expect.${String(at[5])}` : undefined;
  if (field === undefined) return [];
  const node = jsonc.findNodeAtOffset(file.root!, offset);
  const replace = node?.type === 'string' ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  const item: ItemMaker = (label, kind, detail, documentation, rank = 1) => ({
    label,
    kind,
    detail,
    documentation,
    insertText: JSON.stringify(label),
    replace,
    sortText: `${rank}-${label}`,
  });
  const index = indexOf(project);
  const values = TEST_VALUES[field];
  if (values) return values.map(([value, meaning], rank) => item(value, 'value', meaning, undefined, rank));
  switch (field) {
    case 'say': {
      const rank = utteranceRanks(project);
      return [...new Map(index.utterances.map((u) => [u.utterance.value, u])).values()].map((u) =>
        item(
          u.utterance.value,
          'utterance',
          `utterance of intent ${u.intentName}`,
          `Starts the journeys of intent \`${u.intentName}\`.`,
          rank(u.intentName),
        ),
      );
    }
    case 'click':
      return optionTitles(project).map(([title, where]) => item(title, 'option', 'banner option', where));
    case 'event':
    case 'expect.eventSent':
      return eventCompletions(project, item);
    case 'startJourney':
    case 'expect.journey':
      return [...index.journeysByName.keys()].map((name) => item(name, 'journey', 'journey'));
    case 'expect.intent':
      return [...index.intentsByName].map(([name, [entry]]) =>
        item(name, 'intent', `intent, ${entry.intent.utterances.length} utterance(s)`, entry.intent.utterances.map((u) => `- ${u.value}`).join('\n')),
      );
    case 'node':
    case 'expect.node': {
      const step = readConversationTests(file).find((t) => t.index === at[1])?.steps[at[3] as number];
      const journey =
        step?.kind === 'input' && step.input === 'startJourney'
          ? step.value?.value
          : step?.kind === 'expect'
            ? (step.facts.find((f) => f.fact === 'journey')?.value as string | undefined)
            : undefined;
      const files = journey !== undefined ? (index.journeysByName.get(journey) ?? []).slice(0, 1).map((e) => e.file) : project.filesOfKind('journey');
      const items = new Map<string, Completion>();
      for (const journeyFile of files) {
        const name = readJourney(journeyFile).name?.value ?? '';
        for (const n of readJourney(journeyFile).nodes)
          if (n.id && !items.has(n.id.value)) items.set(n.id.value, item(n.id.value, 'node', `${n.type ?? 'node'} node of journey ${name}`));
      }
      return [...items.values()];
    }
    default:
      return [];
  }
}

/** The titles of the options of every banner the journeys send, each once, with where the first is. */
function optionTitles(project: BotProject): [string, string][] {
  const titles = new Map<string, string>();
  for (const journey of project.filesOfKind('journey')) {
    for (const { sendEvent, payload } of bannerPayloadsOf(journey)) {
      for (const banner of payload.banners) {
        for (const option of banner.options) {
          const title = option.title ? journey.valueAt(option.title) : undefined;
          const text = option.text ? journey.valueAt(option.text) : undefined;
          if (typeof title !== 'string' || titles.has(title)) continue;
          const sends = typeof text === 'string' ? `sends "${text}"` : 'sends no text';
          titles.set(title, `Node \`${sendEvent.id?.value ?? ''}\` of journey \`${readJourney(journey).name?.value ?? ''}\`: ${sends}.`);
        }
      }
    }
  }
  return [...titles];
}

/** The events a bot can send: those bot.json declares (enabled first), then the platform's. */
function eventCompletions(project: BotProject, item: ItemMaker): Completion[] {
  const declared = project.config.events;
  const items = [...declared.values()].map((e) =>
    item(
      e.name.value,
      'event',
      e.enabled === false ? 'custom event (disabled in bot.json)' : 'custom event, declared in bot.json',
      platformEvents.find((p) => p.name === e.name.value)?.description,
      e.enabled === false ? 3 : 0,
    ),
  );
  for (const event of platformEvents) {
    if (!declared.has(event.name)) items.push(item(event.name, 'event', `${event.kind} event`, event.description, event.kind === 'banner' ? 1 : 2));
  }
  return items;
}

/**
 * In a function file, the event names inside the `code: "…"` string of an `app.sendEvent(...)`
 * call. Read from the text around the cursor, not the syntax tree: while the name is being typed
 * the string is often unterminated, so the file does not parse. The whole string is replaced,
 * with the quote it was written with.
 */
function functionEventCompletions(project: BotProject, file: BotFile, offset: number): Completion[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const before = file.text.slice(lineStart, offset);
  const match = /\bcode\s*:\s*(["'`])([^"'`\\\n]*)$/.exec(before);
  if (!match) return [];
  // Only in a sendEvent call: `code:` is a common property name.
  const callText = file.text.slice(Math.max(0, lineStart - 400), offset);
  if (!/\bsendEvent\s*\(/.test(callText)) return [];
  const quote = match[1];
  const start = offset - match[2].length - 1;
  const lineEnd = file.text.indexOf('\n', offset) < 0 ? file.text.length : file.text.indexOf('\n', offset);
  const rest = file.text.slice(offset, lineEnd);
  const close = new RegExp(`^[^"'\`\\\\]*${quote === '`' ? '`' : quote}`).exec(rest);
  const replace = { offset: start, length: offset - start + (close ? close[0].length : 0) };
  return eventCompletions(project, (label, kind, detail, documentation, rank = 1) => ({
    label,
    kind,
    detail,
    documentation,
    insertText: `${quote}${label}${quote}`,
    replace,
    sortText: `${rank}-${label}`,
  }));
}

/**
 * In a function file, the translation keys inside the first argument of an `app.renderMessage(`
 * call, read from the text around the cursor (the string is often unterminated while it is typed,
 * so the file does not parse). The whole string is replaced, in the quote it was written with.
 */
function translationKeyCompletions(project: BotProject, file: BotFile, offset: number): Completion[] {
  const lineStart = file.text.lastIndexOf('\n', offset - 1) + 1;
  const match = /\brenderMessage\s*\(\s*(["'`])([^"'`\\\n]*)$/.exec(file.text.slice(lineStart, offset));
  if (!match) return [];
  const quote = match[1] as '"' | "'" | '`';
  const start = offset - match[2].length - 1;
  const lineEnd = file.text.indexOf('\n', offset) < 0 ? file.text.length : file.text.indexOf('\n', offset);
  const close = new RegExp(`^[^"'\`\\\\]*${quote}`).exec(file.text.slice(offset, lineEnd));
  const replace = { offset: start, length: offset - start + (close ? close[0].length : 0) };
  const { defaultLanguage } = botLanguages(project);
  const completions: Completion[] = [];
  for (const [key, entry] of projectTranslationsOf(project).byKey) {
    const text = entry.row.text(defaultLanguage)?.value.trim();
    completions.push({
      label: key,
      kind: 'translationKey',
      detail: text ? `${defaultLanguage.name}: ${text}` : `translation key, ${relativePath(project.root, entry.file.path)}`,
      documentation: translationKeyMarkdown(project, key),
      insertText: quote === '"' ? JSON.stringify(key) : javaScriptString(key, quote),
      replace,
      sortText: key,
    });
  }
  return completions;
}

/**
 * How likely an intent's utterances are to be a banner's exit phrase, 0 being the most: intents
 * that start a journey closing the banner or the ticket (`intentsToTrain`'s first), then those
 * that start some journey, then the rest.
 */
function utteranceRanks(project: BotProject): (intent: string) => number {
  const index = indexOf(project);
  const exits = new Set(
    intentsToTrain(project)
      .filter((i) => i.exits)
      .map((i) => i.name),
  );
  return (intent) => (exits.has(intent) ? 0 : index.journeysByIntent.has(intent) ? 1 : 2);
}

/** Whether `offset` is inside an option of a banner as the banner model reads the payload. */
function isReadBannerOption(file: BotFile, offset: number): boolean {
  return bannerPayloadsOf(file).some(({ payload }) =>
    payload.banners.some((banner) => banner.options.some(({ node }) => node.offset <= offset && offset <= node.offset + node.length)),
  );
}

/** The phrase the guide's banners use, which the snippets' tab stops offer to replace. */
const GUIDE_PHRASE = 'talk to bot';
const BANNER_SNIPPETS = ['Banner with an Exit button', 'Banner asking to type the exit phrase'] as const;

/**
 * The guide's two banners as snippets for a Send Event node's `data`, with the exit phrase a
 * choice of the utterances the project trains (those of intents that start a journey first).
 */
function bannerSnippets(project: BotProject, node: jsonc.Node | undefined, offset: number): Completion[] {
  // Only where the data is still to be written: nothing yet, or an empty object.
  const empty = node && (node.type === 'object' || node.type === 'array') && !node.children?.length;
  if (node && node.type !== 'property' && !empty) return [];
  const replace = empty ? { offset: node.offset, length: node.length } : { offset, length: 0 };
  const index = indexOf(project);
  const rank = utteranceRanks(project);
  const trained = [...new Set([...index.utterances].sort((a, b) => rank(a.intentName) - rank(b.intentName)).map((u) => u.utterance.value))];
  const choices = trained.length ? trained : [GUIDE_PHRASE];
  const choice = (n: string) => `\${${n}|${choices.map(escapeChoice).join(',')}|}`;
  return BANNER_SNIPPETS.map((name, rank) => {
    const { body, description } = (snippets as Record<string, { body: string[]; description: string }>)[name];
    const text = body.join('\n').replace(new RegExp(`\\$\\{(\\d+):${GUIDE_PHRASE}\\}`, 'g'), (_, n: string) => choice(n));
    return {
      label: name,
      kind: 'snippet' as const,
      detail: 'Handoff Kit banner, with the phrases this bot is trained on',
      documentation: description,
      insertText: text,
      snippet: true,
      replace,
      sortText: `0-${rank}`,
    };
  });
}

/** A snippet choice escapes `,`, `|` and `\\`. JSON string escaping comes first. */
function escapeChoice(phrase: string): string {
  return JSON.stringify(phrase)
    .slice(1, -1)
    .replace(/[\\,|]/g, (c) => `\\${c}`);
}
