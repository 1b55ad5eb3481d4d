// The engine's entry module, in the spirit of vscode-json-languageservice's jsonLanguageService.ts:
// the language server, the command line and the extension import only this module (and contract/).
// Every export is listed by name; nothing else of the engine is part of its interface, and a name
// no front end or test uses is not exported (test/architecture/entryModule.test.ts checks both).
//
// Data flows one way: files -> BotFile (parsed once per version) -> BotProject / BotWorkspace
// (updated one file at a time) -> checks (the registry in check/) -> Finding (UTF-16 offsets)
// -> the front ends, which turn offsets into lines and characters.

// --- The vocabulary: what a check reports, and what a rule may be set to.
/** A finding, its severity and its related places; how findings sort; the rule settings. */
export {
  compareFindings,
  isRuleSetting,
  readRuleSettings,
  RULE_SETTINGS,
  type Finding,
  type FindingData,
  type RelatedLocation,
  type RuleSetting,
  type Severity,
} from './findings';

// --- One bot file: its kind, its parsed values.
/** A bot file (parsed once per version). */
export { BotFile, relativePath, type NamedValue } from './model/botFile';
/** The files of a bot project, written down once: kinds, where they are, how an editor opens them. */
export {
  BOT_FILE_GLOB,
  BOT_FILE_PATTERNS,
  fileKindOf,
  JSON_KINDS,
  PROJECT_FILES,
  PROJECT_FOLDERS,
  patternOf,
  SETTINGS_FILE,
  type FileKind,
  type ProjectFileSpec,
} from './model/projectLayout';
/** bot.json's declared custom events. */
export type { BotConfig, DeclaredEvent } from './model/botConfig';
/** A journey and its nodes, read from a journey file. */
export { readJourney, type Journey, type JourneyNode } from './model/journey';
/** A function file that acorn cannot parse (no app.sendEvent is read from it). */
export { unparsable } from './model/functionCode';
/** The banner payload reader, and the phrase a typed banner's title quotes. */
export {
  readBannerPayload,
  typedPhrase,
  type BannerModel,
  type BannerOption,
  type BannerPayloadModel,
  type BannerShape,
} from './model/bannerPayload';
/** The platform's banner events: close (step 5 of the guide, and the guide's show event) and update. */
export { BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT } from './model/platformEvents';
/** Templates such as `{{{variables.x}}}`, which the preview shows as written. */
export { hasTemplate, templateParts, type TemplatePart } from './model/template';

// --- Text edits.
/** Edits as offsets, one undo per project edit; applying them to a text. */
export { applyChanges, modifyJson, type FileChange, type FixCommand, type ProjectEdit, type TextChange } from './edits/edits';

// --- Phrases.
/** How exit phrases are compared: the values of the `exitPhraseMatch` setting. */
export { PHRASE_MATCHES, type PhraseMatch } from './phrases/phraseMatch';
/** "Did you mean": the closest of a set of names to a misspelt one (the command line's unknown rule codes). */
export { closestName } from './phrases/suggestions';

// --- The project: files on disk, the workspace, the settings.
/** The file access the engine is given (Node's, or a test's fake). */
export {
  blockingNodeFileSystem,
  decodeText,
  IGNORED_FOLDERS,
  nodeFileSystem,
  readOneFile,
  type FileRead,
  type FileSystem,
  type RealPath,
} from './project/fileSystem';
/** Files the tool writes: never through a link, never over a file it did not make unless asked. */
export { OutputFileRefused, removeOutputFile, writeOutputFile, type OutputFileOptions, type OutputRefusal } from './project/outputFile';
/** A bot project, and every project of a workspace. */
export { BotProject } from './project/project';
export { BotWorkspace, DEFAULT_MAX_FILE_SIZE, isInside, type Access, type WorkspaceOptions } from './project/workspace';
/** What the search for projects leaves out: .gitignore files, handoff-kit.json `ignores`, patterns given. */
export { GITIGNORE_FILE, IgnoreRules, type IgnoreOptions } from './project/ignores';
/** handoff-kit.json, and the values the editor's settings share with it. */
export { readMinConfidence, readPhraseMatch, readProjectSettings, type ProjectSettings } from './project/settings';

// --- Checking.
/** Run the checks over a project or one file; keep findings current edit by edit. */
export { checkFile, checkProject, type CheckOptions } from './check/check';
/** The same, split for a caller that runs the file-scope checks on another thread. */
export { checkProjectInParts, fileScopeFindings } from './check/check';
export { IncrementalCheck, type CheckedFile } from './check/incrementalCheck';
/** The registry of checks and their docs pages. */
export { DOCS_BASE_URL, docsPathOf, ruleOf, rules, type Rule } from './check/registry';
/** Adding an exit phrase to an intent's utterances, and the intents worth offering. */
export { addUtteranceFix, intentsToTrain } from './check/rules/option-text-mismatch';

// --- Studio: what goes in and out of it.
/** Studio's bulk utterance test reports, read. */
export { readTestReport, type TestReport, type TestReportRow, type TestReportShape } from './studio/testReports';
/** The CSV Studio's bulk utterance test takes. */
export {
  isUtteranceTestCsv,
  utteranceTestCsv,
  utteranceTestPlan,
  utteranceTestRows,
  type LeftOutBanner,
  type UtteranceTestOptions,
  type UtteranceTestRow,
} from './studio/utteranceTests';
/** The Studio build sheet, and what each Studio field takes. */
export { isStudioSheet, studioData, studioSheet, studioUtterances, type StudioSheetOptions } from './studio/sheet';
export { studioPieces, type StudioPiece } from './studio/pieces';

// --- Editor services: one function per feature, answering in offsets and edits.
/** The banner preview's view of a banner payload, and the payloads of a file. */
export {
  bannerPayloadsIn,
  bannerPreviewAt,
  type BannerPayload,
  type BannerPreview,
  type BannerSettingsView,
  type BannerView,
  type ButtonAction,
  type ButtonView,
  type FlagView,
  type ImageBannerView,
  type PhraseTarget,
  type TextBannerView,
} from './services/bannerPreview';
export { completionsAt, type Completion, type CompletionKind } from './services/completion';
export { hoverAt, type Hover } from './services/hover';
export { outlineOf, type OutlineItem } from './services/outline';
export { occurrencesOf, symbolAt, type BotSymbol, type SymbolOccurrence } from './services/navigation';
export { prepareRename, renameEdits, RenameError } from './services/rename';
/** Quick fixes of a finding, and the safe fixes that `--fix` and "fix all" apply. */
export { quickFixes, type FindingRef } from './services/quickFixes';
export { chooseSafeFixes, FixPlan } from './services/fixAll';
/**
 * The exit path's verdicts: which banners' exits the checks find broken (utterance tests leave them
 * out), and whether a fix leaves every handoff path at least as good as before.
 */
export { exitPathErrors } from './services/exitVerdicts';
export { isSafeFix, judgeFix, simulatorJudge, staticJudge, type FixJudgement, type HandoffJudge, type JudgeOptions } from './services/fixJudgement';
/** The scaffold of the whole disconnection journey, a new project, and the input validators. */
export {
  defaultDisconnectionOptions,
  disconnectionContext,
  planDisconnection,
  planNewProject,
  validateBannerTitle,
  validateButtonLabel,
  validateDisconnectionOptions,
  validateName,
  validatePhrase,
  validateProjectName,
  type DisconnectionContext,
  type DisconnectionOptions,
  type NewProjectPlan,
  type ScaffoldConflict,
  type ScaffoldPlan,
} from './services/scaffold/index';

// --- The simulator: a conversation run over a project, step by step, each step with its state and why.
/** One run from a list of inputs; the handoff path of every banner, or of one (the code lens); the inputs and the state after each step; the events to offer. */
export {
  DEFAULT_MAX_STEPS,
  describeInput,
  eventsToFire,
  handoffBannersIn,
  handoffOfBanner,
  handoffPath,
  isTicketOutcome,
  simulate,
  TICKET_OUTCOMES,
  type BannerState,
  type HandoffBanner,
  type HandoffOptions,
  type HandoffPath,
  type HandoffRun,
  type SentEvent,
  type ShownBanner,
  type ShownOption,
  type SimulateOptions,
  type SimulationFinding,
  type SimulationInput,
  type SimulationOutcome,
  type SimulationPlace,
  type SimulationRun,
  type SimulationState,
  type SimulationStep,
  type SimulationStepKind,
  type SimulationWhy,
  type TicketOutcome,
  type TicketStatus,
} from './simulation/index';

// --- The journey graph: nodes, edges, clusters and a layout, with the findings on them.
/** The graph of a project (handoff path or whole project), laid out; a walk laid over it. */
export { journeyGraph } from './graph/journeyGraph';
/** The graph as Mermaid, Graphviz DOT or JSON, for `handoff-kit graph`. */
export { GRAPH_FORMATS, graphToDot, graphToJson, graphToMermaid, type GraphFormat } from './graph/formats';
/** The walk of a simulator run or of a conversation test (up to its failure), to lay over the graph. */
export { walkOfSteps, walkOfTest } from './graph/walks';
export {
  GRAPH_VIEWS,
  MAX_OPEN_NODES,
  type GraphBox,
  type GraphCluster,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphFinding,
  type GraphNode,
  type GraphNodeKind,
  type GraphOptions,
  type GraphPlace,
  type GraphPoint,
  type GraphView,
  type GraphWalk,
  type GraphWalkResult,
  type JourneyGraph,
  type WalkStep,
} from './graph/graph';
// --- Conversation tests: tests/*.json run through the simulator, their expectations checked.
/** A test file's tests as written (with places), run; which parts of the handoff path they walk. */
export { readConversationTests, type ConversationTest, type TestStep } from './model/conversationTest';
export {
  handoffCoverage,
  runProjectTests,
  runTestFile,
  transcriptLines,
  type CoverageItem,
  type CoverageKind,
  type FailedFact,
  type HandoffCoverage,
  type RunTestsOptions,
  type TestFailure,
  type TestFileProblem,
  type TestFileRun,
  type TestRange,
  type TestRun,
} from './conversation/index';
/** A conversation test written from a simulator run (the panel's Save as test). */
export { conversationTestFromRun, type RunToSave, type SavedTest } from './conversation/index';
