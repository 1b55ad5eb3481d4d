// Benchmark: prints ONE table of figures measured in the same run, each with its ratio to a floor
// F (a fresh Node process that reads every file of the project and JSON.parse-s it), so that the
// figures can be compared across machines and runs. It asserts nothing: performance targets are
// read off the table, never timed in tests. See docs/performance.md.
//
//   npm run bench                  everything (about 5 minutes on 2 cores; projects are cached in .bench/)
//   npm run bench -- --quick       smaller project, one run each, no 10x project (under a minute)
//   npm run bench -- --profile     also profile the CLI (node --cpu-prof) and print the top entries
//
// The activation row needs code-server and Chromium (`npm run provision:vscode`); without them it
// says so and the rest of the table is still measured.
//
// Processes are timed whole (spawn to exit), like a CI job runs them, and several runs are
// interleaved (floor, peer, CLI, floor, ...) so that load from elsewhere on the machine falls on
// all of them alike; the median is reported, with CPU time (user + system) beside it because wall
// time on a shared machine is noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BIG_REPORT, ensureProject, EXIT_INTENT, exitPhrase, journeysShowing } from './bench/generate.mjs';
import { measureServer, warmServer } from './bench/lsp.mjs';
import { measureActivation } from './bench/activation.mjs';
import { printProfileTop } from './bench/profile-top.mjs';
import { writeHostileProjects } from './bench/hostile.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    runs: { type: 'string' },
  },
});
const quick = options.quick;
const shape = quick ? { journeys: 100, intents: 200 } : { journeys: 1000, intents: 2000 };
const scaleShape = { journeys: shape.journeys * 10, intents: shape.intents * 10 };
const bigUtterances = quick ? 10_000 : 100_000;
// Rows of one Studio test report: reading them is linear, not quadratic (csv-parse alone takes
// about 2 s on a busy 2-core machine). A figure here, no longer a timed assertion in a test.
const reportRows = 50_000;
const runs = Number(options.runs ?? (quick ? 1 : 3));
// Conversation tests over the same project (issue 23): a thousand, as a team with a test per journey has.
const testCount = quick ? 100 : 1000;
// Typing is many keystrokes: 7 of each edit (and its undo), so that the median is a keystroke of
// a session rather than of cold code; the first and the slowest are printed beside it.
const edits = quick ? 1 : 7;
const PROCESS_TIMEOUT_MS = 5 * 60_000;
const LSP_TIMEOUT_MS = 2 * 60_000;
/** The server's pause before checking (CHECK_DELAY_MS in server/src/lsp/publisher.ts). */
const CHECK_DELAY_MS = 100;

const benchDir = path.join(repo, '.bench');
const usageFile = path.join(benchDir, 'usage.json');
const node = process.execPath;
const cli = path.join(repo, 'bin/handoff-kit.js');

/**
 * Runs `node <args>` as a fresh process, twice: once plain, timed from spawn to exit (the figure:
 * nothing added to the process measured), then once more with the usage preload, for what it
 * records (peak RSS, CPU time, heap at exit). Returns the plain run's wall time and output with
 * the preloaded run's usage. `usage: false` skips the second run (wall time only).
 */
function runNode(args, { allowExit = [0], timeoutMs = PROCESS_TIMEOUT_MS, allowTimeout = false, usage: withUsage = true, env: extraEnv = {} } = {}) {
  const spawnNode = (nodeArgs, env) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(node, nodeArgs, {
      encoding: 'utf8',
      env,
      // A hostile input at the size limit gives some 370 MB of JSON findings.
      maxBuffer: 1024 * 1024 * 1024,
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (allowTimeout && result.error?.code === 'ETIMEDOUT') return { timedOut: true, wallMs };
    if (result.error || !allowExit.includes(result.status)) {
      throw new Error(`node ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr.slice(-2000)}`);
    }
    return { wallMs, stdout: result.stdout };
  };
  const timed = spawnNode(args, { ...process.env, ...extraEnv });
  if (timed.timedOut || !withUsage) return timed;
  rmSync(usageFile, { force: true });
  spawnNode(['--require', path.join(repo, 'scripts/bench/usage.cjs'), ...args], { ...process.env, ...extraEnv, BENCH_USAGE_FILE: usageFile });
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { ...timed, cpuMs: usage.userMs + usage.systemMs, maxRss: usage.maxRssKb * 1024, usage };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The median run by wall time, with the medians of its other figures. */
function medianOf(list) {
  return {
    ...list[0],
    wallMs: median(list.map((r) => r.wallMs)),
    cpuMs: median(list.map((r) => r.cpuMs)),
    maxRss: median(list.map((r) => r.maxRss)),
  };
}

/** Wall times only, of runs made with `usage: false`: the median, and the runs beside it. */
function wallOf(list) {
  const wall = list.map((r) => r.wallMs);
  return { wallMs: median(wall), minMs: Math.min(...wall), maxMs: Math.max(...wall) };
}

const floorRun = (project) => runNode([path.join(repo, 'scripts/bench/floor.cjs'), project]);
const peerRun = (project) => runNode([path.join(repo, 'scripts/bench/peer.cjs'), project, path.join(repo, 'schemas')]);
/** `handoff-kit check --format json`; findings (exit 1) are allowed, a crash or usage error (2) is not. */
function cliRun(project, extra = [], limits = {}) {
  const run = runNode([cli, 'check', project, '--format', 'json', ...extra], { allowExit: [0, 1], ...limits });
  if (run.timedOut) return run;
  const findings = JSON.parse(run.stdout);
  return { ...run, findings: findings.length, stdout: undefined };
}

/** `handoff-kit test --format json`: every test must pass (exit 0); the counts from the report. */
function testRun(project) {
  const run = runNode([cli, 'test', project, '--format', 'json']);
  const { summary } = JSON.parse(run.stdout);
  return { ...run, tests: summary.tests, passed: summary.passed, files: summary.files, stdout: undefined };
}

/**
 * `handoff-kit simulate`: the handoff path of every banner (`--summary`: the verdict lines only,
 * else every transcript as well); a stuck run (exit 1) is allowed, a crash or usage error (2) is not.
 */
function simulateRun(project, extra = []) {
  const run = runNode([cli, 'simulate', project, ...extra], { allowExit: [0, 1] });
  const verdicts = run.stdout.split('\n').filter((line) => /^(back with the bot|stuck) /.test(line));
  return { ...run, runs: verdicts.length, stuck: verdicts.filter((line) => line.startsWith('stuck')).length, stdout: undefined };
}

function filesAndBytes(project) {
  let files = 0;
  let bytes = 0;
  const count = (file) => {
    files++;
    bytes += statSync(file).size;
  };
  count(path.join(project, 'bot.json'));
  for (const folder of ['intents', 'journeys']) for (const name of readdirSync(path.join(project, folder))) count(path.join(project, folder, name));
  return { files, bytes };
}

// ---- figures -----------------------------------------------------------------------------------
const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
const ratio = (value, floor) => `${(value / floor).toFixed(value / floor < 10 ? 2 : 1)}`;
const thousands = (n) => n.toLocaleString('en-US');

function log(line) {
  process.stderr.write(`bench: ${line}\n`);
}

// ---- projects ----------------------------------------------------------------------------------
mkdirSync(benchDir, { recursive: true });
const projectOf = (name, s) => {
  const { folder, cached } = ensureProject(path.join(benchDir, 'projects', name), s);
  log(`${cached ? 'cached' : 'generated'} ${path.relative(repo, folder)}`);
  return folder;
};
const project = projectOf(`p${shape.journeys}x${shape.intents}`, shape);
const size = filesAndBytes(project);
const label = `${thousands(size.files)} files`;
// The same project with conversation tests in tests/ (generate.mjs, writeTestsProject).
const testedProject = projectOf(`p${shape.journeys}x${shape.intents}-tests${testCount}`, { kind: 'tests', ...shape, tests: testCount });

// ---- floor, peer and CLI, interleaved ------------------------------------------------------------
const floors = [];
const peers = [];
const clis = [];
const workerClis = [];
// `check --cache` on the unchanged project: its cache written once first, every run after takes all from it.
const cacheFile = path.join(benchDir, 'check-cache');
rmSync(cacheFile, { force: true });
const cachedRun = () => cliRun(project, ['--cache', '--cache-location', cacheFile]);
cachedRun();
const cachedClis = [];
const simulations = [];
const transcripts = [];
const testedChecks = [];
const testRuns = [];
for (let r = 0; r < runs; r++) {
  log(`floor, peer, CLI check, check --cache, simulate and test on ${label}, run ${r + 1} of ${runs}`);
  floors.push(floorRun(project));
  peers.push(peerRun(project));
  clis.push(cliRun(project));
  cachedClis.push(cachedRun());
  // The file-scope checks on a worker thread (server/src/cli/parallelCheck.ts), off by default until it pays.
  workerClis.push(cliRun(project, [], { env: { HANDOFF_KIT_WORKERS: 'always' } }));
  simulations.push(simulateRun(project, ['--summary']));
  transcripts.push(simulateRun(project));
  testedChecks.push(cliRun(testedProject));
  testRuns.push(testRun(testedProject));
}
const floor = medianOf(floors);
const F = floor.wallMs;
const Fcpu = floor.cpuMs;
const Frss = floor.maxRss;
const peer = medianOf(peers);
const peerOut = JSON.parse(peers[0].stdout);
const check = medianOf(clis);
const cachedCheck = medianOf(cachedClis);
const workerCheck = medianOf(workerClis);

// ---- starting the command ----------------------------------------------------------------------
// What a pre-commit hook pays on every commit: `--version` and a check of a project of one file,
// against a bare `node -e ""` start (E), interleaved, many runs (each is short, so noise weighs more).
const oneProject = path.join(benchDir, 'projects', 'one-file');
mkdirSync(oneProject, { recursive: true });
writeFileSync(path.join(oneProject, 'bot.json'), '{ "name": "one-file-bot" }\n');
const startRuns = quick ? 5 : 11;
const bareStarts = [];
const versions = [];
const oneFileChecks = [];
log(`a bare node start, --version and a check of a one-file project, ${startRuns} runs each`);
for (let r = 0; r < startRuns; r++) {
  bareStarts.push(runNode(['-e', ''], { usage: false }));
  versions.push(runNode([cli, '--version'], { usage: false }));
  oneFileChecks.push(runNode([cli, 'check', oneProject, '--format', 'json'], { usage: false }));
}
const bare = wallOf(bareStarts);
const version = wallOf(versions);
const oneFile = wallOf(oneFileChecks);
const simulation = medianOf(simulations);
const transcript = medianOf(transcripts);
const testedCheck = medianOf(testedChecks);
const tests = medianOf(testRuns);

// ---- language server ---------------------------------------------------------------------------
log(`language server on ${label}`);
const editedPhrase = 7; // an utterance of the exit intent shown by two banners (see generate.mjs)
const affects = journeysShowing(editedPhrase, shape.journeys).map((f) => path.join(project, 'journeys', f));
const editedJourney = path.join(project, 'journeys', `journey_${shape.journeys / 2}.json`);
// The server's bundle loads with V8's code cache (server/src/lsp/start.ts), which the build above
// made stale: one session on the example first, as an editor's first window after an upgrade has,
// so that the figures are those of every later start (the CLI's runs above warm its cache alike).
await warmServer(path.join(repo, 'dist/server/server.js'), path.join(repo, 'examples/support-bot'), LSP_TIMEOUT_MS);
const server = await measureServer({
  serverJs: path.join(repo, 'dist/server/server.js'),
  project,
  journey: editedJourney,
  // journey j sends custom-event-(j % 50) first: declared in bot.json; with an x, unknown.
  journeyEdit: { from: `"custom-event-${(shape.journeys / 2) % 50}"`, to: `"custom-event-${(shape.journeys / 2) % 50}x"` },
  intent: path.join(project, 'intents', `${EXIT_INTENT}.json`),
  intentEdit: { from: `"${exitPhrase(editedPhrase)}"`, to: `"${exitPhrase(editedPhrase)}x"` },
  intentAffects: affects,
  edits,
  timeoutMs: LSP_TIMEOUT_MS,
});

// ---- scale ---------------------------------------------------------------------------------------
let scale;
if (!quick) {
  const big = projectOf(`p${scaleShape.journeys}x${scaleShape.intents}`, scaleShape);
  const bigSize = filesAndBytes(big);
  // Bounded so that the bench ends: 20 times the 3,001-file check is well past the issue's
  // target (11 times), so a run stopped there has missed it whatever it would have taken; and at
  // most 3 minutes, so that the whole bench stays near 5 minutes even on a loaded machine.
  const capMs = Math.round(Math.min(180_000, Math.max(60_000, 20 * check.wallMs)));
  log(`floor and CLI on ${thousands(bigSize.files)} files (one run each; the CLI is stopped after ${ms(capMs)})`);
  scale = { size: bigSize, capMs, floor: floorRun(big), check: cliRun(big, [], { timeoutMs: capMs, allowTimeout: true }) };
}
const utterProject = projectOf(`intent${bigUtterances}`, { kind: 'bigIntent', utterances: bigUtterances });
const utterFile = path.join(utterProject, 'intents', 'big_intent.json');
const utterBytes = statSync(utterFile).size;
log(`CLI on one intent of ${thousands(bigUtterances)} utterances`);
// Over the default 2 MiB limit: raise it, or the CLI skips the file (file-too-large) and checks nothing.
const utter = cliRun(utterProject, ['--max-file-size', String(64 * 1024 * 1024)]);
const reportProject = projectOf(`report${reportRows}`, { kind: 'bigReport', rows: reportRows });
const reportBytes = statSync(path.join(reportProject, BIG_REPORT)).size;
log(`CLI on one test report of ${thousands(reportRows)} rows`);
const report = cliRun(reportProject, ['--max-file-size', String(64 * 1024 * 1024)]);

// ---- hostile inputs at the size limit (issue 28, kind 3) ------------------------------------------
// Each reader and validator given a file built to cost more than its size, at half the default
// size limit and at the limit (just under 2 MiB): twice the input should cost about twice the time.
const SIZE_LIMIT = 2 * 1024 * 1024;
const hostile = [];
for (const [fraction, key] of [
  [0.5, 'half'],
  [0.99, 'full'],
]) {
  const made = writeHostileProjects(path.join(benchDir, 'hostile', key), path.join(repo, 'examples/support-bot'), Math.floor(SIZE_LIMIT * fraction));
  made.forEach(({ name, project: hostileProject, args, scale }, i) => {
    log(`CLI on a ${name}, ${key} the size limit${scale === 1 ? '' : ` times ${scale}`}`);
    (hostile[i] ??= { name, scale })[key] = cliRun(hostileProject, args, { timeoutMs: PROCESS_TIMEOUT_MS, allowTimeout: true });
  });
}

// ---- the journey graph -----------------------------------------------------------------------------
// One journey of 3,000 nodes in a row (as many layers as nodes, links that skip layers: the worst
// shape for a layered layout), laid out by `handoff-kit graph` whole process; and the handoff path
// of the example, for scale.
const graphNodes = quick ? 1000 : 3000;
const graphProject = projectOf(`journey${graphNodes}`, { kind: 'bigJourney', nodes: graphNodes });
const graphRuns = [];
for (let r = 0; r < runs; r++) {
  log(`graph of one journey of ${thousands(graphNodes)} nodes, run ${r + 1} of ${runs}`);
  graphRuns.push(runNode([cli, 'graph', graphProject, '--format', 'json', '--view', 'project']));
}
const graphRun = medianOf(graphRuns);
const graphOut = JSON.parse(graphRuns[0].stdout);
const graphCheck = cliRun(graphProject);
const exampleGraph = medianOf(
  Array.from({ length: runs }, () => runNode([cli, 'graph', path.join(repo, 'examples/support-bot'), '--format', 'json'])),
);

// ---- production bundles --------------------------------------------------------------------------
// Built as `npm run package` builds them (minified, no source maps), into a temporary folder so
// that the development build the bench runs stays as it is (and no bundle is left for the linter).
const production = mkdtempSync(path.join(tmpdir(), 'handoff-kit-bench-production-'));
log('production bundles');
const built = spawnSync(node, [path.join(repo, 'scripts/build.mjs'), '--production', '--outdir', production], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(`production build failed: ${built.stderr.slice(-2000)}`);

// ---- extension activation ------------------------------------------------------------------------
log('extension activation in code-server (package, install, open the example project)');
const activation = await measureActivation({ runs, log: (line) => log(line) });

// ---- the table -----------------------------------------------------------------------------------
const rows = [];
const row = (what, figure, vsF, notes = '') => rows.push([what, figure, vsF, notes]);
const cpu = (run) => `CPU ${ms(run.cpuMs)} (x${ratio(run.cpuMs, Fcpu)})`;

row(`floor F: read + JSON.parse ${label} (${mb(size.bytes)}), CommonJS script, plain node`, ms(F), '1.00', `${cpu(floor)}, peak RSS ${mb(Frss)}`);
row(
  'peer: vscode-json-languageservice, schemas only, whole process',
  ms(peer.wallMs),
  ratio(peer.wallMs, F),
  `${cpu(peer)}; validate in process ${ms(peerOut.validateMs)}; ${peerOut.diagnostics} diagnostics`,
);
row(
  'handoff-kit check, whole process',
  ms(check.wallMs),
  ratio(check.wallMs, F),
  `${cpu(check)}; ${check.findings} findings; x${ratio(check.wallMs, peer.wallMs)} the peer`,
);
row(
  'handoff-kit check, file-scope checks on a worker thread (HANDOFF_KIT_WORKERS=always)',
  ms(workerCheck.wallMs),
  ratio(workerCheck.wallMs, F),
  `${cpu(workerCheck)}; peak RSS ${mb(workerCheck.maxRss)}; ${workerCheck.findings} findings; x${ratio(workerCheck.wallMs, check.wallMs)} the check above (off by default until below 1)`,
);
row(
  'handoff-kit check --cache, unchanged project (every finding from the cache), whole process',
  ms(cachedCheck.wallMs),
  ratio(cachedCheck.wallMs, F),
  `${cpu(cachedCheck)}; ${cachedCheck.findings} findings; x${ratio(cachedCheck.wallMs, check.wallMs)} the check; no bot file read, every one listed and stat'ed`,
);
row(
  'handoff-kit simulate --summary (the handoff path, verdicts), whole process',
  ms(simulation.wallMs),
  ratio(simulation.wallMs, F),
  `${cpu(simulation)}; x${ratio(simulation.wallMs, check.wallMs)} the check (CPU x${ratio(simulation.cpuMs, check.cpuMs)}); ${thousands(simulation.runs)} runs, ${simulation.stuck} stuck; peak RSS ${mb(simulation.maxRss)}`,
);
row(
  'handoff-kit simulate (the handoff path, transcripts), whole process',
  ms(transcript.wallMs),
  ratio(transcript.wallMs, F),
  `${cpu(transcript)}; x${ratio(transcript.wallMs, check.wallMs)} the check (CPU x${ratio(transcript.cpuMs, check.cpuMs)}); peak RSS ${mb(transcript.maxRss)}`,
);
row(
  `handoff-kit check, the same project with ${thousands(tests.tests)} conversation tests in ${tests.files} file${tests.files === 1 ? '' : 's'}, whole process`,
  ms(testedCheck.wallMs),
  ratio(testedCheck.wallMs, F),
  `${cpu(testedCheck)}; ${testedCheck.findings} findings (test-unknown-name reads every name the tests use); x${ratio(testedCheck.wallMs, check.wallMs)} the check without tests`,
);
row(
  `handoff-kit test: ${thousands(tests.tests)} conversation tests over the same project, whole process`,
  ms(tests.wallMs),
  ratio(tests.wallMs, F),
  `${cpu(tests)}; ${thousands(tests.passed)} passed; x${ratio(tests.wallMs, testedCheck.wallMs)} the check of the same project (CPU x${ratio(tests.cpuMs, testedCheck.cpuMs)}); ${ms(tests.wallMs / tests.tests)} a test, load included; peak RSS ${mb(tests.maxRss)}`,
);
const spread = (w) => `median of ${startRuns} (${ms(w.minMs)} to ${ms(w.maxMs)})`;
row('start E: a bare `node -e ""`, whole process', ms(bare.wallMs), ratio(bare.wallMs, F), `${spread(bare)}; the yardstick of the next two rows`);
row(
  'handoff-kit --version, whole process',
  ms(version.wallMs),
  ratio(version.wallMs, F),
  `x${ratio(version.wallMs, bare.wallMs)} E; ${spread(version)}`,
);
row(
  'handoff-kit check, a one-file project (bot.json), whole process',
  ms(oneFile.wallMs),
  ratio(oneFile.wallMs, F),
  `x${ratio(oneFile.wallMs, bare.wallMs)} E; ${spread(oneFile)}`,
);
row('handoff-kit check, peak RSS', mb(check.maxRss), ratio(check.maxRss, Frss), `x F's peak RSS; heap used at exit ${mb(check.usage.heapUsed)}`);
row(
  'server: initialize -> first diagnostics of an opened journey',
  ms(server.firstDiagnosticsMs),
  ratio(server.firstDiagnosticsMs, F),
  `first pass over all files ended at ${ms(server.firstPassMs)}, ${thousands(server.initialPublishes)} notification(s) sent; server log: load ${/in (\d+ ms)/.exec(server.loadLog ?? '')?.[1]}, check ${/in (\d+ ms)/.exec(server.firstPassLog)?.[1]}`,
);
row(
  'server: RSS after loading (VmRSS)',
  mb(server.rss),
  ratio(server.rss, Frss),
  `x F's peak RSS; after the keystrokes below: ${mb(server.memoryAfterEdits.rss)}`,
);
const keystroke = (name, result, what) => {
  row(
    `${name}: end to end`,
    ms(result.affectedMs),
    ratio(result.affectedMs, F),
    `median of ${result.runs}; undo ${ms(result.undo.affectedMs)}; ${what}`,
  );
  row(
    `${name}: server work (server's clock)`,
    ms(result.serverWorkMs),
    ratio(result.serverWorkMs, F),
    `median of ${result.runs}; first ${ms(result.firstServerWorkMs)}, slowest ${ms(result.maxServerWorkMs)}; didChange handling ${ms(result.changesMs)} + pass ${ms(result.passMs)} (timer to last diagnostics sent); undo ${ms(result.undo.serverWorkMs)}`,
  );
  row(
    `${name}: server work (end to end - ${CHECK_DELAY_MS} ms pause)`,
    ms(result.affectedMs - CHECK_DELAY_MS),
    ratio(result.affectedMs - CHECK_DELAY_MS, F),
    `for comparison: includes the pipes and the timer's lateness; check pass (server log) ${result.checkLogMs} ms, ${result.checkedAgain} of ${thousands(result.filesChecked)} files checked again`,
  );
  row(
    `${name}: notifications for other files`,
    String(result.otherSent),
    '',
    `target 0; of them unchanged: ${result.otherUnchanged}; for the affected: ${result.affectedSent}`,
  );
};
keystroke('keystroke in a journey (event name made wrong)', server.journey, 'until its diagnostics arrive');
keystroke(
  `intent utterance edit (exit phrase of ${affects.length} banners)`,
  server.intent,
  `until the ${affects.length} journeys' diagnostics arrive`,
);
if (scale) {
  const sl = `${thousands(scale.size.files)} files (${mb(scale.size.bytes)})`;
  row(
    `10x floor: read + JSON.parse ${sl}`,
    ms(scale.floor.wallMs),
    ratio(scale.floor.wallMs, F),
    `one run; x${ratio(scale.floor.wallMs, F)} the ${label} floor`,
  );
  // The engine opens every file of a project at once; past the soft limit of open files, opens
  // fail (EMFILE), and a file that cannot be read is left out of the project without a word.
  const openFiles = Number(/^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
  const fdNote = scale.size.files > openFiles ? `; ulimit -n is ${thousands(openFiles)}, fewer than the files` : '';
  if (scale.check.timedOut) {
    row(
      `10x handoff-kit check, ${sl}`,
      `> ${ms(scale.capMs)}`,
      `> ${ratio(scale.capMs, F)}`,
      `stopped (SIGKILL) at x${ratio(scale.capMs, check.wallMs)} the ${label} check; peak RSS not known${fdNote}`,
    );
  } else {
    row(
      `10x handoff-kit check, ${sl}`,
      ms(scale.check.wallMs),
      ratio(scale.check.wallMs, F),
      `one run; x${ratio(scale.check.wallMs, check.wallMs)} the ${label} check; ${cpu(scale.check)}; ${scale.check.findings} findings${fdNote}`,
    );
    row(
      '10x handoff-kit check, peak RSS',
      mb(scale.check.maxRss),
      ratio(scale.check.maxRss, Frss),
      `x F's peak RSS; x${ratio(scale.check.maxRss, check.maxRss)} the ${label} check`,
    );
  }
} else {
  row('10x project', 'skipped', '', '--quick');
}
row(
  `handoff-kit check, one intent of ${thousands(bigUtterances)} utterances (${mb(utterBytes)})`,
  ms(utter.wallMs),
  ratio(utter.wallMs, F),
  `one run; ${cpu(utter)}; peak RSS ${mb(utter.maxRss)}; ${utter.findings} findings; --max-file-size raised`,
);
row(
  `handoff-kit check, one test report of ${thousands(reportRows)} rows (${mb(reportBytes)})`,
  ms(report.wallMs),
  ratio(report.wallMs, F),
  `one run; ${cpu(report)}; peak RSS ${mb(report.maxRss)}; ${report.findings} findings; --max-file-size raised`,
);
for (const { name, scale, half, full } of hostile) {
  const timed = (run) => (run.timedOut ? `over ${ms(PROCESS_TIMEOUT_MS)}` : ms(run.wallMs));
  row(
    `handoff-kit check, hostile: ${name}, at ${scale === 1 ? 'the 2 MiB size limit' : `1/${1 / scale} of the 2 MiB size limit`}`,
    timed(full),
    full.timedOut ? '' : ratio(full.wallMs, F),
    full.timedOut || half.timedOut
      ? 'did not end: not linear'
      : `one run; ${cpu(full)}; peak RSS ${mb(full.maxRss)}; ${thousands(full.findings)} findings; x${ratio(full.cpuMs, half.cpuMs)} the CPU time at half the size (linear: about 2)`,
  );
}
row(
  `handoff-kit graph, one journey of ${thousands(graphNodes)} nodes, whole process`,
  ms(graphRun.wallMs),
  ratio(graphRun.wallMs, F),
  `${cpu(graphRun)}; peak RSS ${mb(graphRun.maxRss)}; ${thousands(graphOut.nodes.length)} nodes, ${thousands(graphOut.edges.length)} links laid out in bands; x${ratio(graphRun.wallMs, graphCheck.wallMs)} the check of the same project`,
);
row(
  'handoff-kit graph, the support-bot example, whole process',
  ms(exampleGraph.wallMs),
  ratio(exampleGraph.wallMs, F),
  `${cpu(exampleGraph)}; handoff view, laid out by dagre in one run per journey and one for the boxes`,
);
for (const file of ['client/extension.js', 'client/languageClient.js', 'server/serverMain.js', 'cli/cli.js']) {
  const kb = (folder) => `${(statSync(path.join(folder, file)).size / 1024).toFixed(0)} KB`;
  row(
    `bundle ${file}, production`,
    kb(production),
    '',
    `minified, as \`npm run package\` builds it; \`npm run build\` (names kept, source map beside it): ${kb(path.join(repo, 'dist'))}`,
  );
}
rmSync(production, { recursive: true, force: true });
if (activation.skipped) {
  row('extension activation in code-server', 'not measured', '', activation.skipped);
} else {
  row(
    'extension activation in code-server',
    ms(activation.activationMs),
    ratio(activation.activationMs, F),
    `${runs > 1 ? `median of ${runs} windows (${activation.runsMs.map(ms).join(', ')})` : 'one window'}; "Show Running Extensions": load code + call activate; .vsix ${(activation.vsixBytes / 1024).toFixed(0)} KB`,
  );
}

const header = ['measurement', 'figure', 'x F', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(
  `handoff-kit bench${quick ? ' --quick' : ''}: ${label}, ${runs} run(s) each, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(line(header));
console.log(`| ${widths.map((w, i) => (i === 1 || i === 2 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`);
for (const r of rows) console.log(line(r));

// ---- profile -------------------------------------------------------------------------------------
if (options.profile) {
  const profDir = path.join(benchDir, 'profile');
  rmSync(profDir, { recursive: true, force: true });
  log(`profiling handoff-kit check on ${label}`);
  runNode(['--cpu-prof', '--cpu-prof-dir', profDir, cli, 'check', project, '--format', 'json'], { allowExit: [0, 1], usage: false });
  for (const name of readdirSync(profDir).sort()) {
    console.log(`\n${path.relative(repo, path.join(profDir, name))}`);
    printProfileTop(path.join(profDir, name), 15);
  }
}
