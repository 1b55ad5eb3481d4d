// The findings of every file of one project, kept from one check to the next. While a file is
// checked, the project facts its checks read are recorded (dependencies.ts); after an edit only the
// edited files and the files that read a fact the edit changed are checked again, so a keystroke
// costs a few files, not the whole project. Facts change as `factsOf` (projectIndex.ts) tells.
import type { BotFile } from '../model/botFile';
import { checkFile, type CheckOptions } from './check';
import { factKey, familyOf, recordingFacts, wholeKey, type FactKey } from '../project/dependencies';
import type { Finding } from '../findings';
import { normalizePhrase, type PhraseMatch } from '../phrases/phraseMatch';
import type { BotProject } from '../project/project';
import { exitIntentDetail, factsOf, indexOf, type FileFacts } from '../analysis/projectIndex';

/** One file's findings, and the version of the file they are of. */
export interface CheckedFile {
  readonly file: BotFile;
  readonly findings: readonly Finding[];
}

/** One file before and after the edits since the last run: `before` undefined when added, `after` when deleted. */
interface FileChange {
  readonly before?: BotFile;
  readonly after?: BotFile;
}

/**
 * The checks of one project, run again after edits as little as the facts each file's checks
 * read allow; the results always equal a fresh `checkFile` of every file (the random edits of
 * test/engine/guarantees/incrementalFindings.test.ts compare them).
 */
export class IncrementalCheck {
  private checked = new Map<string, CheckedFile>();
  private optionsKey: string | undefined;
  /** The project's generation at the last run. */
  private generation = -1;
  /** Per file path, the facts its last check read. */
  private readonly factsRead = new Map<string, readonly FactKey[]>();
  /** Per fact, the path of the file (or the paths of the files) whose last check read it. */
  private readonly readers = new Map<FactKey, string | Set<string>>();
  /** How many files the last `run` checked (the others' findings were reused). */
  lastRunChecked = 0;
  /**
   * The paths whose entry the last `run` changed: a file added, deleted or edited, or whose
   * findings came out different. Every other file has the very `CheckedFile` of the run before,
   * so a caller may look at these alone (after a run that checked every file: every path, deleted
   * ones included).
   */
  lastRunChanged: ReadonlySet<string> = new Set();

  constructor(readonly project: BotProject) {}

  /** How many files the results of the last run hold (the project's files then). */
  get checkedCount(): number {
    return this.checked.size;
  }

  /**
   * The findings of every file of the project, keyed by file path in the project's file order,
   * each equal to `checkFile(project, file, options)`. Checked again: every file when the options
   * changed (or on the first run); else the files added or changed since the last run, and those
   * whose last check read a fact that those changes changed. A file that did not change and whose
   * findings were reused, or came out the same, keeps the very same `CheckedFile` (and `findings`
   * array), so callers can skip what they derived from it (see `lastRunChanged`).
   */
  run(options: CheckOptions = {}): ReadonlyMap<string, CheckedFile> {
    const steps = this.runInSteps(options, Infinity);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `run` in steps, for callers that must not be held up for a whole pass (the language server
   * answers requests between steps): each `next()` checks at most `filesPerStep` files and yields
   * how many files are left to check, until the last returns what `run` returns. Only a pass over
   * every file (first run, options changed) takes more than one step; an incremental run is one.
   *
   * The project may change between steps: each step first takes in the changes since the one
   * before, as an incremental run would (the changed files, and the files already checked that
   * read a fact those changes changed, are checked (again) before the pass ends), so the results
   * equal a fresh check of the project as it is at the last step. A pass left unfinished is
   * started again by the next run.
   */
  *runInSteps(options: CheckOptions, filesPerStep: number): Generator<number, ReadonlyMap<string, CheckedFile>, void> {
    const optionsKey = JSON.stringify(options);
    if (optionsKey === this.optionsKey) return this.runChanges(options);

    const before = this.checked;
    this.optionsKey = undefined; // until the pass ends: one left unfinished starts again
    this.factsRead.clear();
    this.readers.clear();
    this.checked = new Map();
    let generation = this.project.generation;
    /** The version of each file that the files checked so far saw (the project as of the last step). */
    const seen = new Map<string, BotFile>();
    for (const file of this.project.allFiles()) seen.set(file.path, file);
    /** Paths to check, in order; `waiting` holds those not checked yet (or to check again). */
    const queue = [...seen.keys()];
    const waiting = new Set(queue);
    let next = 0;
    let checkedFiles = 0;
    while (next < queue.length) {
      for (const end = Math.min(queue.length, next + filesPerStep); next < end; next++) {
        const filePath = queue[next];
        if (!waiting.delete(filePath)) continue;
        const file = this.project.file(filePath);
        if (!file) continue; // deleted meanwhile
        this.checked.set(filePath, { file, findings: this.check(file, options) });
        checkedFiles++;
      }
      if (next === queue.length) break;
      yield queue.length - next;
      if (this.project.generation === generation) continue;

      // Edits since the last step: the files checked so far that they concern are checked again.
      const paths = this.project.changedSince(generation) ?? new Set([...seen.keys(), ...this.project.allFiles().map((f) => f.path)]);
      generation = this.project.generation;
      const changes: FileChange[] = [];
      for (const filePath of paths) {
        const was = seen.get(filePath);
        const now = this.project.file(filePath);
        if (was === now) continue;
        changes.push({ before: was, after: now });
        if (now) seen.set(filePath, now);
        else seen.delete(filePath);
      }
      for (const filePath of this.concerned(changes).toCheck) {
        if (waiting.has(filePath)) continue;
        waiting.add(filePath);
        queue.push(filePath);
      }
    }

    this.generation = generation;
    this.checked = new Map(this.project.allFiles().map((file) => [file.path, this.checked.get(file.path)!]));
    this.optionsKey = optionsKey;
    this.lastRunChecked = checkedFiles;
    this.lastRunChanged = new Set([...before.keys(), ...this.checked.keys()]);
    return this.checked;
  }

  /** An incremental run (the options are those of the last run): see `run`. */
  private runChanges(options: CheckOptions): ReadonlyMap<string, CheckedFile> {
    const paths = this.project.changedSince(this.generation);
    this.generation = this.project.generation;
    const changes = paths ? this.changesOf(paths) : this.changesOfAll();
    if (!changes.length) {
      this.lastRunChecked = 0;
      this.lastRunChanged = new Set();
      return this.checked;
    }

    const { toCheck, deleted } = this.concerned(changes);
    const changed = new Set<string>(deleted);
    for (const filePath of toCheck) {
      const file = this.project.file(filePath);
      if (!file) continue;
      const before = this.checked.get(filePath);
      const findings = this.check(file, options);
      // A file that did not change and found the same keeps its array: nothing of it is sent again.
      const same = before?.file === file && sameFindings(before.findings, findings);
      this.checked.set(filePath, same ? before : { file, findings });
      if (!same) changed.add(filePath);
    }
    this.lastRunChecked = toCheck.size;
    this.lastRunChanged = changed;
    if (changes.some((c) => !c.before || !c.after))
      this.checked = new Map(this.project.allFiles().map((file) => [file.path, this.checked.get(file.path)!]));
    return this.checked;
  }

  /**
   * What `changes` concern: the paths to check (the files added or edited, then the readers of the
   * facts the changes changed), and the paths of the deleted files, whose results and recorded
   * facts are dropped here.
   */
  private concerned(changes: readonly FileChange[]): { toCheck: Set<string>; deleted: string[] } {
    const toCheck = new Set<string>();
    const deleted: string[] = [];
    for (const change of changes) {
      if (change.after) toCheck.add(change.after.path);
      else {
        this.checked.delete(change.before!.path);
        this.forget(change.before!.path);
        deleted.push(change.before!.path);
      }
    }
    for (const fact of changedFacts(this.project, changes)) {
      const readers = this.readers.get(fact);
      if (typeof readers === 'string') toCheck.add(readers);
      else readers?.forEach((reader) => toCheck.add(reader));
    }
    return { toCheck, deleted };
  }

  /** The changes of the files at `paths` (those the project says changed since the last run). */
  private changesOf(paths: ReadonlySet<string>): FileChange[] {
    const changes: FileChange[] = [];
    for (const filePath of paths) {
      const before = this.checked.get(filePath)?.file;
      const after = this.project.file(filePath);
      if (before !== after) changes.push({ before, after });
    }
    return changes;
  }

  /** The changes found by comparing every file with what the last run checked. */
  private changesOfAll(): FileChange[] {
    const changes: FileChange[] = [];
    let kept = 0;
    for (const file of this.project.allFiles()) {
      const before = this.checked.get(file.path)?.file;
      if (before) kept++;
      if (before !== file) changes.push({ before, after: file });
    }
    if (kept < this.checked.size) {
      for (const [filePath, { file }] of this.checked) if (!this.project.file(filePath)) changes.push({ before: file });
    }
    return changes;
  }

  /** Checks one file, recording the facts its checks read. */
  private check(file: BotFile, options: CheckOptions): Finding[] {
    const { result, facts } = recordingFacts(() => checkFile(this.project, file, options));
    // Checked again and read the same facts (the usual case after a keystroke): its readers stay.
    const before = this.factsRead.get(file.path);
    if (before && before.length === facts.size && before.every((fact) => facts.has(fact))) return result;
    this.forget(file.path);
    this.factsRead.set(file.path, [...facts]);
    // Most facts have one reader (an intent's utterances): a string, not a Set, saves memory.
    for (const fact of facts) {
      const readers = this.readers.get(fact);
      if (readers === undefined) this.readers.set(fact, file.path);
      else if (typeof readers !== 'string') readers.add(file.path);
      else if (readers !== file.path) this.readers.set(fact, new Set([readers, file.path]));
    }
    return result;
  }

  private forget(filePath: string): void {
    for (const fact of this.factsRead.get(filePath) ?? []) {
      const readers = this.readers.get(fact);
      if (readers === filePath) this.readers.delete(fact);
      else if (typeof readers === 'object' && readers.delete(filePath) && !readers.size) this.readers.delete(fact);
    }
    this.factsRead.delete(filePath);
  }
}

const NO_FACTS: FileFacts = { values: new Map() };

/**
 * The facts whose answers `changes` may have changed: the facts each file contributes to (see
 * `factsOf`) where its contribution differs between the versions, the file itself, bot.json's
 * `config` and handoff-kit.json's `settings`, every family's whole key with any of its facts, and
 * the exit-intent facts of the intents trained with a phrase whose banners or utterances changed.
 */
export function changedFacts(project: BotProject, changes: readonly FileChange[]): Set<FactKey> {
  const changed = new Set<FactKey>();
  for (const { before, after } of changes) {
    const file = (after ?? before)!;
    changed.add(factKey('file', file.path));
    changed.add(factKey('files', file.kind));
    if (file.kind === 'bot') changed.add(factKey('config'));
    if (file.kind === 'settings') changed.add(factKey('settings'));
    const old = before ? factsOf(before).values : NO_FACTS.values;
    const now = after ? factsOf(after).values : NO_FACTS.values;
    for (const [key, value] of old) if (now.get(key) !== value) changed.add(key);
    for (const key of now.keys()) if (!old.has(key)) changed.add(key);
  }

  // An intent is an exit intent while some banner's phrase matches one of its utterances: its
  // exit-intent facts change with the banners and utterances of the phrases that changed.
  const index = indexOf(project);
  const exitIntents = (mode: PhraseMatch, text: string, family: 'hasExact' | 'hasLike') => {
    const names = index.intentNamesMatching(text, mode);
    // Intents that matched before the edit: among the changed files' old versions.
    for (const { before } of changes) {
      const old = before && factsOf(before);
      if (old?.intentName !== undefined && old.values.has(factKey(family, text))) names.add(old.intentName);
    }
    for (const name of names) changed.add(factKey('exitIntent', exitIntentDetail(mode, name)));
  };
  for (const key of [...changed]) {
    const family = familyOf(key);
    const detail = key.slice(family.length + 1);
    if (family === 'hasExact' || family === 'banner') exitIntents('exact', detail, 'hasExact');
    if (family === 'banner') exitIntents('ignoreCaseAndSpacing', normalizePhrase(detail), 'hasLike');
    if (family === 'hasLike') exitIntents('ignoreCaseAndSpacing', detail, 'hasLike');
  }
  for (const key of [...changed]) changed.add(wholeKey(familyOf(key)));
  return changed;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
