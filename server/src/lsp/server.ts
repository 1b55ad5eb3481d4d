// The bundled language server (dist/server/serverMain.js, loaded by start.ts). Speaks LSP over the
// transport named on the command line: --stdio, --node-ipc or --socket=<port>.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFileSystem } from '../engine';
import { startLanguageServer } from './languageServer';

const connection = createConnection(ProposedFeatures.all);
startLanguageServer(connection, {
  fs: nodeFileSystem,
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
  setImmediate: (callback) => void setImmediate(callback),
});
connection.listen();
