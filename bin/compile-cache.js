// Loads a bundle of dist/ with V8's code cache, so that a start does not parse and compile the
// whole bundle again (some 25 ms of a 70 ms check of a small project on the bench's machine).
//
// Node 22.1 and later have this built in (`module.enableCompileCache()`, which keeps the cache in
// the folder Node chooses, NODE_COMPILE_CACHE, or the temporary folder); on Node 20 the same is
// done here with `vm.Script`'s `cachedData`: the cache of a bundle is written when the process
// exits, with every function the run compiled, into a folder of the user's own in the temporary
// folder (mode 0700, used only when it is the user's and no one else can write to it). A cache
// that does not fit (another Node, a rebuilt bundle) is rejected by V8 and written again; a cache
// that cannot be read or written is done without. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it
// does Node's own.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Requires `file` (an absolute path to a CommonJS bundle) with the code cache, and returns its exports.
 * Throws what requiring it throws.
 */
function requireCached(file) {
  const Module = require('node:module');
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache();
    } catch {
      // Without the cache: only slower.
    }
    return require(file);
  }
  const source = readSource(file);
  const cacheFile = cacheFileOf(file, source.length);
  let cachedData;
  try {
    if (cacheFile) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const vm = require('node:vm');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  // Registered after the bundle's own exit listeners, which run first: the command line sets a
  // V8 flag back there (cli/youngGeneration.ts), and V8 rejects a cache made under other flags.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile, script));
  return module.exports;
}

/**
 * The text of `file`. The bundles of dist/ are pure ASCII (scripts/build.mjs keeps them so), and
 * an ASCII file read as Latin-1 skips UTF-8 decoding (some 1.3 ms of a 1 MB bundle); any other
 * file is decoded as UTF-8.
 */
function readSource(file) {
  const bytes = fs.readFileSync(file);
  // buffer.isAscii: Node 18.15 and later, below the engines field's 20.
  return require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Where the cache of `file` goes, named after what makes a cache fit; undefined when there is no safe folder. */
function cacheFileOf(file, length) {
  try {
    const os = require('node:os');
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const folder = path.join(os.tmpdir(), `handoff-kit-compile-cache${uid === undefined ? '' : `-${uid}`}`);
    // Made only when missing: the usual start finds it there, with one call.
    let stat = fs.lstatSync(folder, { throwIfNoEntry: false });
    if (!stat) {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      stat = fs.lstatSync(folder);
    }
    // A folder someone else made, or can write into, could hold a cache made to mislead V8.
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return undefined;
    const { mtimeMs } = fs.statSync(file);
    const key = [process.version, process.arch, process.versions.v8, length, Math.round(mtimeMs)].join('_');
    return path.join(folder, `${path.basename(file)}-${key.replace(/[^\w.]/g, '_')}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * Writes the code cache of `script` (all it has compiled so far) to `cacheFile`, whole or not at
 * all, and removes the caches of earlier builds of the same bundle. Never throws.
 */
function writeCache(cacheFile, script) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, cacheFile);
    const folder = path.dirname(cacheFile);
    const bundle = `${path.basename(cacheFile).split('-')[0]}-`;
    for (const name of fs.readdirSync(folder)) {
      if (name.endsWith('.cache') && name.startsWith(bundle) && name !== path.basename(cacheFile))
        fs.rmSync(path.join(folder, name), { force: true });
    }
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Left for the next write.
    }
  }
}

module.exports = { requireCached };
