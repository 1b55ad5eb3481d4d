// "Fix all": the safe fixes of a file's findings, chosen so that they can be applied together.
// The command line's `--fix` and the editor's `source.fixAll.handoffKit` both use it, so they
// change the same things.
import type { BotFile } from '../model/botFile';
import { checkFile, type CheckOptions } from '../check/check';
import { unparsable } from '../model/functionCode';
import type { BotProject } from '../project/project';
import type { FileChange, ProjectEdit, TextChange } from '../edits/edits';
import { quickFixes } from './quickFixes';
import { judgeFix } from './fixJudgement';
import { ruleOf } from '../check/registry';

/**
 * Edits already chosen, per absolute file path: their text changes (offsets in the file's current
 * text) and the files they create. Shared between calls for several files of one pass. `add` costs
 * O(log n) in the changes already chosen for a file (a file may have 100,000 fixes).
 */
export class FixPlan {
  readonly edits: ProjectEdit[] = [];
  private readonly changesByFile = new Map<string, TextChange[]>();
  /** Per file, the ranges the chosen changes cover, touching ones joined: what `add` looks up. */
  private readonly spansByFile = new Map<string, Spans>();
  private readonly created = new Set<string>();

  /** The chosen changes to `file` (offsets in its current text), in the order they were added. */
  changesOf(file: string): readonly TextChange[] {
    return this.changesByFile.get(file) ?? [];
  }

  /** The files the chosen edits create, with their text. */
  creations(): { file: string; text: string }[] {
    return this.edits.flatMap((e) => e.changes.filter((c): c is Extract<FileChange, { kind: 'create' }> => c.kind === 'create'));
  }

  /**
   * Adds `edit` when none of its changes overlaps (or touches) a change already chosen and it
   * creates no file already planned; all of the edit or nothing. Returns whether it was added.
   * (The changes of one edit may touch each other: they were made to be applied together.)
   */
  add(edit: ProjectEdit): boolean {
    for (const change of edit.changes) {
      if (change.kind === 'create') {
        if (this.created.has(change.file)) return false;
        continue;
      }
      const chosen = this.spansByFile.get(change.file);
      // Touching ranges count as overlapping: two insertions at one offset have no defined order.
      if (chosen && change.changes.some((c) => chosen.touches(c.offset, c.offset + c.length))) return false;
    }
    const added = new Map<string, TextChange[]>();
    for (const change of edit.changes) {
      if (change.kind === 'create') {
        this.created.add(change.file);
        continue;
      }
      let list = this.changesByFile.get(change.file);
      if (!list) this.changesByFile.set(change.file, (list = []));
      for (const c of change.changes) list.push(c);
      const ofFile = added.get(change.file);
      if (ofFile) for (const c of change.changes) ofFile.push(c);
      else added.set(change.file, [...change.changes]);
    }
    for (const [file, changes] of added) {
      if (!changes.length) continue;
      let spans = this.spansByFile.get(file);
      if (!spans) this.spansByFile.set(file, (spans = new Spans()));
      // Joined first, so that the spans stay apart from each other (what `touches` relies on).
      changes.sort((a, b) => a.offset - b.offset);
      let start = changes[0].offset;
      let end = start + changes[0].length;
      for (const c of changes.slice(1)) {
        if (c.offset <= end) end = Math.max(end, c.offset + c.length);
        else {
          spans.add(start, end);
          start = c.offset;
          end = c.offset + c.length;
        }
      }
      spans.add(start, end);
    }
    this.edits.push(edit);
    return true;
  }
}

/** A node of `Spans`: a treap by `start`, with a random `priority` kept above its children's. */
interface SpanNode {
  readonly start: number;
  readonly end: number;
  readonly priority: number;
  left: SpanNode | undefined;
  right: SpanNode | undefined;
}

/**
 * Ranges `[start, end]` of a text (offsets, both ends included) that neither overlap nor touch
 * each other, in a treap ordered by start: ordered by start, they are ordered by end too, so the
 * one that can touch a range is the last that starts at or before its end. O(log n) expected per
 * operation.
 */
class Spans {
  private root: SpanNode | undefined;
  /** A fixed sequence of priorities (xorshift): the plan is the same from run to run. */
  private seed = 0x9e3779b9;

  /** Whether `[start, end]` overlaps or touches a range of the set. */
  touches(start: number, end: number): boolean {
    let found: SpanNode | undefined;
    for (let node = this.root; node;) {
      if (node.start <= end) {
        found = node;
        node = node.right;
      } else node = node.left;
    }
    return found !== undefined && found.end >= start;
  }

  /** Adds `[start, end]`, which must neither overlap nor touch a range of the set (see `touches`). */
  add(start: number, end: number): void {
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    const node: SpanNode = { start, end, priority: this.seed >>> 0, left: undefined, right: undefined };
    const [before, after] = split(this.root, start);
    this.root = join(join(before, node), after);
  }
}

/** The nodes of `node` that start before `start`, and the others. */
function split(node: SpanNode | undefined, start: number): [SpanNode | undefined, SpanNode | undefined] {
  if (!node) return [undefined, undefined];
  if (node.start < start) {
    const [left, right] = split(node.right, start);
    node.right = left;
    return [node, right];
  }
  const [left, right] = split(node.left, start);
  node.left = right;
  return [left, node];
}

/** One treap of `a` and `b`, every node of `a` starting before every node of `b`. */
function join(a: SpanNode | undefined, b: SpanNode | undefined): SpanNode | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.priority > b.priority) {
    a.right = join(a.right, b);
    return a;
  }
  b.left = join(a, b.left);
  return b;
}

/**
 * Chooses the safe fixes for the findings of `file` into `plan`: for each finding, its preferred
 * quick fix (one that edits or creates files; fixes that need the user's choice are left out),
 * unless it overlaps one already chosen (it can be applied on a later pass) or `allowed` refuses
 * one of its changes. A file that does not parse gets nothing (see `quickFixes`). Each fix is
 * judged by the handoff (fixJudgement.ts) on its own; a file of more than 16 findings with fixes
 * has its fixes judged together first, all applied when together they make no handoff path
 * worse (linear in the fixes, not quadratic), else each on its own. Returns how many edits were added.
 */
export function chooseSafeFixes(
  project: BotProject,
  file: BotFile,
  plan: FixPlan,
  options: CheckOptions = {},
  allowed: (change: FileChange) => boolean = () => true,
): number {
  const candidates: ProjectEdit[] = [];
  // Judged together when there are many (see below); one at a time, as the editor offers them, when few.
  const findings = checkFile(project, file, options);
  const many = findings.filter((finding) => ruleOf(finding.code)?.fixes).length > JUDGED_ONE_BY_ONE;
  for (const finding of findings) {
    // quickFixes offers only the fixes the handoff judgement lets through (fixJudgement.ts).
    const preferred = quickFixes(project, file, finding, { phraseMatch: options.phraseMatch, unjudged: many }).find(
      (fix) => fix.preferred && !fix.command && fix.changes.length,
    );
    if (!preferred || !preferred.changes.every(allowed)) continue;
    // Edits of files that do not parse would change values the user has: never.
    const unparsed = preferred.changes.some((c) => {
      if (c.kind !== 'edit') return false;
      const target = project.file(c.file);
      return !target || !target.readable || unparsable(target);
    });
    if (!unparsed) candidates.push(preferred);
  }
  if (many) {
    // Judging each of thousands of fixes parses the file thousands of times. Those the plan takes
    // are judged as one edit: when together they leave no handoff path worse, all are applied;
    // else each is judged on its own, as below.
    const trial = new FixPlan();
    for (const edit of plan.edits) trial.add(edit);
    const taken = candidates.filter((fix) => trial.add(fix));
    const creations = trial.creations().map(({ file, text }): FileChange => ({ kind: 'create', file, text }));
    const together: ProjectEdit = { title: 'fix all', changes: [...editsOf(trial, taken), ...creations] };
    if (judgeFix(project, together, { phraseMatch: options.phraseMatch }).safe) {
      for (const fix of taken) plan.add(fix);
      return taken.length;
    }
  }
  let added = 0;
  for (const fix of candidates) {
    if (many && !judgeFix(project, fix, { phraseMatch: options.phraseMatch }).safe) continue;
    if (plan.add(fix)) added++;
  }
  return added;
}

/** Above this many findings with fixes in a file, chooseSafeFixes judges its fixes together first. */
const JUDGED_ONE_BY_ONE = 16;

/** The text changes of `taken`, per file, as the edits of one ProjectEdit (their files' creations aside). */
function editsOf(plan: FixPlan, taken: readonly ProjectEdit[]): FileChange[] {
  const files = new Set(taken.flatMap((fix) => fix.changes.filter((c) => c.kind === 'edit').map((c) => c.file)));
  return [...files].map((file) => ({ kind: 'edit' as const, file, changes: plan.changesOf(file) }));
}
