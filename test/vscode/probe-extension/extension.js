// A stand-in for the real extension, for checking the test host itself: same id, same activation event, and the
// unknown-event and banner-schema findings computed crudely in the extension host. Not a model of the engine.
const vscode = require('vscode');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const bannerEvents = new Set(['ui-event-update-promotion', 'ui-event-close-promotion']);

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('handoff-kit');
  const check = (document) => {
    if (!/[\\/]journeys[\\/][^\\/]+\.json$/.test(document.uri.fsPath)) return;
    collection.set(document.uri, findings(document));
  };
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
  vscode.workspace.textDocuments.forEach(check);
}

function findings(document) {
  const text = document.getText();
  let journey;
  try {
    journey = JSON.parse(text);
  } catch {
    return [];
  }
  const botFile = join(dirname(dirname(document.uri.fsPath)), 'bot.json');
  const declared = existsSync(botFile) ? JSON.parse(readFileSync(botFile, 'utf8')).events.map((e) => e.name) : [];
  const result = [];
  const at = (needle, message, code) => {
    const offset = Math.max(0, text.indexOf(needle));
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
    const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'handoff-kit';
    diagnostic.code = code;
    result.push(diagnostic);
  };
  for (const node of journey.nodes ?? []) {
    if (node.type !== 'sendEvent') continue;
    if (!declared.includes(node.event)) at(JSON.stringify(node.event), `unknown event ${node.event}`, 'unknown-event');
    if (bannerEvents.has(node.event) && node.data && typeof node.data.title !== 'string') at('"data"', 'a banner needs a title', 'banner-schema');
  }
  return result;
}

module.exports = { activate, deactivate() {} };
