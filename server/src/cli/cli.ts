// The `handoff-kit` command line: the same engine as the language server, for CI.
import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  closestName,
  isRuleSetting,
  RULE_SETTINGS,
  rules,
  type RuleSetting,
  BANNER_CLOSE_EVENT,
  BANNER_SHOW_EVENT,
  defaultDisconnectionOptions,
  GRAPH_FORMATS,
  GRAPH_VIEWS,
  MAX_OPEN_NODES,
  type GraphFormat,
  type GraphView,
} from '../engine';
import { runCheck, type OutputFormat } from './check';
import { DEFAULT_CACHE_FILE } from './cache';
import { UsageError } from './usageError';
import { writeErr, writeOut } from './output';
import { escapeControls, OUTPUT_FORMATS } from './formats';
import { formatRules } from './rules';
import { parseMaxRows, runUtteranceTests } from './utteranceTests';
import { runStudioSheet } from './studioSheet';
import { InputOptions, runSimulate, SIMULATE_FORMATS, type SimulateFormat } from './simulate';
import { parseMaxNodes, runGraph } from './graph';
import { runTestCommand, TEST_FORMATS, type TestFormat } from './test';
import { keepYoungGenerationSmall, keepYoungGenerationSmallFor } from './youngGeneration';
import { runInit } from './init';
import { runAddDisconnection, type AddDisconnectionOptions } from './addDisconnection';

const program = new Command()
  .name('handoff-kit')
  .description('Checks the live-agent handoff of chatbot projects (bot.json, intents/, journeys/).')
  .version(VERSION)
  .configureOutput({ writeOut, writeErr })
  .showHelpAfterError('(add --help for usage)')
  // Usage errors exit 2, like a path that is not a bot project; 1 means findings.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  // Before a command reads a project (youngGeneration.ts); `check` decides by the projects' size.
  .hook('preAction', (_, command) => {
    if (command.name() === 'check') keepYoungGenerationSmallFor(command.args, process.cwd());
    else keepYoungGenerationSmall();
  });

program
  .command('check')
  .description(
    'Check bot projects: every project at or below each folder given (with no path, the current folder), or a file inside one. Folders and files a .gitignore, an `ignores` list or --ignore-pattern names are left out.',
  )
  .argument('[paths...]', 'bot project folders or bot files')
  .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
  .option('--max-file-size <size>', 'skip bot files larger than this: bytes, or with KB / MB (1 KB = 1,024 bytes)', (v) => parseSize(v))
  .option('--max-warnings <n>', 'exit 1 when more warnings than this are found', (v) => parseCount(v))
  .option('-q, --quiet', 'report errors only (warnings are neither printed nor counted)')
  .option(
    '--rule <code=setting>',
    'set a rule to a severity (error, warning, info, hint) or off; repeatable; wins over handoff-kit.json',
    (v, all: Record<string, RuleSetting>) => parseRule(v, all),
    {},
  )
  .option('-c, --config <file>', "a handoff-kit.json to use instead of each project's own (its `ignores` too)")
  .option(
    '--ignore-pattern <pattern>',
    'leave out the folders and files this gitignore pattern matches, relative to the current folder; repeatable',
    (v, all: string[]) => [...all, v],
    [],
  )
  .option('--no-ignore', 'ignore nothing: neither .gitignore files, nor `ignores` lists, nor --ignore-pattern')
  .option('--fix', 'apply every safe fix (the preferred quick fix of each finding) and write the files')
  .option('--fix-dry-run', 'show the safe fixes as a unified diff, then the problems that would remain; write nothing')
  .option('--fix-check', 'list the files --fix would change and exit 1 if there are any (as prettier --check); write nothing')
  .option('--cache', "keep each project's findings in a cache file and reuse them while none of its files and no setting changed")
  .option('--cache-location <path>', `the cache file, or a folder for it (default: ${DEFAULT_CACHE_FILE} in the current folder)`)
  .option('--test-report <file.csv...>', "Studio test reports to check besides the project's test-reports/*.csv")
  .action(async (paths: string[], options: CheckCommandOptions) => {
    try {
      const modes = (['fix', 'fixDryRun', 'fixCheck'] as const).filter((mode) => options[mode]);
      if (modes.length > 1)
        throw new UsageError(`${modes.map((m) => `--${m.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(' and ')} exclude each other`);
      const result = await runCheck(paths, {
        cwd: process.cwd(),
        format: options.format,
        maxFileSize: options.maxFileSize,
        maxWarnings: options.maxWarnings,
        quiet: options.quiet,
        rules: Object.keys(options.rule).length ? options.rule : undefined,
        config: options.config,
        fix: options.fix,
        fixDryRun: options.fixDryRun,
        fixCheck: options.fixCheck,
        version: VERSION,
        testReports: options.testReport,
        cache: options.cache,
        cacheLocation: options.cacheLocation,
        ignorePatterns: options.ignorePattern,
        ignore: options.ignore,
      });
      // Set before writing: should stdout be closed early (`| head`), the run ends with this status.
      process.exitCode = result.exitCode;
      // In pieces: the whole output may be longer than the longest string Node can make.
      for (const piece of result.output) writeOut(piece);
      if (result.stderr) writeErr(result.stderr);
    } catch (error) {
      reportUsageError(error);
    }
  });

interface CheckCommandOptions {
  format: OutputFormat;
  maxFileSize?: number;
  maxWarnings?: number;
  quiet?: boolean;
  rule: Record<string, RuleSetting>;
  config?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixCheck?: boolean;
  testReport?: string[];
  ignorePattern: string[];
  ignore: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

program
  .command('utterance-tests')
  .description(
    "Write the CSV Studio's bulk utterance test takes (Automation > Test > Upload utterances): Utterance, Journey, Tag. The checks run first: banners whose exit path has errors are left out (and listed), and errors exit 1 unless --force.",
  )
  .argument('[project]', 'bot project folder (default: the current folder)')
  .option('-o, --out <dir>', 'folder to write utterance-tests.csv into (default: the project folder)')
  .option('--all', 'also every utterance of every intent that starts a journey (Tag: the intent name)')
  .option('--max-rows <n>', 'split into numbered files of at most this many rows', (v) => parseMaxRows(v))
  .option(
    '--force',
    'exit 0 even when the checks find errors in the project (the tests are written either way), and replace a file of the same name that is not an utterance-tests CSV this command wrote',
  )
  .action(async (project: string | undefined, options: { out?: string; all?: boolean; maxRows?: number; force?: boolean }) => {
    try {
      const result = await runUtteranceTests(project, { cwd: process.cwd(), ...options });
      // Set before writing, as check does: the run fails on errors unless --force.
      if (result.errors.length && !options.force) process.exitCode = 1;
      for (const file of result.files) writeOut(`${file}\n`);
      writeErr(
        `Wrote ${result.rows} utterance test${result.rows === 1 ? '' : 's'} to ${result.files.length} file${result.files.length === 1 ? '' : 's'}.\n`,
      );
      if (result.leftOut.length) {
        const n = result.leftOut.length;
        writeErr(`Left out ${n} banner exit phrase${n === 1 ? '' : 's'}:\n${result.leftOut.map((line) => `  ${line}\n`).join('')}`);
      }
      if (result.warning) writeErr(result.warning);
    } catch (error) {
      reportUsageError(error);
    }
  });

program
  .command('studio-sheet')
  .description(
    "Write the Studio build sheet (Markdown): the custom events, each journey's nodes in Studio's terms, the intents' utterances. The checks run first: errors are marked in the sheet and exit 1 unless --force.",
  )
  .argument('[project]', 'bot project folder (default: the current folder)')
  .option('-o, --out <file.md>', 'file to write the sheet into (default: standard output)')
  .option(
    '--force',
    'exit 0 even when the checks find errors in the project (the sheet is written either way, and says so), and replace the --out file even when it is not a build sheet this command wrote',
  )
  .action(async (project: string | undefined, options: { out?: string; force?: boolean }) => {
    try {
      const result = await runStudioSheet(project, { cwd: process.cwd(), out: options.out, force: options.force });
      if (result.errors.length && !options.force) process.exitCode = 1;
      if (result.file) writeErr(`Wrote the Studio build sheet to ${result.file}.\n`);
      else writeOut(result.sheet);
      if (result.warning) writeErr(result.warning);
    } catch (error) {
      reportUsageError(error);
    }
  });

// The inputs of a run are kept in the order given, across the five options (see InputOptions).
const simulateInputs = new InputOptions();
program
  .command('simulate')
  .description(
    'Simulate the conversation over a bot project: with no inputs, the handoff path of every banner sent after an agent connects; else one run of the inputs, in the order given. Exits 1 when a run leaves the customer stuck.',
  )
  .argument('[project]', 'bot project folder (default: the current folder)')
  .addOption(new Option('-f, --format <format>', 'output format').choices(SIMULATE_FORMATS).default('text'))
  .option('--journey <name>', 'start the journey (repeatable, in order with the other inputs)', simulateInputs.parser('startJourney'))
  .option('--say <text>', 'the customer types the text (repeatable)', simulateInputs.parser('say'))
  .option('--click <title>', 'the customer clicks the banner option with this title (repeatable)', simulateInputs.parser('click'))
  .option(
    '--ticket <outcome>',
    'the ticket takes an outcome: agentConnected, agentsUnavailable, ticketClosed or error (repeatable)',
    simulateInputs.parser('ticket'),
  )
  .option('--event <name>', 'an event fires, such as ticket-closed or ym_closed_promotion (repeatable)', simulateInputs.parser('event'))
  .option('--summary', 'text format: print only the verdict line of each run, not its transcript')
  .action(async (project: string | undefined, options: { format: SimulateFormat; summary?: boolean }) => {
    try {
      const result = await runSimulate(project, {
        cwd: process.cwd(),
        format: options.format,
        inputs: simulateInputs.inputs,
        summary: options.summary,
      });
      // Set before writing: should stdout be closed early (`| head`), the run ends with this status.
      process.exitCode = result.exitCode;
      writeOut(result.stdout);
      if (result.stderr) writeErr(result.stderr);
    } catch (error) {
      reportUsageError(error);
    }
  });

const graphInputs = new InputOptions();
program
  .command('graph')
  .description(
    'Print the journey graph: the handoff path (from the journey that raises the ticket through the banner and its options to the exit journey) or every journey, with the findings on it.',
  )
  .argument('[project]', 'bot project folder (default: the current folder)')
  .addOption(
    new Option('-f, --format <format>', 'mermaid (renders in pull requests), dot (Graphviz) or json').choices(GRAPH_FORMATS).default('mermaid'),
  )
  .addOption(new Option('--view <view>', 'handoff: the handoff path; project: every journey').choices(GRAPH_VIEWS).default('handoff'))
  .option('--journey <name>', 'only what concerns this journey')
  .option('--max-nodes <n>', `draw journeys as boxes past this many nodes (default ${MAX_OPEN_NODES}; 0: no limit)`, (v) => parseMaxNodes(v))
  .option('--start <journey>', 'walk: start the journey (repeatable, in order with the other inputs)', graphInputs.parser('startJourney'))
  .option('--say <text>', 'walk: the customer types the text (repeatable)', graphInputs.parser('say'))
  .option('--click <title>', 'walk: the customer clicks the banner option with this title (repeatable)', graphInputs.parser('click'))
  .option('--ticket <outcome>', 'walk: the ticket takes an outcome (repeatable)', graphInputs.parser('ticket'))
  .option('--event <name>', 'walk: an event fires (repeatable)', graphInputs.parser('event'))
  .option('--test <file>', "walk: a conversation test file's first failing test (else its first), up to its failure")
  .option('--test-name <name>', 'with --test: the test of that name')
  .action(
    async (
      project: string | undefined,
      options: { format: GraphFormat; view: GraphView; journey?: string; maxNodes?: number; test?: string; testName?: string },
    ) => {
      try {
        writeOut(
          await runGraph(project, {
            cwd: process.cwd(),
            format: options.format,
            view: options.view,
            ...(options.journey !== undefined ? { journey: options.journey } : {}),
            ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
            inputs: graphInputs.inputs,
            ...(options.test !== undefined ? { test: options.test } : {}),
            ...(options.testName !== undefined ? { testName: options.testName } : {}),
          }),
        );
      } catch (error) {
        reportUsageError(error);
      }
    },
  );

program
  .command('test')
  .description(
    'Run the conversation tests (tests/*.json) of bot projects: a project folder (and the projects nested in it), test files, or (with no path) every project below the current folder. Exits 1 when a test fails, 2 when a test file does not parse or fit its schema.',
  )
  .argument('[paths...]', 'bot project folders or test files')
  .addOption(new Option('-f, --format <format>', 'output format').choices(TEST_FORMATS).default('text'))
  .option(
    '--coverage',
    'also list the parts of the handoff path no test walks: banner options, typed exit phrases, exit intents and journeys, ticket outcomes',
  )
  .action(async (paths: string[], options: { format: TestFormat; coverage?: boolean }) => {
    try {
      const result = await runTestCommand(paths, { cwd: process.cwd(), format: options.format, coverage: options.coverage });
      // Set before writing: should stdout be closed early (`| head`), the run ends with this status.
      process.exitCode = result.exitCode;
      writeOut(result.stdout);
      if (result.stderr) writeErr(result.stderr);
    } catch (error) {
      reportUsageError(error);
    }
  });

program
  .command('init')
  .description(
    "Make a new bot project, as VS Code's New Bot Project does: bot.json (both banner events declared and enabled, step 1 of the guide), intents/ and journeys/. A folder that already has bot.json is left as it is.",
  )
  .argument('[folder]', 'the project folder, created if needed (default: the current folder)')
  .option('--name <name>', "the bot's name (default: the folder's name)")
  .option('--nested', 'create the project even inside another bot project')
  .action(async (folder: string | undefined, options: { name?: string; nested?: boolean }) => {
    try {
      const result = await runInit(folder, { cwd: process.cwd(), ...options });
      const shown = escapeControls(path.relative(process.cwd(), result.root) || '.');
      if (result.existed) {
        writeErr(`${shown} is already a bot project (it has bot.json): nothing to change.\n`);
        return;
      }
      for (const created of result.created) writeOut(`${escapeControls(path.relative(process.cwd(), created) || '.')}\n`);
      const next = folder === undefined ? '' : ` ${shown}`;
      writeErr(`Created the bot project ${shown}. Next: handoff-kit add-disconnection${next}\n`);
    } catch (error) {
      reportUsageError(error);
    }
  });

const guide = defaultDisconnectionOptions;
program
  .command('add-disconnection')
  .description(
    "Add the user-initiated disconnection (the guide's six steps) to a bot project, as VS Code's Add User-Initiated Disconnection does: merged into its files, never overwriting one. Run again, it says the project already has it. Exits 1, writing nothing, on a conflict (a name taken...), naming the option that settles it.",
  )
  .argument('[project]', 'bot project folder (default: the current folder)')
  .addOption(
    new Option('--mode <mode>', 'button: the banner has a button that sends the phrase; typed: its title asks to type it')
      .choices(['button', 'typed'])
      .default(guide.mode),
  )
  .option(
    '--phrase <text>',
    `what the customer clicks or types to come back to the bot (default: the phrase the project's banners offer, else "${guide.phrase}")`,
  )
  .option('--button-label <text>', `the button's label (button mode)`, guide.buttonLabel)
  .option('--banner-title <text>', "the banner's title", guide.bannerTitle)
  .addOption(
    new Option('--show-event <event>', 'the event that shows the banner').choices([BANNER_CLOSE_EVENT, BANNER_SHOW_EVENT]).default(guide.showEvent),
  )
  .option(
    '--ticket-journey <name>',
    `the journey that raises the live-agent ticket: one of the project's (a Raise Ticket node is added if it has none), or one to create (default "${'create' in guide.ticketJourney ? guide.ticketJourney.create : ''}")`,
  )
  .option('--ticket-intent <name>', 'the intent that starts a ticket journey to create (default "talk_to_agent")')
  .option('--exit-intent <name>', 'the intent to train with the phrase, unless one already is (default "talk_to_bot")')
  .option('--exit-journey <name>', 'the journey the exit intent starts, unless one already does (default "return-to-bot")')
  .option('--dry-run', 'print the changes as a unified diff; write nothing')
  .action(async (project: string | undefined, options: Omit<AddDisconnectionOptions, 'cwd'>) => {
    try {
      const result = await runAddDisconnection(project, { cwd: process.cwd(), ...options });
      process.exitCode = result.exitCode;
      writeOut(result.stdout);
      writeErr(result.stderr);
    } catch (error) {
      reportUsageError(error);
    }
  });

program
  .command('rules')
  .description('List every check: code, default severity, scope, whether it has a quick fix, description, docs page.')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action((options: { format: 'text' | 'json' }) => {
    writeOut(formatRules(options.format));
  });

/** `--max-file-size`: bytes, or a number with KB or MB (binary: 1 KB = 1,024 bytes). */
function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib)?\s*$/i.exec(value);
  const unit = match?.[2]?.[0].toLowerCase();
  const n = match ? Math.round(Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1)) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`--max-file-size takes a size such as 2048, 512KB or 2MB, not "${value}"`);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError(`--max-warnings takes a whole number, 0 or more, not "${value}"`);
  return n;
}

/** `--rule code=setting`, added to the settings given before. */
function parseRule(value: string, all: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const at = value.indexOf('=');
  const code = value.slice(0, at).trim();
  const setting = value.slice(at + 1).trim();
  if (at < 0 || !code) throw new InvalidArgumentError(`--rule takes <code>=<setting>, such as unreachable-node=off, not "${value}"`);
  if (!rules.some((r) => r.code === code)) {
    const near = closestName(
      code,
      rules.map((r) => r.code),
    );
    throw new InvalidArgumentError(`unknown rule "${code}"${near ? `; did you mean "${near}"?` : ''} (handoff-kit rules lists them)`);
  }
  if (!isRuleSetting(setting)) {
    const near = closestName(setting, RULE_SETTINGS);
    throw new InvalidArgumentError(
      `"${setting}" is not a setting for ${code}${near ? `; did you mean "${near}"?` : ''}: use ${RULE_SETTINGS.join(', ')}`,
    );
  }
  return { ...all, [code]: setting };
}

// A closed stdout (`handoff-kit check | head -1`) is not a failure of the check: writeOut and
// writeErr end quietly, with the status the findings gave (output.ts); so does what commander
// writes (help, usage errors), through them.

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  writeErr(`handoff-kit: ${message}\n`);
  process.exit(2);
});

declare const VERSION: string;

/** A usage error (a wrong path or option) ends the run with exit 2 and one line; anything else is rethrown. */
function reportUsageError(error: unknown): void {
  if (!(error instanceof UsageError)) throw error;
  writeErr(`handoff-kit: ${error.message}\n`);
  process.exitCode = 2;
}
