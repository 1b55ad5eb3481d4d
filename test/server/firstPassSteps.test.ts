// The first pass over a large project goes in steps: requests sent during it are answered before
// it ends, and an edit made during it ends with the diagnostics a fresh server gives.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../paths';
import { LspTestClient, uri } from './lspClient';

interface Generator {
  ensureProject(folder: string, shape: { journeys: number; intents: number }): unknown;
  exitPhrase(k: number): string;
  journeysShowing(k: number, journeys: number): string[];
}

/** 1,201 files: a first pass of a few hundred ms, many steps. */
const SHAPE = { journeys: 400, intents: 800 };
/** An utterance of the exit intent that two banners show (see generate.mjs). */
const PHRASE = 7;
const PASS_ENDED = /^Checked .* \(\d+ files, \d+ checked again\) in \d+ ms\.$/;

describe('the first check pass, in steps', () => {
  let folder: string;
  let root: string;
  let generator: Generator;
  let client: LspTestClient;
  const file = (rel: string) => path.join(root, rel);
  const journey = () => file(`journeys/journey_${SHAPE.journeys / 2}.json`);
  const intent = () => file('intents/talk_to_bot.json');
  /** Per request sent during the first pass, whether its answer came before the pass's end. */
  const answeredDuringPass = new Map<string, boolean>();
  const passEnded = () => client.logs.some((line) => PASS_ENDED.test(line));
  const edited = new Map<string, string>();

  before(async () => {
    generator = (await import(path.join(repoRoot, 'scripts', 'bench', 'generate.mjs'))) as Generator;
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-first-pass-steps-'));
    root = path.join(folder, 'bot');
    generator.ensureProject(root, SHAPE);
    client = new LspTestClient();
    // The settings are answered once the documents are open, so that the first pass starts with
    // them open (and publishes them first).
    const opened = client.holdConfiguration();
    await client.initialize(folder);
    const journeyText = await readFile(journey(), 'utf8');
    const intentText = await readFile(intent(), 'utf8');
    await client.open(journey(), journeyText);
    await client.open(intent(), intentText);
    opened();

    // The open files' diagnostics go out before the other files are checked: the pass is under way.
    await client.waitFor('the open journey published first', () => client.diagnosticsOf(journey()));
    assert.ok(!passEnded(), 'the first pass has not ended yet');
    const eventName = `"custom-event-${(SHAPE.journeys / 2) % 50}"`;
    const at = journeyText.split(eventName)[0].split('\n');
    const position = { line: at.length - 1, character: at[at.length - 1].length + 2 };
    // Answers and log lines come in the order the server sent them.
    const answered = (name: string) => () => void answeredDuringPass.set(name, !passEnded());
    const requests = [
      client.request('textDocument/hover', journey(), { position }).then(answered('hover')),
      client.request('textDocument/completion', journey(), { position }).then(answered('completion')),
    ];
    // Edits during the pass: an event made unknown in the journey, an exit phrase that two banners show.
    const phrase = JSON.stringify(generator.exitPhrase(PHRASE));
    edited.set(journey(), journeyText.replace(eventName, eventName.replace('"', '"x')));
    edited.set(intent(), intentText.replace(phrase, phrase.replace('"', '"y')));
    await client.replace(journey(), journeyText, eventName, eventName.replace('"', '"x'), 2);
    await client.replace(intent(), intentText, phrase, phrase.replace('"', '"y'), 2);
    assert.ok(!passEnded(), 'the edits were sent before the first pass ended');
    await Promise.all(requests);
    await client.waitFor('the first pass', passEnded, 60_000);
  });

  after(async () => {
    await client?.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers hover and completion before the pass ends', () => {
    assert.deepEqual(Object.fromEntries(answeredDuringPass), { hover: true, completion: true });
  });

  it('ends with the diagnostics of a fresh server, edits made during the pass included', async () => {
    // A fresh server on a copy of the project with the edited texts on disk.
    const copy = path.join(folder, 'fresh');
    await cp(root, copy, { recursive: true });
    for (const [edit, text] of edited) await writeFile(path.join(copy, path.relative(root, edit)), text);
    const fresh = new LspTestClient();
    try {
      await fresh.initialize(copy);
      await fresh.waitFor('the fresh check', () => fresh.statuses.find((s) => s.projects === 1), 60_000);
      const expected = withFindings(fresh.diagnostics, uri(copy));
      const banners = generator.journeysShowing(PHRASE, SHAPE.journeys).map((j) => `/journeys/${j}`);
      assert.ok(
        banners.every((j) => expected.get(j)?.some((d) => d.code === 'option-text-mismatch')),
        'the edited phrase gives findings',
      );
      assert.ok(expected.get(`/${path.relative(root, journey())}`)?.some((d) => d.code === 'unknown-event'));
      await client.waitFor(
        'the diagnostics of the fresh server',
        () => JSON.stringify([...withFindings(client.diagnostics, uri(root))]) === JSON.stringify([...expected]),
        60_000,
      );
    } finally {
      await fresh.dispose();
    }
  });
});

/** The diagnostics of the files that have some, keyed by path under `rootUri`, sorted, URIs made relative. */
function withFindings(diagnostics: ReadonlyMap<string, Diagnostic[]>, rootUri: string): Map<string, Diagnostic[]> {
  const relative = (value: Diagnostic[]) => JSON.parse(JSON.stringify(value).split(rootUri).join('')) as Diagnostic[];
  return new Map(
    [...diagnostics]
      .filter(([, list]) => list.length > 0)
      .map(([key, list]): [string, Diagnostic[]] => [key.slice(rootUri.length), relative(list)])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
