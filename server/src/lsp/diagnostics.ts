// Engine findings as LSP diagnostics: offsets become line and character only here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { BotFile, Finding, Severity } from '../engine';

export const SOURCE = 'handoff-kit';

const lineIndexes = new WeakMap<BotFile, TextDocument>();

/** A line index over the exact text the findings were computed on (one per parsed version). */
export function lineIndexOf(file: BotFile): TextDocument {
  let document = lineIndexes.get(file);
  if (!document) {
    document = TextDocument.create(file.path, 'json', file.version, file.text);
    lineIndexes.set(file, document);
  }
  return document;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, file: BotFile): Diagnostic {
  const lines = lineIndexOf(file);
  return {
    range: { start: lines.positionAt(finding.offset), end: lines.positionAt(finding.offset + finding.length) },
    severity: severities[finding.severity],
    source: SOURCE,
    code: finding.code,
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
  };
}
