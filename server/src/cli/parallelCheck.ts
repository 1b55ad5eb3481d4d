// `handoff-kit check` of a large project on two threads: a worker thread runs the file-scope checks
// (schema, literal-secret, unknown-node, unreachable-node...) of the JSON files while the main
// thread runs the project-scope checks, which need every file of the project; the findings are
// then put together exactly as `checkProject` orders them (checkProjectInParts in the engine).
// Off by default (see WORKER_MIN_FILES): measured, it has not paid on the bench's machine yet.
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { checkProject, checkProjectInParts, JSON_KINDS, type BotProject, type CheckOptions, type FileKind, type Finding } from '../engine';

/** What the main thread sends the worker: JSON files read and not over the size limit. */
export type FilesToCheck = readonly { path: string; kind: FileKind; text: string; maxSize: number; hadBom: boolean }[];
/** What the worker sends back for each: its file-scope findings (see `fileScopeFindings`). */
export type CheckedFiles = readonly { path: string; findings: Finding[] }[];

/**
 * From how many files a project gets a worker thread by default: none, for now. On the bench's
 * 2-core machine (shared) the worker did not pay: its start, its own parse of every file and a
 * second heap cost about what the file-scope checks take on the main thread (some 200 ms of CPU
 * on 3,001 files), for 60 MB more peak RSS (docs/performance.md, "Round 6"). The bench measures it
 * at every run (`HANDOFF_KIT_WORKERS=always`), so the default can follow what it finds.
 */
const WORKER_MIN_FILES = Infinity;
/** How many batches the files go to the worker in, so that it starts on the first while the rest are copied. */
const BATCHES = 8;

/**
 * Whether a project of `files` files (see `projectSize`) gets a worker thread.
 * `HANDOFF_KIT_WORKERS`: `0` never, `always` whatever the size, a number: from that many files.
 */
export function wantsWorker(files: number, setting = process.env.HANDOFF_KIT_WORKERS): boolean {
  if (setting === '0') return false;
  if (setting === 'always') return true;
  const from = setting && /^\d+$/.test(setting) ? Number(setting) : WORKER_MIN_FILES;
  return files >= from;
}

/** A worker thread started before the project is read, so that its start overlaps the reading. */
export class CheckWorker {
  private readonly worker: Worker | undefined;
  private failed = false;

  constructor() {
    try {
      // Loaded here: node:worker_threads brings Node's streams and messaging with it, which a
      // check of a small project (most runs of a pre-commit hook) would load for nothing.
      /* eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import` would load it at start */
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      // A small young generation: the worker keeps nothing, so a larger one only costs pages.
      this.worker = new Worker(path.join(__dirname, 'checkWorker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      this.worker.on('error', () => (this.failed = true));
      // Never the reason the process stays up.
      this.worker.unref();
    } catch {
      this.worker = undefined;
    }
  }

  /**
   * Every finding of every file of `project`, as `checkProject` gives them: the file-scope checks
   * of its JSON files on the worker, the rest here. A worker that fails leaves its files to the
   * main thread. The worker is ended afterwards.
   */
  async check(project: BotProject, options: CheckOptions): Promise<Finding[]> {
    const worker = this.worker;
    if (!worker || this.failed) return checkProject(project, options);
    const files: { path: string; kind: FileKind; text: string; maxSize: number; hadBom: boolean }[] = [];
    for (const file of project.allFiles()) {
      if (JSON_KINDS.includes(file.kind) && file.readable) {
        files.push({ path: file.path, kind: file.kind, text: file.text, maxSize: file.maxSize, hadBom: file.hadBom });
      }
    }
    const size = Math.ceil(files.length / BATCHES);
    const batches = Math.ceil(files.length / size) || 0;
    const fileScoped = new Map<string, readonly Finding[]>();
    const done = new Promise<void>((resolve) => {
      let answered = 0;
      if (batches === 0) resolve();
      worker.on('message', (checked: CheckedFiles) => {
        for (const { path: file, findings } of checked) fileScoped.set(file, findings);
        if (++answered === batches) resolve();
      });
      // Whatever came back is used; the main thread checks the rest.
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
    });
    for (let i = 0; i < files.length; i += size) worker.postMessage(files.slice(i, i + size));
    const parts = checkProjectInParts(project, options);
    await done;
    void worker.terminate();
    return parts.finish(fileScoped);
  }
}
