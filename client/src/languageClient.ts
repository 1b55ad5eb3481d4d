// The language client library (most of the extension's code), bundled on its own as
// dist/client/languageClient.js: the extension loads it once activate() has returned its promise,
// so that VS Code's activation time counts only the small bundle of the commands.
export { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
