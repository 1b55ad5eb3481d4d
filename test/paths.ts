// Where the repository and its example live, wherever the compiled tests run from.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const exampleProject = path.join(repoRoot, 'examples', 'support-bot');
