// The registry: every check, in the order their findings are listed for one spot. Everything
// else about the checks (settings, the handoff-kit.json schema, docs pages, `handoff-kit rules`,
// SARIF rules) is derived from this list or tested against it.
import { bannerNotClosed } from './bannerNotClosed';
import { bannerSchema } from './bannerSchema';
import { checkFailed } from './checkFailed';
import { duplicateKey } from './duplicateKey';
import { duplicateName } from './duplicateName';
import { duplicateUtterance } from './duplicateUtterance';
import { eventDisabled } from './eventDisabled';
import { eventNotDeclared } from './eventNotDeclared';
import { exitIntentUnlinked } from './exitIntentUnlinked';
import { fileTooLarge } from './fileTooLarge';
import { fileUnread } from './fileUnread';
import { functionSyntax } from './functionSyntax';
import { jsonSyntax } from './jsonSyntax';
import { literalSecret } from './literalSecret';
import { liveExitMisrouted } from './liveExitMisrouted';
import { liveLowConfidence } from './liveLowConfidence';
import { liveUtteranceMisrouted } from './liveUtteranceMisrouted';
import { nestingTooDeep } from './nestingTooDeep';
import { optionTextMismatch } from './optionTextMismatch';
import type { FileRule, ProjectRule, Rule } from './rule';
import { schema } from './schema';
import { testReportStale } from './testReportStale';
import { testReportUnreadable } from './testReportUnreadable';
import { ticketNotClosed } from './ticketNotClosed';
import { unknownEvent } from './unknownEvent';
import { unknownIntent } from './unknownIntent';
import { unknownJourney } from './unknownJourney';
import { unknownNode } from './unknownNode';
import { unreachableNode } from './unreachableNode';

export const rules: readonly Rule[] = [
  jsonSyntax,
  functionSyntax,
  fileTooLarge,
  fileUnread,
  checkFailed,
  duplicateKey,
  nestingTooDeep,
  schema,
  bannerSchema,
  unknownEvent,
  eventNotDeclared,
  eventDisabled,
  unknownIntent,
  unknownNode,
  unknownJourney,
  unreachableNode,
  duplicateName,
  duplicateUtterance,
  optionTextMismatch,
  exitIntentUnlinked,
  bannerNotClosed,
  ticketNotClosed,
  literalSecret,
  testReportUnreadable,
  liveExitMisrouted,
  liveUtteranceMisrouted,
  liveLowConfidence,
  testReportStale,
];

const byCode = new Map(rules.map((rule) => [rule.code, rule]));

/** The check with this code, or undefined. */
export function ruleOf(code: string): Rule | undefined {
  return byCode.get(code);
}

export const fileRules = rules.filter((r): r is FileRule => r.scope === 'file');
export const projectRules = rules.filter((r): r is ProjectRule => r.scope === 'project');

export { defineFileRule, defineProjectRule, docsPathOf, DOCS_BASE_URL } from './rule';
export type { FileRule, FixContext, FindingOf, MessageMap, Problem, ProjectRule, Report, Rule, RuleContext, RuleMeta } from './rule';
