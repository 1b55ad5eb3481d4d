// The hostile inputs of issue 28, kind 3: for each reader and validator, one file built to make it
// do more work than its size (many blank lines, many errors, one phrase many times), at a given
// size in bytes. The bench checks each at half the size limit and at the limit: a linear reader
// takes about twice as long for twice the input (a quadratic one, four times).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Text of about `bytes` bytes: `head`, then `unit` repeated, then `tail`. */
function fill(bytes, head, unit, tail = '') {
  return head + unit.repeat(Math.max(0, Math.floor((bytes - head.length - tail.length) / unit.length))) + tail;
}

/**
 * The hostile files, each `[relative path, text of about bytes, { args, scale }?]`: `args` for
 * `check` besides the defaults, `scale` when the file is made at a fraction of `bytes`.
 */
function hostileFiles(bytes) {
  const report = 'Utterance,Predicted Journey,Journey,Status\r\n';
  return {
    'test report of blank lines': ['test-reports/run.csv', fill(bytes, report, '\r\n', 'talk to bot,live-agent,return-to-bot,fail\r\n')],
    'handoff-kit.json of unknown rule codes': [
      'handoff-kit.json',
      `{"rules":{${fill(bytes, '', '"no-such-rule-xxxxx":"off",').replace(/xxxxx/g, () => Math.random().toString(36).slice(2, 7))}"unknown-node":"off"}}`,
    ],
    'intent of one phrase repeated': ['intents/copies.json', `{"name":"copies","utterances":[${fill(bytes, '', '"talk to bot",')}"x"]}`],
    'intent of utterances that are not strings': ['intents/numbers.json', `{"name":"numbers","utterances":[${fill(bytes, '', '1,')}1]}`],
    'FAQ cell of many lines': ['faqs/faqs.csv', fill(bytes, 'category,question,variations,answer_en\nbilling,how,"', 'q\n', '",ok\n')],
    'function file of nested templates': ['functions/deep.js', fill(bytes, 'return ', '`${', '1')],
    // check --fix: every node's event misspelt, one safe fix each, planned and applied in one file.
    // At 1/16 of the size: each fix is judged on the whole project with it applied (fixJudgement.ts),
    // which costs the file's size per fix; at the limit (28,000 fixes) that takes hours.
    'journey of many safe fixes, check --fix': ['journeys/many-fixes.json', manyFixes(bytes / 16), { args: ['--fix'], scale: 1 / 16 }],
  };
}

/** A journey of about `bytes` bytes: Send Event nodes in a row, each with a misspelt event. */
function manyFixes(bytes) {
  const nodes = [];
  let size = 0;
  for (let i = 0; size < bytes - 100; i++) {
    const node = `{"id":"n${i}","type":"sendEvent","event":"ui-event-close-promotoin","next":"n${i + 1}"}`;
    nodes.push(node);
    size += node.length + 2;
  }
  nodes.push(`{"id":"n${nodes.length}","type":"message","text":"done"}`);
  return `{"name":"many-fixes","trigger":{"intent":"billing_question"},"start":"n0","nodes":[\n${nodes.join(',\n')}\n]}\n`;
}

/**
 * Writes one copy of `example` per hostile input, at about `bytes` bytes, under `folder`; returns
 * `{ name, project, args, scale }` for each (`args` for check, `scale` of `bytes`). Made again on
 * every run: they are quick to write.
 */
export function writeHostileProjects(folder, example, bytes) {
  rmSync(folder, { recursive: true, force: true });
  return Object.entries(hostileFiles(bytes)).map(([name, [file, text, { args = [], scale = 1 } = {}]], i) => {
    const project = path.join(folder, `hostile-${i}`);
    cpSync(example, project, { recursive: true });
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
    return { name, project, args, scale };
  });
}
