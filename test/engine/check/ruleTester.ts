// A rule tester in the manner of ESLint's RuleTester: a check is tested by tables of valid and
// invalid projects. Each invalid case lists every finding the check must report (code, range,
// message, data) and the text its preferred quick fix leaves; a finding the case does not list
// fails it, so a check that starts reporting more than it should is caught.
//
// Every call of RuleTester.run can also be read without running it (ruleTestRunsOf), so that
// ruleTester.test.ts checks each check's tables themselves rather than the text of its test file.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as nodeTest from 'node:test';
import {
  checkFile,
  checkProject,
  ruleOf,
  type CheckOptions,
  type Finding,
  type Rule,
  type Severity,
  applyChanges,
  quickFixes,
  type ProjectEdit,
} from '../../../server/src/engine';
import { walkFrom } from '../../../server/src/engine/analysis/exitPaths';
import { indexOf } from '../../../server/src/engine/analysis/projectIndex';
import { startingAt } from '../../../server/src/engine/analysis/ticketClosing';
import { closesBanner, closesTicket } from '../../../server/src/engine/model/journey';
import { reachableNodes } from '../../../server/src/engine/model/journeyGraph';
import { ProjectFixture, ROOT, type FileLimits } from '../support/projectFixture';

/** Where a finding must be: the n-th (1-based) occurrence of `snippet` in the file's text, or offsets. */
export type RangeLocator =
  | { readonly at: string; readonly occurrence?: number; readonly offset?: never; readonly length?: never }
  | { readonly offset: number; readonly length: number; readonly at?: never; readonly occurrence?: never };

/** One finding an invalid case expects, in the order findings are sorted (by file, then offset). */
export type ExpectedFinding = RangeLocator & {
  /** The message id the finding carries (one of the check's `messages`). */
  readonly messageId: string;
  /** The exact text (or a pattern). Omitted: the check's message for `data`, which must then be given. */
  readonly message?: string | RegExp;
  /** The file the finding is in, relative to the project; the case's `file` when omitted. */
  readonly file?: string;
  /** The finding's data, compared exactly (`{}` when the finding carries none). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Compared when given; when omitted the check's default severity is expected. */
  readonly severity?: Severity;
  /** The related locations, as [file relative to the project, message] pairs. */
  readonly related?: ReadonlyArray<readonly [string, string]>;
};

/** What a valid and an invalid case share: a project and what is checked in it. */
export interface CaseBase {
  /** Names the test. */
  readonly name: string;
  /**
   * Files added to the fixture's default project (bot.json with the two banner events, the intent
   * talk_to_bot trained with "talk to bot"); a file given here replaces the default one. Objects
   * are written as pretty JSON (2 spaces), strings as they are.
   */
  readonly files?: Readonly<Record<string, object | string>>;
  /** What the workspace knows of some files besides their text (size limit, unread). */
  readonly limits?: Readonly<Record<string, FileLimits>>;
  /** The file checked, relative to the project: the first of `files` when omitted (valid: every file of `files`). */
  readonly file?: string;
  /** Options of the check run (rule settings, how exit phrases are compared). */
  readonly options?: CheckOptions;
  /** Runs before the case; what it returns runs after it, even when the case fails. */
  readonly setup?: () => () => void;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  /** Every finding of the check in the files it names (the case's `file` and each finding's `file`). */
  readonly errors: readonly ExpectedFinding[];
  /**
   * Each file's text after the preferred quick fix of the first finding is applied (the fix marked
   * preferred, else the first offered): a string is compared exactly, an object with the parsed
   * JSON. `null`: the finding has no fix. Omitted: the finding must have no fix either, so a
   * fixable case cannot leave its fix untested.
   */
  readonly output?: Readonly<Record<string, string | object>> | null;
}

export interface RuleTests {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** Runs tables of cases against one check of the registry, each case as one `node:test` test. */
export class RuleTester {
  /**
   * Registers a `describe` block named after the check with one test per case; while
   * ruleTestRunsOf loads the calling module, records the tables instead.
   */
  run(ruleOrCode: Rule | string, tests: RuleTests): void {
    const rule = resolve(ruleOrCode);
    if (collecting) {
      collecting.push({ code: rule.code, tests });
      return;
    }
    nodeTest.describe(rule.code, () => {
      for (const test of tests.valid) nodeTest.it(`valid: ${test.name}`, () => assertValid(rule, test));
      for (const test of tests.invalid) nodeTest.it(`invalid: ${test.name}`, () => assertInvalid(rule, test));
      // Issue 25: every fix offered for a failing fixture, applied, leaves no handoff path worse.
      for (const test of tests.invalid) nodeTest.it(`fix safety: ${test.name}`, () => assertFixesSafe(rule, test));
    });
  }
}

/** What one call of RuleTester.run was given: the check's code and its tables. */
export interface RuleTestRun {
  readonly code: string;
  readonly tests: RuleTests;
}

/** Set while ruleTestRunsOf loads a module: RuleTester.run, describe and it then register no test. */
let collecting: RuleTestRun[] | undefined;
const load = createRequire(__filename);

/**
 * Loads a compiled test module without running its tests and returns the tables it gave
 * RuleTester.run, in order. The module takes `describe` and `it` from here (lint holds the rule
 * test files to that); one already loaded in this process gives nothing, as it does not run again.
 */
export function ruleTestRunsOf(modulePath: string): RuleTestRun[] {
  const runs: RuleTestRun[] = [];
  collecting = runs;
  try {
    load(modulePath);
  } finally {
    collecting = undefined;
  }
  return runs;
}

/** `node:test`'s `describe`, for a rule test file's own tests beside its tables (see ruleTestRunsOf). */
export function describe(name: string, fn: () => void): void {
  if (!collecting) nodeTest.describe(name, fn);
}

/** `node:test`'s `it`, for a rule test file's own tests beside its tables (see ruleTestRunsOf). */
export function it(name: string, fn: () => void | Promise<void>): void {
  if (!collecting) nodeTest.it(name, fn);
}

/** Throws unless the check reports nothing in the files the case checks. */
export function assertValid(ruleOrCode: Rule | string, test: ValidCase): void {
  const rule = resolve(ruleOrCode);
  withSetup(test, () => {
    const fixture = fixtureOf(test);
    const files = test.file ? [test.file] : Object.keys(test.files ?? {});
    assert.ok(files.length, `${test.name}: a valid case names the files it checks (files or file)`);
    for (const rel of files) {
      const findings = fixture.findings(rel, rule.code, test.options);
      assert.deepEqual(findings.map(describeFinding), [], `${rule.code} reports nothing in ${rel}`);
    }
  });
}

/** Throws unless the check reports exactly the expected findings and its preferred fix gives `output`. */
export function assertInvalid(ruleOrCode: Rule | string, test: InvalidCase): void {
  const rule = resolve(ruleOrCode);
  assert.ok(test.errors.length, `${test.name}: an invalid case expects at least one finding`);
  withSetup(test, () => {
    const fixture = fixtureOf(test);
    const checked = test.file ?? Object.keys(test.files ?? {})[0];
    assert.ok(checked, `${test.name}: an invalid case names the file it checks (files or file)`);
    const files = [...new Set([checked, ...test.errors.map((e) => e.file ?? checked)])];
    const actual = files.flatMap((rel) => fixture.findings(rel, rule.code, test.options));
    const expected = test.errors.map((e) => expectedFinding(rule, fixture, e.file ?? checked, e));
    // What a case leaves open (data not given, a message given as a pattern) is taken from the
    // finding in its place, so the list compares everything else.
    const summaries = actual.map((finding, i) => {
      const summary = describeFinding(finding);
      const e = test.errors[i];
      if (!e) return summary;
      if (e.message instanceof RegExp && e.message.test(finding.message)) summary.message = String(e.message);
      if (e.data === undefined) expected[i].summary.data = summary.data;
      return summary;
    });
    // Compared as one list, so an extra or a missing finding shows every finding at once.
    assert.deepEqual(
      summaries,
      expected.map((e) => e.summary),
      `${rule.code}: the findings of ${files.join(', ')}`,
    );
    actual.forEach((finding, i) => {
      const e = test.errors[i];
      if (e.related) assert.deepEqual(finding.related?.map((r) => [relative(r.file), r.message]) ?? [], e.related, `${rule.code}: related locations`);
    });
    assertFix(fixture, rule, test, actual[0]);
  });
}

function assertFix(fixture: ProjectFixture, rule: Rule, test: InvalidCase, finding: Finding): void {
  const rel = relative(finding.file);
  const fixes = quickFixes(fixture.project, fixture.file(rel), finding);
  const fix = fixes.find((f) => f.preferred) ?? fixes[0];
  if (!test.output) {
    assert.equal(fix?.title, undefined, `${rule.code}: the first finding has a fix; give the case an \`output\``);
    return;
  }
  assert.ok(fix, `${rule.code}: expected a quick fix for the first finding`);
  const before = fixture.findings(rel, rule.code, test.options).length;
  apply(fixture, fix);
  for (const [file, text] of Object.entries(test.output)) {
    if (typeof text === 'string') assert.equal(fixture.text(file), text, `${file} after "${fix.title}"`);
    else assert.deepEqual(JSON.parse(fixture.text(file)), text, `${file} after "${fix.title}"`);
  }
  const changed = new Set(fix.changes.map((c) => relative(c.file)));
  assert.deepEqual([...changed].sort(), Object.keys(test.output).sort(), `${rule.code}: the files "${fix.title}" changes`);
  // A fix that leaves its own finding (or more) in place fixed nothing.
  assert.ok(fixture.findings(rel, rule.code, test.options).length < before, `${rule.code}: "${fix.title}" removes the finding it fixes`);
}

/**
 * The checks that judge a fix for now (until the simulator of issue 22 judges the conversation):
 * a new finding of one of them means the fix sends the customer to an agent, back to the banner,
 * or leaves a banner that outlives the ticket.
 */
export const HANDOFF_JUDGE_CODES: readonly string[] = ['exit-raises-ticket', 'exit-shows-banner', 'banner-outlives-ticket'];

/**
 * Throws unless every quick fix offered for every finding of the check in the case's files, each
 * applied alone to a fresh copy of the case's project, adds no finding of `HANDOFF_JUDGE_CODES`
 * (compared without offsets, which the fix may move) and no close step (close-banner or
 * close-ticket) from which a path reaches a Raise Ticket node.
 */
export function assertFixesSafe(ruleOrCode: Rule | string, test: InvalidCase): void {
  const rule = resolve(ruleOrCode);
  withSetup(test, () => {
    const fixture = fixtureOf(test);
    const checked = test.file ?? Object.keys(test.files ?? {})[0];
    const files = [...new Set([checked, ...test.errors.map((e) => e.file ?? checked)])];
    const before = handoffVerdicts(fixture, test.options);
    for (const rel of files) {
      for (const finding of checkFile(fixture.project, fixture.file(rel), test.options).filter((f) => f.code === rule.code)) {
        for (const fix of quickFixes(fixture.project, fixture.file(rel), finding, { phraseMatch: test.options?.phraseMatch })) {
          if (!fix.changes.length) continue;
          const after = handoffVerdicts(apply(fixtureOf(test), fix), test.options);
          const added = [...after].filter((verdict) => !before.has(verdict));
          assert.deepEqual(added, [], `${rule.code}: "${fix.title}" (for ${finding.message}) makes a handoff path worse`);
        }
      }
    }
  });
}

/** What the judging checks find in the whole project, and the close steps that run before a Raise Ticket node, as comparable strings. */
function handoffVerdicts(fixture: ProjectFixture, options: CheckOptions | undefined): Set<string> {
  const verdicts = new Set<string>();
  for (const finding of checkProject(fixture.project, options)) {
    if (HANDOFF_JUDGE_CODES.includes(finding.code))
      verdicts.add(`${relative(finding.file)} ${finding.code} ${finding.messageId} ${JSON.stringify(finding.data ?? {})}`);
  }
  const index = indexOf(fixture.project);
  for (const file of fixture.project.filesOfKind('journey')) {
    const entry = index.journeyOf(file);
    if (!entry) continue;
    for (const node of reachableNodes(entry.journey)) {
      if (!node.id || !(closesBanner(node) || closesTicket(node))) continue;
      if (walkFrom(fixture.project, index, [startingAt(entry, node.id.value)], { pastRaise: false, until: 'raise' }).raises.length)
        verdicts.add(`${relative(file.path)} ${node.id.value} closes before a Raise Ticket node`);
    }
  }
  return verdicts;
}

/** Applies a fix to the fixture as an editor would: every change, created files included. */
export function apply(fixture: ProjectFixture, fix: ProjectEdit): ProjectFixture {
  for (const change of fix.changes) {
    const rel = relative(change.file);
    if (change.kind === 'create') fixture.set(rel, change.text);
    else fixture.set(rel, applyChanges(fixture.text(rel), change.changes));
  }
  return fixture;
}

type Summary = { file: string; code: string; messageId: string; severity: Severity; offset: number; length: number; message: string; data: unknown };

function describeFinding(f: Finding): Summary {
  return {
    file: relative(f.file),
    code: f.code,
    messageId: f.messageId,
    severity: f.severity,
    offset: f.offset,
    length: f.length,
    message: f.message,
    data: f.data ?? {},
  };
}

function expectedFinding(rule: Rule, fixture: ProjectFixture, rel: string, e: ExpectedFinding): { summary: Summary } {
  const format = (rule.messages as Record<string, ((data: object) => string) | undefined>)[e.messageId];
  assert.ok(format, `${rule.code} has no message \`${e.messageId}\``);
  assert.ok(e.message !== undefined || e.data !== undefined, `${rule.code}/${e.messageId}: give the expected message or its data`);
  const [offset, length] = e.at !== undefined ? [fixture.offsetOf(rel, e.at, e.occurrence), e.at.length] : [e.offset as number, e.length as number];
  const message = e.message instanceof RegExp ? String(e.message) : (e.message ?? format(e.data as object));
  return {
    summary: {
      file: rel,
      code: rule.code,
      messageId: e.messageId,
      severity: e.severity ?? rule.severity,
      offset,
      length,
      message,
      data: e.data ?? {},
    },
  };
}

function fixtureOf(test: CaseBase): ProjectFixture {
  const fixture = new ProjectFixture();
  for (const [rel, content] of Object.entries(test.files ?? {})) fixture.set(rel, content, test.limits?.[rel]);
  for (const [rel, limits] of Object.entries(test.limits ?? {})) if (!test.files?.[rel]) fixture.set(rel, fixture.text(rel), limits);
  return fixture;
}

function withSetup(test: CaseBase, body: () => void): void {
  const teardown = test.setup?.();
  try {
    body();
  } finally {
    teardown?.();
  }
}

function resolve(ruleOrCode: Rule | string): Rule {
  const rule = typeof ruleOrCode === 'string' ? ruleOf(ruleOrCode) : ruleOrCode;
  assert.ok(rule, `no check \`${String(ruleOrCode)}\` in the registry`);
  return rule;
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
