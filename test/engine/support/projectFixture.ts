// Builds bot projects in memory for engine tests: no disk, no editor.
import * as path from 'node:path';
import { BotProject, checkFile, type CheckOptions, type Finding } from '../../../server/src/engine';
import { assertSameOnReferencePath } from './fastPathProjects';

export const ROOT = path.resolve('/bots/test-bot');

export const validBot = {
  name: 'test-bot',
  events: [
    { name: 'ui-event-update-promotion', enabled: true },
    { name: 'ui-event-close-promotion', enabled: true },
  ],
};

export const validIntent = { name: 'talk_to_bot', utterances: ['talk to bot'] };

export function journeyWith(nodes: object[], extra: object = {}): object {
  return { name: 'j', trigger: { intent: 'talk_to_bot' }, start: (nodes[0] as { id?: string })?.id ?? 'a', nodes, ...extra };
}

/** What the workspace knows of a file besides its text (see BotProject.setText). */
export type FileLimits = { readonly maxSize?: number; readonly sizeOnDisk?: number; readonly unreadReason?: string };

export class ProjectFixture {
  readonly project = new BotProject(ROOT);
  private version = 1;

  /** A project with bot.json and the exit intent, plus `files` (which may replace them). */
  constructor(files: Record<string, object | string> = {}) {
    this.set('bot.json', validBot);
    this.set('intents/talk_to_bot.json', validIntent);
    for (const [rel, content] of Object.entries(files)) this.set(rel, content);
  }

  /**
   * Writes one file into the model; objects are written as pretty JSON. `limits` as the
   * workspace passes them: a `maxSize` in bytes (the file is then not read when over it) or an
   * `unreadReason` (the file could not be read).
   */
  set(rel: string, content: object | string, limits?: FileLimits): this {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    this.project.setText(path.join(ROOT, rel), text, this.version++, limits);
    return this;
  }

  text(rel: string): string {
    return this.file(rel).text;
  }

  file(rel: string) {
    const file = this.project.file(path.join(ROOT, rel));
    if (!file) throw new Error(`no file ${rel} in the fixture`);
    return file;
  }

  /** The findings of a file (of one check, with `code`); they must be the same on the reference path (see fastPath.test.ts). */
  findings(rel: string, code?: string, options?: CheckOptions): Finding[] {
    const all = checkFile(this.project, this.file(rel), options);
    assertSameOnReferencePath(this.project, this.file(rel).path, options, all);
    return code ? all.filter((f) => f.code === code) : all;
  }

  /** The offset of the n-th occurrence of `snippet` in a file's text (for range assertions). */
  offsetOf(rel: string, snippet: string, occurrence = 1): number {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
      offset = this.text(rel).indexOf(snippet, offset + 1);
      if (offset < 0) throw new Error(`"${snippet}" occurs fewer than ${occurrence} times in ${rel}`);
    }
    return offset;
  }
}
