// What the hardening tests share: the command line run as a process, and a copy of the example
// project in a folder of its own.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exampleProject, repoRoot } from '../paths';

export const bin = path.join(repoRoot, 'bin/handoff-kit.js');

/** Runs `handoff-kit args` in `cwd` and returns its exit code and output. */
export function run(args: string[], cwd: string, options: SpawnSyncOptions = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A temporary folder holding a copy of the example project as `bot/`; `dispose` removes it. */
export async function exampleCopy(prefix: string): Promise<{ folder: string; bot: string; dispose: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), `handoff-kit-${prefix}-`));
  const bot = path.join(folder, 'bot');
  await cp(exampleProject, bot, { recursive: true });
  return { folder, bot, dispose: () => rm(folder, { recursive: true, force: true }) };
}
