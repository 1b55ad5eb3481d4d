// The `handoff-kit` command line: the same engine as the language server, for CI.
import { Command, Option } from 'commander';
import { runCheck, UsageError, type OutputFormat } from './check';
import { formatRules } from './rules';
import { parseMaxRows, runUtteranceTests } from './utteranceTests';

const program = new Command()
  .name('handoff-kit')
  .description('Checks the live-agent handoff of chatbot projects (bot.json, intents/, journeys/).')
  .version(VERSION)
  .showHelpAfterError('(add --help for usage)')
  // Usage errors exit 2, like a path that is not a bot project; 1 means findings.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program
  .command('check')
  .description('Check bot projects: a project folder, a file inside one, or (with no path) every project below the current folder.')
  .argument('[paths...]', 'bot project folders or bot files')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--max-file-size <bytes>', 'skip bot files larger than this', (v) => parseSize(v))
  .option('--test-report <file.csv...>', "Studio test reports to check besides the project's test-reports/*.csv")
  .action(async (paths: string[], options: { format: OutputFormat; maxFileSize?: number; testReport?: string[] }) => {
    try {
      const result = await runCheck(paths, { cwd: process.cwd(), format: options.format, maxFileSize: options.maxFileSize, testReports: options.testReport });
      process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`handoff-kit: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  });

program
  .command('utterance-tests')
  .description("Write the CSV Studio's bulk utterance test takes (Automation > Test > Upload utterances): Utterance, Journey, Tag.")
  .argument('[project]', 'bot project folder (default: the current folder)')
  .option('-o, --out <dir>', 'folder to write utterance-tests.csv into (default: the project folder)')
  .option('--all', 'also every utterance of every intent that starts a journey (Tag: the intent name)')
  .option('--max-rows <n>', 'split into numbered files of at most this many rows', (v) => parseMaxRows(v))
  .action(async (project: string | undefined, options: { out?: string; all?: boolean; maxRows?: number }) => {
    try {
      const result = await runUtteranceTests(project, { cwd: process.cwd(), ...options });
      for (const file of result.files) process.stdout.write(`${file}\n`);
      process.stderr.write(`Wrote ${result.rows} utterance test${result.rows === 1 ? '' : 's'} to ${result.files.length} file${result.files.length === 1 ? '' : 's'}.\n`);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`handoff-kit: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  });

program
  .command('rules')
  .description('List every check: code, default severity, scope, whether it has a quick fix, description, docs page.')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action((options: { format: 'text' | 'json' }) => {
    process.stdout.write(formatRules(options.format));
  });

function parseSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-file-size takes a whole number of bytes, not "${value}"`);
  return n;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`handoff-kit: ${message}\n`);
  process.exit(2);
});

declare const VERSION: string;
