// Facts of the platform and of the product that are written once and imported everywhere else.
// Each was once written in several places that drifted apart (the bot-file set in four, two of
// them stale); this test fails when a copy comes back into the product's sources.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../contract/commands';
import { repoRoot } from '../paths';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const sources = ['contract', 'server/src', 'client/src'].flatMap((folder) =>
  sourceFiles(path.join(repoRoot, folder)).map((file) => ({
    file: path.relative(repoRoot, file).split(path.sep).join('/'),
    text: readFileSync(file, 'utf8'),
  })),
);

/** The files (other than `home`) whose text matches `pattern`. */
function copiesOf(pattern: RegExp, home: string): string[] {
  return sources.filter(({ file, text }) => file !== home && pattern.test(text)).map(({ file }) => file);
}

const facts: { fact: string; pattern: RegExp; home: string }[] = [
  { fact: 'the bot-file set', pattern: /['"](?:intents|journeys)\/\*\.json['"]/, home: 'server/src/engine/model/projectLayout.ts' },
  { fact: 'the folders never searched', pattern: /'node_modules',\s*'\.git'/, home: 'server/src/engine/project/fileSystem.ts' },
  { fact: 'the file-size default', pattern: /2 \* 1024 \* 1024/, home: 'server/src/engine/project/workspace.ts' },
  { fact: 'the rule settings', pattern: /\[\s*'off',/, home: 'server/src/engine/findings.ts' },
  { fact: 'the template pattern', pattern: /\\\{\\\{/, home: 'server/src/engine/model/template.ts' },
  // The schemas say what a name may be; guide/options.ts compiles their patterns.
  { fact: 'the name pattern', pattern: /\[A-Za-z0-9_\]\[A-Za-z0-9_\.-\]/, home: 'schemas/journey.schema.json' },
  { fact: 'the docs URL', pattern: /github\.com\/handoff-kit\/handoff-kit\/blob/, home: 'server/src/engine/check/rule.ts' },
  { fact: 'a node closes the banner', pattern: /BANNER_CLOSE_EVENT && !/, home: 'server/src/engine/model/journey.ts' },
  { fact: 'the phrase-match values', pattern: /'exact',\s*'ignoreCaseAndSpacing'/, home: 'server/src/engine/phrases/phraseMatch.ts' },
  ...Object.entries(COMMANDS).map(([name, id]) => ({
    fact: `the command id of ${name}`,
    pattern: new RegExp(`['"\`]${id.replace('.', '\\.')}['"\`]`),
    home: 'contract/commands.ts',
  })),
];

describe('facts written once', () => {
  for (const { fact, pattern, home } of facts) {
    it(`${fact}: only in ${home}`, () => {
      const holder = home.startsWith('schemas/') ? [{ file: home, text: readFileSync(path.join(repoRoot, home), 'utf8') }] : sources;
      assert.ok(
        holder.some(({ file, text }) => file === home && pattern.test(text)),
        `${home} no longer holds ${fact}: update this test`,
      );
      assert.deepEqual(copiesOf(pattern, home), [], `${fact} is written again; import it from ${home}`);
    });
  }
});
