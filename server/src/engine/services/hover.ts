// Hovers: what an event does, an intent's utterances and the journeys it starts, a node's role,
// a translation key's text in every language, and for a banner, how it will look.
import * as jsonc from 'jsonc-parser';
import { type BotFile, relativePath, named } from '../model/botFile';
import { bannerPayloadsOf } from '../analysis/exitPhrases';
import { sendEventNodesOf } from '../model/functionCode';
import { readJourney } from '../model/journey';
import { nodesById } from '../model/journeyGraph';
import { platformEvent } from '../model/platformEvents';
import type { BotProject } from '../project/project';
import { indexOf } from '../analysis/projectIndex';
import { readConversationTests } from '../model/conversationTest';
import { symbolAt } from './navigation';
import { translationKeyMarkdown } from './translationKeys';
import type { CheckOptions } from '../check/check';
import { exitPathFindings, findingsWith } from './exitVerdicts';

/** A hover's Markdown, and the UTF-16 range (`offset`, `length`) of the file's text it is about. */
export interface Hover {
  readonly markdown: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * The hover at a 0-based UTF-16 `offset` of `file`'s text: what an event does and whether bot.json
 * enables it, an intent's utterances and journeys, a journey's trigger, a node's type, the intents
 * trained with a phrase, the event of a function's `app.sendEvent`, or, over a banner payload, the
 * banner drawn in text. A banner's buttons say where their phrase goes and, when the checks (with
 * `options`, the editor's rule settings) find errors or warnings on that way, say so instead of
 * where it goes. In a test file, the same for the names it uses, and for a `click`'s title the
 * banner options with that title. Undefined elsewhere.
 */
export function hoverAt(project: BotProject, file: BotFile, offset: number, options: CheckOptions = {}): Hover | undefined {
  if (file.kind === 'function') return functionHover(project, file, offset, options);
  const symbol = symbolAt(file, offset, project);
  const index = indexOf(project);
  if (symbol) {
    const range = { offset: symbol.occurrence.offset, length: symbol.occurrence.length };
    switch (symbol.kind) {
      case 'event': {
        return { ...range, markdown: eventMarkdown(project, symbol.name) };
      }
      case 'intent': {
        const entry = index.intentsByName.get(symbol.name)?.[0];
        const journeys = index.journeysByIntent.get(symbol.name) ?? [];
        const utterances = entry ? entry.intent.utterances.map((u) => `- ${u.value}`).join('\n') : '_no intent file defines it_';
        const starts = journeys.length
          ? journeys.map((j) => `\`${j.journey.name?.value}\` (${relativePath(project.root, j.file.path)})`).join(', ')
          : 'no journey';
        return { ...range, markdown: `**intent** \`${symbol.name}\`\n\nUtterances:\n${utterances}\n\nStarts: ${starts}` };
      }
      case 'journey': {
        const entry = index.journeysByName.get(symbol.name)?.[0];
        const trigger = entry?.journey.triggerIntent
          ? `intent \`${entry.journey.triggerIntent.value}\``
          : entry?.journey.triggerEvent
            ? `event \`${entry.journey.triggerEvent.value}\``
            : 'nothing';
        return {
          ...range,
          markdown: `**journey** \`${symbol.name}\`${entry ? ` (${relativePath(project.root, entry.file.path)})` : ''}\n\nStarted by ${trigger}; ${entry?.journey.nodes.length ?? 0} node(s).`,
        };
      }
      case 'node': {
        if (file.kind === 'test' && !symbol.scope) {
          const having = index
            .journeysWithNode(symbol.name)
            .map((entry) => `\`${entry.journey.name?.value ?? ''}\` (${relativePath(project.root, entry.file.path)})`);
          const which = having.length ? `journeys ${having.join(', ')} have a node with this id` : 'no journey has a node with this id';
          return { ...range, markdown: `**node** \`${symbol.name}\`: ${which}; name the journey beside it (\`journey\`) to say which` };
        }
        const node = nodesById(readJourney(symbol.scope ?? file)).get(symbol.name);
        const what =
          node?.type === 'sendEvent'
            ? node.event?.value
              ? `sends \`${node.event.value}\``
              : 'sends no event yet'
            : node?.type === 'message'
              ? 'says something'
              : (node?.type ?? 'unknown');
        return { ...range, markdown: `**node** \`${symbol.name}\`: ${node ? `${node.type} node, ${what}` : '_not in this journey_'}` };
      }
      case 'translationKey':
        return { ...range, markdown: translationKeyMarkdown(project, symbol.name) };
      case 'phrase': {
        const matches = index.utterancesMatching(symbol.name, project.phraseMatch);
        const lines = matches.length
          ? matches.map(
              (u) =>
                `trains intent \`${u.intentName}\`, which starts ${(index.journeysByIntent.get(u.intentName) ?? []).map((j) => `\`${j.journey.name?.value}\``).join(', ') || 'no journey'}`,
            )
          : ['_no intent is trained with it_'];
        return { ...range, markdown: `**phrase** \`${symbol.name}\`\n\n${lines.join('\n\n')}` };
      }
    }
  }
  if (file.kind === 'test') return optionHover(project, file, offset);
  return bannerHover(project, file, offset, options);
}

/** In a test file, over a `click`'s title: the banner options with that title, and what each sends. */
function optionHover(project: BotProject, file: BotFile, offset: number): Hover | undefined {
  for (const test of readConversationTests(file)) {
    for (const step of test.steps) {
      const title = step.kind === 'input' && step.input === 'click' ? step.value : undefined;
      if (!title || offset < title.node.offset || offset > title.node.offset + title.node.length) continue;
      const options: string[] = [];
      for (const journey of project.filesOfKind('journey')) {
        for (const { sendEvent, payload } of bannerPayloadsOf(journey)) {
          for (const banner of payload.banners) {
            for (const option of banner.options) {
              if (named(option.title)?.value !== title.value) continue;
              const text = named(option.text)?.value;
              const url = named(option.url)?.value;
              const action = text !== undefined ? `sends "${text}"` : url !== undefined ? `opens ${url}` : 'does nothing';
              options.push(
                `- node \`${sendEvent.id?.value ?? ''}\` of journey \`${readJourney(journey).name?.value ?? ''}\` (${relativePath(project.root, journey.path)}): ${action}`,
              );
            }
          }
        }
      }
      const markdown = options.length
        ? `**option** \`${title.value}\` of the banners of\n${options.join('\n')}`
        : `**option** \`${title.value}\`: _no banner a journey sends has an option with this title_`;
      return { offset: title.node.offset, length: title.node.length, markdown };
    }
  }
  return undefined;
}

/** What an event does and whether the bot has it enabled. */
function eventMarkdown(project: BotProject, name: string): string {
  const platform = platformEvent(name);
  const declared = project.config.events.get(name);
  const state = declared
    ? declared.enabled === false
      ? 'Declared in bot.json, **disabled**: it does not fire.'
      : 'Declared and enabled in bot.json.'
    : platform
      ? 'A platform event.'
      : 'Not declared in bot.json.';
  return `**event** \`${name}\`\n\n${platform?.description ?? 'A custom event of this bot.'}\n\n${state}`;
}

/**
 * In a function file: a translation key's texts, the event of an `app.sendEvent` call's `code`,
 * else its banner drawn in text.
 */
function functionHover(project: BotProject, file: BotFile, offset: number, options: CheckOptions): Hover | undefined {
  const key = symbolAt(file, offset);
  if (key?.kind === 'translationKey')
    return { offset: key.occurrence.offset, length: key.occurrence.length, markdown: translationKeyMarkdown(project, key.name) };
  const send = sendEventNodesOf(file).find(({ event }) => event && event.node.offset <= offset && offset <= event.node.offset + event.node.length);
  if (send?.event) return { offset: send.event.node.offset, length: send.event.node.length, markdown: eventMarkdown(project, send.event.value) };
  return bannerHover(project, file, offset, options);
}

/** Over a banner payload: the banner drawn in text, as the customer will see it. */
function bannerHover(project: BotProject, file: BotFile, offset: number, options: CheckOptions): Hover | undefined {
  if (file.kind !== 'function' && (file.kind !== 'journey' || !file.root)) return undefined;
  const at = bannerPayloadsOf(file).find(({ payload: { node } }) => node.offset <= offset && offset <= node.offset + node.length);
  if (!at) return undefined;
  const node = at.sendEvent;
  const index = indexOf(project);
  const mode = options.phraseMatch ?? project.phraseMatch;
  const findingsOf = findingsWith(project, { ...options, phraseMatch: mode });
  const banners = at.payload.banners
    .filter((banner) => banner.kind === 'text' && banner.node.type === 'object')
    .map((banner) => {
      const title = named(banner.title)?.value ?? '(no title)';
      const buttons = banner.options.map((option) => {
        const label = named(option.title)?.value ?? '(no label)';
        const text = named(option.text)?.value;
        const url = named(option.url)?.value;
        if (url) return `\`[ ${label} ]\` opens ${url}`;
        const intents = text ? [...new Set(index.utterancesMatching(text, mode).map((u) => u.intentName))] : [];
        // The same verdict as the preview's: what the checks find on the phrase's way.
        const exit = option.text && at.payload.exitPhrases.find((e) => e.kind === 'option' && e.offset === option.text!.offset);
        const findings = exit ? exitPathFindings(project, file, node, exit, mode, findingsOf) : [];
        const starts = intents.length ? `starts intent ${intents.map((i) => `\`${i}\``).join(', ')}` : '**no intent is trained with it**';
        const problems = findings.map((f) => `⚠ ${f.code}: ${f.message}`).join('; ');
        const verdict = !findings.length ? starts : intents.length ? `${starts}, but **not back to the bot**: ${problems}` : `${starts}: ${problems}`;
        return `\`[ ${label} ]\` sends "${text ?? ''}": ${verdict}`;
      });
      return `> ${title}\n${buttons.length ? `\n${buttons.map((b) => `- ${b}`).join('\n')}` : ''}`;
    });
  // A function file's payload tree is built from the JavaScript literal (functionCode.ts).
  const data = jsonc.findNodeAtOffset(file.root ?? at.payload.node, offset);
  return banners.length
    ? {
        markdown: `**banner** (${node.event?.value})\n\n${banners.join('\n\n')}`,
        offset: data?.offset ?? at.payload.node.offset,
        length: data?.length ?? at.payload.node.length,
      }
    : undefined;
}
