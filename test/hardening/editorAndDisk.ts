// A bot project on disk and an editor over it, driven by random steps, for the randomized test of
// kind 4 (pictureDriftsFromDisk.test.ts). The editor acts as VS Code does: an open document that
// is not dirty takes the disk's new text when the file changes; a file or folder deleted on disk
// leaves its open documents open; every change on disk reaches the server as a watched-file event.
// Besides the disk, the world keeps what `handoff-kit check` must be shown: the disk with the text
// of the open documents over it, but for detached ones: those whose file was deleted or whose folder
// went, until they are typed into or the file or folder comes back.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { uri, type LspTestClient } from '../server/lspClient';

/** The LSP FileChangeType codes. */
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

/** One step of a run. Steps that do not apply to the world as it is (closing a closed file) do nothing. */
export type Step =
  | { readonly kind: 'open'; readonly file: string }
  | { readonly kind: 'type'; readonly file: string; readonly change: number }
  | { readonly kind: 'close'; readonly file: string }
  | { readonly kind: 'save'; readonly file: string }
  | { readonly kind: 'write'; readonly file: string; readonly change: number }
  | { readonly kind: 'delete'; readonly file: string }
  | { readonly kind: 'restore'; readonly file: string }
  /** Renames a file to its renamedOf name, or back when that is the one on disk. */
  | { readonly kind: 'rename'; readonly file: string }
  | { readonly kind: 'moveOut'; readonly folder: string }
  | { readonly kind: 'moveBack'; readonly folder: string }
  /** Adds the folder `ext` beside the workspace's to the workspace, or removes it. */
  | { readonly kind: 'workspaceFolder'; readonly add: boolean }
  /** Sets the editor's `handoffKit` settings to SETTINGS[choice]. */
  | { readonly kind: 'settings'; readonly choice: number }
  | { readonly kind: 'compare' };

/**
 * The editor settings a run switches between, each with the `handoff-kit check` options that say
 * the same: the rules the editor sets win over handoff-kit.json, as `--rule` does; files over
 * `maxFileSize` bytes are not read.
 */
export const SETTINGS: readonly {
  readonly name: string;
  readonly editor: object;
  readonly check: { rules?: Record<string, 'off' | 'warning'>; maxFileSize?: number };
}[] = [
  { name: 'the defaults', editor: {}, check: {} },
  {
    name: 'two rules set',
    editor: { rules: { 'unknown-intent': 'off', schema: 'warning' } },
    check: { rules: { 'unknown-intent': 'off', schema: 'warning' } },
  },
  { name: 'files over 1,500 bytes unread', editor: { maxFileSize: 1500 }, check: { maxFileSize: 1500 } },
];

/** A step as one line of a failure message. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'type':
    case 'write':
      return `${step.kind} ${step.file} (${CHANGES[step.change % CHANGES.length].name})`;
    case 'moveOut':
    case 'moveBack':
      return `${step.kind} ${step.folder}`;
    case 'rename':
      return `rename ${step.file} <-> ${renamedOf(step.file)}`;
    case 'compare':
      return 'compare';
    case 'settings':
      return `settings: ${SETTINGS[step.choice % SETTINGS.length].name}`;
    case 'workspaceFolder':
      return `${step.add ? 'add' : 'remove'} the workspace folder ${EXTRA_FOLDER}`;
    default:
      return `${step.kind} ${step.file}`;
  }
}

/** A second workspace folder, beside the first: its files are named `../ext/…`. */
export const EXTRA_FOLDER = '../ext';

/** The name `rename` gives a file: `journeys/live-agent.json` → `journeys/live-agent-renamed.json`. */
export function renamedOf(file: string): string {
  const extension = path.posix.extname(file);
  return `${file.slice(0, file.length - extension.length)}-renamed${extension}`;
}

/** What typing or a write does to a file's text: drift a name, drift it back, break the JSON, start over. */
const CHANGES: readonly { readonly name: string; apply(text: string, original: string): string }[] = [
  ...(
    [
      ['talk_to_bot', 'talk_to_bto'],
      ['talk to bot', 'talk to the bot'],
      ['ui-event-close-promotion', 'ui-event-close-promo'],
      ['"enabled": true', '"enabled": false'],
      ['exit_button_label', 'exit_button_lbl'],
      ['billing_question', 'billing_questions'],
    ] as const
  ).flatMap(([from, to]) => [
    { name: `${from} -> ${to}`, apply: (text: string) => text.replace(from, to) },
    { name: `${to} -> ${from}`, apply: (text: string) => text.replace(to, from) },
  ]),
  { name: 'cut in half', apply: (text) => text.slice(0, Math.floor(text.length / 2)) },
  { name: 'the original text', apply: (_text, original) => original },
  {
    name: 'rules off',
    apply: (text) => (text.startsWith('{') ? '{ "rules": { "unknown-intent": "off", "banner-phrase-untrained": "off" } }\n' : text),
  },
  { name: 'ignores faqs', apply: (text) => (text.startsWith('{') ? '{ "ignores": ["faqs/"] }\n' : 'faqs/\n') },
];

/** The index of the text change named `name` (as describeStep names it). */
export function changeNamed(name: string): number {
  const index = CHANGES.findIndex((change) => change.name === name);
  if (index < 0) throw new Error(`no text change named ${name}`);
  return index;
}

/** The number of text changes a step can name. */
export const CHANGE_COUNT = CHANGES.length;

/** A document open in the editor. */
interface OpenDocument {
  text: string;
  version: number;
  /** Typed into since it was opened, saved or reloaded from disk. */
  dirty: boolean;
  /** Its file was deleted on disk (or its folder moved away) and it was not typed into, nor did they come back, since. */
  detached: boolean;
}

/**
 * The disk under `root`/ws, the editor and the server's client. Paths are relative to the
 * workspace folder, with forward slashes.
 */
export class EditorAndDisk {
  /** What is on disk in the workspace: path → text. */
  readonly disk = new Map<string, string>();
  /** Folders moved out of the workspace: folder → its files' texts. */
  private readonly movedOut = new Map<string, Map<string, string>>();
  readonly open = new Map<string, OpenDocument>();
  /** Whether EXTRA_FOLDER is a workspace folder now. */
  extraFolderAdded = false;
  /** The editor's settings now (see SETTINGS). */
  settings = SETTINGS[0];
  /** Files deleted on disk: their last text, for `restore`. */
  private readonly deleted = new Map<string, string>();

  constructor(
    readonly root: string,
    private readonly client: LspTestClient,
    /** The files' first texts: path → text. */
    readonly originals: ReadonlyMap<string, string>,
  ) {}

  get workspace(): string {
    return path.join(this.root, 'ws');
  }

  /** Writes the original files into the workspace. */
  async create(): Promise<void> {
    for (const [file, text] of this.originals) await this.writeDisk(file, text);
  }

  /**
   * The files `handoff-kit check` must be shown: path → text. An open bot file's text is the
   * editor's; what is ignored (.gitignore) is what the disk says.
   */
  expectedFiles(): Map<string, string> {
    const files = new Map(this.disk);
    for (const [file, document] of this.open) {
      if (!document.detached && path.basename(file) !== '.gitignore') files.set(file, document.text);
    }
    // Outside the workspace folders, nothing is checked.
    if (!this.extraFolderAdded) for (const file of files.keys()) if (file.startsWith(`${EXTRA_FOLDER}/`)) files.delete(file);
    return files;
  }

  /** Carries out one step; returns false when it did not apply. */
  async apply(step: Step): Promise<boolean> {
    switch (step.kind) {
      case 'open': {
        const text = this.disk.get(step.file);
        if (text === undefined || this.open.has(step.file)) return false;
        this.open.set(step.file, { text, version: 1, dirty: false, detached: false });
        await this.client.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: this.uriOf(step.file), languageId: languageOf(step.file), version: 1, text },
        });
        return true;
      }
      case 'type': {
        const document = this.open.get(step.file);
        if (!document) return false;
        const text = CHANGES[step.change % CHANGES.length].apply(document.text, this.originals.get(step.file) ?? '');
        if (text === document.text) return false;
        Object.assign(document, { dirty: true, detached: false });
        await this.sendText(step.file, document, text);
        return true;
      }
      case 'close': {
        if (!this.open.delete(step.file)) return false;
        await this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uriOf(step.file) } });
        return true;
      }
      case 'save': {
        const document = this.open.get(step.file);
        if (!document?.dirty) return false;
        const existed = this.disk.has(step.file);
        document.dirty = false;
        await this.writeDisk(step.file, document.text);
        await this.fileEvents([{ file: step.file, type: existed ? CHANGED : CREATED }]);
        return true;
      }
      case 'write': {
        const before = this.disk.get(step.file);
        if (before === undefined) return false;
        const text = CHANGES[step.change % CHANGES.length].apply(before, this.originals.get(step.file) ?? '');
        if (text === before) return false;
        await this.writeDisk(step.file, text);
        await this.fileEvents([{ file: step.file, type: CHANGED }]);
        return true;
      }
      case 'delete': {
        const text = this.disk.get(step.file);
        if (text === undefined) return false;
        await rm(this.pathOf(step.file));
        this.disk.delete(step.file);
        this.deleted.set(step.file, text);
        const document = this.open.get(step.file);
        if (document) document.detached = true;
        await this.fileEvents([{ file: step.file, type: DELETED }]);
        return true;
      }
      case 'restore': {
        const text = this.deleted.get(step.file);
        if (text === undefined || this.disk.has(step.file) || this.isMovedOut(step.file)) return false;
        this.deleted.delete(step.file);
        await this.writeDisk(step.file, text);
        await this.fileEvents([{ file: step.file, type: CREATED }]);
        return true;
      }
      case 'rename': {
        const [from, to] = this.disk.has(step.file) ? [step.file, renamedOf(step.file)] : [renamedOf(step.file), step.file];
        const text = this.disk.get(from);
        if (text === undefined || this.disk.has(to) || this.isMovedOut(to)) return false;
        await rename(this.pathOf(from), this.pathOf(to));
        this.disk.delete(from);
        this.disk.set(to, text);
        this.deleted.delete(to);
        const document = this.open.get(from);
        if (document) document.detached = true;
        // As VS Code's watcher reports a rename: the old name deleted, the new one created.
        await this.fileEvents([
          { file: from, type: DELETED },
          { file: to, type: CREATED },
        ]);
        return true;
      }
      case 'moveOut': {
        if (this.movedOut.has(step.folder) || this.isMovedOut(step.folder)) return false;
        const inside = [...this.disk].filter(([file]) => file.startsWith(`${step.folder}/`));
        if (!inside.length) return false;
        await mkdir(path.join(this.root, 'outside'), { recursive: true });
        await rename(this.pathOf(step.folder), this.stashOf(step.folder));
        this.movedOut.set(step.folder, new Map(inside));
        for (const [file] of inside) this.disk.delete(file);
        // Every open document in the folder is detached, even one typed into after its file went.
        for (const [file, document] of this.open) if (file.startsWith(`${step.folder}/`)) document.detached = true;
        await this.fileEvents([{ file: step.folder, type: DELETED }]);
        return true;
      }
      case 'moveBack': {
        const files = this.movedOut.get(step.folder);
        // Not over files written meanwhile where the folder was (a save, a restore).
        if (!files || [...this.disk.keys()].some((file) => file === step.folder || file.startsWith(`${step.folder}/`))) return false;
        await mkdir(path.dirname(this.pathOf(step.folder)), { recursive: true });
        await rm(this.pathOf(step.folder), { recursive: true, force: true }); // an empty folder a save left
        await rename(this.stashOf(step.folder), this.pathOf(step.folder));
        this.movedOut.delete(step.folder);
        for (const [file, text] of files) this.disk.set(file, text);
        await this.fileEvents([{ file: step.folder, type: CREATED }]);
        // Every open document in the folder is attached again, even one whose file was not in it.
        for (const [file, document] of this.open) if (file.startsWith(`${step.folder}/`)) document.detached = false;
        for (const [file, text] of files) await this.reloadIfClean(file, text);
        return true;
      }
      case 'settings': {
        const settings = SETTINGS[step.choice % SETTINGS.length];
        if (settings === this.settings) return false;
        this.settings = settings;
        // The server asks for the settings again when told they changed.
        this.client.settings = settings.editor;
        await this.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { handoffKit: settings.editor } });
        return true;
      }
      case 'workspaceFolder': {
        if (step.add === this.extraFolderAdded) return false;
        this.extraFolderAdded = step.add;
        const folder = [{ uri: uri(this.pathOf(EXTRA_FOLDER)), name: 'ext' }];
        await this.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
          event: step.add ? { added: folder, removed: [] } : { added: [], removed: folder },
        });
        return true;
      }
      case 'compare':
        return true;
    }
  }

  /** Whether `file` lies in a folder moved out of the workspace. */
  private isMovedOut(file: string): boolean {
    return [...this.movedOut.keys()].some((folder) => file === folder || file.startsWith(`${folder}/`) || folder.startsWith(`${file}/`));
  }

  private async writeDisk(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(this.pathOf(file)), { recursive: true });
    await writeFile(this.pathOf(file), text);
    this.disk.set(file, text);
    this.deleted.delete(file);
  }

  /** Sends watched-file events, then reloads the open documents that are not dirty (as VS Code does). */
  private async fileEvents(changes: { file: string; type: number }[]): Promise<void> {
    await this.client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map(({ file, type }) => ({ uri: this.uriOf(file), type })),
    });
    for (const { file, type } of changes) {
      const text = type === DELETED ? undefined : this.disk.get(file);
      if (text !== undefined) await this.reloadIfClean(file, text);
    }
  }

  /** An open document that is not dirty takes the disk's text; one whose file came back is attached again. */
  private async reloadIfClean(file: string, text: string): Promise<void> {
    const document = this.open.get(file);
    if (!document) return;
    document.detached = false;
    if (document.dirty || document.text === text) return;
    await this.sendText(file, document, text);
  }

  private async sendText(file: string, document: OpenDocument, text: string): Promise<void> {
    document.text = text;
    document.version++;
    await this.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uriOf(file), version: document.version },
      contentChanges: [{ text }],
    });
  }

  pathOf(file: string): string {
    return path.join(this.workspace, ...file.split('/'));
  }

  uriOf(file: string): string {
    return uri(this.pathOf(file));
  }

  private stashOf(folder: string): string {
    return path.join(this.root, 'outside', folder.replaceAll('/', '__'));
  }
}

function languageOf(file: string): string {
  if (file.endsWith('.js')) return 'javascript';
  if (file.endsWith('.json')) return 'json';
  return 'plaintext';
}
