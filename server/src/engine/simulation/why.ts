// Why a step happened: a sentence, the places in the files it rests on, and the findings of the
// project's checks that explain it when the customer gets stuck there. The findings are the
// checks' own (run through checkFile, once per file and project version), never re-derived here.
import * as path from 'node:path';
import type * as jsonc from 'jsonc-parser';
import { checkFile, relativePath, type BotFile, type BotProject, type Finding, type PhraseMatch, type Severity } from './engineParts';

/** A place in a file of the project. */
export interface SimulationPlace {
  /** The file's path relative to the project folder, with `/`. */
  readonly file: string;
  /** The file's absolute path. */
  readonly path: string;
  /** 0-based UTF-16 offset of the place's start in the file's text. */
  readonly offset: number;
  /** Length of the place in UTF-16 code units. */
  readonly length: number;
}

/** A finding of the project's checks that explains a step. */
export interface SimulationFinding {
  /** The rule's code, such as `banner-not-closed`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where the finding is. */
  readonly place: SimulationPlace;
}

/** A sentence and the places it rests on. */
export interface Explanation {
  /** One or two sentences, naming files relative to the project. */
  readonly text: string;
  /** The places the sentence rests on, in the order it names them. */
  readonly places: readonly SimulationPlace[];
}

/** Why a step happened. */
export interface SimulationWhy extends Explanation {
  /** The findings of the checks that explain the step; none when nothing is wrong. */
  readonly findings: readonly SimulationFinding[];
}

const NO_PLACES: readonly SimulationPlace[] = [];

/** A sentence and its places. */
export function why(text: string, places: readonly SimulationPlace[] = NO_PLACES): Explanation {
  return { text, places };
}

/**
 * The place of a node of a file's tree. Its offsets are read from the node when first asked
 * for: on valid JSON that builds the file's tree (see JsonPlace in botFile.ts), which a run that
 * is only judged, never shown, does not need.
 */
export function placeOf(project: BotProject, file: BotFile, node: jsonc.Node): SimulationPlace {
  return new NodePlace(relativeFile(project, file), file.path, node);
}

const relativePaths = new WeakMap<BotFile, string>();

/** The file's path relative to its project, with `/` (worked out once per file version: every step names files). */
export function relativeFile(project: BotProject, file: BotFile): string {
  let relative = relativePaths.get(file);
  if (relative === undefined) relativePaths.set(file, (relative = relativePath(project.root, file.path)));
  return relative;
}

class NodePlace implements SimulationPlace {
  constructor(
    readonly file: string,
    readonly path: string,
    private readonly node: jsonc.Node,
  ) {}

  get offset(): number {
    return this.node.offset;
  }

  get length(): number {
    return this.node.length;
  }

  toJSON(): { file: string; offset: number; length: number } {
    return { file: this.file, offset: this.offset, length: this.length };
  }
}

/** A place from an absolute path and a range (0-based UTF-16 offset and length). */
export function placeAt(project: BotProject, filePath: string, offset: number, length: number): SimulationPlace {
  return { file: relativePath(project.root, filePath), path: path.resolve(filePath), offset, length };
}

/**
 * The findings of the project's checks per file, for the steps they explain: computed with
 * checkFile (the project's handoff-kit.json applies: a rule set `off` explains nothing) when a
 * step first asks about a file, and kept while the project does not change. One instance may
 * serve every run of a project version (handoffPath shares one).
 */
export class CheckedFindings {
  private readonly byFile = new Map<BotFile, readonly Finding[]>();
  private generation: number;

  constructor(
    private readonly project: BotProject,
    private readonly phraseMatch: PhraseMatch,
  ) {
    this.generation = project.generation;
  }

  /** The findings of `file` with one of `codes` that `test` accepts, as simulation findings. */
  of(file: BotFile, codes: readonly string[], test: (finding: Finding) => boolean = () => true): SimulationFinding[] {
    if (this.generation !== this.project.generation) {
      this.byFile.clear();
      this.generation = this.project.generation;
    }
    let findings = this.byFile.get(file);
    if (!findings) this.byFile.set(file, (findings = checkFile(this.project, file, { phraseMatch: this.phraseMatch })));
    return findings
      .filter((f) => codes.includes(f.code) && test(f))
      .map((f) => ({ code: f.code, severity: f.severity, message: f.message, place: placeAt(this.project, f.file, f.offset, f.length) }));
  }
}
