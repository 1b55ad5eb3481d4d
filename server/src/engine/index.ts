// The engine's public API, in the spirit of vscode-json-languageservice's jsonLanguageService.ts:
// the language server, the command line, the extension and the tests import only this module
// (and the shared client/server contract). Nothing else of the engine is part of its interface.
//
// Data flows one way: files -> BotFile (parsed once per version) -> BotProject / BotWorkspace
// (updated one file at a time) -> checks (the registry in rules/) -> Finding (UTF-16 offsets)
// -> the front ends, which turn offsets into lines and characters.

// The model: load a workspace, set a document's text, read a project.
export { BotFile, fileKindOf, relativePath, SETTINGS_FILE, type FileKind, type NamedValue } from './botFile';
export { readBotConfig, type BotConfig, type DeclaredEvent } from './botConfig';
export { nodeFileSystem, readOneFile, type FileRead, type FileSystem, type RealPath } from './fileSystem';
export { unparsable } from './functionCode';
export { readIntent, type Intent } from './intent';
export { readJourney, type Journey, type JourneyNode } from './journey';
export { BotProject } from './project';
export { BotWorkspace, DEFAULT_MAX_FILE_SIZE, BOT_FILE_PATTERNS, isInside, type Access, type WorkspaceOptions } from './workspace';
export type { PhraseMatch } from './phraseMatch';
export { PHRASE_MATCHES } from './phraseMatch';

// Checking.
export { checkFile, checkProject, type CheckOptions, type RuleSetting } from './check';
export { IncrementalCheck, type CheckedFile } from './incrementalCheck';
export { readProjectSettings, type ProjectSettings } from './projectSettings';
export { compareFindings, formatSize, severityRank, SEVERITIES, type Finding, type FindingData, type RelatedLocation, type Severity } from './findings';
export { rules, ruleOf, docsPathOf, DOCS_BASE_URL, type Rule } from './rules';
export { addUtteranceFix, intentsToTrain } from './rules/optionTextMismatch';

// Platform facts.
export { platformEvents, platformEvent, isBannerEvent, BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, type PlatformEvent } from './platformEvents';
export { readBannerPayload, typedPhrase, PHRASE_QUOTES, type BannerModel, type BannerOption, type BannerPayloadModel, type BannerShape } from './bannerPayload';

// Editor services: one function per feature, answering in offsets and edits.
export * from './services';

// Studio: utterance tests out, test reports in.
export { readTestReport, testReportOf, type TestReport, type TestReportRow, type TestReportShape } from './testReports';
export { utteranceTestRows, utteranceTestCsv, UTTERANCE_TEST_HEADER, EXIT_PHRASE_TAG, type UtteranceTestRow, type UtteranceTestOptions } from './utteranceTests';
export { studioSheet, studioData, studioUtterances } from './studioSheet';
export { DEFAULT_MIN_CONFIDENCE } from './liveResults';
export { TEST_REPORTS_FOLDER } from './botFile';

// The simulator: a conversation run over a project, step by step, each step with its state and why.
export * from './simulation';
