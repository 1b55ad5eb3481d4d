// Every bot project of a workspace. A file belongs to the innermost project folder that holds
// it; several projects (and workspace folders) each stand alone.
import * as path from 'node:path';
import type { BotFile } from './botFile';
import { BotProject } from './project';
import type { FileSystem } from './fileSystem';

export const BOT_FILE_PATTERNS = ['bot.json', 'handoff-kit.json', 'intents/*.json', 'journeys/*.json', 'test-reports/*.csv'];
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface WorkspaceOptions {
  /** Files larger than this many characters are not parsed or checked. */
  maxFileSize?: number;
}

export class BotWorkspace {
  private readonly projectsByRoot = new Map<string, BotProject>();
  maxFileSize: number;

  constructor(readonly fs: FileSystem, options: WorkspaceOptions = {}) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  projects(): BotProject[] {
    return [...this.projectsByRoot.values()];
  }

  project(root: string): BotProject | undefined {
    return this.projectsByRoot.get(path.resolve(root));
  }

  /** The innermost project whose bot files include `filePath`. */
  projectOf(filePath: string): BotProject | undefined {
    let best: BotProject | undefined;
    for (const project of this.projectsByRoot.values()) {
      if (project.owns(filePath) && (!best || project.root.length > best.root.length)) best = project;
    }
    return best;
  }

  /** Reads a project's files from disk into the model (again, if it was loaded before). */
  async loadProject(root: string): Promise<BotProject> {
    const project = new BotProject(path.resolve(root));
    const files = await this.fs.glob(BOT_FILE_PATTERNS, project.root);
    await Promise.all(files.map((file) => this.readIntoProject(project, file)));
    this.projectsByRoot.set(project.root, project);
    return project;
  }

  /** Finds every bot project below `folder` and loads it. */
  async loadProjectsUnder(folder: string): Promise<BotProject[]> {
    const botFiles = await this.fs.glob(['**/bot.json'], folder);
    return Promise.all(botFiles.map((f) => this.loadProject(path.dirname(f))));
  }

  removeProject(root: string): boolean {
    return this.projectsByRoot.delete(path.resolve(root));
  }

  removeProjectsUnder(folder: string): BotProject[] {
    const removed = this.projects().filter((p) => !path.relative(folder, p.root).startsWith('..'));
    for (const project of removed) this.projectsByRoot.delete(project.root);
    return removed;
  }

  /** Puts the text of an open document into its project. */
  setText(filePath: string, text: string, version: number): BotFile | undefined {
    return this.projectOf(filePath)?.setText(filePath, text, version, { maxSize: this.maxFileSize });
  }

  /** Reads a file from disk into its project (after a change on disk). */
  async reload(filePath: string): Promise<BotFile | undefined> {
    const project = this.projectOf(filePath);
    return project ? this.readIntoProject(project, filePath) : undefined;
  }

  delete(filePath: string): BotProject | undefined {
    const project = this.projectOf(filePath);
    return project?.delete(filePath) ? project : undefined;
  }

  private async readIntoProject(project: BotProject, filePath: string): Promise<BotFile | undefined> {
    // A file too large to check is not even read: a stray data dump must not stall the editor.
    const size = await this.fs.size(filePath);
    if (size === undefined) return undefined;
    if (size > this.maxFileSize) {
      return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, sizeOnDisk: size });
    }
    const text = await this.fs.readFile(filePath);
    // A file that is there but cannot be read is recorded as unread, not taken for a missing one.
    if (text === undefined) return project.setText(filePath, '', -1, { maxSize: this.maxFileSize, unreadReason: 'it exists but reading it failed' });
    // Editors drop a byte order mark from the text they hold; so do we, so offsets match theirs.
    return project.setText(filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, -1, { maxSize: this.maxFileSize });
  }
}
