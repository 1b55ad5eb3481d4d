// The engine's public API, in the spirit of vscode-json-languageservice's jsonLanguageService.ts:
// the language server, the command line, the extension and the tests import only this module
// (and the shared client/server contract). Nothing else of the engine is part of its interface.
//
// Data flows one way: files -> BotFile (parsed once per version) -> BotProject / BotWorkspace
// (updated one file at a time) -> checks (the registry in rules/) -> Finding (UTF-16 offsets)
// -> the front ends, which turn offsets into lines and characters.

// The model: load a workspace, set a document's text, read a project.
export { BotFile, fileKindOf, relativePath, SETTINGS_FILE, type FileKind, type NamedValue } from './model/botFile';
export { readBotConfig, type BotConfig, type DeclaredEvent } from './model/botConfig';
export { nodeFileSystem, readOneFile, type FileRead, type FileSystem, type RealPath } from './project/fileSystem';
export { unparsable } from './model/functionCode';
export { readIntent, type Intent } from './model/intent';
export { readJourney, type Journey, type JourneyNode } from './model/journey';
export { BotProject } from './project/project';
export { BotWorkspace, DEFAULT_MAX_FILE_SIZE, BOT_FILE_PATTERNS, isInside, type Access, type WorkspaceOptions } from './project/workspace';
export type { PhraseMatch } from './phrases/phraseMatch';
export { PHRASE_MATCHES } from './phrases/phraseMatch';

// Checking.
export { checkFile, checkProject, type CheckOptions } from './check/check';
export { IncrementalCheck, type CheckedFile } from './check/incrementalCheck';
export { readProjectSettings, type ProjectSettings } from './project/settings';
export {
  compareFindings,
  formatSize,
  severityRank,
  SEVERITIES,
  type Finding,
  type FindingData,
  type RelatedLocation,
  type RuleSetting,
  type Severity,
} from './findings';
export { rules, ruleOf, docsPathOf, DOCS_BASE_URL, type Rule } from './check/registry';
export { addUtteranceFix, intentsToTrain } from './check/rules/option-text-mismatch';

// Platform facts.
export { platformEvents, platformEvent, isBannerEvent, BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT, type PlatformEvent } from './model/platformEvents';
export {
  readBannerPayload,
  typedPhrase,
  PHRASE_QUOTES,
  type BannerModel,
  type BannerOption,
  type BannerPayloadModel,
  type BannerShape,
} from './model/bannerPayload';

// Editor services: one function per feature, answering in offsets and edits.
export * from './services';

// Studio: utterance tests out, test reports in.
export { readTestReport, testReportOf, type TestReport, type TestReportRow, type TestReportShape } from './studio/testReports';
export {
  utteranceTestRows,
  utteranceTestPlan,
  utteranceTestCsv,
  UTTERANCE_TEST_HEADER,
  EXIT_PHRASE_TAG,
  type UtteranceTestRow,
  type UtteranceTestOptions,
  type LeftOutBanner,
} from './studio/utteranceTests';
export { studioSheet, studioData, studioUtterances, type StudioSheetOptions } from './studio/sheet';
export { studioPieces, type StudioPiece } from './studio/pieces';
export { DEFAULT_MIN_CONFIDENCE } from './studio/liveResults';
export { TEST_REPORTS_FOLDER } from './model/botFile';
