// The files of a bot project, written down once: which paths below a project's folder are bot
// files, of which kind, and in which language an editor shows them. The workspace's project load,
// the language server's file watcher, the extension's document selector and file watcher, and the
// command line's messages are all derived from `PROJECT_FILES` (docs/bot-project-format.md).
import * as path from 'node:path';

/**
 * The kinds of project file: JSON bot files (`bot`, `intent`, `journey`) and the project's
 * settings; `report`, a test report downloaded from Studio's bulk utterance test
 * (`test-reports/*.csv`, read by studio/testReports.ts); `translation` and `faq`, Studio's
 * Translations and FAQs bulk exports (`translations/*.csv`, `faqs/*.csv`, read by
 * model/translations.ts and model/faqs.ts); `function`, the JavaScript of a Studio function
 * (`functions/*.js`, read by model/functionCode.ts); and `test`, a file of conversation tests
 * (`tests/*.json`, read by model/conversationTest.ts).
 */
export type FileKind = 'bot' | 'intent' | 'journey' | 'settings' | 'report' | 'translation' | 'faq' | 'function' | 'test';

/** One kind of project file: where it lives in a project and how an editor shows it. */
export interface ProjectFileSpec {
  readonly kind: FileKind;
  /**
   * The file's name at the project's root (`bot.json`), or the folder directly below the root
   * whose files of `extension` are of this kind (`intents` with `.json`).
   */
  readonly name?: string;
  readonly folder?: string;
  /** For a folder: the extension of its files, with the dot; `.csv` is matched without case. */
  readonly extension?: '.json' | '.js' | '.csv';
  /** The editor language the file is opened in; undefined: any (CSV has no built-in language in VS Code). */
  readonly editorLanguage?: 'json' | 'javascript';
  /** The file or files, for messages: `bot.json`, `intents/*.json`. */
  readonly description: string;
}

/** Every kind of project file, in the order the documentation lists them. */
export const PROJECT_FILES: readonly ProjectFileSpec[] = [
  { kind: 'bot', name: 'bot.json', editorLanguage: 'json', description: 'bot.json' },
  { kind: 'settings', name: 'handoff-kit.json', editorLanguage: 'json', description: 'handoff-kit.json' },
  { kind: 'intent', folder: 'intents', extension: '.json', editorLanguage: 'json', description: 'intents/*.json' },
  { kind: 'journey', folder: 'journeys', extension: '.json', editorLanguage: 'json', description: 'journeys/*.json' },
  { kind: 'function', folder: 'functions', extension: '.js', editorLanguage: 'javascript', description: 'functions/*.js' },
  { kind: 'test', folder: 'tests', extension: '.json', editorLanguage: 'json', description: 'tests/*.json' },
  { kind: 'report', folder: 'test-reports', extension: '.csv', description: 'test-reports/*.csv' },
  { kind: 'translation', folder: 'translations', extension: '.csv', description: 'translations/*.csv' },
  { kind: 'faq', folder: 'faqs', extension: '.csv', description: 'faqs/*.csv' },
];

/** Every file kind. */
export const FILE_KINDS: readonly FileKind[] = PROJECT_FILES.map((spec) => spec.kind);

/** The kinds whose text is JSON: only these are parsed into a tree when a BotFile is made. */
export const JSON_KINDS: readonly FileKind[] = ['bot', 'intent', 'journey', 'settings', 'test'];

/** The folder of a project that holds the test reports downloaded from Studio. */
export const TEST_REPORTS_FOLDER = 'test-reports';

/** The project's own Handoff Kit settings, beside bot.json. */
export const SETTINGS_FILE = 'handoff-kit.json';

/** The glob pattern of a kind relative to a project's root: `bot.json`, `intents/*.json`. */
export function patternOf(spec: ProjectFileSpec): string {
  return spec.name ?? `${spec.folder}/*${spec.extension}`;
}

/** The patterns of every bot file relative to a project's root, as the project load globs them. */
export const BOT_FILE_PATTERNS: readonly string[] = PROJECT_FILES.map(patternOf);

/** One glob for the bot files of every project of a workspace: `**\/{bot.json,…,faqs/*.csv}` (file watchers). */
export const BOT_FILE_GLOB = `**/{${BOT_FILE_PATTERNS.join(',')}}`;

/** The folders directly below a project's root that hold bot files (`intents`, `journeys`…). */
export const PROJECT_FOLDERS: readonly string[] = PROJECT_FILES.flatMap((spec) => (spec.folder ? [spec.folder] : []));

/** What kind of bot file `file` is inside the project whose root folder is `projectRoot`. */
export function fileKindOf(projectRoot: string, file: string): FileKind | undefined {
  const parts = relativeParts(projectRoot, file);
  if (!parts) return undefined;
  if (parts.length === 1) return PROJECT_FILES.find((spec) => spec.name === parts[0])?.kind;
  if (parts.length !== 2) return undefined;
  const [folder, name] = parts;
  for (const spec of PROJECT_FILES) {
    if (spec.folder !== folder || !spec.extension) continue;
    const matches = spec.extension === '.csv' ? name.toLowerCase().endsWith('.csv') : name.endsWith(spec.extension);
    if (matches) return spec.kind;
  }
  return undefined;
}

const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)/;

/** The segments of `file`'s path below `projectRoot`, or undefined when it is not below it. */
function relativeParts(projectRoot: string, file: string): string[] | undefined {
  // The usual case, a path below the root with no `.` or `..` segment, without path.relative's
  // normalizing (it resolves both paths: some 10 µs a call, for each file of a project load).
  const root = projectRoot.endsWith(path.sep) ? projectRoot.slice(0, -1) : projectRoot;
  if (
    file.length > root.length + 1 &&
    file.startsWith(root) &&
    file[root.length] === path.sep &&
    path.isAbsolute(root) &&
    !DOT_SEGMENT.test(file) &&
    !file.endsWith(path.sep) &&
    !file.includes(path.sep + path.sep) &&
    (path.sep === '/' || !file.includes('/'))
  ) {
    return file.slice(root.length + 1).split(path.sep);
  }
  const rel = path.relative(projectRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep);
}
