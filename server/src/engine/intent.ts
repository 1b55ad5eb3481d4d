// The parts of an intent file the checks need: its name and utterances, with their nodes.
import type * as jsonc from 'jsonc-parser';
import { named, valueOf, type BotFile, type NamedValue } from './botFile';

export interface Intent {
  readonly name?: NamedValue;
  readonly utterances: readonly NamedValue[];
}

const INTENT = Symbol('intent');

export function readIntent(file: BotFile): Intent {
  return file.derived(INTENT, () => {
    const list = valueOf(file.root, 'utterances');
    const utterances = list?.type === 'array'
      ? (list.children ?? []).map((n: jsonc.Node) => named(n)).filter((u): u is NamedValue => !!u)
      : [];
    return { name: named(valueOf(file.root, 'name')), utterances };
  });
}
