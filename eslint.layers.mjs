// The engine's layers, bottom first: a folder of server/src/engine may import only the folders
// before it in this list (and its own files). eslint.config.mjs turns the list into one
// no-restricted-imports block per folder; test/architecture/imports.test.ts checks the whole
// import graph against it, type imports and circles included. CONTRIBUTING.md explains each layer.
export const ENGINE_LAYERS = [
  'findings', // the vocabulary: Finding, Severity, RuleSetting
  'model', // one bot file → values: BotFile and its places, intents, journeys, banners, function code
  'edits', // text edits and JSON modifications
  'phrases', // how the platform compares what is typed: phrase matching, edit distance, suggestions
  'schemas', // the JSON schemas, their validators and the problems they report
  'project', // files on disk, the workspace, the project and its settings
  'analysis', // cross-file lookups: the project index, exit phrases and exit journeys
  'guide', // the disconnection guide's pieces, shared by the scaffold and the fixes
  'studio', // Studio's files in and out: test reports, utterance tests, the sheet, copied pieces
  'check', // running the checks: the rule contract, the registry, the rules and their fixes
  'simulation', // the handoff as a conversation, judged by the checks
  'conversation', // conversation tests: a test file's steps run through the simulator, its expectations checked
  'graph', // the journey graph: the project's links as nodes and edges, laid out, with the findings on them
  'services', // editor features: completion, hover, navigation, rename, quick fixes, the scaffold
  'index', // the entry module: what the front ends may use
];

/** Folders outside the engine that may use it only through server/src/engine/index.ts and contract/. */
export const FRONT_ENDS = ['server/src/lsp/', 'server/src/cli/', 'client/src/'];
