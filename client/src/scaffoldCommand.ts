// "Handoff Kit: Add User-Initiated Disconnection": asks the few questions the guide leaves open,
// has the server plan the change, and applies it as one workspace edit (one undo).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// The engine's own validators, bundled in: a box refuses what the scaffold would refuse, in its words.
import { validateBannerTitle, validateButtonLabel, validatePhrase, type DisconnectionOptions } from '../../server/src/engine';
import { SCAFFOLD, SCAFFOLD_CONTEXT, type ProjectSummary } from '../../contract/protocol';
import { sendRequest } from './requests';
import { COMMANDS } from '../../contract/commands';

type Pick<T> = vscode.QuickPickItem & { value: T };

const TITLE = 'Add User-Initiated Disconnection';

function alreadySetUp(project: ProjectSummary): string {
  return `${project.name} already has the user-initiated disconnection: nothing to change.`;
}

/**
 * Runs the command. With `given` options (from another extension, a keybinding or a test) it asks
 * nothing that they answer; missing answers get the defaults the questions would offer.
 */
export async function addDisconnection(client: LanguageClient, target?: vscode.Uri, given?: Partial<DisconnectionOptions>): Promise<boolean> {
  const projects = await sendRequest(client, SCAFFOLD_CONTEXT, {});
  if (!projects.length) {
    const create = await vscode.window.showWarningMessage('There is no bot project (a folder with bot.json) in this workspace.', 'New Bot Project');
    if (create) await vscode.commands.executeCommand(COMMANDS.newBotProject);
    return false;
  }
  // The questions show their step ("Add User-Initiated Disconnection (3/7)"): the project (when there are several), the
  // way out, the phrase, the button's label (an Exit button only), the banner's title, the ticket journey and the event.
  const asksProject = !target && projects.length > 1;
  const project = await pickProject(projects, target, asksProject ? `${TITLE} (1/7)` : TITLE);
  if (!project) return false;
  const settings = vscode.workspace.getConfiguration('handoffKit', vscode.Uri.parse(project.uri));
  const { context } = project;
  if (given) {
    // The server fills in what is not given with the same defaults the questions offer.
    return apply(client, project, { showEvent: settings.get('scaffold.showEvent', 'ui-event-close-promotion'), ...given }, false);
  }
  // Run again on a project that has it all: say so before asking anything.
  if (context.alreadySetUp) {
    void vscode.window.showInformationMessage(alreadySetUp(project));
    return true;
  }
  let step = asksProject ? 1 : 0;
  let total = asksProject ? 7 : 6;
  const title = () => `${TITLE} (${++step}/${total})`;

  const mode = await quickPick<DisconnectionOptions['mode']>(title(), 'How does the customer leave the agent?', [
    { label: 'Exit button', description: 'the banner has a button that sends the exit phrase', value: 'button' },
    { label: 'Typed phrase', description: 'the banner asks the customer to type the exit phrase', value: 'typed' },
  ]);
  if (!mode) return false;
  if (mode === 'typed') total--; // no button, so no label to ask
  const phrase = await input(title(), "The exit phrase, sent as the customer's message", context.exitPhrase ?? 'talk to bot', (v) =>
    validatePhrase(v, mode),
  );
  if (phrase === undefined) return false;
  const buttonLabel = mode === 'button' ? await input(title(), "The button's label", 'Exit', validateButtonLabel) : 'Exit';
  if (buttonLabel === undefined) return false;
  const bannerTitle = await input(title(), "The banner's title", 'Do you want to exit from chat?', validateBannerTitle);
  if (bannerTitle === undefined) return false;

  const journeys: Pick<DisconnectionOptions['ticketJourney']>[] = context.journeys
    .filter((j) => j.raisesTicket)
    .map((j) => ({ label: j.name, description: 'raises a ticket', value: { existing: j.name } }));
  for (const j of context.journeys.filter((j) => !j.raisesTicket)) {
    journeys.push({ label: j.name, description: 'a Raise Ticket node will be added', value: { existing: j.name } });
  }
  journeys.push({ label: '$(add) Create a journey', description: context.freeTicketJourney, value: { create: context.freeTicketJourney } });
  const ticketJourney = await quickPick(title(), 'Which journey raises the live-agent ticket?', journeys);
  if (!ticketJourney) return false;

  const defaultEvent = settings.get<DisconnectionOptions['showEvent']>('scaffold.showEvent', 'ui-event-close-promotion');
  const events: Pick<DisconnectionOptions['showEvent']>[] = (
    [
      { label: 'ui-event-close-promotion', description: 'as in the disconnection guide', value: 'ui-event-close-promotion' },
      { label: 'ui-event-update-promotion', description: 'as in the callout banner pages', value: 'ui-event-update-promotion' },
    ] as const
  )
    .map((e) => ({ ...e }))
    .sort((a) => (a.value === defaultEvent ? -1 : 1));
  const showEvent = await quickPick(title(), 'Which event shows the banner?', events);
  if (!showEvent) return false;

  return apply(client, project, { mode, phrase, buttonLabel, bannerTitle, ticketJourney, showEvent }, true);
}

/** Plans and applies; conflicts are resolved by asking when `interactive`, else reported. */
async function apply(client: LanguageClient, project: ProjectSummary, start: Partial<DisconnectionOptions>, interactive: boolean): Promise<boolean> {
  let options = start;
  for (;;) {
    const plan = await sendRequest(client, SCAFFOLD, { project: project.uri, options });
    if (plan.conflicts.length) {
      // A name already taken: offer the free one, never overwrite.
      const conflict = plan.conflicts[0];
      if (!interactive) {
        void vscode.window.showErrorMessage(`Handoff Kit: ${conflict.message}`);
        return false;
      }
      const choice = conflict.suggestion
        ? await vscode.window.showWarningMessage(conflict.message, { modal: true }, `Use ${conflict.suggestion}`)
        : await vscode.window.showErrorMessage(conflict.message, { modal: true });
      if (!choice || !conflict.suggestion) return false;
      const next = withSuggestion(options, conflict, conflict.suggestion);
      if (!next) {
        void vscode.window.showErrorMessage(conflict.message);
        return false;
      }
      options = next;
      continue;
    }
    if (!plan.steps.length) {
      void vscode.window.showInformationMessage(alreadySetUp(project));
      return true;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(plan.edit);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage('The disconnection journey could not be added: VS Code refused the edit.');
      return false;
    }
    await saveAndShow(edit);
    void vscode.window.showInformationMessage(`Added to ${project.name}: ${plan.steps.join('; ')}.`);
    return true;
  }
}

/** The options with the conflict's suggestion taken, or undefined when it names no option. */
function withSuggestion(
  options: Partial<DisconnectionOptions>,
  conflict: { field?: string },
  suggestion: string,
): Partial<DisconnectionOptions> | undefined {
  switch (conflict.field) {
    case 'exitJourney':
      return { ...options, exitJourney: suggestion };
    case 'exitIntent':
      return { ...options, exitIntent: suggestion };
    case 'ticketJourney':
      return { ...options, ticketJourney: { create: suggestion } };
    case 'phrase':
      return { ...options, phrase: suggestion };
    default:
      return undefined;
  }
}

async function pickProject(projects: ProjectSummary[], target: vscode.Uri | undefined, title: string): Promise<ProjectSummary | undefined> {
  const wanted = target?.toString();
  // Projects nest: the innermost one around a file owns it, as in the engine (longest URI first).
  const innermostFirst = [...projects].sort((a, b) => b.uri.length - a.uri.length);
  const match = wanted && innermostFirst.find((p) => wanted === p.uri || wanted.startsWith(`${p.uri}/`));
  if (match) return match;
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const around = active && innermostFirst.find((p) => active.startsWith(`${p.uri}/`));
  if (projects.length === 1) return projects[0];
  return quickPick(
    title,
    'Which bot project?',
    projects
      .map((p) => ({
        label: p.name,
        description: [
          vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri)),
          ...(p.context.alreadySetUp ? ['already has the disconnection'] : []),
        ].join(' · '),
        picked: p === around,
        value: p,
      }))
      .sort((a) => (a.value === around ? -1 : 1)),
  );
}

async function quickPick<T>(title: string, placeHolder: string, items: Pick<T>[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
}

function input(title: string, prompt: string, value: string, validateInput: (v: string) => string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, validateInput, ignoreFocusOut: true });
}

/**
 * Shows each file the edit touched in an editor, then saves it, so that when the command returns
 * the project on disk is the one that was checked. Shown first: VS Code keeps the undo step of a
 * file only while it holds the file, and a saved file that nothing holds is dropped, closing its
 * document under us.
 */
async function saveAndShow(edit: vscode.WorkspaceEdit): Promise<void> {
  const uris = new Map<string, vscode.Uri>();
  for (const [uri] of edit.entries()) uris.set(uri.toString(), uri);
  const editors: vscode.TextEditor[] = [];
  for (const uri of uris.values()) editors.push(await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true }));
  for (const { document } of editors) {
    // Saved whatever isDirty says (saving a clean document does nothing). save() answers false
    // while another save of the file is under way (auto save, on in code-server, fires a second
    // after the edit): the file is on disk once that one ends, a moment later.
    if (!(await document.save()) && document.isDirty) await nextSave(document, 3000);
  }
}

/**
 * Resolves when `document` is next saved, or after `ms` milliseconds: a save that fails leaves
 * the file dirty, as its editor then shows.
 */
function nextSave(document: vscode.TextDocument, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const listener = vscode.workspace.onDidSaveTextDocument((saved) => {
      if (saved.uri.toString() === document.uri.toString()) done();
    });
    const timer = setTimeout(done, ms);
  });
}
