// Writes what is derived from the registry of checks: package.json's `handoffKit.rules`
// settings, the rule list of schemas/handoff-kit.schema.json and the README's table of checks.
// Run after adding or changing a check: npm run sync:rules (it builds first).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaRuleCodes, settingsProperties, withDocsIndexTable, withReadmeTable } from './rule-contributions.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = JSON.parse(execFileSync(process.execPath, [path.join(repo, 'bin/handoff-kit.js'), 'rules', '--format', 'json'], { encoding: 'utf8' }));

const packagePath = path.join(repo, 'package.json');
const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
pkg.contributes.configuration.properties['handoffKit.rules'].properties = settingsProperties(rows);
writeFileSync(packagePath, `${JSON.stringify(pkg, null, 2)}\n`);

const schemaPath = path.join(repo, 'schemas/handoff-kit.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
schema.properties.rules.propertyNames.enum = schemaRuleCodes(rows);
writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);

const readmePath = path.join(repo, 'README.md');
writeFileSync(readmePath, withReadmeTable(readFileSync(readmePath, 'utf8'), rows));

const indexPath = path.join(repo, 'docs/rules/README.md');
writeFileSync(indexPath, withDocsIndexTable(readFileSync(indexPath, 'utf8'), rows));

console.log(`Synced ${rows.length} checks into package.json, schemas/handoff-kit.schema.json, README.md and docs/rules/README.md.`);
