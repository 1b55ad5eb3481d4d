// The extension's own requests: the scaffold's questions and plan, the banner preview, Studio's
// files and the simulator.
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import {
  addUtteranceFix,
  checkProject,
  exitPathErrors,
  bannerPreviewAt,
  describeInput,
  disconnectionContext,
  GRAPH_VIEWS,
  eventsToFire,
  handoffOfBanner,
  handoffPath,
  intentsToTrain,
  journeyGraph,
  planDisconnection,
  readJourney,
  relativePath,
  simulate,
  readConversationTests,
  runTestFile,
  studioSheet,
  transcriptLines,
  utteranceTestCsv,
  utteranceTestPlan,
  type BotFile,
  type BotProject,
  type BotWorkspace,
  type CheckOptions,
  type FileChange,
  type GraphWalk,
  type HandoffPath,
  type HandoffRun,
  type PhraseMatch,
  type SimulationPlace,
  type SimulationRun,
  type SimulationState,
  type SimulationWhy,
} from '../engine';
import {
  ADD_UTTERANCE,
  BANNER_PREVIEW,
  INTENTS_TO_TRAIN,
  JOURNEY_GRAPH,
  LIST_TESTS,
  RUN_TESTS,
  SCAFFOLD,
  SCAFFOLD_CONTEXT,
  SIMULATE,
  STUDIO_SHEET,
  UTTERANCE_TESTS,
  type SimulatedRun,
  type TestFileResult,
} from '../../../contract/protocol';
import { handle } from './handlers';
import { rangeOf } from './positions';
import { toPath, toUri } from './uris';
import { workspaceEditOf, type EditContext } from './workspaceEdit';

export interface RequestContext extends EditContext {
  readonly workspace: BotWorkspace;
  /** As in FeatureContext: the file once the model has every change. */
  fileOf(uri: string): Promise<{ project: BotProject; file: BotFile } | undefined>;
  /** As in FeatureContext: whether the edit writes only inside the workspace, on current text. */
  mayApply(project: BotProject, changes: readonly FileChange[]): Promise<boolean>;
  /** Waits until every change the server has been told of is in the model. */
  settled(): Promise<void>;
  /** How the editor's settings say to compare exit phrases in a project (undefined: as the project says). */
  phraseMatchFor(project: BotProject): Promise<PhraseMatch | undefined>;
  /** The options the project's diagnostics are computed with: the graph and the preview's verdicts show the findings the Problems view does. */
  checkOptionsFor(project: BotProject): Promise<CheckOptions>;
}

export function registerCustomRequests(connection: Connection, context: RequestContext): void {
  handle(connection, SCAFFOLD_CONTEXT, async () => {
    await context.settled();
    return Promise.all(
      context.workspace.projects().map(async (project) => ({
        uri: toUri(project.root),
        name: project.config.name?.value ?? path.basename(project.root),
        context: disconnectionContext(project, await effectiveMatch(project)),
      })),
    );
  });

  handle(connection, SCAFFOLD, async (params) => {
    await context.settled();
    const root = toPath(params.project);
    const project = root === undefined ? undefined : context.workspace.project(root);
    if (!project) throw new Error(`${params.project} is not a bot project of this workspace`);
    const plan = planDisconnection(project, { ...params.options, phraseMatch: await effectiveMatch(project) });
    if (!(await context.mayApply(project, plan.edit.changes))) {
      throw new Error('the scaffold would write a file outside the workspace folders, or one changed on disk since it was read; try again');
    }
    return { edit: workspaceEditOf(project, plan.edit.changes, context), steps: plan.steps, conflicts: plan.conflicts };
  });

  handle(connection, BANNER_PREVIEW, async (params) => {
    const found = await context.fileOf(params.uri);
    if (!found) return null;
    const options = await context.checkOptionsFor(found.project);
    return bannerPreviewAt(found.project, found.file, params.offset, options.phraseMatch ?? found.project.phraseMatch, options) ?? null;
  });

  handle(connection, INTENTS_TO_TRAIN, async (params) => {
    const found = await context.fileOf(params.uri);
    return found ? intentsToTrain(found.project).map(({ name, file }) => ({ name, uri: context.uriOf(file.path) })) : [];
  });

  handle(connection, ADD_UTTERANCE, async (params) => {
    // Refused rather than trusted: a missing phrase was written into the intent as `undefined`.
    const { uri, intent, phrase } = (params ?? {}) as Partial<Record<keyof typeof params, unknown>>;
    if (typeof uri !== 'string' || typeof intent !== 'string' || typeof phrase !== 'string' || !phrase.trim()) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'handoffKit/addUtterance takes a uri, an intent and a phrase that is not blank (strings)');
    }
    const found = await context.fileOf(uri);
    const target = found && intentsToTrain(found.project).find((i) => i.name === intent);
    const fix = target && addUtteranceFix(target.file, target.name, phrase);
    // An intent file not open in the editor is written as read: refused when the disk moved on since.
    if (!found || !fix || !(await context.mayApply(found.project, fix.changes))) return null;
    return workspaceEditOf(found.project, fix.changes, context);
  });

  handle(connection, UTTERANCE_TESTS, async (params) => {
    const project = await projectOf(params.uri);
    if (!project) return null;
    // As the command line: banners whose exit path has errors are left out, and said so.
    const options = await context.checkOptionsFor(project);
    const { rows, leftOut } = utteranceTestPlan(project, {
      all: params.all,
      phraseMatch: options.phraseMatch,
      leaveOut: exitPathErrors(project, options),
    });
    const line = (file: string, offset: number) => (project.file(file)?.text ?? '').slice(0, offset).split('\n').length;
    return {
      project: toUri(project.root),
      csv: utteranceTestCsv(rows).join(''),
      rows: rows.length,
      leftOut: leftOut.map((b) => `${relativePath(project.root, b.file)}:${line(b.file, b.offset)} \`${b.phrase}\`: ${b.reason}`),
      errors: checkProject(project, options).filter((f) => f.severity === 'error').length,
    };
  });

  handle(connection, STUDIO_SHEET, async (params) => {
    const project = await projectOf(params.uri);
    // The sheet marks the errors the Problems panel shows.
    return project
      ? {
          project: toUri(project.root),
          markdown: studioSheet(project, { findings: checkProject(project, await context.checkOptionsFor(project)) }),
        }
      : null;
  });

  handle(connection, JOURNEY_GRAPH, async (params) => {
    // Whatever the client sends: what is not of the expected type is left out.
    const p = (typeof params === 'object' && params) || {};
    const project = await projectOf(typeof p.uri === 'string' ? p.uri : undefined);
    if (!project) return null;
    const checkOptions = await context.checkOptionsFor(project);
    return journeyGraph(project, {
      view: GRAPH_VIEWS.find((v) => v === p.view) ?? 'handoff',
      ...(typeof p.journey === 'string' ? { journey: p.journey } : {}),
      collapsed: strings(p.collapsed),
      expanded: strings(p.expanded),
      ...(Array.isArray(p.walk) ? { walk: p.walk as GraphWalk } : {}),
      checkOptions,
      phraseMatch: await effectiveMatch(project),
    });
  });

  /** The strings of what should be a list of them: nothing else. */
  function strings(list: unknown): string[] {
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  }

  handle(connection, SIMULATE, async (params) => {
    const target = params.handoffOf?.uri ?? params.uri;
    const project = await projectOf(target);
    if (!project) return null;
    const phraseMatch = await effectiveMatch(project);
    let runs: SimulatedRun[];
    let notes: readonly string[];
    if (params.handoffOf) {
      let handoff: HandoffPath;
      const { uri, offset } = params.handoffOf;
      if (offset === undefined) handoff = handoffPath(project, { phraseMatch, keep: 'verdict' });
      else {
        const found = uri === undefined ? undefined : await context.fileOf(uri);
        if (!found) throw new Error(`${uri ?? 'no file'} is not a file of a bot project`);
        handoff = handoffOfBanner(found.project, found.file, offset, { phraseMatch, keep: 'verdict' });
      }
      runs = handoff.runs.map((run) => plainRun(run, run.title, run));
      notes = handoff.notes;
    } else {
      const inputs = params.inputs ?? [];
      const run = simulate(project, inputs, { phraseMatch });
      runs = [plainRun(run, inputs.map(describeInput).join(', '))];
      notes = run.notes;
    }
    return {
      project: toUri(project.root),
      name: project.config.name?.value ?? path.basename(project.root),
      journeys: project
        .filesOfKind('journey')
        .map((file) => readJourney(file).name?.value)
        .filter((name): name is string => name !== undefined),
      events: eventsToFire(project),
      runs,
      notes,
    };
  });

  // The Test Explorer: the tests listed from the text the server holds, and run on it.
  handle(connection, LIST_TESTS, async (params) => {
    const projects = params.uri ? [await projectOf(params.uri)].filter((p) => p !== undefined) : await settledProjects();
    return projects.map((project) => ({
      uri: toUri(project.root),
      name: project.config.name?.value ?? path.basename(project.root),
      files: project.filesOfKind('test').map((file) => ({
        uri: context.uriOf(file.path),
        tests: readConversationTests(file).map((test) => {
          const at = test.name?.node ?? test.node;
          return { index: test.index, name: test.name?.value ?? `test ${test.index + 1}`, range: rangeOf(file, at.offset, at.length) };
        }),
      })),
    }));
  });

  handle(connection, RUN_TESTS, async (params, token) => {
    const project = await projectOf(params.uri);
    if (!project) throw new Error(`${params.uri} is not in a bot project of this workspace`);
    const target = toPath(params.uri);
    const files = project.filesOfKind('test').filter((f) => target === project.root || f.path === target);
    const results: TestFileResult[] = [];
    for (const file of files) {
      // A long run answers a cancelled request at once between files (cancellable() sees the token).
      if (token.isCancellationRequested) break;
      const run = runTestFile(project, file, params.tests && target === file.path ? { only: params.tests } : {});
      results.push({
        uri: context.uriOf(file.path),
        problems: run.problems.map((p) => ({ message: p.message, range: rangeOf(file, p.offset, p.length) })),
        tests: run.tests.map((test) => ({
          index: test.index,
          name: test.name,
          passed: test.passed,
          inputs: test.run.inputs.filter((_, i) => !test.failure || (test.inputSteps[i] ?? Infinity) <= test.failure.step),
          ...(test.failure
            ? {
                failure: {
                  message: test.failure.message,
                  expected: test.failure.expected,
                  actual: test.failure.actual,
                  range: rangeOf(file, test.failure.offset, test.failure.length),
                  transcript: transcriptLines(test),
                },
              }
            : {}),
        })),
      });
    }
    return results;
  });

  async function settledProjects(): Promise<BotProject[]> {
    await context.settled();
    return context.workspace.projects();
  }

  /** The project of a file or folder URI (a project's own folder, or any folder or file inside it); else the first. */
  async function projectOf(uri: string | undefined): Promise<BotProject | undefined> {
    await context.settled();
    const projects = context.workspace.projects();
    if (!uri) return projects[0];
    const target = toPath(uri);
    if (target === undefined) throw new Error(`${uri} is not a file: URI`);
    return projects.filter((p) => target === p.root || target.startsWith(p.root + path.sep)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  async function effectiveMatch(project: BotProject): Promise<PhraseMatch> {
    return (await context.phraseMatchFor(project)) ?? project.phraseMatch;
  }
}

// ---- the simulator's runs as plain data ----------------------------------------------------------
// A run's steps make their `why` and `state` when first read, and its places read their offsets
// from the file's tree (a place's own JSON leaves out its `path`): the answer copies each into
// plain data, so that what the client gets is what the types say.

function plainRun(run: SimulationRun, title: string, handoff?: Pick<HandoffRun, 'banner' | 'exit'>): SimulatedRun {
  return {
    title,
    ...(handoff ? { banner: { ...handoff.banner, place: plainPlace(handoff.banner.place) }, exit: handoff.exit } : {}),
    inputs: run.inputs,
    steps: run.steps.map((step) => ({
      kind: step.kind,
      text: step.text,
      ...(step.input !== undefined ? { input: step.input } : {}),
      state: plainState(step.state),
      why: plainWhy(step.why),
    })),
    outcome: { ...run.outcome, why: plainWhy(run.outcome.why) },
    phraseMatch: run.phraseMatch,
    notes: run.notes,
    ...(run.stopped ? { stopped: run.stopped } : {}),
  };
}

function plainState(state: SimulationState): SimulationState {
  const { banner } = state;
  return { ...state, banner: banner.status === 'shown' ? { ...banner, place: plainPlace(banner.place) } : banner };
}

function plainWhy(why: SimulationWhy): SimulationWhy {
  return {
    text: why.text,
    places: why.places.map(plainPlace),
    findings: why.findings.map((finding) => ({ ...finding, place: plainPlace(finding.place) })),
  };
}

function plainPlace(place: SimulationPlace): SimulationPlace {
  return { file: place.file, path: place.path, offset: place.offset, length: place.length };
}
