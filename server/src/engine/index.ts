// The engine's public API: what the language server, the command line and tests use.
export { BotFile, fileKindOf, type FileKind, type NamedValue } from './botFile';
export { readBotConfig, type BotConfig, type DeclaredEvent } from './botConfig';
export { checkFile, checkProject, FILE_TOO_LARGE, type CheckOptions, type RuleSetting } from './check';
export { nodeFileSystem, type FileSystem } from './fileSystem';
export { compareFindings, severityRank, type Finding, type Severity } from './findings';
export { readIntent, type Intent } from './intent';
export { readJourney, type Journey, type JourneyNode } from './journey';
export { platformEvents, platformEvent, isBannerEvent, BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT } from './platformEvents';
export { BotProject } from './project';
export { rules } from './rules';
export { BotWorkspace, DEFAULT_MAX_FILE_SIZE, BOT_FILE_PATTERNS } from './workspace';
