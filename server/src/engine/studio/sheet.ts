// The Studio build sheet: what a team member types and pastes into Yellow.ai Studio to build the
// bot a project describes, in the order of the disconnection guide (the seed,
// shared/seed/user-initiated-disconnection.md): 1. create and activate the custom events;
// 2–3. the journey that raises the ticket and shows the banner; 4–6. the exit journey that closes
// the banner and the ticket; then the intents and their utterances for the training box; and for
// a bot in several languages, its languages, the Multilingual feature type its mixed utterances
// need, and per language the exit phrases its exit intent must be trained with (platform-facts.md,
// "Languages").
// Studio's terms come from the platform facts (shared/reference/platform-facts.md): a Send Event
// node has an event name, an event type (Custom) and a data field that takes JSON.
import type * as jsonc from 'jsonc-parser';
import { relativePath, type BotFile } from '../model/botFile';
import { readJourney } from '../model/journey';
import type { Finding } from '../findings';
import type { BotProject } from '../project/project';
import { exitPhrasesOf } from '../analysis/exitPhrases';
import { indexOf } from '../analysis/projectIndex';
import { botLanguages, localizedExitPhrases, projectLocalizedUses } from '../analysis/translations';
import { languageOf } from '../model/languages';

/**
 * The text Studio's data field of a Send Event node takes for `value`: JSON, indented by two
 * spaces. Undefined for a node without data.
 */
export function studioData(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value, null, 2);
}

/** The utterances as Studio's training box takes them: one a line. */
export function studioUtterances(utterances: readonly string[]): string {
  return utterances.join('\n');
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The longest run of backticks in `text` (0 when none); a loop, as a file may hold millions of runs. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}

/**
 * `code` for Markdown: a code span that survives backticks inside the value. A line break would
 * end the span's paragraph and let the rest start a block of its own (a heading, raw HTML), so
 * line breaks become spaces, as Markdown shows them inside a code span anyway.
 */
function code(value: string): string {
  const flat = value.replace(/\r\n?|\n/g, ' ');
  const longest = longestBacktickRun(flat);
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${flat} ${ticks}` : `${ticks}${flat}${ticks}`;
}

/**
 * A value of the project as plain Markdown text, shown as written: the characters that would make
 * it emphasis, a link, an image, raw HTML, an entity, code or a table cell are escaped with a
 * backslash, a leading one that would start a block (a heading, a quote, a list, an underline) too,
 * and line breaks become spaces. The preview then shows what the file holds, never markup a phrase smuggles in.
 */
function markdownText(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A fenced block that no run of backticks inside `content` can close early. */
function fence(content: string, language = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${ticks}${language}\n${content}\n${ticks}`;
}

function valueOf(file: BotFile | undefined): Json | undefined {
  return file && file.readable && !file.syntaxProblems.length && isObject(file.value) ? file.value : undefined;
}

/** The guide's order of journeys: those that raise a ticket, those that close one, the rest. */
function journeyRank(journey: Json): number {
  const types = (Array.isArray(journey.nodes) ? journey.nodes : []).map((node) => (isObject(node) ? node.type : undefined));
  return types.includes('raiseTicket') ? 0 : types.includes('closeTicket') ? 1 : 2;
}

function describeTicketClose(bot: Json | undefined): string {
  const close = isObject(bot?.ticketClose) ? bot.ticketClose : {};
  if (close.target === 'api') {
    const secret = str(close.apiKeySecret);
    return `through your ticket close API at ${code(str(close.url) ?? '(no url in bot.json)')}${secret ? `, with the API key from the secret ${code(secret)}` : ''}`;
  }
  return 'in the inbox (bot.json `ticketClose.target` is `inbox` or not set)';
}

function describeNode(node: Json, bot: Json | undefined): string[] {
  const id = str(node.id) ?? '(no id)';
  const next = node.next;
  const nextLine = typeof next === 'string' ? [`   - Then: ${code(next)}`] : [];
  switch (node.type) {
    case 'sendEvent': {
      const data = studioData(node.data);
      return [
        `**Send Event** ${code(id)}`,
        `   - Event name: ${code(str(node.event) ?? '(none)')}`,
        '   - Event type: Custom',
        data === undefined ? '   - Data: leave empty' : `   - Data (paste as is):\n\n${indent(fence(data, 'json'), '     ')}\n`,
        ...nextLine,
      ];
    }
    case 'raiseTicket': {
      const outcomes = isObject(next) ? Object.entries(next).filter(([, target]) => typeof target === 'string') : [];
      return [
        `**Raise Ticket** ${code(id)}`,
        ...(str(node.group) ? [`   - Agent group: ${code(str(node.group)!)}`] : []),
        `   - Store the ticket id in the variable ${code(str(node.ticketIdVariable) ?? 'ticketId')}`,
        ...(outcomes.length
          ? ['   - Outcomes:', ...outcomes.map(([outcome, target]) => `     - ${markdownText(outcome)} → ${code(target as string)}`)]
          : []),
      ];
    }
    case 'closeTicket':
      return [
        `**Close ticket** ${code(id)}`,
        `   - Ticket: ${code(str(node.ticketId) ?? '{{{variables.ticketId}}}')}`,
        `   - Closed ${describeTicketClose(bot)}`,
        ...nextLine,
      ];
    case 'message':
      return [`**Message** ${code(id)}: ${str(node.text) !== undefined ? `“${markdownText(str(node.text)!)}”` : '(no text)'}`, ...nextLine];
    case 'jumpToJourney':
      return [`**Jump to journey** ${code(id)}: ${code(str(node.journey) ?? '(none)')}`];
    default:
      return [`**${markdownText(str(node.type) ?? 'Node')}** ${code(id)}`, ...nextLine];
  }
}

/** The places of bot.json's `events` items, in order (undefined for an item without a place). */
function readBotEvents(file: BotFile): (jsonc.Node | undefined)[] {
  return (
    file.place
      ?.child('events')
      ?.items()
      .map((item) => item.node) ?? []
  );
}

/** The errors to mark in the sheet, each where it is: a node, an event, or the rest of its file. */
class ErrorMarks {
  private readonly byFile = new Map<string, Finding[]>();

  constructor(
    private readonly project: BotProject,
    errors: readonly Finding[],
  ) {
    for (const f of errors) {
      const list = this.byFile.get(f.file);
      if (list) list.push(f);
      else this.byFile.set(f.file, [f]);
    }
  }

  /** Whether `file` has an error to mark. */
  has(file: BotFile): boolean {
    return this.byFile.has(file.path);
  }

  /** `file:line:column` of a finding (1-based), relative to the project. */
  where(f: Finding): string {
    const text = this.project.file(f.file)?.text ?? '';
    const before = text.slice(0, f.offset).split('\n');
    return `\`${relativePath(this.project.root, f.file)}:${before.length}:${before[before.length - 1].length + 1}\``;
  }

  /**
   * One line per error of `file` inside `range` (or, with no range, every error not inside one of
   * `except`), each `⚠ code: message`, indented by `prefix`.
   */
  in(
    file: BotFile,
    range: { offset: number; length: number } | undefined,
    prefix: string,
    except: readonly { offset: number; length: number }[] = [],
  ): string[] {
    const inside = (f: Finding, r: { offset: number; length: number }) => f.offset >= r.offset && f.offset < r.offset + r.length;
    return (this.byFile.get(file.path) ?? [])
      .filter((f) => (range ? inside(f, range) : !except.some((r) => inside(f, r))))
      .map((f) => `${prefix}- ⚠ **${f.code}**: ${f.message}`);
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

/** The first line of every build sheet, before the bot's name. */
const SHEET_TITLE = '# Studio build sheet: ';

/**
 * Whether a file's text (its start is enough) is a build sheet as `studioSheet` writes it: it
 * starts with the sheet's title. The command line replaces such a file and leaves any other alone.
 */
export function isStudioSheet(text: string): boolean {
  return text.replace(/^\uFEFF/, '').startsWith(SHEET_TITLE);
}

/** What the sheet says of the checks' findings. */
export interface StudioSheetOptions {
  /**
   * The project's findings (`checkProject`). With errors among them, the sheet opens with a
   * warning that lists them, no longer asks for the blocks to be pasted as they are, and marks
   * each node, journey, intent and event they are in with ⚠ and the message (issue 25: a sheet
   * must never tell a team to paste a misspelled event "exactly as it is" without a warning).
   */
  readonly findings?: readonly Finding[];
}

/**
 * The build sheet of `project` as Markdown. Files that do not parse or were not read are named
 * at the end rather than guessed at. Never throws.
 */
export function studioSheet(project: BotProject, options: StudioSheetOptions = {}): string {
  const bot = valueOf(project.botFile);
  const out: string[] = [];
  const name = str(bot?.name) ?? 'the bot';
  const errors = (options.findings ?? []).filter((f) => f.severity === 'error');
  const marks = new ErrorMarks(project, errors);
  out.push(`${SHEET_TITLE}${markdownText(name)}`, '');
  if (errors.length) {
    out.push(
      `> **⚠ Not ready to build.** \`handoff-kit check\` finds ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in this project. This sheet shows the files as they are, so a block marked ⚠ below would build the error into Studio. Fix the errors, then build the sheet again.`,
      '>',
    );
    for (const f of errors) out.push(`> - ${marks.where(f)} ${f.code}: ${markdownText(f.message)}`);
    out.push('', 'Build these in Yellow.ai Studio in this order, once the errors are fixed: until then, do not paste a block marked ⚠ as it is.', '');
  } else {
    out.push('Build these in Yellow.ai Studio in this order. Paste the data blocks exactly as they are.', '');
  }

  out.push(
    '## 1. Custom events',
    '',
    'Automation > Events > Custom events: create each event with its description, and make it **active** (an inactive event does not fire).',
    '',
  );
  const events = (Array.isArray(bot?.events) ? bot.events : []).filter(isObject);
  if (!events.length) out.push('_bot.json declares no custom events._', '');
  const botFile = project.botFile;
  const eventNodes = botFile && marks.has(botFile) ? readBotEvents(botFile) : [];
  events.forEach((event, i) => {
    const description = str(event.description);
    const state = event.enabled === false ? ' (bot.json has it **disabled**: activate it, or the Send Event nodes that use it do nothing)' : '';
    out.push(`- ${code(str(event.name) ?? '(no name)')}${description ? `: ${markdownText(description)}` : ''}${state}`);
    if (botFile && marks.has(botFile) && eventNodes[i]) for (const line of marks.in(botFile, eventNodes[i], '  ')) out.push(line);
  });
  out.push('');

  const skipped: string[] = [];
  const journeys = project
    .filesOfKind('journey')
    .map((file) => ({ file, journey: valueOf(file) }))
    .filter(({ file, journey }) => journey || !skipped.push(relativePath(project.root, file.path)))
    .map(({ file, journey }) => ({ file, journey: journey! }))
    .sort((a, b) => journeyRank(a.journey) - journeyRank(b.journey) || (str(a.journey.name) ?? '').localeCompare(str(b.journey.name) ?? ''));
  out.push('## 2. Journeys', '');
  if (!journeys.length) out.push('_The project has no journeys._', '');
  for (const { file, journey } of journeys) {
    out.push(`### Journey ${code(str(journey.name) ?? '(no name)')}`, '');
    // Where each node is: read (and the file's tree built) only for a journey with errors to mark.
    const nodePlaces = marks.has(file) ? readJourney(file).nodes.map((n) => n.node) : [];
    // Errors of the journey outside its nodes (its trigger, its start).
    const outside = marks.in(file, undefined, '', nodePlaces);
    if (outside.length) {
      for (const line of outside) out.push(line);
      out.push('');
    }
    if (str(journey.description)) out.push(markdownText(str(journey.description)!), '');
    const trigger = isObject(journey.trigger) ? journey.trigger : {};
    const started = str(trigger.intent)
      ? `the intent ${code(str(trigger.intent)!)}`
      : str(trigger.event)
        ? `the event ${code(str(trigger.event)!)}`
        : 'nothing (the journey has no trigger)';
    out.push(
      `Started by ${started}; first node ${code(str(journey.start) ?? '(none)')}. (${markdownText(relativePath(project.root, file.path))})`,
      '',
    );
    const nodes = (Array.isArray(journey.nodes) ? journey.nodes : []).flatMap((node, at) => (isObject(node) ? [{ node, at }] : []));
    nodes.forEach(({ node, at }, i) =>
      out.push(`${i + 1}. ${[...describeNode(node, bot), ...(nodePlaces[at] ? marks.in(file, nodePlaces[at], '   ') : [])].join('\n')}`),
    );
    out.push('');
  }

  const intents = project
    .filesOfKind('intent')
    .map((file) => ({ file, intent: valueOf(file) }))
    .filter(({ file, intent }) => intent || !skipped.push(relativePath(project.root, file.path)))
    .map(({ file, intent }) => ({ file, intent: intent! }))
    .sort((a, b) => (str(a.intent.name) ?? '').localeCompare(str(b.intent.name) ?? ''));
  out.push('## 3. Intents', '', 'Train each intent with these utterances (paste them into the training box, one a line).', '');
  if (!intents.length) out.push('_The project has no intents._', '');
  for (const { file, intent } of intents) {
    const utterances = (Array.isArray(intent.utterances) ? intent.utterances : []).filter((u): u is string => typeof u === 'string');
    const marked = marks.in(file, undefined, '');
    out.push(`### Intent ${code(str(intent.name) ?? '(no name)')}`, '');
    if (marked.length) {
      for (const line of marked) out.push(line);
      out.push('');
    }
    out.push(fence(studioUtterances(utterances), 'text'), '');
  }

  for (const line of languagesSection(project)) out.push(line);

  if (skipped.length) {
    out.push('## Not included', '', 'These files are not valid JSON or could not be read; fix them and build the sheet again:', '');
    for (const f of skipped.sort()) out.push(`- ${markdownText(f)}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/**
 * The languages of a bot that declares some (or keeps translations or FAQs): which to add, the
 * Multilingual feature type when there are several, the *Enable Hinglish* reminder when Hindi is
 * one of them, the bulk files to import, and per language the exit phrases the exit intent must
 * be trained with. None for a bot in English only with no such files.
 */
function languagesSection(project: BotProject): string[] {
  const languages = botLanguages(project);
  const translations = project.filesOfKind('translation');
  const faqs = project.filesOfKind('faq');
  if (!languages.declared && !translations.length && !faqs.length) return [];
  const out = ['## 4. Languages', ''];
  out.push('Automation > Build > Flow > Language: add each language (Tools > Conversation: the default is the *Target language*).', '');
  for (const l of languages.languages) out.push(`- ${l.name} ${code(l.code)}${l === languages.defaultLanguage ? ', the default' : ''}`);
  out.push('');
  if (languages.languages.length > 1) {
    out.push(
      "Train > Intents: choose the **Multilingual** feature type, not the default *Sentence encoder*: an intent has one list of utterances for every language, and this bot's lists mix languages.",
      '',
    );
  }
  if (languages.languages.includes(languageOf('hi')!)) {
    out.push(
      'Hindi: if customers write Hindi in Latin script (`bot se baat karo`), turn on *Enable Hinglish* (Tools > Conversation). Whether a phrase is Hindi in Latin script is beyond what a check can know: decide it with the team.',
      '',
    );
  }
  for (const file of translations) out.push(`- Translations > Bulk manage > Import: ${code(relativePath(project.root, file.path))}`);
  for (const file of faqs) out.push(`- FAQs > Bulk manage > Import: ${code(relativePath(project.root, file.path))}`);
  if (translations.length || faqs.length) out.push('');

  // Per language, the phrases a localized banner offers; a button's fixed text is sent in every language.
  const index = indexOf(project);
  const trainedBy = (phrase: string) => {
    const intents = [...new Set(index.utterancesMatching(phrase, project.phraseMatch).map((u) => u.intentName))];
    return intents.length ? `intent ${intents.map(code).join(', ')}` : '**no intent is trained with it yet**';
  };
  const fixed = [
    ...new Set([
      ...index.bannerPhrases.map((b) => b.exit.phrase),
      ...project.filesOfKind('function').flatMap((f) => exitPhrasesOf(f).map((e) => e.phrase)),
    ]),
  ];
  const localized = projectLocalizedUses(project).flatMap((use) => localizedExitPhrases(project, use, languages));
  if (!fixed.length && !localized.length) return out;
  out.push('The exit intent must be trained with the phrase its banners offer, in each language (paste them into its training box):', '');
  if (fixed.length) out.push(`- Every language (a button's fixed text): ${fixed.map((p) => `${code(p)} (${trainedBy(p)})`).join(', ')}`);
  for (const language of languages.languages) {
    const phrases = [...new Set(localized.filter((p) => p.language === language).map((p) => p.phrase))];
    if (phrases.length) out.push(`- ${language.name} ${code(language.code)}: ${phrases.map((p) => `${code(p)} (${trainedBy(p)})`).join(', ')}`);
  }
  out.push('');
  return out;
}
