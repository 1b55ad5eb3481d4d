// Kind: what the search for bot projects leaves out. .gitignore files read as git reads them
// (a folder ignored takes its contents along, `!` brings a file back, the deepest file decides),
// handoff-kit.json `ignores`, patterns given, and projects and files left out of the workspace.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BotWorkspace, IgnoreRules, type FileSystem } from '../../../server/src/engine';

const ROOT = path.resolve('/repo');
const at = (relative: string) => path.join(ROOT, ...relative.split('/'));

/** An in-memory file system holding `files` (paths relative to ROOT); glob lists every bot.json or every file below a folder. */
function memoryFileSystem(files: Record<string, string>): FileSystem {
  const all = new Map(Object.entries(files).map(([relative, text]) => [at(relative), text]));
  return {
    async readFile(filePath) {
      return all.get(filePath);
    },
    async size(filePath) {
      return all.get(filePath)?.length;
    },
    async glob(patterns, cwd) {
      const below = [...all.keys()].filter((file) => file.startsWith(cwd + path.sep));
      if (patterns.length === 1 && patterns[0] === '**/bot.json') return below.filter((file) => path.basename(file) === 'bot.json');
      // A project's own patterns: files one or two levels below its root.
      return below.filter((file) => path.relative(cwd, file).split(path.sep).length <= 2);
    },
  };
}

const bot = (name: string) => JSON.stringify({ name });
const intent = (name: string) => JSON.stringify({ name, utterances: [name] });

describe('ignore rules', () => {
  it('reads .gitignore files as git does: folders, `!`, the deepest file deciding, a folder taking its contents', async () => {
    const fs = memoryFileSystem({
      '.gitignore': '# fixtures are broken on purpose\nfixtures/\n*.draft.json\n!keep.draft.json\n',
      'bots/.gitignore': 'old-*\n!old-but-kept/\n',
    });
    const rules = new IgnoreRules(fs, { roots: [ROOT] });
    const cases: [string, boolean, boolean][] = [
      ['fixtures', true, true],
      ['fixtures/broken/bot.json', false, true],
      ['fixtures', false, false], // `fixtures/` matches only a folder
      ['bots/a/journeys/x.draft.json', false, true],
      ['bots/a/journeys/keep.draft.json', false, false],
      ['bots/old-bot/bot.json', false, true],
      ['bots/old-but-kept/bot.json', false, false],
      ['old-bot/bot.json', false, false], // bots/.gitignore says nothing outside bots/
      ['bots/a/bot.json', false, false],
    ];
    for (const [relative, isFolder, expected] of cases) {
      assert.equal(await rules.isIgnored(at(relative), isFolder), expected, `${relative}${isFolder ? '/' : ''}`);
    }
  });

  it("reads handoff-kit.json's `ignores` relative to its folder, and patterns given relative to `base`, which win", async () => {
    const fs = memoryFileSystem({
      'handoff-kit.json': JSON.stringify({ ignores: ['test/', 'wip-*'] }),
      'bots/a/handoff-kit.json': JSON.stringify({ ignores: ['journeys/draft-*.json', 42] }),
      '.gitignore': 'generated/\n',
    });
    const rules = new IgnoreRules(fs, { roots: [ROOT], base: ROOT, patterns: ['bots/legacy/', '!wip-keep'] });
    assert.equal(await rules.isIgnored(at('test/bot/bot.json')), true);
    assert.equal(await rules.isIgnored(at('bots/wip-x/bot.json')), true);
    assert.equal(await rules.isIgnored(at('wip-keep/bot.json')), false);
    assert.equal(await rules.isIgnored(at('bots/a/journeys/draft-1.json')), true);
    assert.equal(await rules.isIgnored(at('bots/b/journeys/draft-1.json')), false);
    assert.equal(await rules.isIgnored(at('bots/legacy/bot.json')), true);
    assert.equal(await rules.isIgnored(at('generated/bot.json')), true);

    const noFiles = new IgnoreRules(fs, { roots: [ROOT], gitignore: false, settingsIgnores: false });
    assert.equal(await noFiles.isIgnored(at('test/bot/bot.json')), false);
    assert.equal(await noFiles.isIgnored(at('generated/bot.json')), false);
  });

  it('reads no ignore file above the roots, and judges a path outside every root by the patterns given alone', async () => {
    const fs = memoryFileSystem({ '.gitignore': 'bots/\n', 'bots/.gitignore': 'x/\n' });
    const rules = new IgnoreRules(fs, { roots: [at('bots')] });
    assert.equal(await rules.isIgnored(at('bots/a/bot.json')), false, "the root's own parent's .gitignore is not read");
    assert.equal(await rules.isIgnored(at('bots/x/bot.json')), true);
    assert.equal(await rules.isIgnored(at('elsewhere/x/bot.json')), false);
    // A folder named on purpose is judged from it down, whatever ignores it from above.
    const named = new IgnoreRules(fs, { roots: [ROOT], named: [at('bots')] });
    assert.equal(await named.isIgnored(at('bots'), true), false);
    assert.equal(await named.isIgnored(at('bots/a/bot.json')), false);
    assert.equal(await named.isIgnored(at('bots/x/bot.json')), true, 'its own .gitignore still applies');
    const given = new IgnoreRules(fs, { base: ROOT, patterns: ['fixtures/'] });
    assert.equal(await given.isIgnored(at('fixtures/broken/bot.json')), true);
    assert.equal(await given.isIgnored(at('bots/a/bot.json')), false, 'no .gitignore is read without roots');
  });

  it('says a folder bears no rule only when nothing directly inside it can be ignored (a project load then asks of no file)', async () => {
    const fs = memoryFileSystem({
      'bots/.gitignore': '*.draft.json\n',
      'bots/a/handoff-kit.json': JSON.stringify({ ignores: ['journeys/old-*.json'] }),
      'elsewhere/.gitignore': '# nothing but a comment\n',
    });
    const layouts: [string, IgnoreRules, Record<string, boolean>][] = [
      [
        'roots',
        new IgnoreRules(fs, { roots: [ROOT] }),
        { bots: true, 'bots/a': true, 'bots/a/journeys': true, elsewhere: false, 'elsewhere/b/intents': false, other: false },
      ],
      ['a root below the rules', new IgnoreRules(fs, { roots: [at('elsewhere')] }), { elsewhere: false, 'elsewhere/b': false, bots: false }],
      ['patterns given', new IgnoreRules(fs, { base: at('elsewhere'), patterns: ['x'] }), { elsewhere: true, 'elsewhere/b': true, bots: false }],
      ['nothing read', new IgnoreRules(fs, { roots: [ROOT], gitignore: false, settingsIgnores: false }), { bots: false, 'bots/a/journeys': false }],
    ];
    for (const [name, rules, expected] of layouts) {
      for (const [folder, bears] of Object.entries(expected)) {
        await rules.load([at(`${folder}/file`)]);
        assert.equal(rules.bearsOn(at(folder)), bears, `${name}: ${folder}`);
        // Never wrong the other way: what a folder with no rule holds is never ignored.
        if (!bears)
          for (const file of ['x', 'a.draft.json', 'old-1.json', 'bot.json'])
            assert.equal(rules.ignores(at(`${folder}/${file}`)), false, `${name}: ${folder}/${file}`);
      }
    }
    const ignoring = new IgnoreRules(fs, { roots: [ROOT] });
    assert.equal(await ignoring.isIgnored(at('bots/a/journeys/old-1.json')), true);
    assert.equal(await ignoring.isIgnored(at('bots/x.draft.json')), true);
  });
});

describe('a workspace with ignore rules', () => {
  const files = {
    '.gitignore': 'fixtures/\n',
    'handoff-kit.json': JSON.stringify({ ignores: ['bots/old/'] }),
    'fixtures/broken/bot.json': bot('broken'),
    'bots/old/bot.json': bot('old'),
    'bots/support/bot.json': bot('support'),
    'bots/support/handoff-kit.json': JSON.stringify({ ignores: ['intents/draft.json'] }),
    'bots/support/intents/hello.json': intent('hello'),
    'bots/support/intents/draft.json': intent('draft'),
  };

  it('finds and loads only the projects and files that are not ignored', async () => {
    const workspace = new BotWorkspace(memoryFileSystem(files), { ignores: { roots: [ROOT] } });
    assert.deepEqual(await workspace.findProjects(ROOT), [at('bots/support')]);
    const [project] = await workspace.loadProjectsUnder(ROOT);
    assert.deepEqual(
      project
        .allFiles()
        .map((f) => path.relative(ROOT, f.path).split(path.sep).join('/'))
        .sort(),
      ['bots/support/bot.json', 'bots/support/handoff-kit.json', 'bots/support/intents/hello.json'],
    );
    // An editor opening the ignored file does not bring it into the project.
    assert.equal(project.owns(at('bots/support/intents/draft.json')), false);
    assert.equal(workspace.setText(at('bots/support/intents/draft.json'), intent('draft'), 1), undefined);
    assert.equal(await workspace.isIgnored(at('fixtures/broken'), true), true);
  });

  it('ignores nothing without ignore options', async () => {
    const workspace = new BotWorkspace(memoryFileSystem(files));
    assert.equal((await workspace.findProjects(ROOT)).length, 3);
    const project = await workspace.loadProject(at('bots/support'));
    assert.equal(project.allFiles().length, 4);
  });
});
