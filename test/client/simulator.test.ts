// The simulator panel's HTML, under plain Node: the document's content security policy, the chat
// with the banner drawn as the preview draws it and its options buttons, each line's why with its
// places, the controls, the state pane, and the notices.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ProjectSimulation, SimulatedRun } from '../../contract/protocol';
import { bannerOf, renderSimulator, renderSimulatorDocument, whyOf } from '../../client/src/simulator/render';
import { BotWorkspace, describeInput, eventsToFire, nodeFileSystem, simulate, type BotProject, type SimulationInput } from '../../server/src/engine';
import { exampleProject } from '../paths';

const toExit: SimulationInput[] = [
  { kind: 'startJourney', journey: 'live-agent' },
  { kind: 'ticket', outcome: 'agentConnected' },
];

let project: BotProject;

/** The panel's answer for `inputs` over the support-bot example, as the server gives it. */
function simulation(inputs: SimulationInput[]): ProjectSimulation {
  const run = simulate(project, inputs);
  const titled: SimulatedRun = { ...run, title: inputs.map(describeInput).join(', ') };
  return {
    project: 'file:///bots/support-bot',
    name: 'support-bot',
    journeys: ['billing-agent', 'live-agent', 'return-to-bot'],
    events: eventsToFire(project),
    runs: [titled],
    notes: run.notes,
  };
}

/** The text of the HTML without its tags, to assert on what the reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<\/?(?:p|h\d|li|ul|ol|div|section|table|tr|th|td|details|summary|form|header|aside|datalist|option)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('simulator panel HTML', () => {
  before(async () => {
    project = await new BotWorkspace(nodeFileSystem).loadProject(exampleProject);
  });

  it('is a document whose policy allows only its nonce: one style sheet, one script of its own, nothing remote', () => {
    const html = renderSimulatorDocument({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      nonce: 'bm9uY2Ux',
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/client/simulatorView.js',
      title: 'Simulate Handoff',
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(
      csp,
      "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-bm9uY2Ux'; img-src https://file+.vscode-resource.vscode-cdn.net data:; script-src 'nonce-bm9uY2Ux'",
    );
    assert.deepEqual(html.match(/<script[^>]*>/g), [
      '<script nonce="bm9uY2Ux" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/client/simulatorView.js">',
    ]);
    assert.deepEqual(html.match(/<style[^>]*>/g), ['<style nonce="bm9uY2Ux">']);
    assert.doesNotMatch(html, /\bon[a-z]+=|http:|style="/);
    assert.match(html, /<main id="app"/);
    assert.match(html, /var\(--vscode-editor-background/);
  });

  it('draws the chat up to the banner, with its options as buttons that click them', () => {
    const html = renderSimulator({ simulation: simulation(toExit) });
    const text = visibleText(html);
    assert.match(text, /Bot Connecting you to one of our agents\./);
    assert.match(text, /an agent takes ticket ticket-1: the customer is with the agent/);
    // The banner as the preview draws it: its card, its title and its pill, a button here.
    assert.match(html, /<div class="callout"[^>]*>\s*<div class="banner"><p class="banner-title">Do you want to exit from chat\?<\/p>/);
    assert.match(
      html,
      /<button type="button" class="pill" id="option-0-0" data-action="click" data-title="Exit" data-banner="0" data-option="0" title="sends talk to bot">Exit<\/button>/,
    );
    // The chat input: Enter sends the form.
    assert.match(html, /<form class="composer" data-form="say"[^>]*>\s*<input id="say" name="value"/);
  });

  it('after the click: the exit journey says its message, the banner is gone, and the verdict is back with the bot', () => {
    const html = renderSimulator({ simulation: simulation([...toExit, { kind: 'click', title: 'Exit' }]) });
    const text = visibleText(html);
    assert.match(text, /Customer talk to bot/);
    assert.match(text, /Bot You are back with the bot\. How can I help\?/);
    assert.match(text, /✓ back with the bot: banner hidden, ticket closed/);
    assert.doesNotMatch(html, /class="callout"|class="banner"/);
    // A change of the banner is a line of the transcript, not a banner card.
    assert.match(
      html,
      /<details class="step notice kind-banner" data-key="step-\d+"><summary id="step-\d+" title="Why\?"><span class="kind">banner<\/span> <span class="text">banner hidden<\/span>/,
    );
    assert.match(text, /Banner hidden/);
  });

  it("expands every line to its why, each file it names a link to the place, and the checks' findings", () => {
    const html = renderSimulator({ simulation: simulation([...toExit, { kind: 'click', title: 'Exit' }]) });
    const lines = html.match(/<details class="step [^"]*" data-key="step-\d+">/g) ?? [];
    const run = simulation([...toExit, { kind: 'click', title: 'Exit' }]).runs[0];
    assert.equal(lines.length, run.steps.length);
    const exit = run.steps.find((s) => s.kind === 'journey' && s.text === 'journey `return-to-bot` starts')!;
    const why = whyOf(exit.why);
    const [utterance, journey] = exit.why.places;
    assert.ok(why.includes(`data-path="${utterance.path}" data-offset="${utterance.offset}" data-length="${utterance.length}"`));
    // `(intents/talk_to_bot.json)` in the sentence opens the utterance, `(journeys/return-to-bot.json)` the journey.
    assert.match(
      why,
      /<p><code>talk to bot<\/code> is utterance 1 of intent <code>talk_to_bot<\/code> \(<button class="place link" data-action="open"[^>]*>intents\/talk_to_bot\.json<\/button>\)/,
    );
    assert.ok(
      why.includes(
        `data-offset="${journey.offset}" data-length="${journey.length}" title="Open journeys/return-to-bot.json at this place">journeys/return-to-bot.json</button>)`,
      ),
    );

    const finding = whyOf({
      text: 'At the end of the run the banner is still shown. The checks say why:',
      places: [],
      findings: [
        {
          code: 'banner-not-closed',
          severity: 'error',
          message: 'journey `return-to-bot` never closes the banner',
          place: { file: 'journeys/return-to-bot.json', path: '/bots/b/journeys/return-to-bot.json', offset: 4, length: 10 },
        },
      ],
    });
    assert.match(
      finding,
      /<li class="error"><code>banner-not-closed<\/code> journey <code>return-to-bot<\/code> never closes the banner <button class="place link"/,
    );
  });

  it('escapes what the files say, and draws a template banner and an image banner without anything to load', () => {
    const place = { file: 'journeys/j.json', path: '/b/journeys/j.json', offset: 0, length: 1 };
    const html = bannerOf({
      status: 'shown',
      event: 'ui-event-update-promotion',
      payload: {},
      shape: 'array',
      banners: [
        {
          kind: 'text',
          title: '<img src=x onerror=alert(1)> {{{variables.name}}}',
          options: [{ title: 'Go "now"', url: 'https://example.com' }, { title: 'Nothing' }],
        },
        { kind: 'image', options: [] },
      ],
      options: [],
      place,
    });
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; <code class="template">\{\{\{variables\.name\}\}\}<\/code>/);
    assert.match(html, /<span class="position">1 \/ 2<\/span>/);
    assert.match(
      html,
      /class="pill link"[^>]*data-title="Go &quot;now&quot;"[^>]*>Go &quot;now&quot; <span aria-label="opens a link">↗<\/span><\/button>/,
    );
    assert.match(html, /class="pill unmatched"[^>]*title="does nothing">/);
    assert.match(html, /An image banner/);
    const template = bannerOf({ status: 'shown', event: 'e', payload: '{{{variables.banner}}}', shape: 'template', banners: [], options: [], place });
    assert.match(template, /class="banner placeholder">The whole banner is <code class="template">\{\{\{variables\.banner\}\}\}<\/code>/);
    assert.equal(bannerOf({ status: 'hidden' }), '');
  });

  it('has the controls: step back, restart, a journey to start from, the ticket outcomes and an event to fire', () => {
    const html = renderSimulator({ simulation: simulation(toExit) });
    assert.match(html, /<button id="back" class="secondary" data-action="back"/);
    assert.match(html, /<button id="restart" class="secondary" data-action="restart"/);
    assert.match(html, /<select id="journey" name="value"><option value="billing-agent">billing-agent<\/option><option value="live-agent">/);
    for (const outcome of ['agentConnected', 'agentsUnavailable', 'ticketClosed', 'error']) {
      assert.match(html, new RegExp(`<button id="ticket-${outcome}" class="secondary" data-action="ticket" data-outcome="${outcome}"`));
    }
    assert.match(html, /<form class="event" data-form="event"[^>]*>\s*<input id="event" name="value" list="events"/);
    assert.match(html, /<option value="ym_closed_promotion"><\/option>/);
    // With no input, there is nothing to step back from.
    const empty = renderSimulator({ simulation: simulation([]) });
    assert.match(empty, /<button id="back"[^>]* disabled/);
    assert.match(visibleText(empty), /Start a journey, or type what the customer says\./);
  });

  it('shows the state after the last step: who holds the chat, journey and node, ticket, banner, variables, events, inputs', () => {
    const text = visibleText(renderSimulator({ simulation: simulation(toExit) }));
    assert.match(text, /Chat with the agent/);
    // The journey ended after the banner: none runs while the agent holds the chat.
    assert.match(text, /Journey none running/);
    assert.match(text, /Ticket an agent holds the chat/);
    assert.match(text, /Banner shown "Do you want to exit from chat\?", sent by node show-exit-banner of live-agent with ui-event-close-promotion/);
    assert.match(text, /Variables ticketId = ticket-1/);
    assert.match(text, /Events sent ui-event-close-promotion sent by the bot with data/);
    assert.match(text, /Inputs journey live-agent ticket agentConnected/);
  });

  it('offers to replay the inputs when the files changed, and lists the handoff path with its verdicts', () => {
    const shown = simulation(toExit);
    const html = renderSimulator({
      simulation: shown,
      stale: true,
      handoff: { title: 'Handoff path', runs: shown.runs, notes: ['A note'], loaded: 0 },
    });
    assert.match(
      html,
      /<p class="stale" role="status">The files changed since this run; the next step reads them as they are now\. <button id="replay" data-action="replay">Replay the 2 inputs<\/button><\/p>/,
    );
    assert.match(
      html,
      /<span class="mark stuck" aria-label="stuck">✗<\/span> <button id="run-0" class="link current" data-action="run" data-index="0" aria-current="true">journey live-agent, ticket agentConnected<\/button> <span class="summary">stuck: the banner is still shown/,
    );
    assert.match(visibleText(html), /Notes A note/);
  });

  it('without a project, says so', () => {
    const html = renderSimulator({ message: 'No bot project here: the simulator runs the project of a folder with a `bot.json`.' });
    assert.match(
      html,
      /<p class="message" role="alert">No bot project here: the simulator runs the project of a folder with a <code>bot\.json<\/code>\.<\/p>/,
    );
  });
});
