// File access as a parameter of the engine, so that the server, the command line and tests can
// each bring their own; `nodeFileSystem` is the real one.
import { promises as fsp } from 'node:fs';
import { glob } from 'tinyglobby';

export interface FileSystem {
  /** The file's text, or undefined when it cannot be read (gone, a folder, no permission). */
  readFile(filePath: string): Promise<string | undefined>;
  /** The file's size in bytes, or undefined when it is not a readable file. */
  size(filePath: string): Promise<number | undefined>;
  /** Absolute paths of the files below `cwd` matching the glob patterns. */
  glob(patterns: string[], cwd: string): Promise<string[]>;
}

export const nodeFileSystem: FileSystem = {
  async readFile(filePath) {
    try {
      return await fsp.readFile(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
  async size(filePath) {
    try {
      const stat = await fsp.stat(filePath);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  },
  async glob(patterns, cwd) {
    return glob(patterns, {
      cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'],
    });
  },
};
