// The Neovim set-up for Neovim 0.7 to 0.10 in docs/editors.md, run as written in Debian's Neovim: `nvim --headless` opens a
// journey whose banner is broken, the block starts the language server, and the diagnostics Neovim holds are read back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const nvim = process.env.HANDOFF_KIT_NVIM_PATH || '/usr/bin/nvim';
const timeoutMs = 30_000;

/** The Lua block that follows the `neovim-legacy-config` marker of docs/editors.md. */
async function legacyConfig(): Promise<string> {
  const editors = await readFile(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
  const marker = editors.indexOf('<!-- neovim-legacy-config');
  assert.notEqual(marker, -1, 'docs/editors.md has no neovim-legacy-config marker');
  const block = /```lua\n([\s\S]*?)```/.exec(editors.slice(marker));
  assert.ok(block, 'no ```lua block after the neovim-legacy-config marker');
  return block[1];
}

/** Appended to the documented block: every DiagnosticChanged writes all diagnostics as JSON, atomically (rename). */
const reportDiagnostics = `
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get()) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out, {
        file = vim.api.nvim_buf_get_name(d.bufnr), lnum = d.lnum, col = d.col, severity = d.severity,
        message = d.message, source = d.source, code = d.code or lsp.code,
      })
    end
    local path = os.getenv('HANDOFF_KIT_DIAGNOSTICS')
    local file = assert(io.open(path .. '.tmp', 'w'))
    file:write(vim.json.encode(out))
    file:close()
    os.rename(path .. '.tmp', path)
  end,
})
`;

interface NvimDiagnostic {
  file: string;
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source: string;
  code?: string;
}

describe(
  'Neovim with the set-up of docs/editors.md',
  { skip: existsSync(nvim) ? false : `no ${nvim}: install Debian's neovim (npm test does so when run as root) to run this test` },
  () => {
    let folder: string;

    before(async () => {
      folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-nvim-'));
    });

    after(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('publishes banner-schema for a banner option with `txt` instead of `text`', { timeout: timeoutMs + 10_000 }, async () => {
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

      const init = path.join(folder, 'init.lua');
      await writeFile(init, (await legacyConfig()) + reportDiagnostics);
      const report = path.join(folder, 'diagnostics.json');
      const home = path.join(folder, 'home');
      const child = spawn(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, journey], {
        cwd: project,
        env: {
          ...process.env,
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          HOME: home,
          XDG_CONFIG_HOME: path.join(home, 'config'),
          XDG_DATA_HOME: path.join(home, 'data'),
          XDG_STATE_HOME: path.join(home, 'state'),
          XDG_CACHE_HOME: path.join(home, 'cache'),
          HANDOFF_KIT_DIAGNOSTICS: report,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group: the language server Neovim starts goes with it at the end.
        detached: true,
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`nvim exited with ${signal ?? code}`)));
      try {
        const found = await waitForDiagnostics(report, exited, (diagnostics) => diagnostics.filter((d) => d.code === 'banner-schema'));
        const line = broken.split('\n').findIndex((l) => l.includes('"txt"'));
        assert.ok(
          found.every((d) => d.file === journey && d.source === 'handoff-kit'),
          JSON.stringify(found),
        );
        assert.ok(
          found.some((d) => d.lnum === line),
          `no banner-schema finding on line ${line + 1}: ${JSON.stringify(found)}`,
        );
        assert.ok(
          found.some((d) => /`txt`/.test(d.message) && /did you mean `text`/.test(d.message)),
          JSON.stringify(found),
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}\nnvim printed:\n${output.trim() || '(nothing)'}`);
      } finally {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
  },
);

/**
 * Resolves with what `pick` returns once it is non-empty for the diagnostics Neovim last wrote to `report`;
 * rejects when Neovim exits first or after `timeoutMs`. Looks at the file as it is replaced, never waits a fixed time.
 */
async function waitForDiagnostics(
  report: string,
  exited: Promise<string>,
  pick: (diagnostics: NvimDiagnostic[]) => NvimDiagnostic[],
): Promise<NvimDiagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  let stopped: string | undefined;
  void exited.then((why) => (stopped = why));
  let last: NvimDiagnostic[] = [];
  for (;;) {
    if (existsSync(report)) {
      last = JSON.parse(await readFile(report, 'utf8')) as NvimDiagnostic[];
      const found = pick(last);
      if (found.length > 0) return found;
    }
    if (stopped) throw new Error(`${stopped} before the diagnostics arrived; last written: ${JSON.stringify(last)}`);
    if (Date.now() > deadline) throw new Error(`no banner-schema diagnostic within ${timeoutMs / 1000} s; last written: ${JSON.stringify(last)}`);
    // How often to look; the condition decides when to stop.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
