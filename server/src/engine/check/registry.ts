// The registry: every check, in the order their findings are listed for one spot. Everything
// else about the checks (settings, the handoff-kit.json schema, docs pages, `handoff-kit rules`,
// SARIF rules) is derived from this list or tested against it.
import { bannerNotClosed } from './rules/banner-not-closed';
import { bannerOutlivesTicket } from './rules/banner-outlives-ticket';
import { bannerSchema } from './rules/banner-schema';
import { bulkFileUnreadable } from './rules/bulk-file-unreadable';
import { checkFailed } from './rules/check-failed';
import { duplicateKey } from './rules/duplicate-key';
import { duplicateName } from './rules/duplicate-name';
import { duplicateUtterance } from './rules/duplicate-utterance';
import { eventDisabled } from './rules/event-disabled';
import { eventNotDeclared } from './rules/event-not-declared';
import { exitIntentUnlinked } from './rules/exit-intent-unlinked';
import { faqExitPhraseClash } from './rules/faq-exit-phrase-clash';
import { exitRaisesTicket } from './rules/exit-raises-ticket';
import { exitShowsBanner } from './rules/exit-shows-banner';
import { fileTooLarge } from './rules/file-too-large';
import { fileUnread } from './rules/file-unread';
import { functionSyntax } from './rules/function-syntax';
import { jsonSyntax } from './rules/json-syntax';
import { literalSecret } from './rules/literal-secret';
import { liveExitMisrouted } from './rules/live-exit-misrouted';
import { liveLowConfidence } from './rules/live-low-confidence';
import { liveUtteranceMisrouted } from './rules/live-utterance-misrouted';
import { nestingTooDeep } from './rules/nesting-too-deep';
import { optionTextMismatch } from './rules/option-text-mismatch';
import type { FileRule, ProjectRule, Rule } from './rule';
import { schema } from './rules/schema';
import { testReportStale } from './rules/test-report-stale';
import { testUnknownName } from './rules/test-unknown-name';
import { testReportUnreadable } from './rules/test-report-unreadable';
import { ticketNotClosed } from './rules/ticket-not-closed';
import { unknownEvent } from './rules/unknown-event';
import { unknownIntent } from './rules/unknown-intent';
import { unknownJourney } from './rules/unknown-journey';
import { unknownLanguage } from './rules/unknown-language';
import { unknownTranslationKey } from './rules/unknown-translation-key';
import { translationTextMissing } from './rules/translation-text-missing';
import { translatedExitPhraseMismatch } from './rules/translated-exit-phrase-mismatch';
import { unknownNode } from './rules/unknown-node';
import { unreachableNode } from './rules/unreachable-node';

/**
 * Every check, one per code. What is listed from it keeps its order: `handoff-kit rules`, the
 * README's table, the `handoffKit.rules` setting, SARIF's rules (and their `ruleIndex`). Adding a
 * check is one line here (CONTRIBUTING.md, "How to add a check").
 */
export const rules: readonly Rule[] = [
  jsonSyntax,
  functionSyntax,
  fileTooLarge,
  fileUnread,
  checkFailed,
  duplicateKey,
  nestingTooDeep,
  schema,
  unknownLanguage,
  bannerSchema,
  unknownEvent,
  eventNotDeclared,
  eventDisabled,
  unknownIntent,
  unknownNode,
  unknownJourney,
  testUnknownName,
  unreachableNode,
  duplicateName,
  duplicateUtterance,
  optionTextMismatch,
  unknownTranslationKey,
  translationTextMissing,
  translatedExitPhraseMismatch,
  faqExitPhraseClash,
  exitIntentUnlinked,
  bannerNotClosed,
  ticketNotClosed,
  exitRaisesTicket,
  exitShowsBanner,
  bannerOutlivesTicket,
  literalSecret,
  testReportUnreadable,
  bulkFileUnreadable,
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
