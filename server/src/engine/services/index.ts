// Editor services over the engine: they answer in offsets and edits, knowing nothing of LSP.
export { bannerPayloadsIn, bannerPreviewAt, type BannerPayload, type BannerPreview, type BannerView, type ButtonView } from './bannerPreview';
export { completionsAt, type Completion, type CompletionKind } from './completion';
export { applyChanges, minimalChange, modifyJson, type FileChange, type ProjectEdit, type TextChange } from './edits';
export { hoverAt, type Hover } from './hover';
export { outlineOf, type OutlineItem } from './outline';
export { quickFixes, type FindingRef } from './quickFixes';
export { prepareRename, renameEdits, RenameError } from './rename';
export { occurrencesOf, symbolAt, type BotSymbol, type SymbolOccurrence } from './symbols';
export { defaultDisconnectionOptions, disconnectionContext, planDisconnection, type DisconnectionContext, type DisconnectionOptions, type ScaffoldConflict, type ScaffoldPlan } from './scaffold';
export { chooseSafeFixes, FixPlan } from './fixAll';
