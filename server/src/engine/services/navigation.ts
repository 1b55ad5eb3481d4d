// What a name in a bot file refers to, and where else it stands: the model behind go to
// definition, find references and rename. Names are intents, journeys, node ids (within one
// journey), events, exit phrases (a banner's text and the utterances it must match), and
// translation keys (an `app.renderMessage` key in a function file, defined by a row of a
// translations file). A conversation test (tests/*.json) names them too: its node ids belong to
// the journey it names beside them, which only the project can say (see `scopeOf`).
import type * as jsonc from 'jsonc-parser';
import type { BotFile, NamedValue } from '../model/botFile';
import { readBotConfig } from '../model/botConfig';
import { readConversationTests } from '../model/conversationTest';
import { exitPhrasesOf } from '../analysis/exitPhrases';
import { readFunctionCode } from '../model/functionCode';
import { indexOf } from '../analysis/projectIndex';
import { readIntent } from '../model/intent';
import { readJourney } from '../model/journey';
import { translationsOf } from '../model/translations';
import { phraseKey, type PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';

export type SymbolKind = 'intent' | 'journey' | 'node' | 'event' | 'phrase' | 'translationKey';

/**
 * A name bot files refer to: an intent, a journey, a node id (`scope`: the journey file it belongs
 * to, since ids are local to a journey), an event, or an exit phrase (a banner's text and the
 * utterances it must match, compared as the project's PhraseMatch says).
 */
export interface BotSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** For node ids: the journey file they belong to. */
  readonly scope?: BotFile;
}

/**
 * Where a symbol stands: its file, its string node, and the UTF-16 range of the name, which is the
 * string literal with its quotes, or, for a phrase a banner's title quotes, the quoted words only.
 * `isDefinition`: an intent's, journey's or bot.json event's name, a node's id, an utterance.
 */
export interface SymbolOccurrence {
  readonly file: BotFile;
  readonly node: jsonc.Node;
  /** The range of the name itself (a phrase inside a title is narrower than its string). */
  readonly offset: number;
  readonly length: number;
  readonly isDefinition: boolean;
}

/**
 * The symbol whose name stands at a 0-based UTF-16 `offset` in `file`, if any. A node id in a test
 * file belongs to a journey the project resolves: give `project` to have its `scope` (without it,
 * or when no one journey has the node, it has none).
 */
export function symbolAt(file: BotFile, offset: number, project?: BotProject): (BotSymbol & { occurrence: SymbolOccurrence }) | undefined {
  const found = occurrencesIn(file).find(({ occurrence: o }) => o.offset <= offset && offset <= o.offset + o.length);
  if (!found || found.kind !== 'node' || found.scope || !project) return found && withoutJourney(found);
  const scope = scopeOf(project, found);
  return { ...withoutJourney(found), ...(scope ? { scope } : {}) };
}

/** Every place a symbol stands in the project, definitions first. */
export function occurrencesOf(project: BotProject, symbol: BotSymbol, mode: PhraseMatch = project.phraseMatch): SymbolOccurrence[] {
  // A node's id stands in its journey, and in the tests that name it with that journey. A
  // translation key stands in function and translations files only, and nothing else does in a
  // translations file (which may have 100,000 rows).
  const files =
    symbol.kind === 'node' && symbol.scope
      ? [symbol.scope, ...project.filesOfKind('test')]
      : symbol.kind === 'translationKey'
        ? [...project.filesOfKind('translation'), ...project.filesOfKind('function')]
        : project.allFiles().filter((f) => f.kind !== 'translation');
  const same = (o: Occurrence) =>
    o.kind === symbol.kind &&
    (o.kind === 'phrase' ? phraseKey(o.name, mode) === phraseKey(symbol.name, mode) : o.name === symbol.name) &&
    (o.kind !== 'node' || !symbol.scope || (o.scope ?? scopeOf(project, o)) === symbol.scope);
  return files
    .flatMap((f) =>
      occurrencesIn(f)
        .filter(same)
        .map((o) => o.occurrence),
    )
    .sort((a, b) => Number(b.isDefinition) - Number(a.isDefinition));
}

/**
 * The journey file a node id of a test file belongs to: the journey the test names beside it, else
 * the one journey that has a node with the id; undefined when that is not one file.
 */
function scopeOf(project: BotProject, occurrence: Occurrence): BotFile | undefined {
  const index = indexOf(project);
  if (occurrence.journey !== undefined) return index.journeysByName.get(occurrence.journey)?.[0]?.file;
  const having = index.journeysWithNode(occurrence.name);
  return having.length === 1 ? having[0].file : undefined;
}

function withoutJourney(found: Occurrence): BotSymbol & { occurrence: SymbolOccurrence } {
  if (found.journey === undefined) return found;
  const { journey: _journey, ...symbol } = found;
  return symbol;
}

/** Whether a symbol can be renamed: intents, journeys and node ids. */
export function isRenamable(symbol: BotSymbol): symbol is BotSymbol & { kind: 'intent' | 'journey' | 'node' } {
  return symbol.kind === 'intent' || symbol.kind === 'journey' || symbol.kind === 'node';
}

/** A symbol where it stands; a node id of a test file also has the journey the test names beside it. */
type Occurrence = BotSymbol & { occurrence: SymbolOccurrence; journey?: string };

const OCCURRENCES = Symbol('symbol occurrences');

function occurrencesIn(file: BotFile): Occurrence[] {
  return file.derived(OCCURRENCES, readOccurrences);
}

function readOccurrences(file: BotFile): Occurrence[] {
  const list: Occurrence[] = [];
  const add = (kind: SymbolKind, value: NamedValue | undefined, isDefinition: boolean, scope?: BotFile, journey?: string) => {
    if (!value || !value.value) return;
    list.push({
      kind,
      name: value.value,
      scope,
      occurrence: { file, node: value.node, offset: value.node.offset, length: value.node.length, isDefinition },
      ...(journey !== undefined ? { journey } : {}),
    });
  };
  if (file.kind === 'intent') {
    const intent = readIntent(file);
    add('intent', intent.name, true);
    for (const utterance of intent.utterances) add('phrase', utterance, true);
  } else if (file.kind === 'bot') {
    for (const event of readBotConfig(file).events.values()) add('event', event.name, true);
  } else if (file.kind === 'journey') {
    const journey = readJourney(file);
    add('journey', journey.name, true);
    add('intent', journey.triggerIntent, false);
    add('event', journey.triggerEvent, false);
    add('node', journey.start, false, file);
    for (const node of journey.nodes) {
      add('node', node.id, true, file);
      for (const next of node.next) add('node', next, false, file);
      add('event', node.event, false);
      add('journey', node.journey, false);
    }
    for (const exit of exitPhrasesOf(file)) {
      list.push({
        kind: 'phrase',
        name: exit.phrase,
        occurrence: { file, node: exit.node, offset: exit.offset, length: exit.length, isDefinition: false },
      });
    }
  } else if (file.kind === 'function') {
    for (const { key } of readFunctionCode(file).renderMessages) {
      const node: jsonc.Node = { type: 'string', offset: key.offset, length: key.length, value: key.value };
      add('translationKey', { value: key.value, node }, false);
    }
  } else if (file.kind === 'translation') {
    const translations = translationsOf(file);
    // The key cell of each row (its value as written, without quotes); the first row of a key defines it.
    if (translations.ok)
      for (const row of translations.rows) {
        const node: jsonc.Node = { type: 'string', offset: row.keyCell.offset, length: row.keyCell.length, value: row.key };
        add('translationKey', { value: row.key, node }, true);
      }
  } else if (file.kind === 'test') {
    for (const test of readConversationTests(file)) {
      for (const step of test.steps) {
        if (step.kind === 'input') {
          if (step.input === 'startJourney') {
            add('journey', step.value, false);
            add('node', step.startNode, false, undefined, step.value?.value ?? '');
          } else if (step.input === 'event') add('event', step.value, false);
          else if (step.input === 'say') add('phrase', step.value, false);
        } else if (step.kind === 'expect') {
          const journey = step.facts.find((f) => f.fact === 'journey')?.value;
          for (const fact of step.facts) {
            const name = typeof fact.value === 'string' ? { value: fact.value, node: fact.place.node } : undefined;
            if (fact.fact === 'intent') add('intent', name, false);
            else if (fact.fact === 'journey') add('journey', name, false);
            else if (fact.fact === 'eventSent') add('event', name, false);
            else if (fact.fact === 'node') add('node', name, false, undefined, typeof journey === 'string' ? journey : undefined);
          }
        }
      }
    }
  }
  return list;
}
