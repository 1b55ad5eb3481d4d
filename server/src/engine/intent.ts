// The parts of an intent file the checks need: its name and utterances, with their nodes (found in
// the tree only when asked for: see JsonPlace in botFile.ts).
import type { BotFile, NamedValue } from './botFile';

export interface Intent {
  readonly name?: NamedValue;
  readonly utterances: readonly NamedValue[];
}

const INTENT = Symbol('intent');

export function readIntent(file: BotFile): Intent {
  return file.derived(INTENT, () => {
    const root = file.place;
    return { name: root?.named('name'), utterances: root?.child('utterances')?.strings() ?? [] };
  });
}
