// Preloaded with `node -r` by tests that must know what a command reads: records every path the
// process opens or reads through `fs` and writes them, one a line, to the file HANDOFF_KIT_READS
// names when the process exits. Without HANDOFF_KIT_READS it does nothing.
// The module object itself (not an import's copy of it), so that replacing its methods is seen by every caller.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import fs = require('node:fs');

const out = process.env.HANDOFF_KIT_READS;
if (out) {
  const opened: string[] = [];
  const wrap = (target: object, name: string) => {
    const methods = target as Record<string, (...args: unknown[]) => unknown>;
    const original = methods[name];
    methods[name] = function (this: unknown, file: unknown, ...rest: unknown[]) {
      if (typeof file === 'string' || file instanceof URL) opened.push(file instanceof URL ? file.pathname : file);
      return original.call(this, file, ...rest);
    };
  };
  for (const name of ['openSync', 'readFileSync', 'open', 'readFile']) wrap(fs, name);
  for (const name of ['open', 'readFile']) wrap(fs.promises, name);
  process.on('exit', () => fs.writeFileSync(out, opened.join('\n')));
}
