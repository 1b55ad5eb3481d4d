// How large a project is before it is read: what the worker thread (parallelCheck.ts) and the
// young generation's flag (youngGeneration.ts) are decided by. Loads nothing of the engine.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/**
 * How many files the project at `root` has in intents/ and journeys/, from a listing of the two
 * folders (no file read): what tells a large project from a small one before it is read.
 */
export function projectSize(root: string): number {
  let files = 0;
  for (const folder of ['intents', 'journeys']) {
    try {
      files += readdirSync(path.join(root, folder)).length;
    } catch {
      // No such folder: nothing to count.
    }
  }
  return files;
}
