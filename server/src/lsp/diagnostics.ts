// Engine findings as LSP diagnostics: their offsets become ranges through positions.ts.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { DOCS_BASE_URL, docsPathOf, type BotFile, type Finding, type Severity } from '../engine';
import { rangeOf } from './positions';

export const SOURCE = 'handoff-kit';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server for its quick fixes (LSP `Diagnostic.data`). */
export interface DiagnosticData {
  readonly messageId: string;
  readonly data?: Finding['data'];
}

/**
 * A finding as an LSP diagnostic: with a link to its check's docs page, the related places, and
 * the `Unnecessary` tag for code that never runs. `relatedFile` resolves a related location's file
 * to its parsed version (for its line index) and URI; locations in files it does not know are left out.
 */
export function toDiagnostic(
  finding: Finding,
  file: BotFile,
  relatedFile: (path: string) => { file: BotFile; uri: string } | undefined = () => undefined,
): Diagnostic {
  const related = (finding.related ?? []).flatMap((r) => {
    const target = relatedFile(r.file);
    if (!target) return [];
    return [{ location: { uri: target.uri, range: rangeOf(target.file, r.offset, r.length) }, message: r.message }];
  });
  const data: DiagnosticData = { messageId: finding.messageId, ...(finding.data ? { data: finding.data } : {}) };
  return {
    range: rangeOf(file, finding.offset, finding.length),
    severity: severities[finding.severity],
    source: SOURCE,
    code: finding.code,
    codeDescription: { href: DOCS_BASE_URL + docsPathOf(finding.code) },
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}
