// The walkthrough of package.json (contributes.walkthroughs): every step's page is in walkthrough/, every command it
// runs is one the extension contributes (or one of VS Code's), and it takes the Studio loop after the guide's steps.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../paths';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const steps: Step[] = pkg.contributes.walkthroughs[0].steps;
const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));

/** The commands a step's buttons and completion events run. */
function commandsOf(step: Step): string[] {
  const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
  const events = (step.completionEvents ?? []).flatMap((e) => (e.startsWith('onCommand:') ? [e.slice('onCommand:'.length)] : []));
  return [...links, ...events];
}

describe('the walkthrough', () => {
  it("has each step's page in walkthrough/, and runs only commands the extension contributes or VS Code has", () => {
    for (const step of steps) {
      assert.ok(step.media.markdown && existsSync(path.join(repoRoot, step.media.markdown)), `${step.id}: no page ${step.media.markdown}`);
      for (const command of commandsOf(step)) {
        assert.ok(contributed.has(command) || command.startsWith('workbench.'), `${step.id} runs ${command}, which nothing contributes`);
      }
    }
  });

  it('takes the Studio loop after the guide: the build sheet, the utterance tests, the test reports, then CI', () => {
    const ids = steps.map((s) => s.id);
    assert.deepEqual(ids.slice(-4), ['studioSheet', 'utteranceTests', 'testReports', 'check']);
    const byId = new Map(steps.map((s) => [s.id, s]));
    assert.ok(commandsOf(byId.get('studioSheet')!).includes('handoffKit.openStudioSheet'));
    assert.ok(commandsOf(byId.get('utteranceTests')!).includes('handoffKit.exportUtteranceTests'));
    assert.match(readFileSync(path.join(repoRoot, byId.get('testReports')!.media.markdown!), 'utf8'), /test-reports\//);
  });
});
