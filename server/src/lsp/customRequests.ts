// The extension's own requests: the scaffold's questions and plan, and the banner preview.
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import {
  addUtteranceFix,
  bannerPreviewAt,
  disconnectionContext,
  GRAPH_VIEWS,
  intentsToTrain,
  journeyGraph,
  planDisconnection,
  studioSheet,
  utteranceTestCsv,
  utteranceTestRows,
  type BotFile,
  type BotProject,
  type BotWorkspace,
  type CheckOptions,
  type FileChange,
  type GraphWalk,
  type PhraseMatch,
} from '../engine';
import {
  ADD_UTTERANCE,
  BANNER_PREVIEW,
  INTENTS_TO_TRAIN,
  JOURNEY_GRAPH,
  SCAFFOLD,
  SCAFFOLD_CONTEXT,
  STUDIO_SHEET,
  UTTERANCE_TESTS,
} from '../../../contract/protocol';
import { handle } from './handlers';
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
  /** The options the project's diagnostics are computed with, so the graph shows the findings the Problems view does. */
  checkOptionsFor?(project: BotProject): Promise<CheckOptions>;
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
    return (found && bannerPreviewAt(found.project, found.file, params.offset, await context.phraseMatchFor(found.project))) ?? null;
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
    const rows = utteranceTestRows(project, { all: params.all });
    return { project: toUri(project.root), csv: utteranceTestCsv(rows).join(''), rows: rows.length };
  });

  handle(connection, STUDIO_SHEET, async (params) => {
    const project = await projectOf(params.uri);
    return project ? { project: toUri(project.root), markdown: studioSheet(project) } : null;
  });

  handle(connection, JOURNEY_GRAPH, async (params) => {
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
    const target = toPath(uri);
    if (target === undefined) throw new Error(`${uri} is not a file: URI`);
    return projects.filter((p) => target === p.root || target.startsWith(p.root + path.sep)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  async function effectiveMatch(project: BotProject): Promise<PhraseMatch> {
    return (await context.phraseMatchFor(project)) ?? project.phraseMatch;
  }
}
