// `handoff-kit rules`: the registry of checks, as a table or as JSON.
import { DOCS_BASE_URL, docsPathOf, RULE_SETTINGS, rules } from '../engine';

/** One check as `handoff-kit rules --format json` prints it. */
export interface RuleRow {
  readonly code: string;
  readonly severity: string;
  readonly scope: 'file' | 'project';
  readonly fixable: boolean;
  readonly description: string;
  /** The docs page, relative to the repository root. */
  readonly docs: string;
  /** Where the docs page is published (the npm package does not hold docs/). */
  readonly url: string;
  /** What the check may be set to: `off` or a severity. */
  readonly settings: readonly string[];
}

/** Every check of the registry, in registry order. */
export function ruleRows(): RuleRow[] {
  return rules.map((rule) => ({
    code: rule.code,
    severity: rule.severity,
    scope: rule.scope,
    fixable: rule.fixable,
    description: rule.description,
    docs: docsPathOf(rule.code),
    url: DOCS_BASE_URL + docsPathOf(rule.code),
    settings: RULE_SETTINGS,
  }));
}

/** The registry as text (aligned columns, a header) or as a JSON array of `RuleRow`. */
export function formatRules(format: 'text' | 'json'): string {
  const rows = ruleRows();
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const table = [
    ['code', 'severity', 'scope', 'fixable', 'description'],
    ...rows.map((r) => [r.code, r.severity, r.scope, r.fixable ? 'yes' : 'no', r.description]),
  ];
  const widths = table[0].map((_, i) => table.reduce((widest, row) => Math.max(widest, row[i].length), 0));
  return `${table.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n')}\nDocs: ${DOCS_BASE_URL}docs/rules/<code>.md\n`;
}
