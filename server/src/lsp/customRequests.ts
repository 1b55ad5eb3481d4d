// The extension's own requests: the scaffold's questions and plan, and the banner preview.
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { BotFile, BotProject, BotWorkspace } from '../engine';
import type { PhraseMatch } from '../engine';
import {
  bannerPreviewAt,
  disconnectionContext,
  GRAPH_VIEWS,
  journeyGraph,
  planDisconnection,
  type CheckOptions,
  type FileChange,
  type GraphWalk,
} from '../engine';
import {
  ADD_UTTERANCE,
  INTENTS_TO_TRAIN,
  type AddUtteranceParams,
  type AddUtteranceResult,
  type IntentsToTrainParams,
  type IntentsToTrainResult,
} from '../protocol';
import { addUtteranceFix, intentsToTrain, studioSheet, utteranceTestCsv, utteranceTestRows } from '../engine';
import {
  STUDIO_SHEET,
  UTTERANCE_TESTS,
  type StudioSheetParams,
  type StudioSheetResult,
  type UtteranceTestsParams,
  type UtteranceTestsResult,
} from '../protocol';
import { JOURNEY_GRAPH, type JourneyGraphParams, type JourneyGraphResult } from '../protocol';
import {
  BANNER_PREVIEW,
  SCAFFOLD,
  SCAFFOLD_CONTEXT,
  type BannerPreviewParams,
  type BannerPreviewResult,
  type ScaffoldContextResult,
  type ScaffoldParams,
  type ScaffoldResult,
} from '../protocol';
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
  /** The options the project's diagnostics are computed with, so the graph shows the findings the Problems view does. */
  checkOptionsFor?(project: BotProject): Promise<CheckOptions>;
}

export function registerCustomRequests(connection: Connection, context: RequestContext): void {
  connection.onRequest(SCAFFOLD_CONTEXT, async (): Promise<ScaffoldContextResult> => {
    await context.settled();
    return Promise.all(
      context.workspace.projects().map(async (project) => ({
        uri: pathToFileURL(project.root).href,
        name: project.config.name?.value ?? path.basename(project.root),
        context: disconnectionContext(project, await effectiveMatch(project)),
      })),
    );
  });

  connection.onRequest(SCAFFOLD, async (params: ScaffoldParams): Promise<ScaffoldResult> => {
    await context.settled();
    const project = context.workspace.project(fileURLToPath(params.project));
    if (!project) throw new Error(`${params.project} is not a bot project of this workspace`);
    const plan = planDisconnection(project, { ...params.options, phraseMatch: await effectiveMatch(project) });
    if (!(await context.mayApply(project, plan.edit.changes))) {
      throw new Error('the scaffold would write a file outside the workspace folders, or one changed on disk since it was read; try again');
    }
    return { edit: workspaceEditOf(project, plan.edit.changes, context), steps: plan.steps, conflicts: plan.conflicts };
  });

  connection.onRequest(BANNER_PREVIEW, async (params: BannerPreviewParams): Promise<BannerPreviewResult> => {
    const found = await context.fileOf(params.uri);
    return (found && bannerPreviewAt(found.project, found.file, params.offset, await context.phraseMatchFor(found.project))) ?? null;
  });

  connection.onRequest(INTENTS_TO_TRAIN, async (params: IntentsToTrainParams): Promise<IntentsToTrainResult> => {
    const found = await context.fileOf(params.uri);
    return found ? intentsToTrain(found.project).map(({ name, file }) => ({ name, uri: context.uriOf(file.path) })) : [];
  });

  connection.onRequest(ADD_UTTERANCE, async (params: AddUtteranceParams): Promise<AddUtteranceResult> => {
    const found = await context.fileOf(params.uri);
    const target = found && intentsToTrain(found.project).find((i) => i.name === params.intent);
    const fix = target && addUtteranceFix(target.file, target.name, params.phrase);
    return found && fix ? workspaceEditOf(found.project, fix.changes, context) : null;
  });

  connection.onRequest(UTTERANCE_TESTS, async (params: UtteranceTestsParams): Promise<UtteranceTestsResult> => {
    const project = await projectOf(params.uri);
    if (!project) return null;
    const rows = utteranceTestRows(project, { all: params.all });
    return { project: pathToFileURL(project.root).href, csv: utteranceTestCsv(rows).join(''), rows: rows.length };
  });

  connection.onRequest(STUDIO_SHEET, async (params: StudioSheetParams): Promise<StudioSheetResult> => {
    const project = await projectOf(params.uri);
    return project ? { project: pathToFileURL(project.root).href, markdown: studioSheet(project) } : null;
  });

  connection.onRequest(JOURNEY_GRAPH, async (params: JourneyGraphParams | undefined): Promise<JourneyGraphResult> => {
    // Whatever the client sends: what is not of the expected type is left out.
    const p = (typeof params === 'object' && params) || {};
    const project = await projectOf(typeof p.uri === 'string' ? p.uri : undefined);
    if (!project) return null;
    const checkOptions = (await context.checkOptionsFor?.(project)) ?? {};
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

  /** The project of a file or folder URI (a project's own folder, or any folder or file inside it); else the first. */
  async function projectOf(uri: string | undefined): Promise<BotProject | undefined> {
    await context.settled();
    const projects = context.workspace.projects();
    if (!uri) return projects[0];
    const target = fileURLToPath(uri);
    return projects.filter((p) => target === p.root || target.startsWith(p.root + path.sep)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  async function effectiveMatch(project: BotProject): Promise<PhraseMatch> {
    return (await context.phraseMatchFor(project)) ?? project.phraseMatch;
  }
}
