// The simulator panel's HTML: the chat as the customer sees it (the banner drawn as the banner
// preview draws it, its options buttons to click), every transcript line with its why, the
// controls for the ticket and events, and the state after the last step. Pure (no vscode), so it
// runs and is tested under plain Node; the page's script (client/webview/simulator.ts) only
// forwards clicks and forms to the panel and puts this HTML in place.
import {
  describeInput,
  hasTemplate,
  TICKET_OUTCOMES,
  type BannerState,
  type ShownBanner,
  type ShownOption,
  type SimulationPlace,
  type SimulationState,
  type SimulationStep,
  type SimulationWhy,
  type TicketOutcome,
  type TicketStatus,
} from '../../../server/src/engine';
import type { ProjectSimulation, SimulatedRun } from '../../../contract/protocol';
import {
  CHAT_WIDGET_STYLE,
  imageBannerHtml,
  pillHtml,
  placeholderBannerHtml,
  positionBadge,
  textBannerHtml,
  WIDGET_HEADER,
  type PillKind,
} from '../webview/chatWidget';
import { BASE_STYLE, contentSecurityPolicy, escapeHtml, templateCode, templateText, withCode } from '../webview/markup';

export interface DocumentOptions {
  /** The webview's `cspSource`: where it may load styles and images from. */
  readonly cspSource: string;
  /** A fresh random value for each document; allows the one style sheet and the one script. */
  readonly nonce: string;
  /** The page's script (client/webview/simulator.ts, bundled), as a webview URI. */
  readonly scriptUri: string;
  readonly title: string;
}

/** The page: the style, an empty `#app` that the script fills with what `renderSimulator` returns, and the script. */
export function renderSimulatorDocument(options: DocumentOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = contentSecurityPolicy({ cspSource: options.cspSource, nonce: options.nonce, scripts: true });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${BASE_STYLE}${CHAT_WIDGET_STYLE}${SIMULATOR_STYLE}</style>
</head>
<body>
<main id="app" aria-busy="true"><p class="hint">Running the simulation…</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** What the panel shows. */
export interface SimulatorView {
  /** The answer with the run shown (its first run); undefined before the first answer or without a project. */
  readonly simulation?: ProjectSimulation;
  /** The handoff path the panel was opened on (the command, a code lens): its runs, and the one whose inputs are loaded. */
  readonly handoff?: { readonly title: string; readonly runs: readonly SimulatedRun[]; readonly notes: readonly string[]; readonly loaded?: number };
  /** The files changed since the run was made: the panel offers to replay its inputs. */
  readonly stale?: boolean;
  /** Said above everything: why there is nothing to show, or what failed. */
  readonly message?: string;
}

/** The content of `#app`. */
export function renderSimulator(view: SimulatorView): string {
  const message = view.message ? `<p class="message" role="alert">${withCode(view.message)}</p>` : '';
  const simulation = view.simulation;
  const run = simulation?.runs[0];
  if (!simulation || !run) return `<h1>Simulate handoff</h1>${message || '<p class="hint">Running the simulation…</p>'}`;
  const last = run.steps[run.steps.length - 1];
  return `${toolbarOf(simulation, run)}
${message}
${view.stale ? staleNotice(run) : ''}
${view.handoff ? handoffOf(view.handoff) : ''}
<div class="columns">
<section class="widget simulator" aria-label="The chat as the customer sees it">
  ${WIDGET_HEADER}
  <div class="transcript" id="transcript" role="log" aria-label="Transcript: each line opens to say why">${transcriptOf(run)}</div>
  ${bannerOf(last.state.banner)}
  <form class="composer" data-form="say" autocomplete="off">
    <input id="say" name="value" aria-label="What the customer types" placeholder="Type a message…">
    <button class="send" id="send" aria-label="Send">➤</button>
  </form>
</section>
<aside class="side">
  ${controlsOf(simulation)}
  ${stateOf(last.state, run)}
  ${notesOf(view.handoff?.notes ?? simulation.notes)}
</aside>
</div>`;
}

// ---- the toolbar, the notices ---------------------------------------------------------------------

function toolbarOf(simulation: ProjectSimulation, run: SimulatedRun): string {
  const journeys = simulation.journeys.map((name) => `<option value="${escapeHtml(name)}">${escapeHtml(name)}</option>`).join('');
  const none = run.inputs.length === 0;
  return `<header class="toolbar">
  <h1>Simulate handoff: ${escapeHtml(simulation.name)}</h1>
  <div class="tools" role="toolbar" aria-label="The run">
    <button id="back" class="secondary" data-action="back"${none ? ' disabled' : ''} title="Run again without the last input">Step back</button>
    <button id="restart" class="secondary" data-action="restart"${none ? ' disabled' : ''} title="Clear the inputs">Restart</button>
    <button id="show-graph" class="secondary" data-action="graph"${none ? ' disabled' : ''} title="Open the journey graph with this run's path highlighted, in order">Show on graph</button>
    <button id="save-test" class="secondary" data-action="saveTest"${none ? ' disabled' : ''} title="Write the conversation so far, with the state after each input as its expectations, into a test file (tests/*.json)">Save as test</button>
    <form class="start" data-form="start">
      <label for="journey">Start from journey</label>
      <select id="journey" name="value"${journeys ? '' : ' disabled'}>${journeys}</select>
      <button id="start" class="secondary"${journeys ? '' : ' disabled'}>Start</button>
    </form>
  </div>
</header>`;
}

function staleNotice(run: SimulatedRun): string {
  const count = run.inputs.length;
  const replay = count ? ` <button id="replay" data-action="replay">Replay the ${count === 1 ? 'input' : `${count} inputs`}</button>` : '';
  return `<p class="stale" role="status">The files changed since this run; the next step reads them as they are now.${replay}</p>`;
}

function handoffOf(handoff: NonNullable<SimulatorView['handoff']>): string {
  if (!handoff.runs.length) return '';
  const items = handoff.runs
    .map((run, i) => {
      const current = i === handoff.loaded;
      const mark = run.outcome.stuck
        ? '<span class="mark stuck" aria-label="stuck">✗</span>'
        : '<span class="mark ok" aria-label="back with the bot">✓</span>';
      return `<li>${mark} <button id="run-${i}" class="link${current ? ' current' : ''}" data-action="run" data-index="${i}"${current ? ' aria-current="true"' : ''}>${escapeHtml(run.title)}</button> <span class="summary">${withCode(run.outcome.summary)}</span></li>`;
    })
    .join('');
  return `<section class="handoff" aria-label="${escapeHtml(handoff.title)}"><h2>${escapeHtml(handoff.title)}</h2><ul>${items}</ul></section>`;
}

function notesOf(notes: readonly string[]): string {
  if (!notes.length) return '';
  return `<section class="notes"><h2>Notes</h2>${notes.map((note) => `<p>${withCode(note)}</p>`).join('')}</section>`;
}

// ---- the transcript -----------------------------------------------------------------------------

const SPEAKERS: Partial<Record<SimulationStep['kind'], string>> = { customer: 'Customer', bot: 'Bot', agent: 'To the agent' };

function transcriptOf(run: SimulatedRun): string {
  if (run.steps.length <= 1 && !run.inputs.length) {
    return '<p class="hint">Start a journey, or type what the customer says.</p>';
  }
  return run.steps.map((step, i) => lineOf(step, i, run)).join('\n');
}

/** One line of the transcript: a chat bubble (customer, bot, agent) or a notice, with its why inside. */
function lineOf(step: SimulationStep, index: number, run: SimulatedRun): string {
  const speaker = SPEAKERS[step.kind];
  let summary: string;
  let className: string;
  if (speaker) {
    className = `bubble kind-${step.kind}`;
    const text = step.text ? templateText(step.text) : '<em>(no text)</em>';
    summary = `<span class="speaker">${speaker}</span> <span class="text">${text}</span>`;
  } else if (step.kind === 'end') {
    className = `notice kind-end ${run.outcome.stuck ? 'stuck' : 'ok'}`;
    summary = `<span class="text">${run.outcome.stuck ? '✗' : '✓'} ${withCode(step.text)}</span>`;
  } else {
    className = `notice kind-${step.kind}`;
    summary = `<span class="kind">${step.kind}</span> <span class="text">${withCode(step.text)}</span>`;
  }
  return `<details class="step ${className}" data-key="step-${index}"><summary id="step-${index}" title="Why?">${summary}</summary>${whyOf(step.why)}</details>`;
}

/**
 * Why a step happened: its sentence, with each file it names (`(journeys/x.json)`) a link to the
 * place it rests on there (the places come in the order the sentence names them), then every
 * place and the findings of the checks that explain it.
 */
export function whyOf(why: SimulationWhy): string {
  const places = why.places.length ? `<p class="places">At ${why.places.map((place) => placeLink(place, place.file)).join(', ')}</p>` : '';
  const findings = why.findings.length
    ? `<ul class="findings">${why.findings
        .map(
          (f) =>
            `<li class="${escapeHtml(f.severity)}"><code>${escapeHtml(f.code)}</code> ${withCode(f.message)} ${placeLink(f.place, f.place.file)}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<div class="why"><p>${linkedText(why.text, why.places)}</p>${places}${findings}</div>`;
}

/** The sentence as HTML, each mention of a place's file (in order) a link to that place. */
function linkedText(text: string, places: readonly SimulationPlace[]): string {
  let html = withCode(text);
  let from = 0;
  for (const place of places) {
    const mention = escapeHtml(place.file);
    const at = html.indexOf(mention, from);
    if (at < 0 || insideTag(html, at)) continue;
    const link = placeLink(place, place.file);
    html = html.slice(0, at) + link + html.slice(at + mention.length);
    from = at + link.length;
  }
  return html;
}

/** Whether `at` is inside a tag's `<…>` (where a link must not go). */
function insideTag(html: string, at: number): boolean {
  return html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
}

/** A button that opens `place` in its file (the panel turns the offset into a position through the document). */
export function placeLink(place: SimulationPlace, label: string): string {
  return `<button class="place link" data-action="open" data-path="${escapeHtml(place.path)}" data-offset="${place.offset}" data-length="${place.length}" title="Open ${escapeHtml(place.file)} at this place">${escapeHtml(label)}</button>`;
}

// ---- the banner ---------------------------------------------------------------------------------

/** The banner on screen above the chat input, as the preview draws it, its options buttons; nothing when none is shown. */
export function bannerOf(banner: BannerState): string {
  if (banner.status !== 'shown') return '';
  let cards: string;
  if (banner.shape === 'template') {
    const template = typeof banner.payload === 'string' ? templateCode(banner.payload) : 'a template';
    cards = placeholderBannerHtml(`The whole banner is ${template}, filled in on the platform when the event is sent: nothing to click here.`);
  } else if (!banner.banners.length) {
    cards = placeholderBannerHtml('Nothing to show: the payload holds no banner.');
  } else {
    const count = banner.banners.length;
    cards = banner.banners.map((shown, i) => bannerCard(shown, i, count)).join('\n    ');
  }
  return `<div class="callout" aria-label="The banner">
    ${cards}
  </div>`;
}

function bannerCard(banner: ShownBanner, index: number, count: number): string {
  const badge = count > 1 ? positionBadge(`${index + 1} / ${count}`) : '';
  if (banner.kind === 'image') {
    return imageBannerHtml(badge, '<div class="image-placeholder">An image banner: the simulator follows none of its links</div>');
  }
  const title =
    banner.title === undefined
      ? '<em class="missing">no title</em>'
      : hasTemplate(banner.title)
        ? `${templateText(banner.title)} <span class="filled">(filled in when sent)</span>`
        : escapeHtml(banner.title);
  return textBannerHtml({ badge, titleHtml: title, pills: banner.options.map((option, i) => optionButton(option, index, i)) });
}

function optionButton(option: ShownOption, banner: number, index: number): string {
  const label = option.title !== undefined ? escapeHtml(option.title) : '<em>no label</em>';
  const kind: PillKind =
    option.text !== undefined ? (hasTemplate(option.text) ? 'template' : 'text') : option.url !== undefined ? 'link' : 'unmatched';
  const what = option.text !== undefined ? `sends ${option.text}` : option.url !== undefined ? `opens ${option.url}` : 'does nothing';
  const attributes = `id="option-${banner}-${index}" data-action="click" data-title="${escapeHtml(option.title ?? '')}" data-banner="${banner}" data-option="${index}" title="${escapeHtml(what)}"`;
  return pillHtml(label, kind, attributes);
}

// ---- the controls and the state ----------------------------------------------------------------

const OUTCOME_LABELS: Record<TicketOutcome, string> = {
  agentConnected: 'Agent connects',
  agentsUnavailable: 'No agent available',
  ticketClosed: 'Ticket closed',
  error: 'Ticket error',
};

function controlsOf(simulation: ProjectSimulation): string {
  const outcomes = TICKET_OUTCOMES.map(
    (outcome) =>
      `<button id="ticket-${outcome}" class="secondary" data-action="ticket" data-outcome="${outcome}" title="The ticket takes the outcome ${outcome}">${OUTCOME_LABELS[outcome]}</button>`,
  ).join('');
  const events = simulation.events.map((name) => `<option value="${escapeHtml(name)}"></option>`).join('');
  return `<section class="controls" aria-label="What happens next">
  <h2>Ticket</h2>
  <div class="outcomes" role="group" aria-label="The ticket's outcome">${outcomes}</div>
  <h2>Event</h2>
  <form class="event" data-form="event" autocomplete="off">
    <input id="event" name="value" list="events" aria-label="The event to fire" placeholder="ticket-closed, ym_closed_promotion…">
    <datalist id="events">${events}</datalist>
    <button id="fire" class="secondary">Fire</button>
  </form>
</section>`;
}

const TICKETS: Record<TicketStatus, string> = {
  none: 'none',
  raised: 'raised, waiting for an agent',
  agentConnected: 'an agent holds the chat',
  closed: 'closed',
};

/** The state pane: where the bot is, the ticket, the banner, the variables, the events sent, and the inputs so far. */
export function stateOf(state: SimulationState, run: SimulatedRun): string {
  const where =
    state.journey === undefined
      ? '<span class="missing">none running</span>'
      : `<code>${escapeHtml(state.journey)}</code>${state.node !== undefined ? ` › node <code>${escapeHtml(state.node)}</code>` : ''}${state.waitingFor === 'ticket' ? ', waiting for the ticket' : ''}`;
  const variables = Object.entries(state.variables);
  const rows = [
    ['Chat with', state.with === 'agent' ? 'the agent' : 'the bot'],
    ['Journey', where],
    ['Ticket', escapeHtml(TICKETS[state.ticket])],
    ['Banner', bannerState(state.banner)],
    [
      'Variables',
      variables.length
        ? variables.map(([name, value]) => `<code>${escapeHtml(name)}</code> = ${escapeHtml(value)}`).join('<br>')
        : '<span class="missing">none</span>',
    ],
  ];
  const events = state.events.length
    ? `<ol class="events">${state.events
        .map(
          (e) =>
            `<li><code>${escapeHtml(e.name)}</code> ${e.by === 'bot' ? 'sent by the bot' : 'fired as an input'}${e.fired ? '' : ' <span class="warn-mark">(did not fire)</span>'}${e.data !== undefined ? ' with data' : ''}</li>`,
        )
        .join('')}</ol>`
    : '<p class="missing">none</p>';
  const inputs = run.inputs.length
    ? `<ol class="inputs">${run.inputs.map((input) => `<li>${escapeHtml(describeInput(input))}</li>`).join('')}</ol>`
    : '<p class="missing">none</p>';
  return `<section class="state" aria-label="The state after the last step">
  <h2>State</h2>
  <table>${rows.map(([name, value]) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`).join('')}</table>
  <h3>Events sent</h3>${events}
  <h3>Inputs</h3>${inputs}
</section>`;
}

function bannerState(banner: BannerState): string {
  if (banner.status === 'none') return '<span class="missing">none shown</span>';
  if (banner.status === 'hidden') return 'hidden';
  const title = banner.title !== undefined ? ` ${escapeHtml(JSON.stringify(banner.title))}` : '';
  const from = banner.node !== undefined ? `node ${banner.node} of ${banner.journey ?? banner.place.file}` : banner.place.file;
  return `shown${title}, sent by ${placeLink(banner.place, from)} with <code>${escapeHtml(banner.event)}</code>`;
}

// Colours come from the editor's theme; the fallbacks only matter outside VS Code.
const SIMULATOR_STYLE = `
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin-bottom: 10px; }
.toolbar h1 { margin: 0; }
.tools, .start, .outcomes, .event { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
button, select, input { font-family: inherit; font-size: inherit; }
button {
  padding: 3px 10px; border-radius: 2px; cursor: pointer;
  border: 1px solid var(--vscode-button-border, transparent);
  background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff);
}
button:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
button.secondary { background: var(--vscode-button-secondaryBackground, #3a3d41); color: var(--vscode-button-secondaryForeground, #fff); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground, #45494e); }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 1px;
}
button.link {
  background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground, #3794ff); text-decoration: underline; text-underline-offset: 2px;
}
button.link:hover { background: none; color: var(--vscode-textLink-activeForeground, #3794ff); }
button.link.current { font-weight: 600; }
select, input {
  padding: 3px 6px; border-radius: 2px;
  background: var(--vscode-input-background, #3c3c3c); color: var(--vscode-input-foreground, #ccc);
  border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, #454545));
}
select { background: var(--vscode-dropdown-background, #3c3c3c); color: var(--vscode-dropdown-foreground, #ccc); }
.message, .stale {
  border: 1px solid var(--vscode-inputValidation-warningBorder, #b89500);
  background: var(--vscode-inputValidation-warningBackground, rgba(184,149,0,.1));
  border-radius: 4px; padding: 6px 10px; margin: 0 0 10px;
}
.stale { border-color: var(--vscode-inputValidation-infoBorder, #007acc); background: var(--vscode-inputValidation-infoBackground, rgba(0,122,204,.1)); }
.hint, .missing, .summary, .notes, .filled { color: var(--vscode-descriptionForeground, #999); }
.handoff ul { list-style: none; padding: 0; margin: 4px 0 12px; }
.handoff li { margin: 2px 0; }
.mark.ok { color: var(--vscode-testing-iconPassed, #73c991); }
.mark.stuck { color: var(--vscode-testing-iconFailed, #f14c4c); }
.columns { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.widget.simulator { flex: 1 1 340px; max-width: 460px; }
.side { flex: 1 1 260px; min-width: 0; }
.side > section:first-child > h2:first-child { margin-top: 0; }
.transcript { display: flex; flex-direction: column; gap: 6px; padding: 10px 12px; max-height: 60vh; overflow-y: auto; }
.transcript .hint { margin: 8px 0; }
details.step > summary { list-style: none; cursor: pointer; }
details.step > summary::-webkit-details-marker { display: none; }
.bubble { max-width: 85%; padding: 6px 10px; border-radius: 12px; overflow-wrap: anywhere; }
.bubble.kind-bot { align-self: flex-start; background: var(--vscode-input-background, #3c3c3c); border-bottom-left-radius: 3px; }
.bubble.kind-customer, .bubble.kind-agent {
  align-self: flex-end; border-bottom-right-radius: 3px;
  background: var(--vscode-button-background, #0e639c); color: var(--vscode-button-foreground, #fff);
}
.bubble.kind-agent { background: var(--vscode-button-secondaryBackground, #3a3d41); color: var(--vscode-button-secondaryForeground, #fff); }
.speaker { display: block; font-size: 0.8em; opacity: .8; }
.notice { align-self: center; max-width: 95%; font-size: 0.9em; text-align: center; color: var(--vscode-descriptionForeground, #999); }
.notice .kind { font-variant: small-caps; opacity: .8; }
.notice.kind-error, .notice.kind-stop { color: var(--vscode-editorWarning-foreground, #cca700); }
.notice.kind-end { font-weight: 600; margin-top: 4px; }
.notice.kind-end.ok { color: var(--vscode-testing-iconPassed, #73c991); }
.notice.kind-end.stuck { color: var(--vscode-testing-iconFailed, #f14c4c); }
.why {
  margin: 6px 0 2px; padding: 6px 8px; border-radius: 6px; text-align: left; font-size: 0.92em; font-weight: normal;
  background: var(--vscode-editor-background, #1e1e1e); color: var(--vscode-editor-foreground, #ccc);
  border: 1px solid var(--vscode-widget-border, var(--vscode-editorWidget-border, #454545));
}
.why p { margin: 0 0 4px; }
.why .places { color: var(--vscode-descriptionForeground, #999); }
.findings { margin: 4px 0 0; padding-left: 18px; }
.findings li.error::marker { color: var(--vscode-editorError-foreground, #f14c4c); }
.findings li.warning::marker { color: var(--vscode-editorWarning-foreground, #cca700); }
.composer input { flex: 1; border: none; background: transparent; padding: 2px 0; color: var(--vscode-input-foreground, #ccc); }
.composer input:focus-visible { outline: none; }
.composer:focus-within { border-color: var(--vscode-focusBorder, #007fd4); }
.composer .send { background: none; border: none; padding: 0 0 0 8px; font-size: 1.1em; }
.state table { border-collapse: collapse; }
.state th { text-align: left; font-weight: normal; padding: 2px 12px 2px 0; vertical-align: top; color: var(--vscode-descriptionForeground, #999); }
.state td { padding: 2px 0; }
.state ol { margin: 4px 0; padding-left: 22px; }
.notes p { font-size: 0.9em; margin: 4px 0; }
`;
