// The `handoff-kit` command line: the same engine as the language server, for CI.
import { Command, Option } from 'commander';
import { runCheck, UsageError, type OutputFormat } from './check';
import { formatRules } from './rules';

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
  .action(async (paths: string[], options: { format: OutputFormat; maxFileSize?: number }) => {
    try {
      const result = await runCheck(paths, { cwd: process.cwd(), format: options.format, maxFileSize: options.maxFileSize });
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
