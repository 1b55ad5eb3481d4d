// Benchmark: generates bot projects of growing size and times `handoff-kit check` on each, as a
// process, like CI runs it. Prints figures and ratios against the example project run in the same
// process; asserts nothing. Usage: npm run bench [-- --journeys 1000 --intents 2000]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { journeys: { type: 'string', default: '1000' }, intents: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } },
});
const journeys = Number(values.journeys);
const intents = Number(values.intents);
const runs = Number(values.runs);

function generate(folder, journeyCount, intentCount) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'intents'), { recursive: true });
  mkdirSync(path.join(folder, 'journeys'), { recursive: true });
  const events = [
    { name: 'ui-event-update-promotion', enabled: true },
    { name: 'ui-event-close-promotion', enabled: true },
    ...Array.from({ length: 50 }, (_, i) => ({ name: `custom-event-${i}`, enabled: true })),
  ];
  writeFileSync(path.join(folder, 'bot.json'), JSON.stringify({ name: 'bench-bot', events }, null, 2));
  for (let i = 0; i < intentCount; i++) {
    const utterances = Array.from({ length: 8 }, (_, u) => `phrase ${u} for intent ${i}`);
    writeFileSync(path.join(folder, 'intents', `intent_${i}.json`), JSON.stringify({ name: `intent_${i}`, utterances }, null, 2));
  }
  // The exit intent and the journey it starts, as the guide has them.
  writeFileSync(path.join(folder, 'intents', 'talk_to_bot.json'), JSON.stringify({ name: 'talk_to_bot', utterances: ['talk to bot'] }));
  writeFileSync(
    path.join(folder, 'journeys', 'return-to-bot.json'),
    JSON.stringify({
      name: 'return-to-bot',
      trigger: { intent: 'talk_to_bot' },
      start: 'close-banner',
      nodes: [
        { id: 'close-banner', type: 'sendEvent', event: 'ui-event-close-promotion', next: 'close-ticket' },
        { id: 'close-ticket', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}' },
      ],
    }),
  );
  for (let j = 0; j < journeyCount; j++) {
    const nodes = [
      { id: 'greet', type: 'message', text: `Journey ${j}`, next: 'raise' },
      { id: 'raise', type: 'raiseTicket', next: { agentConnected: 'banner', error: 'sorry' } },
      {
        id: 'banner',
        type: 'sendEvent',
        event: j % 2 ? 'ui-event-close-promotion' : 'ui-event-update-promotion',
        data: { title: 'Do you want to exit from chat?', options: [{ title: 'Exit', text: 'talk to bot' }] },
        next: 'custom',
      },
      { id: 'custom', type: 'sendEvent', event: `custom-event-${j % 50}`, next: 'close' },
      { id: 'close', type: 'closeTicket', ticketId: '{{{variables.ticketId}}}', next: 'sorry' },
      { id: 'sorry', type: 'message', text: 'Sorry.' },
    ];
    const journey = { name: `journey-${j}`, trigger: { intent: `intent_${j % intentCount}` }, start: 'greet', nodes };
    writeFileSync(path.join(folder, 'journeys', `journey_${j}.json`), JSON.stringify(journey, null, 2));
  }
}

function timeCheck(project) {
  const times = [];
  let last;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    last = spawnSync(process.execPath, [path.join(repo, 'bin/handoff-kit.js'), 'check', project], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (last.status !== 0) throw new Error(`check failed on ${project}: ${last.stdout}${last.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], summary: last.stderr.trim() };
}

const work = path.join(tmpdir(), 'handoff-kit-bench');
const cases = [
  ['example (baseline)', path.join(repo, 'examples/support-bot')],
  [`${journeys / 10} journeys, ${intents / 10} intents`, path.join(work, 'small')],
  [`${journeys} journeys, ${intents} intents`, path.join(work, 'large')],
];
generate(cases[1][1], journeys / 10, intents / 10);
generate(cases[2][1], journeys, intents);

console.log(`handoff-kit check, median of ${runs} runs, node ${process.version}`);
let baseline;
for (const [name, project] of cases) {
  const { median, summary } = timeCheck(project);
  baseline ??= median;
  console.log(`${name.padEnd(32)} ${median.toFixed(0).padStart(6)} ms  x${(median / baseline).toFixed(2).padStart(6)}  (${summary})`);
}

// The keystroke path, in process: what the language server does after one edit of one journey
// (parse and validate that file, run the cross-file checks of its project again), against a
// cold check of the whole large project.
const engineBundle = path.join(repo, '.bench/engine.js');
await esbuild.build({
  entryPoints: [path.join(repo, 'server/src/engine/index.ts')],
  outfile: engineBundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  alias: { 'jsonc-parser': path.join(repo, 'node_modules/jsonc-parser/lib/esm/main.js') },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
const engine = createRequire(import.meta.url)(engineBundle);
const workspace = new engine.BotWorkspace(engine.nodeFileSystem);
let started = performance.now();
const project = await workspace.loadProject(cases[2][1]);
const loadMs = performance.now() - started;
started = performance.now();
for (const file of project.allFiles()) engine.checkFile(project, file);
const coldMs = performance.now() - started;
const edited = project.filesOfKind('journey')[0];
const keystrokes = 20;
started = performance.now();
for (let k = 1; k <= keystrokes; k++) {
  const text = edited.text.replace('"Sorry."', `"Sorry ${k}."`);
  workspace.setText(edited.path, text, k);
  for (const file of project.allFiles()) engine.checkFile(project, file);
}
const keystrokeMs = (performance.now() - started) / keystrokes;
console.log(`\nin process, ${project.allFiles().length} files:`);
console.log(`${'load from disk'.padEnd(32)} ${loadMs.toFixed(0).padStart(6)} ms`);
console.log(`${'first check of every file'.padEnd(32)} ${coldMs.toFixed(0).padStart(6)} ms  x  1.00`);
console.log(
  `${'one keystroke, then every file'.padEnd(32)} ${keystrokeMs.toFixed(1).padStart(6)} ms  x${(keystrokeMs / coldMs).toFixed(3).padStart(6)}  (mean of ${keystrokes})`,
);
rmSync(work, { recursive: true, force: true });
