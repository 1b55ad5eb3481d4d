// The parts of an intent file the checks need: its name and utterances, with their nodes (found in
// the tree only when asked for: see JsonPlace in botFile.ts).
import type { BotFile, JsonPlace, NamedValue } from './botFile';

export interface Intent {
  readonly name?: NamedValue;
  /** The utterances that are strings, in file order (made when first read). */
  readonly utterances: readonly NamedValue[];
}

const INTENT = Symbol('intent');

export function readIntent(file: BotFile): Intent {
  return file.derived(INTENT, () => new PlaceIntent(file.place));
}

/**
 * The place of an intent's `utterances` (any JSON type, as written), or undefined: what the project
 * index reads the utterances from, one small object each, without the list `Intent.utterances` makes.
 */
export function utteranceListOf(file: BotFile): JsonPlace | undefined {
  return file.place?.child('utterances');
}

/**
 * An intent read from its file's place. Its utterances are listed only when read: the project
 * index, which is what reads every intent of a project, keeps its own entry per utterance
 * (projectIndex.ts), and a list of 100,000 utterances made for nothing is kept as long as the file.
 */
class PlaceIntent implements Intent {
  readonly name: NamedValue | undefined;
  private list: readonly NamedValue[] | undefined;

  constructor(private readonly root: JsonPlace | undefined) {
    this.name = root?.named('name');
  }

  get utterances(): readonly NamedValue[] {
    return (this.list ??= this.root?.child('utterances')?.strings() ?? []);
  }
}
