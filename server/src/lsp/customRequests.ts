// The extension's own requests: the scaffold's questions and plan, and the banner preview.
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import type { BotFile, BotProject, BotWorkspace } from '../engine';
import type { CheckOptions, PhraseMatch } from '../engine';
import { bannerPreviewAt, disconnectionContext, planDisconnection, type FileChange } from '../engine';
import {
  ADD_UTTERANCE,
  INTENTS_TO_TRAIN,
  type AddUtteranceParams,
  type AddUtteranceResult,
  type IntentsToTrainParams,
  type IntentsToTrainResult,
} from '../protocol';
import {
  addUtteranceFix,
  checkProject,
  exitPathErrors,
  intentsToTrain,
  relativePath,
  studioSheet,
  utteranceTestCsv,
  utteranceTestPlan,
} from '../engine';
import {
  STUDIO_SHEET,
  UTTERANCE_TESTS,
  type StudioSheetParams,
  type StudioSheetResult,
  type UtteranceTestsParams,
  type UtteranceTestsResult,
} from '../protocol';
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
  /** The options the project's diagnostics are computed with: the preview's verdicts come from the same findings. */
  checkOptionsFor(project: BotProject): Promise<CheckOptions>;
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
    if (!found) return null;
    const options = await context.checkOptionsFor(found.project);
    return bannerPreviewAt(found.project, found.file, params.offset, options.phraseMatch ?? found.project.phraseMatch, options) ?? null;
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
    // As the command line: banners whose exit path has errors are left out, and said so.
    const options = await context.checkOptionsFor(project);
    const { rows, leftOut } = utteranceTestPlan(project, {
      all: params.all,
      phraseMatch: options.phraseMatch,
      leaveOut: exitPathErrors(project, options),
    });
    const line = (file: string, offset: number) => (project.file(file)?.text ?? '').slice(0, offset).split('\n').length;
    return {
      project: pathToFileURL(project.root).href,
      csv: utteranceTestCsv(rows).join(''),
      rows: rows.length,
      leftOut: leftOut.map((b) => `${relativePath(project.root, b.file)}:${line(b.file, b.offset)} \`${b.phrase}\`: ${b.reason}`),
      errors: checkProject(project, options).filter((f) => f.severity === 'error').length,
    };
  });

  connection.onRequest(STUDIO_SHEET, async (params: StudioSheetParams): Promise<StudioSheetResult> => {
    const project = await projectOf(params.uri);
    // The sheet marks the errors the Problems panel shows.
    return project
      ? {
          project: pathToFileURL(project.root).href,
          markdown: studioSheet(project, { findings: checkProject(project, await context.checkOptionsFor(project)) }),
        }
      : null;
  });

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
