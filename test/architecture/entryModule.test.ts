// The engine's entry module lists its exports by name, exports nothing no front end or test
// uses (a name that only the engine itself needs stays inside it), and every name it exports has
// a doc comment at its declaration, so a front end's author reads shapes and units on hover.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { repoRoot } from '../paths';

const ENTRY = path.join(repoRoot, 'server/src/engine/index.ts');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('the engine entry module', () => {
  const source = ts.createSourceFile(ENTRY, readFileSync(ENTRY, 'utf8'), ts.ScriptTarget.ES2022, true);
  const exports = source.statements.filter(ts.isExportDeclaration);

  it('names every export (no export *)', () => {
    const star = exports.filter((e) => !e.exportClause).map((e) => e.getText());
    assert.deepEqual(star, []);
  });

  it('exports only values that a front end or a test uses', () => {
    const users = ['server/src/lsp', 'server/src/cli', 'client/src', 'contract', 'test']
      .flatMap((folder) => files(path.join(repoRoot, folder)))
      .filter((file) => !file.endsWith(path.join('test', 'architecture', 'entryModule.test.ts')))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const values = exports.flatMap((e) =>
      e.isTypeOnly || !e.exportClause || !ts.isNamedExports(e.exportClause)
        ? []
        : e.exportClause.elements.filter((el) => !el.isTypeOnly).map((el) => el.name.text),
    );
    assert.ok(values.length > 40, `only ${values.length} values exported`);
    const unused = values.filter((name) => !new RegExp(`\\b${name}\\b`).test(users));
    assert.deepEqual(unused, [], 'exported but used by no front end or test: keep them inside the engine');
  });

  it('documents every export', () => {
    const program = ts.createProgram([ENTRY], {
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      resolveJsonModule: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    });
    const checker = program.getTypeChecker();
    const entry = program.getSourceFile(ENTRY);
    assert.ok(entry, `${ENTRY} is not in the program`);
    const module = checker.getSymbolAtLocation(entry);
    assert.ok(module, `${ENTRY} is not a module`);
    const exported = checker.getExportsOfModule(module);
    assert.ok(exported.length > 40, `only ${exported.length} exports found`);
    const undocumented = exported
      .filter((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '';
      })
      .map((symbol) => symbol.name)
      .sort();
    assert.deepEqual(undocumented, [], 'exported without a doc comment at the declaration');
  });
});
