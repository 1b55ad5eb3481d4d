// The findings of `handoff-kit check --format json` (code, severity, message, file and range) on
// the example, every fixture project, the spoilt generated project of the fast-path test and a
// clean project of the bench's shape, compared with snapshots taken before the command line's
// loading, bundling and worker threads changed (issue 29): speed work must not change a finding.
// Each project is checked as a whole process, on the main thread alone and with the worker
// threads a large project gets, so that both ways are held to the same findings.
//
// After a deliberate change of findings, write the snapshots again:
//   npm run build && npm run compile:tests && HANDOFF_KIT_UPDATE_GOLDEN=1 node --test out/test/cli/golden.test.js
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSpoiltProject } from '../engine/support/fastPathProjects';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');
const goldenDir = path.join(repoRoot, 'test/cli/golden');
const update = process.env.HANDOFF_KIT_UPDATE_GOLDEN === '1';

/** `handoff-kit check --format json` in `cwd` (every project below it), with `env` added. */
function check(cwd: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The ways a check may run: the main thread alone, and with worker threads whatever the project's size. */
const MODES: Record<string, Record<string, string>> = {
  'main thread': { HANDOFF_KIT_WORKERS: '0' },
  'worker threads': { HANDOFF_KIT_WORKERS: 'always' },
  'as chosen': {},
};

describe('handoff-kit check: the same findings as before (golden snapshots)', () => {
  let folder: string;
  const projects: { name: string; cwd: () => string }[] = [
    { name: 'support-bot', cwd: () => exampleProject },
    { name: 'fixtures', cwd: () => path.join(repoRoot, 'test/vscode/fixtures/workspace') },
    { name: 'spoilt', cwd: () => path.join(folder, 'spoilt') },
    { name: 'bench-shape', cwd: () => path.join(folder, 'bench') },
    { name: 'mixed', cwd: () => path.join(folder, 'mixed') },
  ];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'handoff-kit-golden-'));
    mkdirSync(path.join(folder, 'spoilt'));
    await generateSpoiltProject(path.join(folder, 'spoilt'));
    const generator = (await import(path.join(repoRoot, 'scripts', 'bench', 'generate.mjs'))) as {
      ensureProject(folder: string, shape: object): unknown;
    };
    generator.ensureProject(path.join(folder, 'bench'), { journeys: 40, intents: 80 });
    spoilMixed(path.join(folder, 'mixed'));
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  for (const project of projects) {
    for (const [mode, env] of Object.entries(MODES)) {
      it(`${project.name}, ${mode}`, () => {
        const { code, stdout, stderr } = check(project.cwd(), env);
        assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
        const file = path.join(goldenDir, `${project.name}.json`);
        const actual = `${JSON.stringify({ exitCode: code, findings: JSON.parse(stdout) as unknown }, null, 2)}\n`;
        if (update && mode === 'main thread') {
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(file, actual);
        }
        assert.ok(existsSync(file), `no snapshot ${path.relative(repoRoot, file)}: write it (see the top of this file)`);
        assert.equal(actual, readFileSync(file, 'utf8'));
      });
    }
  }
});

/**
 * A copy of the example with findings in the files that are not JSON, read by their own parsers
 * (loaded only when a project has such files): a function that does not parse and one that renders
 * a key no translation defines, a translation missing a text, a FAQ question that is an exit
 * phrase, a test report routing the exit phrase elsewhere and one that is not a report at all.
 */
function spoilMixed(root: string): void {
  cpSync(exampleProject, root, { recursive: true });
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const edit = (rel: string, change: (text: string) => string) => write(rel, change(readFileSync(path.join(root, rel), 'utf8')));
  write('functions/broken.js', 'return new Promise((resolve) => {\n  app.sendEvent({ code: "ui-event-close-promotion" );\n});\n');
  edit('functions/show-exit-banner.js', (text) => text.replace("'exit_banner_type_phrase'", "'exit_banner_typed_phrase'"));
  edit('translations/translations.csv', (text) => text.replace('exit_button_label,Exit,', 'exit_button_label,,'));
  edit('faqs/faqs.csv', (text) => `${text}support,talk to bot,,Type it to leave the agent.,\n`);
  write('test-reports/run-12-01.csv', 'Utterance,Predicted Journey,Journey,Status\ntalk to bot,a,live-agent,failure\n');
  write('test-reports/notes.csv', 'just,some\nnotes\n');
}
