// `handoff-kit graph`, run as a process from the built bundle: the DOT output accepted by Graphviz
// (installed from Debian's packages in the set-up when missing, as scripts/vscode/prerequisites.mjs
// installs the other test programs), the Mermaid output's structure, the JSON, and usage errors.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { exampleProject, repoRoot } from '../paths';

const bin = path.join(repoRoot, 'bin/handoff-kit.js');

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('handoff-kit graph', () => {
  let folder: string;
  let broken: string;
  let dot: { path?: string; reason?: string };

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'handoff-kit-graph-'));
    broken = path.join(folder, 'broken-bot');
    await cp(exampleProject, broken, { recursive: true });
    const journey = path.join(broken, 'journeys/live-agent.json');
    await writeFile(journey, (await readFile(journey, 'utf8')).replace('"text": "talk to bot"', '"text": "talk to the bot"'));
    const prerequisites = pathToFileURL(path.join(repoRoot, 'scripts/vscode/prerequisites.mjs')).href;
    const { ensureGraphviz } = (await import(prerequisites)) as { ensureGraphviz: () => Promise<{ path?: string; reason?: string }> };
    dot = await ensureGraphviz();
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints DOT that Graphviz lays out, with one cluster per journey and the broken link dashed', (t) => {
    const { code, stdout, stderr } = run(['graph', broken, '--format', 'dot']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^digraph "handoff-handoff" \{\n/);
    assert.equal((stdout.match(/subgraph "cluster_\d+"/g) ?? []).length, 4);
    assert.match(
      stdout,
      /"option:live-agent\/show-exit-banner\/1\/1" -> "missing:intent:live-agent\/show-exit-banner\/1\/1" \[label="broken · ⚠ option-text-mismatch", style=dashed/,
    );
    const dotPath = dot.path;
    if (!dotPath) return t.skip(dot.reason);
    const views: [string, string][] = [
      ['handoff', stdout],
      ['project', run(['graph', 'examples/support-bot', '--format', 'dot', '--view', 'project']).stdout],
    ];
    for (const [view, text] of views) {
      const svg: SpawnSyncReturns<string> = spawnSync(dotPath, ['-Tsvg'], { input: text, encoding: 'utf8' });
      assert.equal(svg.status, 0, `dot rejected the ${view} view: ${svg.stderr}`);
      assert.equal(svg.stderr, '', `dot warned on the ${view} view`);
      assert.match(svg.stdout, /<svg /);
      assert.match(svg.stdout, /<title>step:live&#45;agent\/raise&#45;ticket<\/title>/);
    }
  });

  it('prints a Mermaid flowchart by default: subgraphs, nodes, labelled and broken edges', () => {
    const { code, stdout } = run(['graph', broken]);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart TB');
    assert.deepEqual(
      lines.filter((l) => /^ {2}subgraph /.test(l)),
      [
        '  subgraph c1["journey billing-agent"]',
        '  subgraph c2["journey live-agent"]',
        '  subgraph c3["journey return-to-bot"]',
        '  subgraph c4["function functions/show-exit-banner.js"]',
      ],
    );
    assert.equal(lines.filter((l) => l === '  end').length, 4);
    const ids = new Map<string, string>();
    lines.forEach((l, i) => {
      const comment = /^\s*%% (\S+)$/.exec(l);
      const declared = comment && /^\s*(n\d+)[[({/]/.exec(lines[i + 1] ?? '');
      if (comment && declared) ids.set(comment[1], declared[1]);
    });
    const raise = ids.get('step:live-agent/raise-ticket');
    const noAgents = ids.get('step:live-agent/no-agents');
    assert.ok(raise && noAgents);
    assert.ok(lines.includes(`  ${raise} -->|"agentsUnavailable"| ${noAgents}`));
    const option = ids.get('option:live-agent/show-exit-banner/1/1');
    const missing = ids.get('missing:intent:live-agent/show-exit-banner/1/1');
    assert.ok(lines.includes(`  ${option} -.->|"broken · ⚠ option-text-mismatch"| ${missing}`));
    assert.ok(lines.some((l) => new RegExp(`^ {2}class .*\\b${missing}\\b.* broken$`).test(l)));
    assert.match(stdout, /^ {2}linkStyle \d+(,\d+)* stroke:#d1242f/m);
    // Every edge names declared nodes.
    const declared = new Set(ids.values());
    for (const l of lines.filter((l) => /-->|-\.->|==>/.test(l))) {
      const [, from, to] = /^ {2}(n\d+) \S+(?:\|".*"\|)? (n\d+)$/.exec(l) ?? [];
      assert.ok(declared.has(from) && declared.has(to), l);
    }
  });

  it('prints JSON with paths relative to the project, the same on every run', () => {
    const first = run(['graph', 'examples/support-bot', '--format', 'json', '--view', 'project']);
    assert.equal(first.code, 0);
    const graph = JSON.parse(first.stdout);
    assert.equal(graph.view, 'project');
    assert.equal(graph.root, undefined);
    assert.deepEqual(graph.journeys, ['billing-agent', 'live-agent', 'return-to-bot']);
    const option = graph.nodes.find((n: { id: string }) => n.id === 'option:live-agent/show-exit-banner/1/1');
    assert.equal(option.place.file, 'journeys/live-agent.json');
    assert.ok(graph.edges.every((e: { points: unknown[] }) => e.points.length >= 2));
    assert.equal(run(['graph', 'examples/support-bot', '--format', 'json', '--view', 'project']).stdout, first.stdout);
  });

  it('--journey narrows the graph to that journey', () => {
    const { code, stdout } = run(['graph', 'examples/support-bot', '--format', 'json', '--view', 'project', '--journey', 'return-to-bot']);
    assert.equal(code, 0);
    const graph = JSON.parse(stdout);
    assert.equal(graph.journey, 'return-to-bot');
    assert.deepEqual(
      graph.clusters.map((c: { id: string }) => c.id),
      ['journey:return-to-bot'],
    );
  });

  it('--max-nodes draws the journeys past it as boxes', () => {
    const { code, stdout } = run(['graph', 'examples/support-bot', '--format', 'json', '--view', 'project', '--max-nodes', '5']);
    assert.equal(code, 0);
    const graph = JSON.parse(stdout);
    assert.deepEqual(
      graph.clusters.map((c: { id: string }) => c.id),
      ['journey:billing-agent'],
    );
    assert.equal(graph.collapsed.length, 3);
  });

  it('lays a simulator run or a failing conversation test over the graph, and refuses both at once', async () => {
    const walked = run([
      'graph',
      'examples/support-bot',
      '--format',
      'json',
      '--say',
      'talk to an agent',
      '--ticket',
      'agentConnected',
      '--click',
      'Exit',
    ]);
    assert.equal(walked.code, 0, walked.stderr);
    const graph = JSON.parse(walked.stdout) as { nodes: { id: string; walk: number[] }[]; walk?: { steps: unknown[] } };
    assert.equal(graph.walk?.steps.length, 6);
    assert.deepEqual(graph.nodes.find((n) => n.id === 'step:return-to-bot/close-ticket')?.walk, [5]);
    const tests = path.join(broken, 'tests/live-agent.json');
    const failing = run(['graph', 'broken-bot', '--format', 'json', '--test', 'broken-bot/tests/live-agent.json'], folder);
    assert.equal(failing.code, 0, failing.stderr);
    // The banner's Exit sends a phrase no intent is trained with: the test stops at the banner.
    const steps = (JSON.parse(failing.stdout) as { walk: { steps: { step: { journey: string; node: string } }[] } }).walk.steps;
    assert.deepEqual(steps.at(-1)?.step, { journey: 'live-agent', node: 'show-exit-banner' });
    assert.ok((await readFile(tests, 'utf8')).length > 0);
    const both = run(['graph', 'examples/support-bot', '--say', 'hi', '--test', 'examples/support-bot/tests/live-agent.json']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either inputs .* or --test, not both/);
    const unknown = run(['graph', 'examples/support-bot', '--test', 'examples/support-bot/tests/live-agent.json', '--test-name', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /has no test named "nope"; its tests are "the Exit button brings/);
  });

  it('exits 2 on a usage error: no project, an unknown journey, a bad format or view', () => {
    const cases: [string[], RegExp][] = [
      [['graph', folder], /is not a bot project: it has no bot\.json/],
      [
        ['graph', 'examples/support-bot', '--journey', 'nope'],
        /no journey of examples\/support-bot is named "nope"; its journeys are "billing-agent", "live-agent", "return-to-bot"/,
      ],
      [['graph', 'examples/support-bot', '--format', 'svg'], /argument 'svg' is invalid\. Allowed choices are mermaid, dot, json/],
      [['graph', 'examples/support-bot', '--view', 'all'], /argument 'all' is invalid\. Allowed choices are handoff, project/],
      [['graph', 'examples/support-bot', '--max-nodes', 'many'], /--max-nodes takes a whole number of nodes \(0: no limit\), not "many"/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});
