// Keeps what code-server and Chromium write for themselves out of $HOME and /tmp: each gets XDG folders of its own.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Environment that keeps what code-server and Chromium write for themselves (config file, logs, IPC sockets, crash
 * report folders, dconf) inside `dir` instead of the user's home and /tmp. Creates the folders.
 */
export async function isolatedHome(dir) {
  const env = {
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_RUNTIME_DIR: join(dir, 'xdg-runtime'),
    TMPDIR: join(dir, 'tmp'),
  };
  for (const folder of Object.values(env)) await mkdir(folder, { recursive: true, mode: 0o700 });
  return env;
}
