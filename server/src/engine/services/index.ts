// Editor services over the engine: they answer in offsets and edits, knowing nothing of LSP.
export * from './bannerPreview';
export { exitPathErrors, exitPathFindings, findingsWith, type FindingsOf, type PathFinding } from './exitVerdicts';
export { completionsAt, type Completion, type CompletionKind } from './completion';
export { applyChanges, minimalChange, modifyJson, type FileChange, type ProjectEdit, type TextChange } from '../edits/edits';
export { hoverAt, type Hover } from './hover';
export { outlineOf, type OutlineItem } from './outline';
export { quickFixes, type FindingRef } from './quickFixes';
export { prepareRename, renameEdits, RenameError } from './rename';
export { occurrencesOf, symbolAt, type BotSymbol, type SymbolOccurrence } from './navigation';
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
} from './scaffold/index';
export { chooseSafeFixes, FixPlan } from './fixAll';
export {
  isSafeFix,
  judgeFix,
  staticJudge,
  type FixJudgement,
  type HandoffJudge,
  type HandoffOutcomes,
  type HandoffProblem,
  type JudgeOptions,
} from './fixJudgement';
