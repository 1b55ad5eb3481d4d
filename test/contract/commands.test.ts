// The command ids are written once, in contract/commands.ts: package.json must contribute exactly
// the ones a user sees, and the descriptors of the custom requests must name distinct methods.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, INTERNAL_COMMANDS } from '../../contract/commands';
import * as protocol from '../../contract/protocol';
import { repoRoot } from '../paths';

describe('the contract', () => {
  it('lists every command package.json contributes, and only those besides the internal ones', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    const listed = Object.values(COMMANDS)
      .filter((id) => !INTERNAL_COMMANDS.includes(id))
      .sort();
    assert.deepEqual(contributed, listed);
  });

  it('gives each request and notification its own method in the handoffKit/ namespace', () => {
    const methods = Object.values(protocol)
      .filter((v): v is { method: string } => typeof v === 'object' && v !== null && 'method' in v)
      .map((d) => d.method);
    assert.ok(methods.length >= 8, `only ${methods.length} descriptors`);
    assert.deepEqual(methods, [...new Set(methods)]);
    for (const method of methods) assert.match(method, /^handoffKit\/[a-z][A-Za-z]+$/);
  });
});
