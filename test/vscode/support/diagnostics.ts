// Waiting for what the language server publishes: each wait ends when the condition holds (checked now and on
// every diagnostics change for the file), or fails at a deadline with what was there instead. No fixed sleeps.
import * as vscode from 'vscode';

export const source = 'handoff-kit';

/** How long a condition may take; the first validation includes the server's start. */
export const defaultTimeoutMs = 20_000;

/** The diagnostic's code as a string, whichever of the three shapes VS Code gives it. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function handoffKitDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.source ?? '?'}(${codeOf(d) ?? '-'}) ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    .join('; ');
}

/**
 * Resolves with the file's handoff-kit diagnostics once `condition` holds for them.
 * `what` names the condition in the timeout message.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  condition: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = defaultTimeoutMs,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = handoffKitDiagnostics(uri);
      if (!condition(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const all = vscode.languages.getDiagnostics(uri);
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; diagnostics there: ${describeDiagnostics(all)}`,
        ),
      );
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

export function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `a "${code}" diagnostic`, (ds) => ds.some((d) => codeOf(d) === code), timeoutMs);
}

export function waitForNoCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `no "${code}" diagnostic`, (ds) => !ds.some((d) => codeOf(d) === code), timeoutMs);
}
