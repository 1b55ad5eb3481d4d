// The Emacs set-up of docs/editors.md, run as written in Debian's Emacs 28 with elpa-eglot: `emacs -nw` (in a terminal
// that `script` gives it, so that Emacs's command loop, which starts Eglot, runs) opens a journey whose banner is broken,
// the block starts the language server through Eglot, and the findings Flymake holds are read back.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const emacs = process.env.HANDOFF_KIT_EMACS_PATH || '/usr/bin/emacs';
const script = '/usr/bin/script';
const timeoutMs = 30_000;

/** Why the test cannot run here, or undefined: Emacs, Eglot (built in from 29, elpa-eglot in Debian 12) and `script`. */
function missing(): string | undefined {
  const install = "install Debian's emacs-nox and elpa-eglot (npm test does so when run as root) to run this test";
  if (!existsSync(emacs)) return `no ${emacs}: ${install}`;
  if (!existsSync(script)) return `no ${script} (Debian's bsdutils) to give Emacs a terminal`;
  const found = spawnSync(emacs, ['--batch', '--eval', '(princ (if (locate-library "eglot") "eglot" "none"))'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (found.stdout !== 'eglot') return `${emacs} finds no Eglot (${(found.stdout + found.stderr).trim() || found.error?.message}): ${install}`;
  return undefined;
}

/** The Emacs Lisp block that follows the `emacs-eglot-config` marker of docs/editors.md. */
async function documentedConfig(): Promise<string> {
  const editors = await readFile(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
  const marker = editors.indexOf('<!-- emacs-eglot-config');
  assert.notEqual(marker, -1, 'docs/editors.md has no emacs-eglot-config marker');
  const block = /```elisp\n([\s\S]*?)```/.exec(editors.slice(marker));
  assert.ok(block, 'no ```elisp block after the emacs-eglot-config marker');
  return block[1];
}

/** Appended to the documented block: twice a second, every Flymake diagnostic of every buffer as JSON, atomically (rename). */
const reportDiagnostics = `
(require 'json)
(run-with-timer 0.2 0.2
  (lambda ()
    (let ((out (getenv "HANDOFF_KIT_DIAGNOSTICS"))
          (found '()))
      (dolist (buffer (buffer-list))
        (with-current-buffer buffer
          (when (bound-and-true-p flymake-mode)
            (dolist (d (flymake-diagnostics))
              (push (list (cons 'file buffer-file-name)
                          (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                          (cons 'type (symbol-name (flymake-diagnostic-type d)))
                          (cons 'text (flymake-diagnostic-text d)))
                    found)))))
      (with-temp-file (concat out ".tmp") (insert (json-encode (vconcat found))))
      (rename-file (concat out ".tmp") out t))))
`;

interface EmacsDiagnostic {
  file: string;
  /** 1-based. */
  line: number;
  type: string;
  text: string;
}

const skip = missing();

describe('Emacs with Eglot and the set-up of docs/editors.md', { skip: skip ?? false }, () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-emacs-'));
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('shows banner-schema in Flymake for a banner option with `txt` instead of `text`', { timeout: timeoutMs + 20_000 }, async () => {
    const project = path.join(folder, 'support-bot');
    await cp(exampleProject, project, { recursive: true });
    const journey = path.join(project, 'journeys', 'live-agent.json');
    const text = await readFile(journey, 'utf8');
    assert.ok(text.includes('"text": "talk to bot"'), 'the example banner changed: adjust this test');
    const broken = text.replace('"text": "talk to bot"', '"txt": "talk to bot"');
    await writeFile(journey, broken);

    // `handoff-kit-language-server` on PATH, as a global npm install puts it, running this checkout's bundle.
    const bin = path.join(folder, 'bin');
    await mkdir(bin);
    const command = path.join(bin, 'handoff-kit-language-server');
    await writeFile(command, `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin', 'handoff-kit-language-server.js')}" "$@"\n`);
    await chmod(command, 0o755);

    // The block in the user's init file, as the documentation says: Debian's packages (elpa-eglot) are activated before it.
    const home = path.join(folder, 'home');
    await mkdir(path.join(home, '.emacs.d'), { recursive: true });
    await writeFile(path.join(home, '.emacs.d', 'init.el'), (await documentedConfig()) + reportDiagnostics);
    const report = path.join(folder, 'diagnostics.json');
    const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;
    const child = spawn(script, ['-qec', `${quote(emacs)} -nw ${quote(journey)}`, '/dev/null'], {
      cwd: project,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        HOME: home,
        TERM: 'xterm',
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        HANDOFF_KIT_DIAGNOSTICS: report,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: Emacs and the language server Eglot starts go with it at the end.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`emacs exited with ${signal ?? code}`)));
    try {
      const found = await waitForDiagnostics(report, exited, (diagnostics) => diagnostics.filter((d) => /\[banner-schema\]/.test(d.text)));
      const line = broken.split('\n').findIndex((l) => l.includes('"txt"')) + 1;
      assert.ok(
        found.every((d) => d.file === journey && d.text.startsWith('handoff-kit ')),
        JSON.stringify(found),
      );
      assert.ok(
        found.some((d) => d.line === line),
        `no banner-schema finding on line ${line}: ${JSON.stringify(found)}`,
      );
      assert.ok(
        found.some((d) => /`txt`/.test(d.text) && /did you mean `text`/.test(d.text)),
        JSON.stringify(found),
      );
    } catch (error) {
      // What the terminal last showed, without its escape sequences.
      // eslint-disable-next-line no-control-regex
      const screen = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ' ').replace(/\s+/g, ' ');
      throw new Error(`${(error as Error).message}\nthe terminal showed: ${screen.trim() || '(nothing)'}`);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});

/**
 * Resolves with what `pick` returns once it is non-empty for the diagnostics Emacs last wrote to `report`;
 * rejects when Emacs exits first or after `timeoutMs`. Looks at the file as it is replaced, never waits a fixed time.
 */
async function waitForDiagnostics(
  report: string,
  exited: Promise<string>,
  pick: (diagnostics: EmacsDiagnostic[]) => EmacsDiagnostic[],
): Promise<EmacsDiagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  let stopped: string | undefined;
  void exited.then((why) => (stopped = why));
  let last: EmacsDiagnostic[] = [];
  for (;;) {
    if (existsSync(report)) {
      last = JSON.parse(await readFile(report, 'utf8')) as EmacsDiagnostic[];
      const found = pick(last);
      if (found.length > 0) return found;
    }
    if (stopped) throw new Error(`${stopped} before the diagnostics arrived; last written: ${JSON.stringify(last)}`);
    if (Date.now() > deadline) throw new Error(`no banner-schema diagnostic within ${timeoutMs / 1000} s; last written: ${JSON.stringify(last)}`);
    // How often to look; the condition decides when to stop.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
