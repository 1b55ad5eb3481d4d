// test-unknown-name: a conversation test (tests/*.json) names an intent, journey, event, banner
// option or node the project does not have. Names are resolved through the project index and the
// project's accessors, as the running tests resolve them, never by running them.
import type { NamedValue } from '../../model/botFile';
import { readConversationTests, type ConversationTest } from '../../model/conversationTest';
import { readJourney } from '../../model/journey';
import { platformEvent, platformEvents } from '../../model/platformEvents';
import { hasTemplate } from '../../model/template';
import { indexOf } from '../../analysis/projectIndex';
import { closestName } from '../../phrases/suggestions';
import type { BotProject } from '../../project/project';
import { didYouMeanFix } from '../fixes';
import { defineProjectRule } from '../rule';

/** What a name in a test refers to, as messages say it. */
type NameKind = 'intent' | 'journey' | 'event' | 'option title' | 'node';

export const testUnknownName = defineProjectRule({
  code: 'test-unknown-name',
  severity: 'error',
  scope: 'project',
  description: 'A conversation test names an intent, journey, event, banner option or node the project does not have.',
  explanation:
    'A test that names something the bot does not have can only fail, or, worse, test nothing: after an intent or a journey is renamed, the tests that still use the old name go stale. Each name is checked where it is written, so the test is fixed before it runs.',
  kinds: ['test'],
  fixable: true,
  messages: {
    didYouMean: ({ kind, name, suggestion }: { kind: NameKind; name: string; suggestion: string }) =>
      `unknown ${kind} \`${name}\`; did you mean \`${suggestion}\`?`,
    unknown: ({ kind, name, why }: { kind: NameKind; name: string; why: string }) => `unknown ${kind} \`${name}\`: ${why}`,
    unread: ({ kind, name, files, count }: { kind: NameKind; name: string; files: string; count: number }) =>
      `no file that was read defines ${kind} \`${name}\`; ${files} ${count === 1 ? 'was' : 'were'} not read (too large, unreadable or not valid JSON), so it may be defined there`,
  },
  check(file, project, report) {
    const names = new ProjectNames(project);
    const problem = (kind: NameKind, name: NamedValue, candidates: () => Iterable<string>, why: string, unread: readonly string[] = []) => {
      const range = { offset: name.node.offset, length: name.node.length };
      if (unread.length) {
        report({ ...range, severity: 'info', messageId: 'unread', data: { kind, name: name.value, files: unread.join(', '), count: unread.length } });
        return;
      }
      const suggestion = closestName(name.value, candidates());
      report(
        suggestion
          ? { ...range, messageId: 'didYouMean', data: { kind, name: name.value, suggestion } }
          : { ...range, messageId: 'unknown', data: { kind, name: name.value, why } },
      );
    };
    for (const test of readConversationTests(file)) {
      for (const reference of referencesOf(test)) {
        const { kind, name } = reference;
        if (!name.value || hasTemplate(name.value)) continue;
        switch (kind) {
          case 'intent':
            if (!names.hasIntent(name.value))
              problem(kind, name, () => names.intents(), 'no file in intents/ defines it', project.unreadFiles('intent'));
            break;
          case 'journey':
            if (!names.hasJourney(name.value))
              problem(kind, name, () => names.journeys(), 'no file in journeys/ defines it', project.unreadFiles('journey'));
            break;
          case 'event':
            if (!names.hasEvent(name.value)) problem(kind, name, () => names.events(), 'it is not a platform event and bot.json does not declare it');
            break;
          case 'option title':
            if (names.hasOptionTitle(name.value) === false)
              problem(
                kind,
                name,
                () => names.optionTitles(),
                'no banner a journey sends has an option with this title',
                project.unreadFiles('journey'),
              );
            break;
          case 'node': {
            const journey = reference.journey;
            // A journey the test names that does not exist is reported on the journey's name.
            if (journey !== undefined && !names.hasJourney(journey)) break;
            if (names.hasNode(name.value, journey)) break;
            const why = journey === undefined ? 'no journey has a node with this id' : `journey \`${journey}\` has no node with this id`;
            problem(kind, name, () => names.nodeIds(journey), why, project.unreadFiles('journey'));
            break;
          }
        }
      }
    }
  },
  fixes({ file, finding }) {
    return finding.messageId === 'didYouMean' ? [didYouMeanFix(file, finding, finding.data.suggestion)] : [];
  },
});

/** A name a test uses, and for a node the journey the test says it is in. */
interface Reference {
  readonly kind: NameKind;
  readonly name: NamedValue;
  readonly journey?: string;
}

/** Every name a test uses, in the order written. */
function referencesOf(test: ConversationTest): Reference[] {
  const references: Reference[] = [];
  for (const step of test.steps) {
    if (step.kind === 'input' && step.value) {
      if (step.input === 'startJourney') {
        references.push({ kind: 'journey', name: step.value });
        if (step.startNode) references.push({ kind: 'node', name: step.startNode, journey: step.value.value });
      } else if (step.input === 'event') references.push({ kind: 'event', name: step.value });
      // With `option`, the title is only a label: the position picks the option.
      else if (step.input === 'click' && step.option === undefined) references.push({ kind: 'option title', name: step.value });
    } else if (step.kind === 'expect') {
      const journey = step.facts.find((f) => f.fact === 'journey')?.value;
      for (const fact of step.facts) {
        const name = fact.place.type === 'string' ? { value: fact.value as string, node: fact.place.node } : undefined;
        if (!name) continue;
        if (fact.fact === 'intent') references.push({ kind: 'intent', name });
        else if (fact.fact === 'journey') references.push({ kind: 'journey', name });
        else if (fact.fact === 'eventSent') references.push({ kind: 'event', name });
        else if (fact.fact === 'node') references.push({ kind: 'node', name, ...(typeof journey === 'string' ? { journey } : {}) });
      }
    }
  }
  return references;
}

/**
 * The names of a project a test may use, read through the project index and the project's
 * accessors, each recording the fact it read: an edit of a journey re-checks a test file only
 * when it changes a name the test uses (or, for a name it reports, the names it could have meant).
 */
class ProjectNames {
  private readonly index;

  constructor(private readonly project: BotProject) {
    this.index = indexOf(project);
  }

  hasIntent(name: string): boolean {
    return this.index.intentsByName.has(name);
  }

  intents(): Iterable<string> {
    return this.index.intentsByName.keys();
  }

  hasJourney(name: string): boolean {
    return this.index.journeysByName.has(name);
  }

  journeys(): Iterable<string> {
    return this.index.journeysByName.keys();
  }

  hasEvent(name: string): boolean {
    // While bot.json does not parse (or was not read), which events it declares is unknown.
    return this.project.configUnknown || this.project.config.events.has(name) || platformEvent(name) !== undefined;
  }

  events(): string[] {
    return [...this.project.config.events.keys(), ...platformEvents.map((e) => e.name)];
  }

  /** Whether journey `journey` (the first of that name), or any journey when undefined, has a node `id`. */
  hasNode(id: string, journey: string | undefined): boolean {
    const having = this.index.journeysWithNode(id);
    if (journey === undefined) return having.length > 0;
    const file = this.index.journeysByName.get(journey)?.[0]?.file;
    return having.some((entry) => entry.file === file);
  }

  /** The node ids of journey `journey` (the first of that name), or of every journey when undefined. */
  nodeIds(journey: string | undefined): string[] {
    if (journey === undefined) return this.index.nodeIds();
    const entry = this.index.journeysByName.get(journey)?.[0];
    // The file's own fact: the ids a misspelt one could have meant.
    const file = entry && this.project.file(entry.file.path);
    return file ? readJourney(file).nodes.flatMap((n) => (n.id ? [n.id.value] : [])) : [];
  }

  /** Whether a banner a journey sends has an option titled `title`; undefined when some options are known only on the platform. */
  hasOptionTitle(title: string): boolean | undefined {
    if (this.index.journeysWithOptionTitle(title).length) return true;
    return this.index.hasTemplatedOptions() ? undefined : false;
  }

  optionTitles(): string[] {
    return this.index.optionTitles();
  }
}
